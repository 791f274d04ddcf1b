"""Reading and writing the evidence tables (``evidence_models``): the log's entries and the files.

The chain's rules (what is hashed, how an entry is linked) are ``app.services.evidence.chain``'s;
here: the statements. Appending takes the log's tail under a lock that holds until the commit
(SQLite: the writer's IMMEDIATE transaction; PostgreSQL: a transaction-scoped advisory lock), so
two benches of a room never write two entries after the same one.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, bindparam, func, insert, literal, select, text, update
from sqlalchemy.orm import Session

from app.store.bulk import naive_utc
from app.store.evidence_models import (
    FILE_FAILED, FILE_PRUNED, FILE_RECORDING, FILE_SEALED, EvidenceEntryRow, EvidenceFileRow,
)
from app.store.models import EventRow

_log = EvidenceEntryRow.__table__
_files = EvidenceFileRow.__table__
_events = EventRow.__table__
CHAIN_LOCK = 0x70616B64  # PostgreSQL advisory lock key of the evidence log ("pakd")
ENTRY_COLUMNS = ("seq", "at", "kind", "posting_number", "station", "payload", "payload_hash", "prev_hash",
                 "entry_hash")
FILE_COLUMNS = tuple(c.name for c in _files.columns)


def lock_tail(session: Session) -> tuple[int, str] | None:
    """The last entry's (seq, entry_hash), None for an empty log, locked for this transaction."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    row = session.execute(_TAIL).first()
    return None if row is None else (row[0], row[1])


def insert_entry(session: Session, entry: dict[str, Any]) -> None:
    session.execute(_INSERT_ENTRY, {**entry, "at": naive_utc(entry["at"])})


# built once (a clip's seal runs them on the writer lane, where a scan may wait for them to end):
# a statement built at each call is compiled at each call; one built once runs straight (app.store.direct)
_TAIL = select(_log.c.seq, _log.c.entry_hash).order_by(_log.c.seq.desc()).limit(literal(1, Integer))
_INSERT_ENTRY = insert(_log)


def entries(session: Session, *, after: int = 0, limit: int = 1000) -> list[dict[str, Any]]:
    """Entries with ``seq > after``, in order, as dicts of ``ENTRY_COLUMNS``."""
    rows = session.execute(select(*(_log.c[c] for c in ENTRY_COLUMNS)).where(_log.c.seq > after)
                           .order_by(_log.c.seq).limit(limit)).all()
    return [dict(zip(ENTRY_COLUMNS, row)) for row in rows]


