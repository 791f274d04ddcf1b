"""Reference data from Ozon: warehouses and delivery methods."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from app.store.bulk import check_fields, chunked, last_by_key, upsert
from app.store.models import DeliveryMethodRow, WarehouseRow

WAREHOUSE_FIELDS = tuple(c.name for c in WarehouseRow.__table__.columns)
DELIVERY_METHOD_FIELDS = tuple(c.name for c in DeliveryMethodRow.__table__.columns)


def replace_warehouses(session: Session, warehouses: list[dict[str, Any]], *, prune: bool = True) -> int:
    """Upsert ``warehouses``; with ``prune``, drop the ones not in the list. Returns the count."""
    rows = [_fill("warehouse", w, WAREHOUSE_FIELDS) for w in warehouses]
    for row in rows:
        row["is_rfbs"] = bool(row["is_rfbs"])
    return _replace(session, WarehouseRow.__table__, WAREHOUSE_FIELDS, rows, prune)


def replace_delivery_methods(session: Session, methods: list[dict[str, Any]], *, prune: bool = True) -> int:
    """Upsert delivery ``methods``; with ``prune``, drop the ones not in the list."""
    rows = [_fill("delivery method", m, DELIVERY_METHOD_FIELDS) for m in methods]
    return _replace(session, DeliveryMethodRow.__table__, DELIVERY_METHOD_FIELDS, rows, prune)


def list_warehouses(session: Session) -> list[WarehouseRow]:
    return list(session.scalars(select(WarehouseRow).order_by(WarehouseRow.id)))


def list_delivery_methods(session: Session, warehouse_id: int | None = None) -> list[DeliveryMethodRow]:
    stmt = select(DeliveryMethodRow).order_by(DeliveryMethodRow.id)
    if warehouse_id is not None:
        stmt = stmt.where(DeliveryMethodRow.warehouse_id == warehouse_id)
    return list(session.scalars(stmt))


def _fill(kind: str, row: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    check_fields(kind, row, fields, ("id", "name"))
    return {name: row.get(name) for name in fields}


def _replace(
    session: Session, table: Table, fields: tuple[str, ...], rows: list[dict[str, Any]], prune: bool
) -> int:
    rows = last_by_key(rows, "id")
    upsert(session, table, rows, keys=["id"], update=[f for f in fields if f != "id"])
    if prune:
        keep = {row["id"] for row in rows}
        gone = [i for i in session.scalars(select(table.c.id)) if i not in keep]
        for chunk in chunked(gone):
            session.execute(delete(table).where(table.c.id.in_(chunk)))
    return len(rows)
