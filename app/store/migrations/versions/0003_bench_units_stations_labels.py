"""The bench: verified units, station state, parcel labels; packing facts on postings.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.add_column(sa.Column("packed_at", sa.DateTime()))
        batch.add_column(sa.Column("packed_by", sa.String(64)))
        batch.add_column(sa.Column("measured_weight_g", sa.Float()))
    op.create_table(
        "packed_units",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("posting_number", sa.String(64),
                  sa.ForeignKey("postings.posting_number", ondelete="CASCADE"), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.BigInteger(), nullable=False),
        sa.Column("box_no", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(128), nullable=False),
        sa.Column("mark", sa.Text()),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("packer", sa.String(64)),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("posting_number", "mark"),
    )
    op.create_index(op.f("ix_packed_units_posting_number"), "packed_units", ["posting_number"])
    op.create_index("ix_packed_units_mark", "packed_units", ["mark"])
    op.create_table(
        "stations",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("open_posting", sa.String(64)),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("box_no", sa.Integer(), nullable=False),
        sa.Column("error_code", sa.String(48)),
        sa.Column("error_data", sa.JSON(), nullable=False),
        sa.Column("packer", sa.String(64)),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "labels",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("posting_number", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("station", sa.String(64)),
        sa.Column("pdf_path", sa.Text()),
        sa.Column("pdf_page", sa.Integer(), nullable=False),
        sa.Column("printer", sa.Text()),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("not_before", sa.DateTime()),
        sa.Column("last_error", sa.Text()),
        sa.Column("error_kind", sa.String(24)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("fetched_at", sa.DateTime()),
        sa.Column("printed_at", sa.DateTime()),
        sa.UniqueConstraint("posting_number", "kind"),
    )
    op.create_index(op.f("ix_labels_posting_number"), "labels", ["posting_number"])
    op.create_index(op.f("ix_labels_state"), "labels", ["state"])
    op.create_index(op.f("ix_labels_station"), "labels", ["station"])


def downgrade() -> None:
    op.drop_table("labels")
    op.drop_table("stations")
    op.drop_index("ix_packed_units_mark", table_name="packed_units")
    op.drop_index(op.f("ix_packed_units_posting_number"), table_name="packed_units")
    op.drop_table("packed_units")
    with op.batch_alter_table("postings") as batch:
        batch.drop_column("measured_weight_g")
        batch.drop_column("packed_by")
        batch.drop_column("packed_at")
