"""Returns and the units scanned back (tables: ``app.store.models_returns``)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.store.models import PackedUnitRow
from app.store.models_returns import CASE_OPEN, RETURN_CLOSED, RETURN_OPEN, CaseRow, ReturnRow, ReturnUnitRow

SYNCED_FIELDS = ("posting_number", "barcode", "kind", "sku", "offer_id", "name", "quantity", "state",
                 "state_name", "group_state", "reason", "created_at", "changed_at")


def upsert(session, items, now: datetime, details: dict | None = None) -> list[ReturnRow]:
    """Ozon's returns into the cache (the bench's own columns stay); the rows that were new."""
    details = details or {}
    new = []
    for item in items:
        row = session.scalars(select(ReturnRow).where(ReturnRow.scheme == item.scheme,
                                                      ReturnRow.ozon_id == item.ozon_id)).one_or_none()
        if row is None:
            row = ReturnRow(scheme=item.scheme, ozon_id=item.ozon_id, notes=[], actions=[], rejection_reasons=[])
            session.add(row)
            new.append(row)
        for name in SYNCED_FIELDS:
            value = getattr(item, name)
            if value is not None or name in ("created_at", "changed_at", "sku"):
                setattr(row, name, value if value is not None else getattr(row, name))
        detail = details.get(item.ozon_id) if item.scheme == "rfbs" else None
        if detail is not None:
            row.actions, row.rejection_reasons = list(detail.actions), list(detail.rejection_reasons)
            row.reason = detail.reason or row.reason
        row.synced_at = now
    session.flush()
    return new


def by_barcode(session, code: str) -> ReturnRow | None:
    """The newest return with this barcode (or rFBS return number), not closed first."""
    rows = session.scalars(select(ReturnRow).where(ReturnRow.barcode == code).order_by(ReturnRow.id.desc())).all()
    return next((r for r in rows if r.local_state != RETURN_CLOSED), rows[0] if rows else None)


def open_at(session, station: str) -> ReturnRow | None:
    return session.scalars(select(ReturnRow).where(ReturnRow.station == station,
                                                   ReturnRow.local_state == RETURN_OPEN)).first()


def barcodes(session) -> set[str]:
    """The barcodes a scan at a packing bench may open (returns not closed)."""
    return set(session.scalars(select(ReturnRow.barcode).where(ReturnRow.local_state != RETURN_CLOSED)))


def units(session, return_id: int) -> list[ReturnUnitRow]:
    return list(session.scalars(select(ReturnUnitRow).where(ReturnUnitRow.return_id == return_id)
                                .order_by(ReturnUnitRow.id)))


def shipped(session, posting_number: str) -> list[PackedUnitRow]:
    """What left in that posting: the units verified at the bench."""
    return list(session.scalars(select(PackedUnitRow).where(PackedUnitRow.posting_number == posting_number)
                                .order_by(PackedUnitRow.id)))


def of_posting(session, posting_number: str) -> list[ReturnRow]:
    return list(session.scalars(select(ReturnRow).where(ReturnRow.posting_number == posting_number)
                                .order_by(ReturnRow.id)))


def listing(session, limit: int = 500) -> list[ReturnRow]:
    return list(session.scalars(select(ReturnRow).order_by(ReturnRow.id.desc()).limit(limit)))


def get(session, return_id: int) -> ReturnRow | None:
    return session.get(ReturnRow, return_id)


def postings_with_open_cases(session, postings: set[str]) -> set[str]:
    """The postings among ``postings`` with an open case (their clips and photos are kept)."""
    if not postings:
        return set()
    rows = session.scalars(select(CaseRow.posting_number).where(CaseRow.state == CASE_OPEN))
    return postings & set(rows)
