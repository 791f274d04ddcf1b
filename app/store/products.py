"""Products and their barcodes: Ozon's (EAN, ``OZN…``) and those a station was taught."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, delete, select
from sqlalchemy.orm import Session

from app.store.bulk import check_fields, chunked, dialect_insert, last_by_key, naive_utc, upsert
from app.store.models import PostingItemRow, ProductBarcodeRow, ProductRow

SOURCE_OZON = "ozon"
SOURCE_TAUGHT = "taught"
PRODUCT_FIELDS = tuple(c.name for c in ProductRow.__table__.columns if c.name != "fetched_at")

_products = ProductRow.__table__
_barcodes = ProductBarcodeRow.__table__


def upsert_products(
    session: Session,
    products: list[dict[str, Any]],
    barcodes: dict[int, list[str]],
    now: datetime,
) -> int:
    """Insert or update ``products`` (dicts keyed by ``ProductRow`` columns); for every sku in
    ``barcodes`` its Ozon barcodes become exactly that list (taught ones stay). Returns the
    number of products written."""
    now = naive_utc(now)
    rows = []
    for product in products:
        check_fields("product", product, PRODUCT_FIELDS, ("sku",))
        row = {name: product.get(name) for name in PRODUCT_FIELDS}
        row.update(sku=int(row["sku"]), offer_id=row["offer_id"] or "", name=row["name"] or "",
                   fetched_at=now)
        rows.append(row)
    rows = last_by_key(rows, "sku")
    upsert(session, _products, rows, keys=["sku"],
           update=[name for name in PRODUCT_FIELDS if name != "sku"] + ["fetched_at"])
    _replace_ozon_barcodes(session, {int(sku): codes for sku, codes in barcodes.items()}, now)
    return len(rows)


def photo_links_unknown(session: Session, skus: Iterable[int]) -> set[int]:
    """The skus of ``skus`` whose product was synced before photo links were kept (asked again once)."""
    found: set[int] = set()
    for chunk in chunked(sorted({int(s) for s in skus})):
        found.update(session.scalars(select(_products.c.sku).where(_products.c.sku.in_(chunk),
                                                                     _products.c.primary_image.is_(None))))
    return found


def primary_images(session: Session, skus: Iterable[int]) -> dict[int, str]:
    """Ozon's link to the main photo of each of ``skus`` that has one."""
    found: dict[int, str] = {}
    for chunk in chunked(sorted({int(s) for s in skus})):
        found.update(session.execute(
            select(_products.c.sku, _products.c.primary_image)
            .where(_products.c.sku.in_(chunk), _products.c.primary_image.is_not(None), _products.c.primary_image != "")
        ).all())
    return found


def _replace_ozon_barcodes(session: Session, barcodes: dict[int, list[str]], now: datetime) -> None:
    wanted = {(code, sku) for sku, codes in barcodes.items() for code in codes if code}
    existing: set[tuple[str, int]] = set()
    for chunk in chunked(list(barcodes)):
        existing.update(session.execute(
            select(_barcodes.c.barcode, _barcodes.c.sku)
            .where(_barcodes.c.sku.in_(chunk), _barcodes.c.source == SOURCE_OZON)
        ).all())
    stale = [{"b": code, "s": sku} for code, sku in existing - wanted]
    if stale:
        session.execute(
            delete(_barcodes).where(_barcodes.c.barcode == bindparam("b"),
                                    _barcodes.c.sku == bindparam("s")),
            stale,
        )
    new = [
        {"barcode": code, "sku": sku, "source": SOURCE_OZON, "taught_by": None, "created_at": now}
        for code, sku in sorted(wanted - existing)
    ]
    upsert(session, _barcodes, new, keys=["barcode", "sku"])  # a taught twin stays as it is


def add_taught_barcode(session: Session, barcode: str, sku: int, by: str | None, now: datetime) -> bool:
    """Remember that ``barcode`` stands for ``sku`` (taught at a bench). False: already known."""
    stmt = dialect_insert(session, _barcodes).values(
        barcode=barcode, sku=int(sku), source=SOURCE_TAUGHT, taught_by=by, created_at=naive_utc(now),
    ).on_conflict_do_nothing(index_elements=["barcode", "sku"]).returning(_barcodes.c.sku)
    return session.execute(stmt).first() is not None


