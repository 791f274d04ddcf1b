"""Every posting, outbox command and label belongs to an Ozon account (its Client-Id).

Existing rows get "" here, which the bench fills with the single configured account when it opens
the cache (``app.store.accounts.adopt_unowned``): a migration cannot know the configuration.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("postings", "outbox", "labels"):
        op.add_column(table, sa.Column("account", sa.String(32), nullable=False, server_default=""))
    op.create_index("ix_postings_account", "postings", ["account"])


def downgrade() -> None:
    op.drop_index("ix_postings_account", table_name="postings")
    for table in ("postings", "outbox", "labels"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("account")
