"""The append-only event log of the benches (evidence for disputes)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.store.bulk import naive_utc
from app.store.models import EventRow

_INSERT = insert(EventRow.__table__)  # built once: at a scan, building it costs more than the insert


def log_event(
    session: Session,
    *,
    kind: str,
    station: str,
    packer: str | None = None,
    posting_number: str | None = None,
    data: dict[str, Any] | None = None,
    now: datetime,
) -> EventRow:
    """Append one event and return it as an ORM row (its id is set on return)."""
    event = EventRow(**_values(kind, station, packer, posting_number, data, now))
    session.add(event)
    session.flush()
    return event


def append_event(
    session: Session,
    *,
    kind: str,
    station: str,
    packer: str | None = None,
    posting_number: str | None = None,
    data: dict[str, Any] | None = None,
    now: datetime,
) -> None:
    """:func:`log_event` without building an ORM object: the station's per-scan path."""
    session.execute(_INSERT, _values(kind, station, packer, posting_number, data, now))


def _values(kind, station, packer, posting_number, data, now) -> dict[str, Any]:
    return {"at": naive_utc(now), "station": station, "packer": packer, "kind": kind,
            "posting_number": posting_number, "data": dict(data or {})}


def events_for(session: Session, posting_number: str) -> list[EventRow]:
    """The posting's events, oldest first."""
    return list(session.scalars(
        select(EventRow).where(EventRow.posting_number == posting_number).order_by(EventRow.id)
    ))


def recent_events(session: Session, limit: int = 100) -> list[EventRow]:
    """The newest ``limit`` events, newest first."""
    return list(session.scalars(select(EventRow).order_by(EventRow.id.desc()).limit(limit)))
