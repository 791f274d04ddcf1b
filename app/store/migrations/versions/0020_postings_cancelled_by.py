"""Postings keep who cancelled them (Ozon's ``cancellation_type``, as ``app.statuses.CANCELLED_BY``):
a STOP says "by the buyer" in the packer's language beside Ozon's reason, which Ozon gives in Russian.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("postings", sa.Column("cancelled_by", sa.String(16)))


def downgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.drop_column("cancelled_by")
