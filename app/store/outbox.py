"""The outbox: commands for Ozon, written in the same transaction as the decision behind them.

Life of a row (states in ``models``): pending → in_flight → done, or back to pending (retry at
``not_before``), or confirming (accepted; its effect is checked later), or uncertain (the answer
was lost: read back from Ozon before any resend), or parked (a person must look).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.store.bulk import dialect_insert, naive_utc
from app.store.models import (
    OUTBOX_CONFIRMING,
    OUTBOX_IN_FLIGHT,
    OUTBOX_OPEN_STATES,
    OUTBOX_PARKED,
    OUTBOX_PENDING,
    OUTBOX_STATES,
    OUTBOX_UNCERTAIN,
    OutboxRow,
)

# states the drain picks up once their not_before has come (none: at once)
DUE_STATES = (OUTBOX_PENDING, OUTBOX_UNCERTAIN, OUTBOX_CONFIRMING)
CRASH_NOTE = "the process stopped while this command was in flight: outcome unknown"


def enqueue(session: Session, **command: Any) -> OutboxRow:
    """Queue a command (fields: :func:`add`); a second enqueue with the same ``dedupe_key``
    returns the first row."""
    add(session, **command)
    return session.scalars(select(OutboxRow).where(OutboxRow.dedupe_key == command["dedupe_key"])).one()


def add(
    session: Session,
    *,
    kind: str,
    posting_number: str | None,
    payload: dict[str, Any],
    dedupe_key: str,
    station: str | None,
    now: datetime,
    not_before: datetime | None = None,
) -> None:
    """Queue a command without reading the row back (the station's pack path): one statement;
    nothing happens when a command with the same ``dedupe_key`` is queued already."""
    now = naive_utc(now)
    session.execute(_insert_once(session), {  # every column given: one with a default would take the slow way
        "kind": kind, "posting_number": posting_number, "account": "", "payload": dict(payload),
        "dedupe_key": dedupe_key, "state": OUTBOX_PENDING, "attempts": 0, "not_before": naive_utc(not_before),
        "last_error": None, "result": {}, "station": station, "created_at": now, "updated_at": now,
    })


_INSERTS: dict[str, Any] = {}  # dialect name -> the INSERT ... ON CONFLICT DO NOTHING, built once


def _insert_once(session: Session) -> Any:
    name = session.get_bind().dialect.name
    stmt = _INSERTS.get(name)
    if stmt is None:
        stmt = _INSERTS[name] = dialect_insert(session, OutboxRow.__table__).on_conflict_do_nothing(
            index_elements=["dedupe_key"])
    return stmt


def due(session: Session, now: datetime, limit: int = 50, account: str | None = None) -> list[OutboxRow]:
    """Rows to work on now, oldest first: pending, uncertain or confirming rows whose
    ``not_before`` is unset or has come; with ``account``, only the commands of that Ozon account
    (their own account, else their posting's: ``app.store.accounts``)."""
    now = naive_utc(now)
    stmt = (select(OutboxRow)
            .where(OutboxRow.state.in_(DUE_STATES),
                   or_(OutboxRow.not_before.is_(None), OutboxRow.not_before <= now)))
    if account is not None:
        from app.store.accounts import command_account
        from app.store.models import PostingRow

        stmt = (stmt.outerjoin(PostingRow, PostingRow.posting_number == OutboxRow.posting_number)
                .where(command_account() == account))
    return list(session.scalars(stmt.order_by(OutboxRow.id).limit(limit)))


def mark(
    session: Session,
    row_id: int,
    state: str,
    *,
    last_error: str | None = None,
    not_before: datetime | None = None,
    result: dict[str, Any] | None = None,
    bump_attempts: bool = False,
    expect_state: str | None = None,
    expect_attempts: int | None = None,
    now: datetime,
) -> OutboxRow | None:
    """Move a row to ``state``, setting ``last_error`` and ``not_before`` as given (None clears
    them) and ``result`` when given. With ``expect_state`` (and ``expect_attempts``), only a row
    still in that state (with that many attempts) is changed (None otherwise): sync processes
    sharing a database take a row without racing. Each send bumps ``attempts``, so a process whose
    snapshot of the row is older than another's send never matches again."""
    if state not in OUTBOX_STATES:
        raise ValueError(f"unknown outbox state {state!r}")
    stmt = select(OutboxRow).where(OutboxRow.id == row_id).execution_options(populate_existing=True)
    expecting = expect_state is not None or expect_attempts is not None
    if expecting:
        stmt = stmt.with_for_update()  # PostgreSQL: row lock; SQLite: the lane's write lock
    row = session.scalars(stmt).first()
    if row is None:
        raise LookupError(f"no outbox row {row_id}")
    if expect_state is not None and row.state != expect_state:
        return None
    if expect_attempts is not None and row.attempts != expect_attempts:
        return None
    row.state = state
    row.last_error = last_error
    row.not_before = naive_utc(not_before)
    if result is not None:
        row.result = dict(result)
    if bump_attempts:
        row.attempts += 1
    row.updated_at = naive_utc(now)
    session.flush()
    return row


def version(session: Session, row_id: int) -> tuple[str, int] | None:
    """The row's (state, attempts), locked for the rest of the transaction (None: no such row):
    what a sync process checks before recording what it did with its snapshot of the row."""
    found = session.execute(select(OutboxRow.state, OutboxRow.attempts).where(OutboxRow.id == row_id)
                            .with_for_update()).first()
    return None if found is None else (found.state, found.attempts)


def recover_after_crash(session: Session, now: datetime) -> int:
    """At start: every in_flight row (its answer was never recorded) becomes uncertain and due."""
    now = naive_utc(now)
    rows = list(session.scalars(select(OutboxRow).where(OutboxRow.state == OUTBOX_IN_FLIGHT)))
    for row in rows:
        row.state = OUTBOX_UNCERTAIN
        row.last_error = CRASH_NOTE
        row.not_before = now
        row.updated_at = now
    session.flush()
    return len(rows)


def get(session: Session, row_id: int) -> OutboxRow | None:
    return session.get(OutboxRow, row_id)


def for_posting(session: Session, posting_number: str) -> list[OutboxRow]:
    return list(session.scalars(
        select(OutboxRow).where(OutboxRow.posting_number == posting_number).order_by(OutboxRow.id)
    ))


def open_count(session: Session) -> int:
    """Rows not yet done or parked."""
    return session.scalar(
        select(func.count()).select_from(OutboxRow).where(OutboxRow.state.in_(OUTBOX_OPEN_STATES))
    ) or 0


def parked(session: Session) -> list[OutboxRow]:
    return list(session.scalars(
        select(OutboxRow).where(OutboxRow.state == OUTBOX_PARKED).order_by(OutboxRow.id)
    ))


def counts_by_state(session: Session) -> dict[str, int]:
    """Rows per state, every state present (zero when none)."""
    counts = dict.fromkeys(OUTBOX_STATES, 0)
    counts.update(session.execute(
        select(OutboxRow.state, func.count()).group_by(OutboxRow.state)
    ).all())
    return counts
