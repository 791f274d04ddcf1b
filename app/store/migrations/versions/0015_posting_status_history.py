"""Ozon's status history of each posting as the syncs saw it (the dispute bundle's timeline).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posting_status_history",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("posting_number", sa.String(64), nullable=False),
        sa.Column("status", sa.String(64), nullable=False),
        sa.Column("substatus", sa.String(64)),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_posting_status_history_posting", "posting_status_history", ["posting_number", "id"])


def downgrade() -> None:
    op.drop_index("ix_posting_status_history_posting", table_name="posting_status_history")
    op.drop_table("posting_status_history")
