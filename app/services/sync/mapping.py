"""Ozon dataclasses → the plain rows the store takes (the store knows nothing of the client)."""
from __future__ import annotations

from datetime import datetime, timezone

from app.services.ozon.models import Posting, Product
from app.statuses import cancelled_by


def naive_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def posting_row(p: Posting) -> dict:
    return {
        "posting_number": p.posting_number,
        "order_id": p.order_id,
        "order_number": p.order_number,
        "status": p.status,
        "substatus": p.substatus,
        "shipment_date": naive_utc(p.shipment_date),
        "in_process_at": naive_utc(p.in_process_at),
        "delivering_date": naive_utc(p.delivering_date),
        "delivery_method_id": p.delivery_method_id,
        "delivery_method_name": p.delivery_method_name,
        "warehouse_id": p.warehouse_id,
        "tpl_provider_id": p.tpl_provider_id,
        "tpl_integration_type": p.tpl_integration_type,
        "tracking_number": p.tracking_number,
        "available_actions": list(p.available_actions),
        "requirements": dict(p.requirements),
        "is_multibox": p.is_multibox,
        "multi_box_qty": p.multi_box_qty,
        "parent_posting_number": p.parent_posting_number,
        "delivery_schema": p.delivery_schema,
        "is_express": p.is_express,
        "cancel_reason": p.cancel_reason,
        "cancelled_by": cancelled_by(p.cancellation_type),
        "upper_barcode": p.upper_barcode,
        "lower_barcode": p.lower_barcode,
        "scanit": p.scanit,
    }


def item_rows(p: Posting) -> list[dict]:
    return [
        {"line_no": i, "sku": it.sku, "offer_id": it.offer_id, "name": it.name,
         "quantity": it.quantity, "price": it.price}
        for i, it in enumerate(p.products, start=1)
    ]


def product_row(p: Product) -> dict:
    return {
        "sku": p.sku, "product_id": p.product_id, "offer_id": p.offer_id, "name": p.name,
        "weight_g": p.weight_g, "height_mm": p.height_mm, "width_mm": p.width_mm, "depth_mm": p.depth_mm,
        "primary_image": p.primary_image,  # "": Ozon has none (NULL: synced before links were kept)
    }