def walk(session: Session, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Every entry, oldest first, read in batches."""
    after = 0
    while True:
        chunk = entries(session, after=after, limit=batch)
        yield from chunk
        if len(chunk) < batch:
            return
        after = chunk[-1]["seq"]


def entries_for(session: Session, posting_number: str) -> list[dict[str, Any]]:
    rows = session.execute(select(*(_log.c[c] for c in ENTRY_COLUMNS))
                           .where(_log.c.posting_number == posting_number).order_by(_log.c.seq)).all()
    return [dict(zip(ENTRY_COLUMNS, row)) for row in rows]


def entry(session: Session, seq: int) -> dict[str, Any] | None:
    row = session.execute(select(*(_log.c[c] for c in ENTRY_COLUMNS)).where(_log.c.seq == seq)).first()
    return None if row is None else dict(zip(ENTRY_COLUMNS, row))


# -- event records -------------------------------------------------------------------------------
EVENT_COLUMNS = ("id", "at", "station", "packer", "kind", "posting_number", "data")


def event_records(session: Session, posting_number: str, *, after_id: int = 0) -> list[dict[str, Any]]:
    """The posting's event records with ``id > after_id``, oldest first."""
    rows = session.execute(_EVENT_RECORDS, {"number": posting_number, "after": after_id}).all()
    return [dict(zip(EVENT_COLUMNS, row)) for row in rows]


_EVENT_RECORDS = (select(*(_events.c[c] for c in EVENT_COLUMNS))
                  .where(_events.c.posting_number == bindparam("number"), _events.c.id > bindparam("after"))
                  .order_by(_events.c.id))


def events_by_id(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(select(*(_events.c[c] for c in EVENT_COLUMNS))
                               .where(_events.c.id.in_(ids[start:start + 500]))).all()
        found.update({row[0]: dict(zip(EVENT_COLUMNS, row)) for row in rows})
    return found


def last_sealed_event(session: Session, posting_number: str) -> int:
    """The id of the newest event of the posting an ``events`` entry seals (0: none yet)."""
    payloads = session.execute(_SEALING_PAYLOADS, {"number": posting_number}).scalars().all()
    return max((pair[0] for payload in payloads for pair in payload.get("events", [])), default=0)


_SEALING_PAYLOADS = select(_log.c.payload).where(_log.c.posting_number == bindparam("number"),
                                                _log.c.kind == "events")


# -- files ---------------------------------------------------------------------------------------
def add_file(session: Session, **values: Any) -> int:
    values = {k: naive_utc(v) for k, v in values.items()}
    values.setdefault("state", FILE_RECORDING)
    return session.execute(insert(_files).returning(_files.c.id), values).scalar_one()


def update_file(session: Session, file_id: int, **values: Any) -> None:
    session.execute(update(_files).where(_files.c.id == file_id), {k: naive_utc(v) for k, v in values.items()})


def get_file(session: Session, file_id: int) -> dict[str, Any] | None:
    row = session.execute(select(_files).where(_files.c.id == file_id)).first()
    return None if row is None else dict(row._mapping)


def files_for(session: Session, posting_number: str) -> list[dict[str, Any]]:
    rows = session.execute(select(_files).where(_files.c.posting_number == posting_number)
                           .order_by(_files.c.started_at, _files.c.id)).all()
    return [dict(row._mapping) for row in rows]


def files_with_key(session: Session, key: str) -> list[dict[str, Any]]:
    """The files of one thing that is no posting (a hand-over: ``handover-<id>``), oldest first."""
    rows = session.execute(select(_files).where(_files.c.key == key, _files.c.posting_number.is_(None))
                           .order_by(_files.c.started_at, _files.c.id)).all()
    return [dict(row._mapping) for row in rows]


def files_in_state(session: Session, state: str, *, station: str | None = None) -> list[dict[str, Any]]:
    query = select(_files).where(_files.c.state == state)
    if station is not None:
        query = query.where(_files.c.station == station)
    return [dict(row._mapping) for row in session.execute(query.order_by(_files.c.id)).all()]


def kept_files(session: Session) -> list[dict[str, Any]]:
    """Files on disk (sealed or failed-but-kept), oldest first, with their posting's Ozon status."""
    from app.store.models import PostingRow

    p = PostingRow.__table__
    rows = session.execute(
        select(_files, p.c.status.label("posting_status"))
        .select_from(_files.outerjoin(p, p.c.posting_number == _files.c.posting_number))
        .where(_files.c.state.in_((FILE_SEALED, FILE_FAILED)))
        .order_by(_files.c.started_at, _files.c.id)).all()
    return [dict(row._mapping) for row in rows]


def bytes_kept(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(_files.c.size), 0))
                              .where(_files.c.state.in_((FILE_SEALED, FILE_FAILED)))) or 0)


def recent_postings(session: Session, *, limit: int = 200, search: str = "") -> list[dict[str, Any]]:
    """Postings with evidence, newest first: number, files, sealed clips, failed ones, last time."""
    query = (select(_files.c.posting_number, func.count().label("files"),
                    func.sum((_files.c.state == FILE_SEALED).cast(Integer)).label("sealed"),
                    func.sum((_files.c.state == FILE_FAILED).cast(Integer)).label("failed"),
                    func.max(_files.c.started_at).label("last_at"))
             .where(_files.c.posting_number.is_not(None))
             .group_by(_files.c.posting_number).order_by(func.max(_files.c.started_at).desc()).limit(limit))
    if search:
        query = query.where(_files.c.posting_number.contains(search.strip()))
    return [dict(row._mapping) for row in session.execute(query).all()]


def recent_evented_postings(session: Session, *, limit: int = 200, search: str = "") -> list[dict[str, Any]]:
    """Postings with sealed records (an ``events`` entry), newest first, for postings packed with no camera."""
    query = (select(_log.c.posting_number, func.max(_log.c.at).label("last_at"))
             .where(_log.c.posting_number.is_not(None)).group_by(_log.c.posting_number)
             .order_by(func.max(_log.c.at).desc()).limit(limit))
    if search:
        query = query.where(_log.c.posting_number.contains(search.strip()))
    return [dict(row._mapping) for row in session.execute(query).all()]


def mark_pruned(session: Session, file_id: int, detail: str) -> None:
    update_file(session, file_id, state=FILE_PRUNED, detail=detail)


__all__ = ["FILE_FAILED", "FILE_PRUNED", "FILE_RECORDING", "FILE_SEALED"]
