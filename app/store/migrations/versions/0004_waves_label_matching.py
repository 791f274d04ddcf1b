"""Label-first waves and verify-first shelf matching: waves, wave members, a wave flag on
postings, and when a printed Ozon label was matched to its parcel.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.add_column(sa.Column("wave_id", sa.Integer()))
    op.create_index(op.f("ix_postings_wave_id"), "postings", ["wave_id"])
    with op.batch_alter_table("labels") as batch:
        batch.add_column(sa.Column("matched_at", sa.DateTime()))
    op.create_table(
        "waves",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("delivery_method_id", sa.BigInteger()),
        sa.Column("due_by", sa.DateTime()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("shipped_at", sa.DateTime()),
    )
    op.create_table(
        "wave_postings",
        sa.Column("wave_id", sa.Integer(), sa.ForeignKey("waves.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("posting_number", sa.String(64), primary_key=True),
        sa.Column("pick_order", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("verified_at", sa.DateTime()),
    )
    op.create_index("ix_wave_postings_posting_number", "wave_postings", ["posting_number"])


def downgrade() -> None:
    op.drop_index("ix_wave_postings_posting_number", table_name="wave_postings")
    op.drop_table("wave_postings")
    op.drop_table("waves")
    with op.batch_alter_table("labels") as batch:
        batch.drop_column("matched_at")
    op.drop_index(op.f("ix_postings_wave_id"), table_name="postings")
    with op.batch_alter_table("postings") as batch:
        batch.drop_column("wave_id")
