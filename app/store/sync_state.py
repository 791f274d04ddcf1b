"""Marks and cursors of the sync engine, as text by key."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.bulk import naive_utc, upsert
from app.store.models import SyncStateRow

_table = SyncStateRow.__table__


def get_state(session: Session, key: str) -> str | None:
    return session.scalar(select(_table.c.value).where(_table.c.key == key))


def set_state(session: Session, key: str, value: str, now: datetime) -> None:
    upsert(session, _table, [{"key": key, "value": value, "updated_at": naive_utc(now)}],
           keys=["key"], update=["value", "updated_at"])


def all_states(session: Session) -> dict[str, str]:
    return dict(session.execute(select(_table.c.key, _table.c.value).order_by(_table.c.key)).all())
