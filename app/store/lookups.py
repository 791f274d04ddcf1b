"""The scan's lookups in the cache (by posting number, label code, item barcode) and the listings.

Each lookup is served by an index; ``tests/test_store_lookups.py`` checks the plans. The
statements are built once: at a scan, building one costs more than the indexed query itself.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import ColumnElement, bindparam, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased, joinedload, selectinload
from sqlalchemy.sql.selectable import Alias

from app.store import products
from app.store.bulk import as_list
from app.store.models import PostingItemRow, PostingRow, ProductBarcodeRow, packable

_postings = PostingRow.__table__
_items = PostingItemRow.__table__


class _Packable(Alias):
    """``postings``, read through its partial index of the packable postings on SQLite
    (``postings AS postings INDEXED BY ix_postings_packable``). Without table statistics SQLite would
    rather walk every ``awaiting_packaging`` posting by the status index (6 ms at 100,000 cached
    postings, against 0.06 ms) or read each posting of the product from the table (0.33 ms);
    PostgreSQL has its statistics and chooses itself."""

    inherit_cache = True


@compiles(_Packable, "sqlite")
def _compile_packable_sqlite(element: _Packable, compiler: Any, **kw: Any) -> str:
    text = compiler.visit_alias(element, **kw)
    return f"{text} INDEXED BY ix_postings_packable" if kw.get("asfrom") else text


_PACKABLE_POSTINGS = _Packable._construct(_postings, name="postings")
_PACKABLE_POSTING = aliased(PostingRow, _PACKABLE_POSTINGS)  # the mapped posting, read through it


def _unclaimed(p: Any, station: ColumnElement | None) -> ColumnElement:
    if station is None:
        return p.claimed_by.is_(None)
    return or_(p.claimed_by.is_(None), p.claimed_by == station)


def _one_with_items(stmt: Any, posting: Any = PostingRow) -> Any:
    # items in the same round trip; a posting already in the session is read afresh
    return stmt.options(joinedload(posting.items)).execution_options(populate_existing=True)


_GET = _one_with_items(select(PostingRow).where(PostingRow.posting_number == bindparam("number")))
_LABEL_CODE = or_(PostingRow.upper_barcode == bindparam("code"), PostingRow.lower_barcode == bindparam("code"),
                  PostingRow.scanit == bindparam("code"))  # scanit: the code on Ozon's new-format label
_BY_LABEL = _one_with_items(select(PostingRow).where(_LABEL_CODE).order_by(PostingRow.posting_number).limit(1))
_NUMBER_BY_LABEL = (select(_postings.c.posting_number).where(_LABEL_CODE)
                    .order_by(_postings.c.posting_number).limit(1))


def _packable(station: ColumnElement | None, what: Any = None) -> Any:
    # the alias's columns: with ``what`` a column the statement is plain Core (the writer lane runs
    # it straight, app.store.direct); without, the mapped posting read through the same alias
    p, i, b = _PACKABLE_POSTINGS.c, _items.c, ProductBarcodeRow.__table__.c
    skus = select(b.sku).where(b.barcode == bindparam("barcode"))
    numbers = select(i.posting_number).where(i.sku.in_(skus))
    return (
        select(_PACKABLE_POSTING if what is None else what(p))
        .where(
            p.posting_number.in_(numbers),  # the few postings of the product are the way in
            packable(p),  # ... each looked up in the index of those awaiting packaging, its row read only if there
            _unclaimed(p, station),
        )
        .order_by(p.shipment_date.is_(None), p.shipment_date, p.posting_number)
        .limit(1)
    )


_PACKABLE_UNCLAIMED = _one_with_items(_packable(None), _PACKABLE_POSTING)
_PACKABLE_FOR_STATION = _one_with_items(_packable(bindparam("station")), _PACKABLE_POSTING)
# a posting another bench's decision is holding right now is passed over (app.store.claims)
_PACKABLE_NUMBER = _packable(bindparam("station"), lambda p: p.posting_number).with_for_update(
    of=_PACKABLE_POSTINGS, skip_locked=True)


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
        stmt = stmt.where(PostingRow.status.in_(as_list(status)))
    if local_state is not None:
        stmt = stmt.where(PostingRow.local_state.in_(as_list(local_state)))
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
