"""The append-only event log of the benches (evidence for disputes)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.store.bulk import naive_utc
from app.store.models import EventRow

_INSERT = insert(EventRow.__table__)  # built once: at a scan, building it costs more than the insert


def event_values(*, kind: str, station: str, packer: str | None = None, posting_number: str | None = None,
                 data: dict[str, Any] | None = None, now: datetime) -> dict[str, Any]:
    """One event's columns (the fields every bench event has)."""
    return {"at": naive_utc(now), "station": station, "packer": packer, "kind": kind,
            "posting_number": posting_number, "data": dict(data or {})}


def log_event(session: Session, **event: Any) -> EventRow:
    """Append one event (fields: :func:`event_values`) and return it as an ORM row, id set."""
    row = EventRow(**event_values(**event))
    session.add(row)
    session.flush()
    return row


def append_event(session: Session, **event: Any) -> None:
    """:func:`log_event` without building an ORM object: the station's per-scan path."""
    session.execute(_INSERT, event_values(**event))


def events_for(session: Session, posting_number: str) -> list[EventRow]:
    """The posting's events, oldest first."""
    return list(session.scalars(
        select(EventRow).where(EventRow.posting_number == posting_number).order_by(EventRow.id)
    ))


def recent_events(session: Session, limit: int = 100) -> list[EventRow]:
    """The newest ``limit`` events, newest first."""
    return list(session.scalars(select(EventRow).order_by(EventRow.id.desc()).limit(limit)))
