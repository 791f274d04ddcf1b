"""The station's state in the database: its ``stations`` row, the posting it decides on, the rules.

Everything here runs inside one writer transaction (``Txn``); nothing is kept in the process. A
decision reads plain values through statements built once (no ORM object is made at a scan:
building and tracking them cost more than the queries) and writes its station row back once,
at the end (``save_row``). The counted units are in ``units``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, exists, func, insert, select, update
from sqlalchemy.orm import Session

from app.services.carriers.base import parse_refusal
from app.services.ozon.models import Posting
from app.services.station import results as r
from app.statuses import CANCELLED_STATUSES, PACKABLE_STATUSES, PACKED_LOCAL_STATES, SHIPPED_STATUSES, LocalState
from app.services.sync.mapping import item_rows, posting_row
from app.store import events as store_events
from app.store import postings as store_postings
from app.store import waves as store_waves
from app.store.models_people import PersonRow
from app.store.models import PackedUnitRow, PostingItemRow, PostingRow, ProductRow, StationRow

MARK_REQUIREMENT = "products_requiring_mandatory_mark"


@dataclass(slots=True)
class StationState:
    """The station's ``stations`` row as plain values (``stored``: as read; None: no row yet)."""

    name: str
    open_posting: str | None = None
    state: str = r.IDLE
    box_no: int = 1
    error_code: str | None = None
    error_data: dict = field(default_factory=dict)
    packer: str | None = None
    updated_at: datetime | None = None
    signed_in_at: datetime | None = None  # ``packer`` signed in then (None: nobody signed in)
    stored: tuple | None = None
    people: bool | None = None  # as read with the row: somebody may sign in (None: not read)

    def values(self) -> tuple:
        return (self.open_posting, self.state, self.box_no, self.error_code, _copy(self.error_data),
                self.packer, self.updated_at, self.signed_in_at)


class Txn:
    """One decision: the session of the writer transaction, the station's row (``name``: the
    station's), who and when."""

    __slots__ = ("session", "row", "name", "packer", "now")

    def __init__(self, session: Session, row: StationState, packer: str | None, now: datetime) -> None:
        self.session, self.row, self.name, self.packer, self.now = session, row, row.name, packer, now

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


def refused(t: Txn, code: str, posting: str | None, **data: Any) -> r.StationResult:
    """An error outcome: held until acknowledged when the code says so (``results.HELD_CODES``)."""
    if code in r.HELD_CODES:
        t.hold(code, posting=posting, **data)
    t.log(code, posting, data)
    return r.result(code, posting, t.state(), **data)


# -- the stations row ---------------------------------------------------------------------------

_st = StationRow.__table__
_ROW_COLUMNS = ("open_posting", "state", "box_no", "error_code", "error_data", "packer", "updated_at",
                "signed_in_at")
_people = PersonRow.__table__
_ANYONE = exists().where(_people.c.active.is_(True))  # read with the row: no round trip of its own
_ROW = (select(_st.c.name, *(_st.c[name] for name in _ROW_COLUMNS), _ANYONE.label("people"))
        .where(_st.c.name == bindparam("station")))
_INSERT_ROW = insert(_st)
_UPDATE_ROW = update(_st).where(_st.c.name == bindparam("station"))


def read_row(session: Session, name: str) -> StationState | None:
    found = session.execute(_ROW, {"station": name}).first()
    if found is None:
        return None
    row = StationState(*found[:-1])
    row.stored, row.people = row.values(), bool(found[-1])
    return row


def load_row(session: Session, name: str, packer: str | None, now: datetime) -> StationState:
    """The station's row; a station seen for the first time starts idle (inserted by ``save_row``)."""
    return read_row(session, name) or StationState(name, packer=packer, updated_at=now)


def save_row(session: Session, row: StationState) -> None:
    """Write the row back when it changed (insert it when new): one statement, or none."""
    values = row.values()
    if values == row.stored:
        return
    params = dict(zip(_ROW_COLUMNS, values))
    if row.stored is None:
        session.execute(_INSERT_ROW, {"name": row.name, **params})
    else:
        session.execute(_UPDATE_ROW, {"station": row.name, **params})
    row.stored = values


# -- the posting --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Line:
    line_no: int
    sku: int
    offer_id: str
    name: str
    quantity: int


