"""The evidence log (hash-chained, append-only) and the clips and photos it seals.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_log",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("posting_number", sa.String(64)),
        sa.Column("station", sa.String(64)),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_evidence_log"),
        sa.UniqueConstraint("prev_hash", name="uq_evidence_log_prev_hash"),
        sa.UniqueConstraint("entry_hash", name="uq_evidence_log_entry_hash"),
    )
    op.create_index("ix_evidence_log_posting_number", "evidence_log", ["posting_number"])
    op.create_table(
        "evidence_files",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("posting_number", sa.String(64)),
        sa.Column("box_no", sa.Integer()),
        sa.Column("station", sa.String(64)),
        sa.Column("packer", sa.String(64)),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("detail", sa.Text()),
        sa.Column("sha256", sa.String(64)),
        sa.Column("size", sa.BigInteger()),
        sa.Column("duration_ms", sa.Integer()),
        sa.Column("frames", sa.Integer()),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime()),
        sa.Column("seq", sa.Integer()),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_files"),
    )
    for column in ("key", "posting_number", "state", "started_at"):
        op.create_index(f"ix_evidence_files_{column}", "evidence_files", [column])


def downgrade() -> None:
    for column in ("key", "posting_number", "state", "started_at"):
        op.drop_index(f"ix_evidence_files_{column}", table_name="evidence_files")
    op.drop_table("evidence_files")
    op.drop_index("ix_evidence_log_posting_number", table_name="evidence_log")
    op.drop_table("evidence_log")
