"""Postings as Ozon's JSON: the v4 list shape, the v3 detail shape and the v2 barcode shape.

Optional blocks (barcodes, analytics, financial data, legal info...) appear only when the
request's ``with`` asks for them, as on Ozon; absent dates are ``null``.
"""
from __future__ import annotations

import time
from typing import Callable

from app.sim.ozon.catalog import Product
from app.sim.ozon.posting import Posting

CURRENCY = "RUB"
_REQUIREMENT_KEYS_V3 = (
    "products_requiring_gtd", "products_requiring_country", "products_requiring_change_country",
    "products_requiring_rnpt", "products_requiring_jw_uin",
)
_REQUIREMENT_KEYS_V4 = _REQUIREMENT_KEYS_V3 + ("products_requiring_imei", "products_requiring_weight")


def iso(ts: float | None) -> str | None:
    """Epoch seconds as Ozon's RFC 3339 UTC time, e.g. ``2026-01-05T13:00:00Z``."""
    if ts is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def _delivery_method(posting: Posting) -> dict:
    method = posting.method
    return {
        "id": method.id,
        "name": method.name,
        "warehouse_id": method.warehouse.warehouse_id,
        "warehouse": method.warehouse.name,
        "tpl_provider_id": method.provider_id,
        "tpl_provider": method.provider_name,
    }


def _cancellation(posting: Posting) -> dict:
    return {
        "cancel_reason_id": posting.cancel_reason_id,
        "cancel_reason": posting.cancel_reason,
        "cancellation_type": posting.cancellation_type,
        "cancelled_after_ship": posting.cancelled_after_ship,
        "affect_cancellation_rating": posting.cancellation_type == "seller",
        "cancellation_initiator": posting.cancellation_initiator,
    }


def _barcodes(posting: Posting) -> dict:
    return {"upper_barcode": posting.upper_barcode, "lower_barcode": posting.lower_barcode}


def _analytics(posting: Posting) -> dict:
    method = posting.method
    return {
        "city": method.warehouse.city,
        "delivery_type": "PVZ",
        "is_legal": False,
        "is_premium": False,
        "payment_type_group_name": "картой онлайн",
        "region": "",
        "tpl_provider": method.provider_name,
        "tpl_provider_id": method.provider_id,
        "warehouse": method.warehouse.name,
        "warehouse_id": method.warehouse.warehouse_id,
        "delivery_date_begin": iso(posting.shipment_date + 86_400),
        "delivery_date_end": iso(posting.shipment_date + 3 * 86_400),
    }


def _requirements(posting: Posting, needs_mark: dict[int, bool], keys: tuple[str, ...]) -> dict:
    requirements = {"products_requiring_mandatory_mark": posting.mandatory_mark_skus(needs_mark)}
    requirements.update((key, []) for key in keys)
    return requirements


def _common(posting: Posting, needs_mark: dict[int, bool], keys: tuple[str, ...]) -> dict:
    return {
        "posting_number": posting.posting_number,
        "order_id": posting.order_id,
        "order_number": posting.order_number,
        "status": posting.status,
        "substatus": posting.substatus,
        "delivery_method": _delivery_method(posting),
        "tracking_number": posting.tracking_number,
        "tpl_integration_type": posting.method.tpl_integration_type,
        "in_process_at": iso(posting.in_process_at),
        "shipment_date": iso(posting.shipment_date),
        "delivering_date": iso(posting.delivering_date),
        "cancellation": _cancellation(posting),
        "customer": customer(posting),
        "addressee": addressee(posting),
        "barcodes": None,
        "analytics_data": None,
        "financial_data": None,
        "legal_info": None,
        "requirements": _requirements(posting, needs_mark, keys),
        "optional": {"products_with_possible_mandatory_mark": []},
        "available_actions": posting.available_actions(),
        "is_express": posting.is_express,
        "is_multibox": posting.is_multibox,
        "multi_box_qty": posting.multi_box_qty,
        "parent_posting_number": posting.parent_posting_number,
        "scanit": posting.scanit,  # 2026-10: the code on the new-format label
    }


def _financial(posting: Posting, products: dict[int, Product], v4: bool) -> dict:
    items = []
    for line in posting.lines:
        price = float(products[line.sku].price)
        item = {
            "product_id": line.sku,
            "quantity": line.quantity,
            "price": price,
            "old_price": price,
            "payout": round(price * 0.85, 2),
            "total_discount_percent": 0.0,
            "total_discount_value": 0.0,
            "actions": [],
        }
        if v4:
            item["commission"] = {"amount": round(price * 0.15, 2), "currency": CURRENCY, "percent": 15}
            item["customer_price"] = {"amount": products[line.sku].price, "currency": CURRENCY}
        else:
            item.update(commission_amount=round(price * 0.15, 2), commission_percent=15,
                        commissions_currency_code=CURRENCY, currency_code=CURRENCY)
        items.append(item)
    return {"cluster_from": "", "cluster_to": "", "products": items}


