"""Marking codes reach Ozon before the ship: each posting's exemplars (``posting_marks``) and
the weight of a unit sold by weight (``packed_units.weight_g``).

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-05
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posting_marks",
        sa.Column("posting_number", sa.String(64), nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("fingerprint", sa.String(64)),
        sa.Column("accepted", sa.String(64)),
        sa.Column("ozon_status", sa.String(32)),
        sa.Column("exemplars", sa.JSON(), nullable=False),
        sa.Column("failed", sa.JSON(), nullable=False),
        sa.Column("problem", sa.Text()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["posting_number"], ["postings.posting_number"], ondelete="CASCADE",
                                name="fk_posting_marks_posting_number_postings"),
        sa.PrimaryKeyConstraint("posting_number", name="pk_posting_marks"),
    )
    with op.batch_alter_table("packed_units") as batch:
        batch.add_column(sa.Column("weight_g", sa.Float()))


def downgrade() -> None:
    with op.batch_alter_table("packed_units") as batch:
        batch.drop_column("weight_g")
    op.drop_table("posting_marks")
