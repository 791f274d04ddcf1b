"""Postings keep when their status changed (as a sync saw it change): the Tracking tab's days in status.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # empty until a sync sees the status change: until then the Tracking tab estimates as before
    op.add_column("postings", sa.Column("status_changed_at", sa.DateTime()))


def downgrade() -> None:
    with op.batch_alter_table("postings") as batch:
        batch.drop_column("status_changed_at")
