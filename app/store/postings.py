"""Postings in the cache: bulk upsert from Ozon, the bench's own state, and the scan lookups.

``local_state`` (CONTRACT.md, listing rules) is the bench's view; Ozon's ``status`` moves it along
when the sync sees the posting leave the bench's hands (``app.statuses.LOCAL_STATE_RULES``, rendered
here as SQL for the bulk upsert).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    ColumnElement, String, and_, bindparam, case, delete, insert, literal_column, or_, select, update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.sql.functions import FunctionElement

from app.statuses import (
    AWAITING_PACKAGING, LOCAL_STATE_RULES, LOCAL_STATES, PACKABLE_LOCAL_STATES, LocalState, LocalStateRule,
    derive_local_state,
)
from app.store import products, status_history
from app.store.accounts import own as _own
from app.store.bulk import CHUNK, check_fields, chunked, dialect_insert, last_by_key, naive_utc
from app.store.models import PostingItemRow, PostingRow, ProductBarcodeRow

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
    applies = _one_of(status, rule.statuses)
    return applies if rule.from_states is None else and_(applies, _one_of(old, rule.from_states))


def _one_of(column: ColumnElement, values: Iterable[str]) -> ColumnElement:
    # inline literals (our own constants): executemany cannot take "expanding" IN parameters
    return column.in_([literal_column(f"'{value}'") for value in sorted(values)])


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


_CACHED = select(*(_postings.c[name] for name in (*POSTING_FIELDS, "local_state"))).where(
    _postings.c.posting_number == bindparam("number"))
_CACHED_ITEMS = (select(*(_items.c[name] for name in ITEM_FIELDS))
                 .where(_items.c.posting_number == bindparam("number")).order_by(_items.c.line_no))


def refresh_posting(session: Session, posting: dict[str, Any], items: list[dict[str, Any]], now: datetime) -> bool:
    """One posting as Ozon just sent it (the station's re-read before opening or packing):
    written as :func:`upsert_postings` writes it, unless the cache holds exactly that already;
    then only its ``synced_at`` moves (two reads and one small update instead of an upsert that
    rewrites the row and its lines). True when something changed."""
    row = _posting_row(posting, now)
    number = row["posting_number"]
    cached = session.execute(_CACHED, {"number": number}).first()
    if cached is not None:
        *ozon, local_state = cached
        same = (list(ozon) == [row[name] for name in POSTING_FIELDS]
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
    for chunk in chunked(_as_list(numbers)):
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


# -- lookups (each served by indexes; tests/test_store_lookups.py checks the plans) -------------
# Built once: at a scan, statement construction costs more than the indexed query itself.

class _unindexed(FunctionElement):
    """A column its database should not look up by index: ``+column`` on SQLite (its documented
    way to keep a term off an index), the plain column elsewhere."""

    type = String()
    inherit_cache = True

    def __init__(self, column: ColumnElement) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(_unindexed)
def _compile_unindexed(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_unindexed, "sqlite")
def _compile_unindexed_sqlite(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + compiler.process(element.clauses, **kw)


def _unclaimed(station: ColumnElement | None) -> ColumnElement:
    if station is None:
        return _postings.c.claimed_by.is_(None)
    return or_(_postings.c.claimed_by.is_(None), _postings.c.claimed_by == station)


def _one_with_items(stmt: Any) -> Any:
    # items in the same round trip; a posting already in the session is read afresh
    return stmt.options(joinedload(PostingRow.items)).execution_options(populate_existing=True)


_GET = _one_with_items(select(PostingRow).where(PostingRow.posting_number == bindparam("number")))
_LABEL_CODE = or_(PostingRow.upper_barcode == bindparam("code"), PostingRow.lower_barcode == bindparam("code"),
                  PostingRow.scanit == bindparam("code"))  # scanit: the code on Ozon's new-format label
_BY_LABEL = _one_with_items(select(PostingRow).where(_LABEL_CODE).order_by(PostingRow.posting_number).limit(1))
_NUMBER_BY_LABEL = (select(_postings.c.posting_number).where(_LABEL_CODE)
                    .order_by(_postings.c.posting_number).limit(1))


def _packable(station: ColumnElement | None, what: Any = PostingRow) -> Any:
    # the tables' columns, not the mapped attributes: with ``what`` a column the statement is
    # plain Core (the writer lane runs it straight, app.store.direct), the SQL is the same
    p, i, b = _postings.c, _items.c, ProductBarcodeRow.__table__.c
    skus = select(b.sku).where(b.barcode == bindparam("barcode"))
    numbers = select(i.posting_number).where(i.sku.in_(skus))
    return (
        select(what)
        .where(
            p.posting_number.in_(numbers),
            # the few postings of the product are the way in; without table statistics SQLite
            # would rather walk every awaiting_packaging posting by the status index (~10x slower)
            _unindexed(p.status) == AWAITING_PACKAGING,
            _one_of(_unindexed(p.local_state), PACKABLE_LOCAL_STATES),  # inline: no IN list to expand
            _unclaimed(station),
            # a wave's parcel is opened by its Ozon label, not by an item; nearly every posting
            # has no wave: by the wave index SQLite would walk them all (~40 ms at 100k)
            _unindexed(p.wave_id).is_(None),
        )
        .order_by(p.shipment_date.is_(None), p.shipment_date, p.posting_number)
        .limit(1)
    )


_PACKABLE_UNCLAIMED = _one_with_items(_packable(None))
_PACKABLE_FOR_STATION = _one_with_items(_packable(bindparam("station")))
# a posting another bench's decision is holding right now is passed over (app.store.claims)
_PACKABLE_NUMBER = _packable(bindparam("station"), _postings.c.posting_number).with_for_update(
    of=_postings, skip_locked=True)


def get_posting(session: Session, number: str) -> PostingRow | None:
    """The posting with its items, or None."""
    return _first_with_items(session, _GET, {"number": number})


def find_by_label_barcode(session: Session, code: str) -> PostingRow | None:
    """The posting whose Ozon label carries ``code`` (upper or lower barcode), with its items."""
    return _first_with_items(session, _BY_LABEL, {"code": code})


def posting_by_label_barcode(session: Session, code: str) -> str | None:
    """The number of the posting whose Ozon label carries ``code`` (the station's scan check)."""
    return session.execute(_NUMBER_BY_LABEL, {"code": code}).scalar()


def find_packable_by_item_barcode(
    session: Session, barcode: str, station: str | None = None
) -> PostingRow | None:
    """The packable posting that ships first and holds a product with ``barcode``, with its items.

    Packable: Ozon status ``awaiting_packaging``, local_state waiting or in_progress, and not
    claimed by another station (with ``station`` None: not claimed at all).
    """
    if station is None:
        return _first_with_items(session, _PACKABLE_UNCLAIMED, {"barcode": barcode})
    return _first_with_items(session, _PACKABLE_FOR_STATION, {"barcode": barcode, "station": station})


def packable_by_item_barcode(session: Session, barcode: str, station: str) -> str | None:
    """:func:`find_packable_by_item_barcode` for ``station``, its number only (the station's scan)."""
    return session.execute(_PACKABLE_NUMBER, {"barcode": barcode, "station": station}).scalar()


def _first_with_items(session: Session, stmt: Any, params: dict[str, Any]) -> PostingRow | None:
    return session.scalars(stmt, params).unique().first()


def list_postings(
    session: Session,
    status: str | Iterable[str] | None = None,
    local_state: str | Iterable[str] | None = None,
    limit: int | None = None,
    *,
    with_items: bool = True,
    status_or_state: str | None = None,
) -> list[PostingRow]:
    """Postings by shipment date (undated last), optionally filtered by Ozon status/local_state, or
    by a word that is either (``packdesk postings --status``)."""
    stmt = select(PostingRow)
    if status is not None:
        stmt = stmt.where(PostingRow.status.in_(_as_list(status)))
    if local_state is not None:
        stmt = stmt.where(PostingRow.local_state.in_(_as_list(local_state)))
    if status_or_state is not None:
        stmt = stmt.where(or_(PostingRow.status == status_or_state, PostingRow.local_state == status_or_state))
    stmt = stmt.order_by(
        PostingRow.shipment_date.is_(None), PostingRow.shipment_date, PostingRow.posting_number
    ).limit(limit)
    if with_items:
        stmt = _with_items(stmt)
    return list(session.scalars(stmt))


def open_posting_numbers(session: Session, local_states: Iterable[str], account: str | None = None) -> list[str]:
    """Numbers of the postings whose ``local_state`` is one of ``local_states`` (of one account's)."""
    stmt = select(PostingRow.posting_number).where(PostingRow.local_state.in_(list(local_states)))
    if account is not None:
        stmt = stmt.where(PostingRow.account == account)
    return list(session.scalars(stmt.order_by(PostingRow.posting_number)))


def listing(session: Session, status: str | None = None) -> list[dict[str, Any]]:
    """``packdesk postings --json``: JSON-ready dicts, items with all their product's barcodes;
    times in ISO 8601 UTC. ``status``: Ozon's status or the bench's local state."""
    postings = list_postings(session, status_or_state=status)
    skus = {line.sku for p in postings for line in p.items}
    barcodes = products.barcodes_by_sku(session, skus)
    return [
        {
            "posting_number": p.posting_number,
            "order_number": p.order_number,
            "status": p.status,
            "substatus": p.substatus,
            "local_state": p.local_state,
            "shipment_date": _iso_utc(p.shipment_date),
            "delivery_method_name": p.delivery_method_name,
            "warehouse_id": p.warehouse_id,
            "tracking_number": p.tracking_number,
            "claimed_by": p.claimed_by,
            "problem": p.problem,
            "items": [
                {"sku": line.sku, "offer_id": line.offer_id, "name": line.name,
                 "quantity": line.quantity, "barcodes": barcodes.get(line.sku, [])}
                for line in p.items
            ],
        }
        for p in postings
    ]


def _iso_utc(value: datetime | None) -> str | None:
    return None if value is None else value.replace(tzinfo=timezone.utc).isoformat()


def _with_items(stmt: Any) -> Any:
    return stmt.options(selectinload(PostingRow.items))


def _as_list(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)
