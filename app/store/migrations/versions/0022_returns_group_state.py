"""Returns keep Ozon's group of an rFBS return's state (``state.group_state``): Ozon names the state
itself in Russian only, so an English or Chinese packer reads the group's words
(``app.messages.return_states``).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("returns", sa.Column("group_state", sa.String(64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("returns") as batch:
        batch.drop_column("group_state")
