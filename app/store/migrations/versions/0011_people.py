"""People at the benches: ``people`` (name, role, badge and PIN hashes) and who is signed in at a
station (``stations.signed_in_at``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("badge_hash", sa.String(64)),
        sa.Column("pin_hash", sa.String(200)),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("name", name="uq_people_name"),
        sa.UniqueConstraint("badge_hash", name="uq_people_badge_hash"),
    )
    with op.batch_alter_table("stations") as batch:
        batch.add_column(sa.Column("signed_in_at", sa.DateTime()))


def downgrade() -> None:
    with op.batch_alter_table("stations") as batch:
        batch.drop_column("signed_in_at")
    op.drop_table("people")
