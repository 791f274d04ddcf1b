"""Parcel labels in the cache: one row per (posting, kind), moved along by the label services.

Life of an Ozon label (states in ``models``): waiting (shipped, PDF not fetched; retried at
``not_before``) → fetched (PDF page in the data dir) → printed; a print that fails is ``failed``
(retried at ``not_before`` a bounded number of times) and then ``parked``; a label Ozon will
never give (posting cancelled) is ``parked`` with its reason. ``request_reprint`` puts any of
them back to fetched (or waiting when no PDF is kept). ``attempts`` counts tries in the current
state; ``copies`` counts prints made, reprints included.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from app.statuses import SHIPPED_STATUSES, LocalState
from app.store import waves as store_waves
from app.store.bulk import chunked, dialect_insert, naive_utc
from app.store.models import (
    LABEL_CARRIER, LABEL_FAILED, LABEL_FETCHED, LABEL_OWN, LABEL_OZON, LABEL_PARKED, LABEL_PRINTED, LABEL_STATES,
    LABEL_WAITING, LabelRow, PostingRow,
)

OZON, OWN, CARRIER = LABEL_OZON, LABEL_OWN, LABEL_CARRIER  # the label's kind, by its short name here
OPEN_STATES = (LABEL_WAITING, LABEL_FETCHED, LABEL_FAILED)  # not yet printed, not given up
PRINT_LEASE = timedelta(minutes=2)  # a claimed label's print must report back within this
LABELLED_FROM = (LocalState.PACKED, LocalState.SHIPPED)  # local states a printed label moves to "labelled"
ON_THE_SHELF = (LocalState.PACKED, LocalState.SHIPPED, LocalState.LABELLED)  # verify-first: packed, not handed over


def ensure(session: Session, numbers: Iterable[str], *, station: str | None, now: datetime,
           kind: str = OZON, state: str = LABEL_WAITING) -> int:
    """A label row for each posting that has none of this kind yet (existing rows stay as they
    are). Returns how many rows were created."""
    numbers = list(dict.fromkeys(numbers))
    if not numbers:
        return 0
    if state not in LABEL_STATES:
        raise ValueError(f"unknown label state {state!r}")
    now = naive_utc(now)
    table = LabelRow.__table__
    stmt = dialect_insert(session, table).on_conflict_do_nothing(
        index_elements=["posting_number", "kind"]).returning(table.c.id)
    created = 0
    for chunk in chunked(numbers):
        created += len(session.execute(stmt, [
            {"posting_number": n, "kind": kind, "state": state, "station": station, "pdf_page": 0,
             "attempts": 0, "copies": 0, "created_at": now} for n in chunk
        ]).all())  # RETURNING: only the rows actually inserted (rowcount of executemany varies by driver)
    return created


def ensure_for_shipped(session: Session, station: str, now: datetime) -> int:
    """Ozon label rows for the postings Ozon shows shipped that this station packed (or whose
    parent it packed, for the children of a split) and that have no label row yet."""
    parent = aliased(PostingRow)
    has_label = select(LabelRow.id).where(LabelRow.posting_number == PostingRow.posting_number,
                                          LabelRow.kind == OZON).exists()
    packed_here = or_(
        PostingRow.packed_by == station,
        select(parent.posting_number).where(parent.posting_number == PostingRow.parent_posting_number,
                                            parent.packed_by == station).exists(),
    )
    numbers = list(session.scalars(
        select(PostingRow.posting_number).where(PostingRow.status.in_(sorted(SHIPPED_STATUSES)), packed_here, ~has_label)
    ))
    return ensure(session, numbers, station=station, now=now)


def get(session: Session, posting_number: str, kind: str = OZON) -> LabelRow | None:
    return session.scalars(select(LabelRow).where(LabelRow.posting_number == posting_number,
                                                  LabelRow.kind == kind)).first()


def by_id(session: Session, label_id: int) -> LabelRow | None:
    return session.get(LabelRow, label_id)


def _due(state_clause, now: datetime):
    now = naive_utc(now)
    return and_(state_clause, or_(LabelRow.not_before.is_(None), LabelRow.not_before <= now))


def due_to_fetch(session: Session, station: str, now: datetime, limit: int = 200,
                 account: str | None = None) -> list[LabelRow]:
    """Waiting Ozon labels of ``station`` whose ``not_before`` has come, oldest first; with
    ``account``, only those of that Ozon account's postings (fetched with its credentials)."""
    stmt = select(LabelRow).where(LabelRow.kind == OZON, LabelRow.station == station,
                                  _due(LabelRow.state == LABEL_WAITING, now))
    if account is not None:
        from app.store.models import PostingRow

        stmt = stmt.where(LabelRow.posting_number.in_(
            select(PostingRow.posting_number).where(PostingRow.account == account)))
    return list(session.scalars(stmt.order_by(LabelRow.created_at, LabelRow.id).limit(limit)))


