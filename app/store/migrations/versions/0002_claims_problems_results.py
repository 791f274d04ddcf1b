"""Stations claim postings and park them with a problem; outbox rows keep Ozon's answer.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-10
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(64)))
        batch.add_column(sa.Column("claimed_at", sa.DateTime()))
        batch.add_column(sa.Column("problem", sa.Text()))
    with op.batch_alter_table("outbox") as batch:
        # existing rows get an empty answer; the server default stays (harmless, not in models)
        batch.add_column(sa.Column("result", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("result")
    with op.batch_alter_table("postings") as batch:
        batch.drop_column("problem")
        batch.drop_column("claimed_at")
        batch.drop_column("claimed_by")