def _add_with(out: dict, posting: Posting, with_: dict, financial: Callable[[], dict]) -> None:
    if with_.get("barcodes"):
        out["barcodes"] = _barcodes(posting)
    if with_.get("analytics_data"):
        out["analytics_data"] = _analytics(posting)
    if with_.get("financial_data"):
        out["financial_data"] = financial()
    if with_.get("legal_info"):
        out["legal_info"] = {"company_name": "", "inn": "", "kpp": ""}


def posting_v4(posting: Posting, products: dict[int, Product], needs_mark: dict[int, bool],
               with_: dict) -> dict:
    """One posting of ``/v4/posting/fbs/list`` and ``/v4/posting/fbs/unfulfilled/list``."""
    out = _common(posting, needs_mark, _REQUIREMENT_KEYS_V4)
    out["shipment_date_without_delay"] = out["shipment_date"]
    out["delivery_schema"] = "FBS"
    out["is_presortable"] = False
    lines = []
    for line in posting.lines:
        product = products[line.sku]
        lines.append({
            "sku": line.sku,
            "offer_id": product.offer_id,
            "name": product.name,
            "quantity": line.quantity,
            "price": {"amount": product.price, "currency": CURRENCY},
            "imei": [],
            "is_blr_traceable": False,
            "is_marketplace_buyout": False,
        })
    out["products"] = lines
    _add_with(out, posting, with_, lambda: _financial(posting, products, v4=True))
    return out


def posting_v3(posting: Posting, products: dict[int, Product], needs_mark: dict[int, bool],
               with_: dict) -> dict:
    """The ``result`` of ``/v3/posting/fbs/get``."""
    out = _common(posting, needs_mark, _REQUIREMENT_KEYS_V3)
    out["previous_substatus"] = posting.previous_substatus
    out["provider_status"] = ""
    out["delivery_price"] = ""
    out["additional_data"] = []
    out["courier"] = None
    out["tariffication"] = []
    lines = []
    for line in posting.lines:
        product = products[line.sku]
        lines.append({
            "sku": line.sku,
            "offer_id": product.offer_id,
            "name": product.name,
            "quantity": line.quantity,
            "price": product.price,
            "currency_code": CURRENCY,
            "mandatory_mark": [],
            "is_blr_traceable": False,
            "is_marketplace_buyout": False,
            "dimensions": {
                "height": str(product.height_mm), "length": str(product.depth_mm),
                "width": str(product.width_mm), "weight": str(product.weight_g),
            },
        })
    out["products"] = lines
    _add_with(out, posting, with_, lambda: _financial(posting, products, v4=False))
    if with_.get("product_exemplars"):
        out["product_exemplars"] = {"products": [{"sku": line.sku, "exemplars": []} for line in posting.lines]}
    if with_.get("related_postings"):
        out["related_postings"] = {"related_posting_numbers": list(posting.related)}
    return out


def posting_v2_by_barcode(posting: Posting, products: dict[int, Product]) -> dict:
    """The ``result`` of ``/v2/posting/fbs/get-by-barcode``."""
    return {
        "posting_number": posting.posting_number,
        "order_id": posting.order_id,
        "order_number": posting.order_number,
        "status": posting.status,
        "cancel_reason_id": posting.cancel_reason_id,
        "created_at": iso(posting.in_process_at),
        "in_process_at": iso(posting.in_process_at),
        "shipment_date": iso(posting.shipment_date),
        "barcodes": _barcodes(posting),
        "analytics_data": None,
        "financial_data": None,
        "products": [
            {
                "sku": line.sku,
                "offer_id": products[line.sku].offer_id,
                "name": products[line.sku].name,
                "quantity": line.quantity,
                "price": products[line.sku].price,
            }
            for line in posting.lines
        ],
    }


# rFBS with the seller's own carrier: Ozon gives the seller the buyer's address (phone: always "")
# and the addressee's name and phone; others get null
_ADDRESSES = (("101000", "Москва", "Москва", "ул. Мясницкая, д. 24, кв. 5"),
              ("190000", "Санкт-Петербург", "Санкт-Петербург", "Невский пр., д. 10, кв. 12"),
              ("620014", "Свердловская область", "Екатеринбург", "ул. Малышева, д. 31"),
              ("630099", "Новосибирская область", "Новосибирск", "Красный пр., д. 5, кв. 44"))
_NAMES = ("Иванова Анна", "Петров Сергей", "Смирнова Ольга", "Кузнецов Дмитрий")


def _pick(posting: Posting, options):
    return options[sum(map(ord, posting.posting_number)) % len(options)]


def customer(posting: Posting) -> dict | None:
    if not posting.method.own_carrier:
        return None
    zip_code, region, city, tail = _pick(posting, _ADDRESSES)
    return {"customer_id": posting.order_id, "name": _pick(posting, _NAMES), "phone": "",
            "address": {"address_tail": tail, "city": city, "comment": "", "country": "Россия", "district": "",
                        "latitude": 0, "longitude": 0, "provider_pvz_code": "", "pvz_code": 0, "region": region,
                        "zip_code": zip_code}}


def addressee(posting: Posting) -> dict | None:
    if not posting.method.own_carrier:
        return None
    return {"name": _pick(posting, _NAMES), "phone": "+7" + str(9000000000 + posting.order_id % 10**9)}
