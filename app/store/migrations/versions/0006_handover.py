"""The hand-over: the mode each bench is in, hand-overs and their parcels, tracking numbers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bench_modes",
        sa.Column("station", sa.String(64), primary_key=True),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("packer", sa.String(64)),
        sa.Column("delivery_method_id", sa.BigInteger(), nullable=False),
        sa.Column("delivery_method_name", sa.String(255)),
        sa.Column("departure_date", sa.Date(), nullable=False),
        sa.Column("scheme", sa.String(16), nullable=False),
        sa.Column("carrier", sa.String(32)),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime()),
        sa.Column("closed_by", sa.String(64)),
        sa.Column("forced_by", sa.String(64)),
        sa.Column("force_reason", sa.Text()),
        sa.Column("ozon", sa.JSON(), nullable=False),
        sa.Column("error_code", sa.String(48)),
        sa.Column("error_data", sa.JSON(), nullable=False),
        sa.Column("awaiting_tracking", sa.String(64)),
        sa.Column("close_step", sa.String(16)),
        sa.Column("sent_step", sa.String(16)),
        sa.Column("sent_at", sa.DateTime()),
        sa.Column("known_carriages", sa.JSON(), nullable=False),
        sa.Column("carriage_id", sa.BigInteger()),
        sa.Column("carriage_status", sa.String(24)),
        sa.Column("added_by_ozon", sa.JSON(), nullable=False),
        sa.Column("removed_by_ozon", sa.JSON(), nullable=False),
        sa.Column("close_notes", sa.JSON(), nullable=False),
        sa.Column("close_error", sa.Text()),
        sa.Column("approved_at", sa.DateTime()),
        sa.Column("act_pdf", sa.Text()),
        sa.Column("barcode_text", sa.String(64)),
        sa.Column("documents_at", sa.DateTime()),
        sa.Column("act_printed", sa.Text()),
        sa.Column("receipt_path", sa.Text()),
        sa.Column("receipt_at", sa.DateTime()),
        sa.Column("receipt_by", sa.String(64)),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_handovers_station_state", "handovers", ["station", "state"])
    op.create_index("ix_handovers_carriage_id", "handovers", ["carriage_id"])
    op.create_table(
        "handover_parcels",
        sa.Column("handover_id", sa.Integer(), sa.ForeignKey("handovers.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("posting_number", sa.String(64), primary_key=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("scanned_at", sa.DateTime()),
        sa.Column("scanned_by", sa.String(64)),
        sa.Column("note", sa.Text()),
        sa.Column("flag", sa.String(32)),
        sa.Column("flagged_at", sa.DateTime()),
        sa.Column("arbitration", sa.String(16)),
    )
    op.create_index("ix_handover_parcels_posting_number", "handover_parcels", ["posting_number"])
    op.create_table(
        "tracking_numbers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("posting_number", sa.String(64), nullable=False),
        sa.Column("tracking_number", sa.String(64), nullable=False),
        sa.Column("carrier", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("error", sa.Text()),
        sa.Column("handover_id", sa.Integer()),
        sa.Column("station", sa.String(64)),
        sa.Column("captured_by", sa.String(64)),
        sa.Column("captured_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime()),
        sa.Column("accepted_at", sa.DateTime()),
        sa.Column("delivering", sa.String(16)),
        sa.Column("delivering_at", sa.DateTime()),
        sa.UniqueConstraint("posting_number", "kind", "tracking_number",
                            name="uq_tracking_numbers_posting_number"),
    )
    op.create_index("ix_tracking_numbers_posting_number", "tracking_numbers", ["posting_number"])
    op.create_index("ix_tracking_numbers_tracking_number", "tracking_numbers", ["tracking_number"])
    op.create_index("ix_tracking_numbers_state", "tracking_numbers", ["state"])
    op.create_index("ix_tracking_numbers_handover_id", "tracking_numbers", ["handover_id"])


def downgrade() -> None:
    op.drop_table("tracking_numbers")
    op.drop_index("ix_handover_parcels_posting_number", table_name="handover_parcels")
    op.drop_table("handover_parcels")
    op.drop_index("ix_handovers_carriage_id", table_name="handovers")
    op.drop_index("ix_handovers_station_state", table_name="handovers")
    op.drop_table("handovers")
    op.drop_table("bench_modes")
