"""A unit's customs numbers for a legal entity's posting: its GTD (customs declaration) and its RNPT
(batch of traceable goods), scanned or typed at the bench (``packed_units.gtd``, ``.rnpt``).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("packed_units") as batch:
        batch.add_column(sa.Column("gtd", sa.String(32)))
        batch.add_column(sa.Column("rnpt", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("packed_units") as batch:
        batch.drop_column("rnpt")
        batch.drop_column("gtd")
