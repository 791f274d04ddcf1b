"""Products keep Ozon's link to their main photo (``primary_image``), shown in the pack view.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("products", sa.Column("primary_image", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.drop_column("primary_image")
