"""Postings keep Ozon's ``scanit``, the code on the new-format label (Ozon, 2026-10).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.add_column(sa.Column("scanit", sa.String(64)))
        batch.create_index("ix_postings_scanit", ["scanit"])  # a label scan finds its posting by it


def downgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.drop_index("ix_postings_scanit")
        batch.drop_column("scanit")
