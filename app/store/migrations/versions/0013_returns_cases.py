"""Returns (FBS and rFBS, as Ozon lists them), the units scanned back at a bench, and cases.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "returns",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("scheme", sa.String(8), nullable=False),
        sa.Column("ozon_id", sa.BigInteger(), nullable=False),
        sa.Column("posting_number", sa.String(64), nullable=False),
        sa.Column("barcode", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("sku", sa.BigInteger()),
        sa.Column("offer_id", sa.String(128), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(64), nullable=False),
        sa.Column("state_name", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("rejection_reasons", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime()),
        sa.Column("changed_at", sa.DateTime()),
        sa.Column("synced_at", sa.DateTime()),
        sa.Column("local_state", sa.String(16), nullable=False),
        sa.Column("station", sa.String(64)),
        sa.Column("packer", sa.String(64)),
        sa.Column("opened_at", sa.DateTime()),
        sa.Column("closed_at", sa.DateTime()),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("error_code", sa.String(48)),
        sa.PrimaryKeyConstraint("id", name="pk_returns"),
        sa.UniqueConstraint("scheme", "ozon_id", name="uq_returns_scheme"),
    )
    op.create_index("ix_returns_posting_number", "returns", ["posting_number"])
    op.create_index("ix_returns_barcode", "returns", ["barcode"])
    op.create_index("ix_returns_station", "returns", ["station"])
    op.create_table(
        "return_units",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("barcode", sa.String(128), nullable=False),
        sa.Column("sku", sa.BigInteger()),
        sa.Column("mark", sa.Text()),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("packer", sa.String(64)),
        sa.PrimaryKeyConstraint("id", name="pk_return_units"),
    )
    op.create_index("ix_return_units_return_id", "return_units", ["return_id"])
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("posting_number", sa.String(64), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("resolution", sa.String(16)),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("attachments", sa.JSON(), nullable=False),
        sa.Column("return_id", sa.Integer()),
        sa.Column("opened_by", sa.String(64)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
    )
    op.create_index("ix_cases_posting_number", "cases", ["posting_number"])


def downgrade() -> None:
    op.drop_index("ix_cases_posting_number", table_name="cases")
    op.drop_table("cases")
    op.drop_index("ix_return_units_return_id", table_name="return_units")
    op.drop_table("return_units")
    op.drop_index("ix_returns_station", table_name="returns")
    op.drop_index("ix_returns_barcode", table_name="returns")
    op.drop_index("ix_returns_posting_number", table_name="returns")
    op.drop_table("returns")
