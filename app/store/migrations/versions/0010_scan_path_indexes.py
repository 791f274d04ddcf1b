"""Indexes for the scan path: what a decision reads is covered, what it writes is indexed only
where something reads it.

- ``posting_items (sku, posting_number)`` replaces ``(sku)``: an item scan with nothing open finds
  the postings holding the product from the index alone (the table's rows are not visited).
- ``packed_units (posting_number)`` goes: the unique ``(posting_number, mark)`` serves every
  lookup by posting (and the cascade from ``postings``) as its leading column.
- ``events (kind)`` goes: nothing looks events up by kind alone (statistics and the audit read
  them by time, ``events (at)``, which stays), and every decision paid for it on insert.

Revision ID: 0010
Revises: 0005
Create Date: 2026-12-04
"""
from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_posting_items_sku_posting_number", "posting_items", ["sku", "posting_number"])
    op.drop_index("ix_posting_items_sku", table_name="posting_items")
    op.drop_index("ix_packed_units_posting_number", table_name="packed_units")
    op.drop_index("ix_events_kind", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_kind", "events", ["kind"])
    op.create_index("ix_packed_units_posting_number", "packed_units", ["posting_number"])
    op.create_index("ix_posting_items_sku", "posting_items", ["sku"])
    op.drop_index("ix_posting_items_sku_posting_number", table_name="posting_items")