def due_to_print(session: Session, station: str, now: datetime, limit: int = 50) -> list[LabelRow]:
    """Labels of ``station`` to print now, in printing order: own order labels the bench queued
    (verify-first, ``order_label = "on_pack"``) first; then fetched Ozon labels (and failed ones
    whose retry time has come) in fetch order; then those of label-first waves in pick order. A
    wave's label waits while an earlier pick of its wave is still on its way (its ship or label
    not there yet), for at most ``WAVE_ORDER_HOLD`` after the wave shipped."""
    own = list(session.scalars(
        select(LabelRow)
        .where(LabelRow.kind == OWN, LabelRow.station == station,
               or_(_due(LabelRow.state == LABEL_FETCHED, now),
                   and_(_due(LabelRow.state == LABEL_FAILED, now), LabelRow.not_before.is_not(None))))
        .order_by(LabelRow.created_at, LabelRow.id).limit(limit)
    ))
    ozon = list(session.scalars(
        select(LabelRow)
        .where(LabelRow.kind.in_((OZON, CARRIER)), LabelRow.station == station,
               _due(LabelRow.state.in_((LABEL_FETCHED, LABEL_FAILED)), now))
        .order_by(LabelRow.fetched_at, LabelRow.id).limit(limit)
    ))
    orders = store_waves.pick_orders(session, [row.posting_number for row in ozon])
    plain = [row for row in ozon if row.posting_number not in orders]
    waved = sorted((row for row in ozon if row.posting_number in orders), key=lambda r: orders[r.posting_number])
    waved = [row for row in waved if not _held_for_order(session, *orders[row.posting_number], now)]
    return (own + plain + waved)[:limit]


WAVE_ORDER_HOLD = timedelta(minutes=10)
_ON_ITS_WAY = (LocalState.CANCELLED, LocalState.PROBLEM)  # local states of an earlier pick that no longer hold the others back


def _held_for_order(session: Session, wave_id: int, pick_order: int, now: datetime) -> bool:
    wave = store_waves.get_wave(session, wave_id)
    if wave is None or wave.shipped_at is None or naive_utc(now) - wave.shipped_at >= WAVE_ORDER_HOLD:
        return False
    for number in store_waves.pending_before(session, wave_id, pick_order):
        posting = session.get(PostingRow, number)
        if posting is None or posting.local_state in _ON_ITS_WAY:
            continue
        label = get(session, number)
        if label is None or label.state == LABEL_WAITING:
            return True
    return False


def printed_unmatched(session: Session, station: str, since: datetime) -> list[LabelRow]:
    """Verify-first: Ozon labels ``station`` printed since ``since`` whose parcel has not been
    matched yet (wave labels are matched by opening their posting instead), oldest first."""
    return list(session.scalars(
        select(LabelRow).join(PostingRow, PostingRow.posting_number == LabelRow.posting_number)
        .where(LabelRow.kind == OZON, LabelRow.station == station, LabelRow.state == LABEL_PRINTED,
               LabelRow.matched_at.is_(None), LabelRow.printed_at >= naive_utc(since),
               PostingRow.wave_id.is_(None), PostingRow.local_state.in_(ON_THE_SHELF))
        .order_by(LabelRow.printed_at, LabelRow.id)
    ))


def mark_matched(session: Session, label_id: int, now: datetime) -> LabelRow:
    """The parcel's own label was scanned against this Ozon label; the posting shows ``labelled``."""
    row = _row(session, label_id)
    row.matched_at = naive_utc(now)
    session.execute(update(PostingRow).where(PostingRow.posting_number == row.posting_number,
                                             PostingRow.local_state.in_(LABELLED_FROM))
                    .values(local_state=LocalState.LABELLED))
    session.flush()
    return row


def queue_own(session: Session, posting_number: str, *, station: str, now: datetime) -> bool:
    """Queue the station's own order label of a posting just packed (printed by ``print_due``).
    False when the posting has one already (it is not queued again)."""
    return ensure(session, [posting_number], station=station, now=now, kind=OWN, state=LABEL_FETCHED) == 1


