"""Tracking numbers keep what the carrier's own tracking says of the parcel (stage, last event).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

COLUMNS = (("carrier_stage", sa.String(16)), ("carrier_status", sa.Text()), ("carrier_status_at", sa.DateTime()),
           ("carrier_checked_at", sa.DateTime()))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("tracking_numbers", sa.Column(name, kind))


def downgrade() -> None:
    with op.batch_alter_table("tracking_numbers") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