def get_product(session: Session, sku: int) -> ProductRow | None:
    return session.get(ProductRow, int(sku))


# the station's per-scan reads, built once (plain rows: no ORM object is made at a scan)
_BY_BARCODE = (
    select(_products.c.sku, _products.c.offer_id, _products.c.name, _products.c.weight_g)
    .select_from(_products.join(_barcodes, _barcodes.c.sku == _products.c.sku))
    .where(_barcodes.c.barcode == bindparam("barcode"))
    .order_by(_products.c.sku)
)
_WEIGHTS = select(_products.c.sku, _products.c.weight_g).where(
    _products.c.sku.in_(bindparam("skus", expanding=True)))


def products_by_barcode(session: Session, barcode: str) -> list[Row]:
    """Every product known under ``barcode`` (usually one), by sku: rows of
    ``(sku, offer_id, name, weight_g)``."""
    return list(session.execute(_BY_BARCODE, {"barcode": barcode}))


def weights_by_sku(session: Session, skus: Iterable[int]) -> dict[int, float | None]:
    """The catalogue weight of each of ``skus`` that is in the cache (None: it has none)."""
    found: dict[int, float | None] = {}
    for chunk in chunked(sorted({int(s) for s in skus})):
        found.update(session.execute(_WEIGHTS, {"skus": list(chunk)}).all())
    return found


def products_by_sku(session: Session, skus: Iterable[int]) -> dict[int, ProductRow]:
    found: dict[int, ProductRow] = {}
    for chunk in chunked(sorted({int(s) for s in skus})):
        for product in session.scalars(select(ProductRow).where(ProductRow.sku.in_(chunk))):
            found[product.sku] = product
    return found


def missing_skus(session: Session, skus: Iterable[int]) -> set[int]:
    """The skus of ``skus`` with no product in the cache."""
    wanted = {int(s) for s in skus}
    for chunk in chunked(sorted(wanted)):
        wanted.difference_update(session.scalars(select(_products.c.sku).where(_products.c.sku.in_(chunk))))
    return wanted


def barcodes_for_sku(session: Session, sku: int) -> list[str]:
    """All barcodes of ``sku``: Ozon's first, then taught ones."""
    return barcodes_by_sku(session, [sku]).get(int(sku), [])


_BARCODES_OF = (  # built once: the pack view asks at every scan
    select(_barcodes.c.sku, _barcodes.c.barcode)
    .where(_barcodes.c.sku.in_(bindparam("skus", expanding=True)))
    .order_by(_barcodes.c.sku, _barcodes.c.source != SOURCE_OZON, _barcodes.c.barcode)
)


_items = PostingItemRow.__table__
_BARCODES_OF_POSTING = (  # one statement whatever the posting's lines (an IN list is built per call)
    select(_barcodes.c.sku, _barcodes.c.barcode)
    .where(_barcodes.c.sku.in_(select(_items.c.sku).where(_items.c.posting_number == bindparam("number"))))
    .order_by(_barcodes.c.sku, _barcodes.c.source != SOURCE_OZON, _barcodes.c.barcode)
)


def barcodes_of_posting(session: Session, posting_number: str) -> dict[int, list[str]]:
    """``barcodes_by_sku`` of the skus on one posting's lines: what the pack view shows at a scan."""
    found: dict[int, list[str]] = {}
    for sku, code in session.execute(_BARCODES_OF_POSTING, {"number": posting_number}):
        found.setdefault(sku, []).append(code)
    return found


def barcodes_by_sku(session: Session, skus: Iterable[int]) -> dict[int, list[str]]:
    """Barcodes of each of ``skus`` that has any (Ozon's first, then taught, each sorted)."""
    found: dict[int, list[str]] = {}
    for chunk in chunked(sorted({int(s) for s in skus})):
        for sku, code in session.execute(_BARCODES_OF, {"skus": list(chunk)}):
            found.setdefault(sku, []).append(code)
    return found