@dataclass(frozen=True, slots=True)
class BenchPosting:
    """A posting as the bench decides on it: plain values, its lines in line order. A change is
    written with the store's statements (``store_postings``), never through this object."""

    posting_number: str
    status: str
    local_state: str
    claimed_by: str | None
    cancel_reason: str | None
    cancelled_by: str | None
    problem: str | None
    packed_by: str | None
    wave_id: int | None
    requirements: dict | None
    items: tuple[Line, ...] = ()

    def claimed_here(self, station: str) -> BenchPosting:
        """The posting as opening it at ``station`` just wrote it: in progress, claimed there."""
        return BenchPosting(self.posting_number, self.status, LocalState.IN_PROGRESS, station, self.cancel_reason,
                            self.cancelled_by, self.problem, self.packed_by, self.wave_id, self.requirements,
                            self.items)


_p, _i = PostingRow.__table__, PostingItemRow.__table__
_POSTING_COLUMNS = ("posting_number", "status", "local_state", "claimed_by", "cancel_reason", "cancelled_by", "problem",
                    "packed_by", "wave_id", "requirements")
_LINE_COLUMNS = ("line_no", "sku", "offer_id", "name", "quantity")
_SPLIT = len(_POSTING_COLUMNS)
_POSTING = (  # the posting and its lines in one round trip
    select(*(_p.c[name] for name in _POSTING_COLUMNS), *(_i.c[name] for name in _LINE_COLUMNS))
    .select_from(_p.outerjoin(_i, _i.c.posting_number == _p.c.posting_number))
    .where(_p.c.posting_number == bindparam("number"))
    .order_by(_i.c.line_no)
)


_u = PackedUnitRow.__table__
_COUNTED = (select(func.count()).select_from(_u)
            .where(_u.c.posting_number == _i.c.posting_number, _u.c.line_no == _i.c.line_no)
            .correlate(_i).scalar_subquery())
_LAST_BOX = (select(func.max(_u.c.box_no)).where(_u.c.posting_number == _p.c.posting_number)
             .correlate(_p).scalar_subquery())
_COUNTED_POSTING = _POSTING.add_columns(_COUNTED, _LAST_BOX)  # ... with the units counted per line
_LINE_END = _SPLIT + len(_LINE_COLUMNS)
_pr = ProductRow.__table__
_WEIGHT = select(_pr.c.weight_g).where(_pr.c.sku == _i.c.sku).correlate(_i).scalar_subquery()
_WEIGHED_POSTING = _COUNTED_POSTING.add_columns(_WEIGHT)  # ... and each line's catalogue weight


def get_posting(session: Session, number: str) -> BenchPosting | None:
    rows = session.execute(_POSTING, {"number": number}).all()
    if not rows:
        return None
    lines = tuple(Line(*row[_SPLIT:]) for row in rows if row[_SPLIT] is not None)
    return BenchPosting(*rows[0][:_SPLIT], items=lines)


def get_counted(session: Session, number: str) -> tuple[BenchPosting | None, dict[int, int], int | None]:
    """The posting, the units counted on each of its lines, and the box the last unit went into
    (None: no unit yet) — one round trip for ``get_posting`` and ``units.line_counts``."""
    return _counted(session.execute(_COUNTED_POSTING, {"number": number}).all())


def get_weighed(session: Session, number: str) -> tuple[BenchPosting | None, dict[int, int], dict[int, float | None]]:
    """``get_counted`` (without the last box) and the catalogue weight of each line's sku (None:
    it has none, or it is not in the cache): what the weight check reads, in one round trip."""
    rows = session.execute(_WEIGHED_POSTING, {"number": number}).all()
    posting, counts, _ = _counted(rows)
    return posting, counts, {row[_SPLIT + 1]: row[-1] for row in rows if row[_SPLIT] is not None}


def _counted(rows: list) -> tuple[BenchPosting | None, dict[int, int], int | None]:
    if not rows:
        return None, {}, None
    lines = tuple(Line(*row[_SPLIT:_LINE_END]) for row in rows if row[_SPLIT] is not None)
    counts = {row[_SPLIT]: row[_LINE_END] for row in rows if row[_SPLIT] is not None and row[_LINE_END]}
    return BenchPosting(*rows[0][:_SPLIT], items=lines), counts, rows[0][_LINE_END + 1]


def claimed_open(session: Session, station: str) -> list[str]:
    """Postings this station holds (open or parked), for the GUI's 'parked' list."""
    return list(session.execute(_CLAIMED_OPEN, {"station": station}).scalars())