def _row(session: Session, label_id: int) -> LabelRow:
    row = session.get(LabelRow, label_id, populate_existing=True)
    if row is None:
        raise LookupError(f"no label row {label_id}")
    return row


def mark_fetched(session: Session, label_id: int, *, pdf_path: str, page: int, now: datetime) -> LabelRow:
    row = _row(session, label_id)
    row.state, row.pdf_path, row.pdf_page = LABEL_FETCHED, pdf_path, page
    row.attempts, row.not_before, row.last_error, row.error_kind = 0, None, None, None
    row.fetched_at = naive_utc(now)
    session.flush()
    return row


def mark_retry(session: Session, label_id: int, *, error: str, not_before: datetime | None,
               state: str = LABEL_WAITING, kind: str | None = None) -> LabelRow:
    """Try again at ``not_before`` (waiting: fetch again; failed: print again); counts an attempt."""
    row = _row(session, label_id)
    row.state, row.last_error, row.error_kind = state, error, kind
    row.not_before = naive_utc(not_before)
    row.attempts += 1
    session.flush()
    return row


def mark_refetch(session: Session, label_id: int, reason: str) -> LabelRow:
    """The kept PDF is gone (data dir cleared...): fetch the label again."""
    row = _row(session, label_id)
    row.state, row.pdf_path, row.pdf_page, row.last_error, row.not_before = LABEL_WAITING, None, 0, reason, None
    session.flush()
    return row


def mark_parked(session: Session, label_id: int, reason: str, *, kind: str | None = None) -> LabelRow:
    row = _row(session, label_id)
    row.state, row.last_error, row.error_kind, row.not_before = LABEL_PARKED, reason, kind, None
    session.flush()
    return row


def park_unfetched(session: Session, numbers: Iterable[str], reason: str, *, kind: str) -> int:
    """The Ozon labels of ``numbers`` not fetched yet are parked with ``reason`` (``kind``: why, the
    Problem column); returns how many."""
    parked = 0
    for chunk in chunked(sorted(set(numbers))):
        parked += session.execute(
            update(LabelRow)
            .where(LabelRow.posting_number.in_(chunk), LabelRow.kind == OZON,
                   LabelRow.state.in_((LABEL_WAITING, LABEL_FAILED)))
            .values(state=LABEL_PARKED, last_error=reason, error_kind=kind, not_before=None)
        ).rowcount
    return parked


def unpark(session: Session, numbers: Iterable[str], *, kind: str) -> int:
    """The Ozon labels of ``numbers`` parked for ``kind`` wait to be fetched again, from their first try."""
    waiting = 0
    for chunk in chunked(sorted(set(numbers))):
        waiting += session.execute(
            update(LabelRow)
            .where(LabelRow.posting_number.in_(chunk), LabelRow.kind == OZON, LabelRow.state == LABEL_PARKED,
                   LabelRow.error_kind == kind)
            .values(state=LABEL_WAITING, last_error=None, error_kind=None, attempts=0, not_before=None)
        ).rowcount
    return waiting


def claim_for_print(session: Session, label_id: int, *, now: datetime) -> bool:
    """Take a due label to print it: its ``not_before`` moves ``PRINT_LEASE`` ahead, so another
    process of the same station (the bench and a ``packdesk sync``) passes it by. False when
    someone took it first or it is no longer due. A print that never reports back (the process
    died mid-job) is due again when the lease ends: labels print at least once."""
    now = naive_utc(now)
    taken = session.execute(
        update(LabelRow)
        .where(LabelRow.id == label_id, _due(LabelRow.state.in_((LABEL_FETCHED, LABEL_FAILED)), now))
        .values(not_before=now + PRINT_LEASE)
    )
    return taken.rowcount == 1


def mark_printed(session: Session, label_id: int, *, printer: str, now: datetime) -> LabelRow:
    """One more copy printed; the posting shows ``labelled`` when it was packed or shipped."""
    row = _row(session, label_id)
    row.state, row.printer, row.printed_at = LABEL_PRINTED, printer, naive_utc(now)
    row.copies += 1
    row.attempts, row.not_before, row.last_error, row.error_kind = 0, None, None, None
    if row.kind == OZON:
        session.execute(update(PostingRow).where(PostingRow.posting_number == row.posting_number,
                                                 PostingRow.local_state.in_(LABELLED_FROM))
                        .values(local_state=LocalState.LABELLED))
    session.flush()
    return row


