"""The station's state in the database: its ``stations`` row, the open posting and its counted units.

Everything here runs inside one writer transaction (``Txn``); nothing is kept in the process.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.orm import Session

from app.services.ozon.models import Posting
from app.services.station import results as r
from app.services.sync.mapping import item_rows, posting_row
from app.store import events as store_events
from app.store import postings as store_postings
from app.store import waves as store_waves
from app.store.models import PackedUnitRow, PostingItemRow, PostingRow, StationRow

MARK_REQUIREMENT = "products_requiring_mandatory_mark"
DONE_LOCAL_STATES = ("packed", "shipped", "labelled", "handed_over")


@dataclass
class Txn:
    """One decision: the session of the writer transaction, the station's row, who and when."""

    session: Session
    row: StationRow
    packer: str | None
    now: datetime

    @property
    def name(self) -> str:
        return self.row.name

    def state(self) -> str:
        return r.ERROR if self.row.error_code else self.row.state

    def log(self, kind: str, posting: str | None, data: dict[str, Any]) -> None:
        store_events.append_event(self.session, kind=kind, station=self.name, packer=self.packer,
                               posting_number=posting, data=data, now=self.now)

    def hold(self, code: str, **data: Any) -> None:
        self.row.error_code, self.row.error_data = code, _jsonable(data)

    def clear_error(self) -> None:
        self.row.error_code, self.row.error_data = None, {}

    def go_idle(self) -> None:
        self.row.open_posting, self.row.state, self.row.box_no = None, r.IDLE, 1


def load_row(session: Session, name: str, packer: str | None, now: datetime) -> StationRow:
    row = session.get(StationRow, name, populate_existing=True)
    if row is None:
        row = StationRow(name=name, open_posting=None, state=r.IDLE, box_no=1, error_code=None,
                         error_data={}, packer=packer, updated_at=now)
        session.add(row)
    return row


def save_fresh(session: Session, posting: Posting, now: datetime) -> None:
    """What Ozon just said about a posting goes into the cache (as the sync would write it)."""
    store_postings.upsert_postings(session, [posting_row(posting)],
                                   {posting.posting_number: item_rows(posting)}, now=now)


def get_posting(session: Session, number: str) -> PostingRow | None:
    return store_postings.get_posting(session, number)


def line_counts(session: Session, number: str) -> dict[int, int]:
    return dict(session.execute(
        select(PackedUnitRow.line_no, func.count()).where(PackedUnitRow.posting_number == number)
        .group_by(PackedUnitRow.line_no)
    ).all())


def totals(posting: PostingRow, counts: dict[int, int]) -> tuple[int, int]:
    """(units counted, units wanted)."""
    return (sum(min(counts.get(line.line_no, 0), line.quantity) for line in posting.items),
            sum(line.quantity for line in posting.items))


def is_complete(posting: PostingRow, counts: dict[int, int]) -> bool:
    counted, total = totals(posting, counts)
    return total > 0 and counted >= total


def needs_mark(posting: PostingRow, sku: int) -> bool:
    wanted = (posting.requirements or {}).get(MARK_REQUIREMENT) or []
    return str(sku) in {str(s) for s in wanted}


def not_packable_reason(posting: PostingRow, station: str) -> dict[str, Any] | None:
    """Why this station may not pack the posting now (None: it may)."""
    if posting.local_state == "cancelled" or posting.status in store_postings.CANCELLED_STATUSES:
        return {"reason": "cancelled", "detail": posting.cancel_reason or posting.status}
    if store_waves.in_pending_wave(posting):  # shipped with its wave: verified at the bench after
        if posting.status not in (store_postings.PACKABLE_STATUS, *store_postings.SHIPPED_STATUSES):
            return {"reason": "status", "detail": posting.status}
        if posting.claimed_by not in (None, station):
            return {"reason": "claimed", "holder": posting.claimed_by}
        return None
    if posting.local_state in DONE_LOCAL_STATES:
        return {"reason": "packed", "detail": posting.local_state, "holder": posting.packed_by or ""}
    if posting.local_state == "problem":
        return {"reason": "problem", "detail": posting.problem or ""}
    if posting.status != store_postings.PACKABLE_STATUS:
        return {"reason": "status", "detail": posting.status}
    if posting.claimed_by not in (None, station):
        return {"reason": "claimed", "holder": posting.claimed_by}
    return None


def add_unit(session: Session, **values: Any) -> None:
    session.execute(insert(PackedUnitRow.__table__).values(**values))


def units(session: Session, number: str) -> list[PackedUnitRow]:
    return list(session.scalars(select(PackedUnitRow).where(PackedUnitRow.posting_number == number)
                                .order_by(PackedUnitRow.id)))


def last_box(session: Session, number: str) -> int:
    return session.scalar(select(func.max(PackedUnitRow.box_no))
                          .where(PackedUnitRow.posting_number == number)) or 1


def units_in_box(session: Session, number: str, box_no: int) -> int:
    return session.scalar(select(func.count()).select_from(PackedUnitRow).where(
        PackedUnitRow.posting_number == number, PackedUnitRow.box_no == box_no)) or 0


def mark_seen(session: Session, number: str, mark: str) -> str | None:
    """The posting that already holds this marking code (this one, or another not cancelled)."""
    return session.scalar(
        select(PackedUnitRow.posting_number)
        .join(PostingRow, PostingRow.posting_number == PackedUnitRow.posting_number)
        .where(PackedUnitRow.mark == mark,
               (PackedUnitRow.posting_number == number) | (PostingRow.local_state != "cancelled"))
        .limit(1)
    )


def drop_units(session: Session, number: str) -> int:
    return session.execute(delete(PackedUnitRow).where(PackedUnitRow.posting_number == number)).rowcount or 0


def packages(session: Session, number: str) -> list[list[list[int]]]:
    """One package per box, ``[[sku, qty], ...]`` each, as the ship command takes them."""
    rows = session.execute(
        select(PackedUnitRow.box_no, PackedUnitRow.sku, func.count())
        .where(PackedUnitRow.posting_number == number)
        .group_by(PackedUnitRow.box_no, PackedUnitRow.sku)
        .order_by(PackedUnitRow.box_no, PackedUnitRow.sku)
    ).all()
    boxes: dict[int, list[list[int]]] = {}
    for box_no, sku, count in rows:
        boxes.setdefault(box_no, []).append([int(sku), int(count)])
    return [boxes[b] for b in sorted(boxes)]


def claimed_open(session: Session, station: str) -> list[str]:
    """Postings this station holds (open or parked), for the GUI's 'parked' list."""
    return list(session.scalars(
        select(PostingRow.posting_number).where(and_(PostingRow.claimed_by == station,
                                                     PostingRow.local_state == "in_progress",
                                                     PostingRow.wave_id.is_(None)))  # waves: wave status
        .order_by(PostingRow.posting_number)
    ))


def item_name(session: Session, number: str, line_no: int) -> str:
    return session.scalar(select(PostingItemRow.name).where(
        PostingItemRow.posting_number == number, PostingItemRow.line_no == line_no)) or ""


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if isinstance(v, (str, int, float, bool, list, dict, type(None)))}