_CLAIMED_OPEN = (  # built once: read at every scan
    select(_p.c.posting_number)
    .where(_p.c.claimed_by == bindparam("station"), _p.c.local_state == LocalState.IN_PROGRESS,
           _p.c.wave_id.is_(None))  # waves: wave status
    .order_by(_p.c.posting_number)
)


def save_fresh(session: Session, posting: Posting, now: datetime, account: str = "") -> None:
    """What Ozon just said about a posting goes into the cache (as the sync would write it)."""
    store_postings.refresh_posting(session, _as_cached(session, posting), item_rows(posting), now=now)
    if account:  # read with that Ozon account's credentials (several accounts: station.accounts)
        session.execute(update(PostingRow).where(PostingRow.posting_number == posting.posting_number,
                                                 PostingRow.account == "").values(account=account))


def _as_cached(session: Session, posting: Posting) -> dict[str, Any]:
    """Ozon's posting as the cache keeps it. The station reads one posting with
    ``/v3/posting/fbs/get``, which lacks what only the v4 lists carry (``delivery_schema``; the
    ``requirements`` lists ``products_requiring_imei``, ``_weight``): what the sync wrote of those is kept."""
    row = posting_row(posting)
    cached = session.execute(_V4_ONLY, {"number": posting.posting_number}).first()
    if cached is not None:
        requirements, schema = cached
        if requirements:
            row["requirements"] = {**{k: v for k, v in requirements.items() if k in V4_ONLY_REQUIREMENTS},
                                   **(row["requirements"] or {})}
        row["delivery_schema"] = row["delivery_schema"] or schema
    return row


V4_ONLY_REQUIREMENTS = ("products_requiring_imei", "products_requiring_weight")
_V4_ONLY = select(PostingRow.__table__.c.requirements, PostingRow.__table__.c.delivery_schema).where(
    PostingRow.__table__.c.posting_number == bindparam("number"))


# -- the rules ----------------------------------------------------------------------------------

def totals(posting: BenchPosting, counts: dict[int, int]) -> tuple[int, int]:
    """(units counted, units wanted); a line's units over its quantity do not count. (One loop:
    a scan asks this on its way to the answer.)"""
    counted = total = 0
    for line in posting.items:
        wanted = line.quantity
        got = counts.get(line.line_no, 0)
        counted += got if got < wanted else wanted
        total += wanted
    return counted, total


def complete(counted: int, total: int) -> bool:
    """Every unit wanted is counted (``totals``' two figures)."""
    return total > 0 and counted >= total


def is_complete(posting: BenchPosting, counts: dict[int, int]) -> bool:
    return complete(*totals(posting, counts))


def needs_mark(posting: BenchPosting, sku: int) -> bool:
    wanted = (posting.requirements or {}).get(MARK_REQUIREMENT) or []
    return str(sku) in {str(s) for s in wanted}


def cancelled_reason(posting: BenchPosting) -> dict[str, Any] | None:
    """A cancelled posting's refusal data: Ozon's reason (or status) and who cancelled it, which the
    messages say in the packer's words (None: not cancelled)."""
    if posting.local_state == LocalState.CANCELLED or posting.status in CANCELLED_STATUSES:
        return {"reason": "cancelled", "detail": posting.cancel_reason or posting.status,
                **({"by": posting.cancelled_by} if posting.cancelled_by else {})}
    return None


def not_packable_reason(posting: BenchPosting, station: str) -> dict[str, Any] | None:
    """Why this station may not pack the posting now (None: it may)."""
    cancelled = cancelled_reason(posting)
    if cancelled is not None:
        return cancelled
    if store_waves.in_pending_wave(posting):  # shipped with its wave: verified at the bench after
        if posting.status not in PACKABLE_STATUSES | SHIPPED_STATUSES:
            return {"reason": "status", "detail": posting.status}
        if posting.claimed_by not in (None, station):
            return {"reason": "claimed", "holder": posting.claimed_by}
        return None
    if posting.local_state in PACKED_LOCAL_STATES:
        return {"reason": "packed", "detail": posting.local_state, "holder": posting.packed_by or ""}
    if posting.local_state == LocalState.PROBLEM:
        return parse_refusal(posting.problem) or {"reason": "problem", "detail": posting.problem or ""}
    if posting.status not in PACKABLE_STATUSES:
        return {"reason": "status", "detail": posting.status}
    if posting.claimed_by not in (None, station):
        return {"reason": "claimed", "holder": posting.claimed_by}
    return None


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if isinstance(v, (str, int, float, bool, list, dict, type(None)))}


def _copy(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value
