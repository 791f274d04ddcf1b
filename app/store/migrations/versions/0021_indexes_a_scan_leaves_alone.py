"""Two partial indexes a scan's commit no longer writes to (two pages fewer when a scan opens a posting
and counts its unit: 9 where it was 11).

- ``ix_postings_packable`` holds the postings awaiting packaging in no wave, whatever the bench's state of
  them: a claim changes ``local_state``, and SQLite rewrites an entry whose partial-index terms name a
  changed column. The lookup checks the local state on the row it reads anyway.
- ``ix_packed_units_mark`` holds the units that carry a marking code only (the duplicate check looks up a
  code, never a NULL); counting an unmarked unit adds no entry.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

# as the models name them at this revision and at the one before
AWAITING_PACKAGING = "status = 'awaiting_packaging' AND wave_id IS NULL"
PACKABLE_0019 = "status = 'awaiting_packaging' AND local_state IN ('in_progress', 'waiting') AND wave_id IS NULL"
MARKED = "mark IS NOT NULL"


def _packable(where: str) -> None:
    op.drop_index("ix_postings_packable", table_name="postings")
    op.create_index("ix_postings_packable", "postings", ["posting_number"],
                    sqlite_where=sa.text(where), postgresql_where=sa.text(where))


def _mark(where: str | None) -> None:
    op.drop_index("ix_packed_units_mark", table_name="packed_units")
    kw = {} if where is None else {"sqlite_where": sa.text(where), "postgresql_where": sa.text(where)}
    op.create_index("ix_packed_units_mark", "packed_units", ["mark"], **kw)


def upgrade() -> None:
    _packable(AWAITING_PACKAGING)
    _mark(MARKED)


def downgrade() -> None:
    _mark(None)
    _packable(PACKABLE_0019)
