"""Postings in the cache: bulk upsert from Ozon and the bench's own state (claims, local state).

The scan's lookups and the listings are in :mod:`app.store.lookups`.

``local_state`` (CONTRACT.md, listing rules) is the bench's view; Ozon's ``status`` moves it along
when the sync sees the posting leave the bench's hands (``app.statuses.LOCAL_STATE_RULES``, rendered
here as SQL for the bulk upsert).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, delete, insert, literal_column, or_, select, update
from sqlalchemy.orm import Session

from app.statuses import LOCAL_STATE_RULES, LOCAL_STATES, LocalState, LocalStateRule, derive_local_state
from app.store import status_history
from app.store.accounts import own as _own
from app.store.bulk import (
    CHUNK, as_list, check_fields, chunked, dialect_insert, last_by_key, naive_utc, one_of_literals,
)
from app.store.models import PostingItemRow, PostingRow

# columns the bench owns: never taken from Ozon's data
_LOCAL_COLUMNS = ("local_state", "claimed_by", "claimed_at", "problem", "synced_at", "status_changed_at", "packed_at",
                  "packed_by", "measured_weight_g", "wave_id")
POSTING_FIELDS = tuple(c.name for c in PostingRow.__table__.columns if c.name not in _LOCAL_COLUMNS)
ITEM_FIELDS = ("line_no", "sku", "offer_id", "name", "quantity", "price")
_POSTING_DEFAULTS: dict[str, Any] = {
    "available_actions": list, "requirements": dict, "is_multibox": False, "multi_box_qty": 1,
    "is_express": False,
}

_postings = PostingRow.__table__
_items = PostingItemRow.__table__


def local_state_sql(status: ColumnElement, old: ColumnElement) -> ColumnElement:
    """``app.statuses.derive_local_state`` as SQL (for ON CONFLICT DO UPDATE): the same rules,
    the first that applies wins, else the old state stays."""
    return case(*[(_rule_applies(rule, status, old), literal_column(f"'{rule.new.value}'"))
                  for rule in LOCAL_STATE_RULES], else_=old)


def _rule_applies(rule: LocalStateRule, status: ColumnElement, old: ColumnElement) -> ColumnElement:
    applies = one_of_literals(status, rule.statuses)
    return applies if rule.from_states is None else and_(applies, one_of_literals(old, rule.from_states))


# -- writes from the sync -----------------------------------------------------------------------

def upsert_postings(
    session: Session,
    postings: list[dict[str, Any]],
    items: dict[str, list[dict[str, Any]]],
    now: datetime,
    account: str = "",
) -> int:
    """Insert or update ``postings`` (dicts keyed by the Ozon columns of ``PostingRow``) and
    replace the items of every given posting by ``items[number]`` (none when absent).

    Ozon's fields are overwritten; ``local_state`` follows ``derive_local_state``; claims and
    problems are kept. Returns how many postings are new or changed status.
    ``account``: the Client-Id they were read with; a posting the cache holds for another account
    is left alone (never mixed up: Ozon numbers are unique per account), one without gets it.
    """
    rows = last_by_key((_posting_row(p, now) for p in postings), "posting_number")
    if account and rows:
        rows = _own(session, rows, account)
    if not rows:
        return 0
    numbers = [row["posting_number"] for row in rows]
    old: dict[str, tuple[str, str | None]] = {}  # status and substatus the cache holds
    if len(numbers) == 1:
        old.update((n, (st, sub)) for n, st, sub in session.execute(_STATUS_OF, {"number": numbers[0]}))
    else:
        for chunk in chunked(numbers):
            old.update((n, (st, sub)) for n, st, sub in session.execute(
                select(_postings.c.posting_number, _postings.c.status, _postings.c.substatus)
                .where(_postings.c.posting_number.in_(chunk))))
    status_history.record(session, [(row["posting_number"], row["status"], row["substatus"]) for row in rows
                                    if old.get(row["posting_number"]) != (row["status"], row["substatus"])], now)
    upsert_stmt = _upsert_statement(session)
    for chunk in chunked(rows):
        session.execute(upsert_stmt, chunk[0] if len(chunk) == 1 else list(chunk))
    if len(numbers) == 1:  # the station's re-read of one posting: a statement built once
        session.execute(_DELETE_ITEMS_OF, {"number": numbers[0]})
    else:
        for chunk in chunked(numbers):
            session.execute(delete(_items).where(_items.c.posting_number.in_(chunk)))
    item_rows = [
        _item_row(number, position, item)
        for number in numbers
        for position, item in enumerate(items.get(number, ()), start=1)
    ]
    for chunk in chunked(item_rows, CHUNK):
        session.execute(_INSERT_ITEMS, list(chunk))
    if account:
        for chunk in chunked(numbers):
            session.execute(update(_postings).where(_postings.c.posting_number.in_(chunk),
                                                    _postings.c.account == "").values(account=account))
    return sum(1 for row in rows if old.get(row["posting_number"], (None,))[0] != row["status"])


_STATUS_OF = select(_postings.c.posting_number, _postings.c.status, _postings.c.substatus).where(
    _postings.c.posting_number == bindparam("number"))
_DELETE_ITEMS_OF = delete(_items).where(_items.c.posting_number == bindparam("number"))
_INSERT_ITEMS = insert(_items)
_UPSERTS: dict[str, Any] = {}  # dialect name -> the postings' upsert, built once (it costs ~2 ms to build)


def _upsert_statement(session: Session) -> Any:
    """INSERT ... ON CONFLICT (posting_number) DO UPDATE: Ozon's fields and synced_at overwritten,
    ``status_changed_at`` only when the status changes, ``local_state`` by ``derive_local_state``'s
    rules in SQL; claims and problems kept."""
    name = session.get_bind().dialect.name
    stmt = _UPSERTS.get(name)
    if stmt is None:
        stmt = dialect_insert(session, _postings)
        set_ = {column: stmt.excluded[column] for column in POSTING_FIELDS if column != "posting_number"}
        set_.update(synced_at=stmt.excluded.synced_at,
                    status_changed_at=case((stmt.excluded.status != _postings.c.status, stmt.excluded.synced_at),
                                           else_=_postings.c.status_changed_at),
                    local_state=local_state_sql(stmt.excluded.status, _postings.c.local_state))
        stmt = _UPSERTS[name] = stmt.on_conflict_do_update(index_elements=["posting_number"], set_=set_)
    return stmt


_COMPARED = tuple(name for name in POSTING_FIELDS if name != "account")  # an existing posting keeps its account
_CACHED = select(*(_postings.c[name] for name in (*_COMPARED, "local_state"))).where(
    _postings.c.posting_number == bindparam("number"))
_CACHED_ITEMS = (select(*(_items.c[name] for name in ITEM_FIELDS))
                 .where(_items.c.posting_number == bindparam("number")).order_by(_items.c.line_no))


def refresh_posting(session: Session, posting: dict[str, Any], items: list[dict[str, Any]], now: datetime) -> bool:
    """One posting as Ozon just sent it (the station's re-read before opening or packing):
    written as :func:`upsert_postings` writes it, unless the cache holds exactly that already
    (whatever account it is stamped with: the upsert never changes that); then only its
    ``synced_at`` moves (two reads and one small update instead of an upsert that rewrites the row
    and its lines). True when something changed."""
    row = _posting_row(posting, now)
    number = row["posting_number"]
    cached = session.execute(_CACHED, {"number": number}).first()
    if cached is not None:
        *ozon, local_state = cached
        same = (list(ozon) == [row[name] for name in _COMPARED]
                and derive_local_state(local_state, row["status"]) == local_state
                and [tuple(line) for line in session.execute(_CACHED_ITEMS, {"number": number})]
                == [tuple(_item_row(number, position, item)[name] for name in ITEM_FIELDS)
                    for position, item in enumerate(items, start=1)])
        if same:
            session.execute(_SET_ONE, {"number": number, "synced_at": row["synced_at"]})
            return False
    upsert_postings(session, [posting], {number: items}, now)
    return True


def _posting_row(posting: dict[str, Any], now: datetime) -> dict[str, Any]:
    check_fields("posting", posting, POSTING_FIELDS, ("posting_number", "status"))
    row: dict[str, Any] = {}
    for name in POSTING_FIELDS:
        value = posting.get(name)
        if value is None and name in _POSTING_DEFAULTS:
            default = _POSTING_DEFAULTS[name]
            value = default() if callable(default) else default
        row[name] = naive_utc(value)
    row["synced_at"] = naive_utc(now)
    row["account"] = ""  # stamped by upsert_postings(account=...); an existing posting keeps its own
    row["status_changed_at"] = None  # first seen: when its status began is not known (set on a change)
    row["local_state"] = derive_local_state(LocalState.WAITING, row["status"])
    return row


def _item_row(number: str, position: int, item: dict[str, Any]) -> dict[str, Any]:
    check_fields("posting item", item, ITEM_FIELDS, ("sku", "quantity"))
    price = item.get("price")
    return {
        "posting_number": number,
        "line_no": item.get("line_no") or position,
        "sku": int(item["sku"]),
        "offer_id": item.get("offer_id") or "",
        "name": item.get("name") or "",
        "quantity": int(item["quantity"]),
        "price": None if price is None else str(price),
    }


# -- the bench's own state ----------------------------------------------------------------------

# built once (the station runs them at scans); the columns to set come with the parameters
_SET_LOCAL = update(_postings).where(_postings.c.posting_number.in_(bindparam("numbers", expanding=True)))
_SET_ONE = update(_postings).where(_postings.c.posting_number == bindparam("number"))
_CLAIM = _SET_ONE.where(or_(_postings.c.claimed_by.is_(None), _postings.c.claimed_by == bindparam("station")))
_RELEASE = _SET_ONE.where(_postings.c.claimed_by == bindparam("station"))


def set_local_state(
    session: Session, numbers: str | Iterable[str], state: str, *, problem: str | None = None
) -> int:
    """Set ``local_state`` (and the problem text, cleared unless given) of one posting or several.
    Returns how many postings there were (0: none of those numbers is cached)."""
    if state not in LOCAL_STATES:
        raise ValueError(f"unknown local_state {state!r}")
    if isinstance(numbers, str):  # the station's one posting: no IN list (it runs straight, app.store.direct)
        return session.execute(_SET_ONE, {"number": numbers, "local_state": state, "problem": problem}).rowcount
    changed = 0
    for chunk in chunked(as_list(numbers)):
        changed += session.execute(
            _SET_LOCAL, {"numbers": list(chunk), "local_state": state, "problem": problem}).rowcount
    return changed


def set_packed(session: Session, number: str, local_state: str, *, station: str, now: datetime,
               weight_g: float | None) -> None:
    """The bench verified the posting's parcel: ``local_state`` (packed, shipped, labelled), the
    problem cleared, packed by ``station`` at ``now``, its measured weight, and the claim let go
    in the same statement (the bench packs only a posting that is unclaimed or its own)."""
    session.execute(_SET_ONE, {"number": number, "local_state": local_state, "problem": None,
                               "packed_at": naive_utc(now), "packed_by": station, "measured_weight_g": weight_g,
                               "claimed_by": None, "claimed_at": None})


def claim_posting(session: Session, number: str, station: str, now: datetime, *,
                  local_state: str | None = None) -> bool:
    """Claim the posting for ``station`` unless another station holds it (atomic); with
    ``local_state``, set that state (its problem cleared) in the same statement, only if claimed."""
    values = {"number": number, "station": station, "claimed_by": station, "claimed_at": naive_utc(now)}
    if local_state is not None:
        if local_state not in LOCAL_STATES:
            raise ValueError(f"unknown local_state {local_state!r}")
        values.update(local_state=local_state, problem=None)
    return session.execute(_CLAIM, values).rowcount == 1


def release_posting(session: Session, number: str, station: str) -> bool:
    """Drop ``station``'s claim; False when it held none."""
    result = session.execute(_RELEASE, {"number": number, "station": station, "claimed_by": None,
                                        "claimed_at": None})
    return result.rowcount == 1
