"""A partial index of the packable postings: the way a scan of an item finds the posting to open.

The scan's lookup went through every posting holding the product (hundreds in a large cache, each a
row read) to keep the few that are packable; the index holds only those (``app.store.models.packable``).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# as the models name it at this revision
PACKABLE = "status = 'awaiting_packaging' AND local_state IN ('in_progress', 'waiting') AND wave_id IS NULL"


def upgrade() -> None:
    op.create_index("ix_postings_packable", "postings", ["posting_number"],
                    sqlite_where=sa.text(PACKABLE), postgresql_where=sa.text(PACKABLE))


def downgrade() -> None:
    op.drop_index("ix_postings_packable", table_name="postings")
