"""The first cache schema: postings and their items, products, reference data, sync marks,
events and the outbox.

Revision ID: 0001
Revises:
Create Date: 2026-05-10
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "postings",
        sa.Column("posting_number", sa.String(64), nullable=False),
        sa.Column("order_id", sa.BigInteger()),
        sa.Column("order_number", sa.String(64)),
        sa.Column("status", sa.String(48), nullable=False),
        sa.Column("substatus", sa.String(64)),
        sa.Column("shipment_date", sa.DateTime()),
        sa.Column("in_process_at", sa.DateTime()),
        sa.Column("delivering_date", sa.DateTime()),
        sa.Column("delivery_method_id", sa.BigInteger()),
        sa.Column("delivery_method_name", sa.String(255)),
        sa.Column("warehouse_id", sa.BigInteger()),
        sa.Column("tpl_provider_id", sa.BigInteger()),
        sa.Column("tpl_integration_type", sa.String(32)),
        sa.Column("tracking_number", sa.String(128)),
        sa.Column("available_actions", sa.JSON(), nullable=False),
        sa.Column("requirements", sa.JSON(), nullable=False),
        sa.Column("is_multibox", sa.Boolean(), nullable=False),
        sa.Column("multi_box_qty", sa.Integer(), nullable=False),
        sa.Column("parent_posting_number", sa.String(64)),
        sa.Column("delivery_schema", sa.String(32)),
        sa.Column("is_express", sa.Boolean(), nullable=False),
        sa.Column("cancel_reason", sa.Text()),
        sa.Column("upper_barcode", sa.String(64)),
        sa.Column("lower_barcode", sa.String(64)),
        sa.Column("local_state", sa.String(16), nullable=False),
        sa.Column("synced_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("posting_number", name=op.f("pk_postings")),
    )
    for column in ("status", "shipment_date", "upper_barcode", "lower_barcode", "local_state"):
        op.create_index(op.f(f"ix_postings_{column}"), "postings", [column])

    op.create_table(
        "posting_items",
        sa.Column("posting_number", sa.String(64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.BigInteger(), nullable=False),
        sa.Column("offer_id", sa.String(128), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("price", sa.String(32)),
        sa.ForeignKeyConstraint(
            ["posting_number"], ["postings.posting_number"], ondelete="CASCADE",
            name=op.f("fk_posting_items_posting_number_postings"),
        ),
        sa.PrimaryKeyConstraint("posting_number", "line_no", name=op.f("pk_posting_items")),
    )
    op.create_index(op.f("ix_posting_items_sku"), "posting_items", ["sku"])

    op.create_table(
        "products",
        sa.Column("sku", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("product_id", sa.BigInteger()),
        sa.Column("offer_id", sa.String(128), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("weight_g", sa.Float()),
        sa.Column("height_mm", sa.Float()),
        sa.Column("width_mm", sa.Float()),
        sa.Column("depth_mm", sa.Float()),
        sa.Column("fetched_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_products")),
    )
    op.create_index(op.f("ix_products_offer_id"), "products", ["offer_id"])

    op.create_table(
        "product_barcodes",
        sa.Column("barcode", sa.String(128), nullable=False),
        sa.Column("sku", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("taught_by", sa.String(64)),
        sa.Column("created_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("barcode", "sku", name=op.f("pk_product_barcodes")),
    )
    op.create_index("ix_product_barcodes_sku", "product_barcodes", ["sku"])

    op.create_table(
        "warehouses",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("is_rfbs", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(32)),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warehouses")),
    )
    op.create_table(
        "delivery_methods",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("warehouse_id", sa.BigInteger()),
        sa.Column("provider_id", sa.BigInteger()),
        sa.Column("status", sa.String(32)),
        sa.Column("cutoff", sa.String(32)),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_methods")),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("packer", sa.String(64)),
        sa.Column("kind", sa.String(48), nullable=False),
        sa.Column("posting_number", sa.String(64)),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    for column in ("at", "kind", "posting_number"):
        op.create_index(op.f(f"ix_events_{column}"), "events", [column])

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("posting_number", sa.String(64)),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("dedupe_key", sa.String(128), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("not_before", sa.DateTime()),
        sa.Column("last_error", sa.Text()),
        sa.Column("station", sa.String(64)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbox_dedupe_key")),
    )
    for column in ("posting_number", "state"):
        op.create_index(op.f(f"ix_outbox_{column}"), "outbox", [column])


def downgrade() -> None:
    for table in (
        "outbox", "events", "sync_state", "delivery_methods", "warehouses", "product_barcodes",
        "products", "posting_items", "postings",
    ):
        op.drop_table(table)