def forget_old_pdfs(session: Session, printed_before: datetime, *, limit: int = 500,
                    station: str | None = None) -> tuple[list[str], int]:
    """Rows of labels printed before ``printed_before`` stop naming their PDF; returns the stored
    paths no row names any more (one Ozon PDF can hold the pages of several labels), for the
    caller to remove the files (after this commits), and how many rows let go of theirs.
    ``station``: only its labels (their files are in its data dir; a room's other benches keep theirs)."""
    stmt = (select(LabelRow.id, LabelRow.pdf_path)
            .where(LabelRow.state == LABEL_PRINTED, LabelRow.pdf_path.is_not(None),
                   LabelRow.printed_at < naive_utc(printed_before)))
    if station is not None:
        stmt = stmt.where(LabelRow.station == station)
    rows = session.execute(stmt.order_by(LabelRow.printed_at).limit(limit)).all()
    if not rows:
        return [], 0
    session.execute(update(LabelRow).where(LabelRow.id.in_([row.id for row in rows])).values(pdf_path=None))
    paths = {row.pdf_path for row in rows}
    still_named = set(session.scalars(select(LabelRow.pdf_path).where(LabelRow.pdf_path.in_(paths))))
    return sorted(paths - still_named), len(rows)


class PrintsElsewhere(Exception):
    """The label belongs to another station (the bench that packed the posting, or the wave's):
    it prints there, never here. ``station`` names it."""

    def __init__(self, posting_number: str, station: str, state: str) -> None:
        super().__init__(f"the label of {posting_number} prints at {station}, which packed it")
        self.posting_number, self.station, self.state = posting_number, station, state


def owner(session: Session, posting_number: str, kind: str = OZON) -> str | None:
    """The station a posting's label prints at: its label row's, else the bench that packed it
    (or whose wave holds it); None when nobody has it yet."""
    row = get(session, posting_number, kind)
    if row is not None and row.station:
        return row.station
    posting = session.get(PostingRow, posting_number)
    if posting is None:
        return None
    return posting.packed_by or (posting.claimed_by if posting.wave_id is not None else None)


def request_reprint(session: Session, posting_number: str, kind: str = OZON, *,
                    station: str | None = None) -> LabelRow:
    """Someone asked for the label again: back to fetched (waiting when no PDF is kept), tries
    reset. LookupError when the posting has no label of that kind; ``PrintsElsewhere`` when it is
    asked at ``station`` and belongs to another (nothing changes then)."""
    row = get(session, posting_number, kind)
    if row is None:
        raise LookupError(f"no {kind} label for posting {posting_number}")
    if station is not None and row.station not in (None, station):
        raise PrintsElsewhere(posting_number, row.station, row.state)
    row = _row(session, row.id)
    row.state = LABEL_FETCHED if row.pdf_path else LABEL_WAITING
    row.attempts, row.not_before, row.last_error, row.error_kind = 0, None, None, None
    session.flush()
    return row


def open_count(session: Session, station: str | None = None) -> int:
    """Ozon's and carriers' labels not yet printed nor parked (the outbox is not drained while there are any)."""
    stmt = select(func.count()).select_from(LabelRow).where(LabelRow.kind.in_((OZON, CARRIER)),
                                                            LabelRow.state.in_(OPEN_STATES))
    if station is not None:
        stmt = stmt.where(LabelRow.station == station)
    return session.scalar(stmt) or 0


def counts_by_state(session: Session, station: str | None = None) -> dict[str, int]:
    """Ozon labels per state, every state present."""
    stmt = select(LabelRow.state, func.count()).where(LabelRow.kind == OZON).group_by(LabelRow.state)
    if station is not None:
        stmt = stmt.where(LabelRow.station == station)
    counts = dict.fromkeys(LABEL_STATES, 0)
    counts.update(session.execute(stmt).all())
    return counts


def problems(session: Session, station: str | None = None) -> list[LabelRow]:
    """Labels a person should look at: failed or parked, newest first."""
    stmt = select(LabelRow).where(LabelRow.state.in_((LABEL_FAILED, LABEL_PARKED)))
    if station is not None:
        stmt = stmt.where(LabelRow.station == station)
    return list(session.scalars(stmt.order_by(LabelRow.id.desc())))

