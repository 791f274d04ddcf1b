"""Pure functions turning Ozon's posting JSON into :mod:`app.services.ozon.models` dataclasses.

They raise :class:`ParseError` on anything that does not look like Ozon's documented shape;
the client decides whether that skips one posting (lists) or fails the call (single reads).
Shared field readers (``req_int``, ``opt_str``, ...) live here too and are used by
:mod:`app.services.ozon.parse_catalog`.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone

from .models import Addressee, Posting, PostingPage, PostingProduct

Pace = Callable[[list], Iterable]  # how a page's postings are walked (iter: straight through)

log = logging.getLogger("packdesk.ozon.client")

__all__ = [
    "ParseError",
    "parse_datetime",
    "format_datetime",
    "parse_posting",
    "parse_posting_page",
    "unwrap_result",
]


class ParseError(ValueError):
    """A JSON value does not have the shape Ozon documents."""


# ---------------------------------------------------------------------------- field readers

def _get(obj: Mapping, key: str):
    if not isinstance(obj, Mapping):
        raise ParseError(f"expected an object around {key!r}, got {type(obj).__name__}")
    return obj.get(key)


def req_str(obj: Mapping, key: str) -> str:
    value = _get(obj, key)
    if not isinstance(value, str) or not value:
        raise ParseError(f"{key!r} must be a non-empty string, got {value!r}")
    return value


def opt_str(obj: Mapping, key: str) -> str | None:
    """A string field; null, absent and "" all read as None."""
    value = _get(obj, key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ParseError(f"{key!r} must be a string, got {type(value).__name__}")
    return value


def to_int(value: object, key: str) -> int:
    """An int64 that Ozon may send as a JSON number or a decimal string."""
    if isinstance(value, bool):
        raise ParseError(f"{key!r} must be an integer, got a boolean")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise ParseError(f"{key!r} must be an integer, got {value!r}")


def req_int(obj: Mapping, key: str) -> int:
    value = _get(obj, key)
    if value is None:
        raise ParseError(f"{key!r} is missing")
    return to_int(value, key)


def opt_int(obj: Mapping, key: str) -> int | None:
    """An integer field; null, absent, "" and 0 (Ozon's "unset") read as None."""
    value = _get(obj, key)
    if value is None or value == "":
        return None
    number = to_int(value, key)
    return number or None


def opt_bool(obj: Mapping, key: str) -> bool:
    value = _get(obj, key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ParseError(f"{key!r} must be a boolean, got {value!r}")
    return value


def opt_obj(obj: Mapping, key: str) -> Mapping:
    """A nested object; null or absent reads as {}."""
    value = _get(obj, key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ParseError(f"{key!r} must be an object, got {type(value).__name__}")
    return value


def opt_list(obj: Mapping, key: str) -> list:
    value = _get(obj, key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ParseError(f"{key!r} must be a list, got {type(value).__name__}")
    return value


def str_tuple(obj: Mapping, key: str) -> tuple[str, ...]:
    items = opt_list(obj, key)
    if not all(isinstance(item, str) for item in items):
        raise ParseError(f"{key!r} must be a list of strings")
    return tuple(item for item in items if item)


def parse_datetime(value: object, key: str = "date") -> datetime | None:
    """RFC 3339 (``Z`` or offset, optional fraction of any length) → aware UTC datetime."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ParseError(f"{key!r} must be an RFC 3339 string, got {type(value).__name__}")
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ParseError(f"{key!r} is not an RFC 3339 date-time: {value!r}") from exc
    if parsed.year <= 1:  # Go's zero time, Ozon's way of saying "not set"
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def format_datetime(moment: datetime) -> str:
    """Aware datetime → RFC 3339 UTC with ``Z`` (milliseconds when not whole seconds)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("Ozon wants UTC times: pass a timezone-aware datetime")
    utc = moment.astimezone(timezone.utc)
    if utc.microsecond:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def unwrap_result(body: object) -> object:
    """Ozon wraps some answers in ``{"result": ...}`` and not others: return the payload."""
    if isinstance(body, Mapping) and "result" in body and isinstance(body["result"], (Mapping, list)):
        return body["result"]
    return body


# ---------------------------------------------------------------------------- postings

def _money(product: Mapping) -> tuple[str | None, str | None]:
    """Price and currency of a posting product: "279.0000" (v3) or {amount, currency} (v4)."""
    price = product.get("price")
    currency = opt_str(product, "currency_code")
    if isinstance(price, Mapping):
        amount = price.get("amount")
        currency = opt_str(price, "currency") or opt_str(price, "currency_code") or currency
        price = amount
    if price is None or price == "":
        return None, currency
    if isinstance(price, bool) or not isinstance(price, (str, int, float)):
        raise ParseError(f"'price' has an unexpected type {type(price).__name__}")
    return str(price), currency


def parse_posting_product(raw: object) -> PostingProduct:
    if not isinstance(raw, Mapping):
        raise ParseError("a posting product must be an object")
    price, currency = _money(raw)
    quantity = req_int(raw, "quantity")
    if quantity < 0:
        raise ParseError(f"'quantity' must not be negative, got {quantity}")
    return PostingProduct(
        sku=req_int(raw, "sku"),
        offer_id=opt_str(raw, "offer_id") or "",
        name=opt_str(raw, "name") or "",
        quantity=quantity,
        price=price,
        currency_code=currency,
    )


def _requirements(raw: Mapping) -> dict:
    """Ozon's requirement lists (``products_requiring_*``), as sent; non-list values dropped."""
    return {key: list(value) for key, value in opt_obj(raw, "requirements").items() if isinstance(value, list)}


def parse_posting(raw: object) -> Posting:
    """One posting of /v4 lists, /v3/posting/fbs/get or the get-by-barcode summary."""
    if not isinstance(raw, Mapping):
        raise ParseError(f"a posting must be an object, got {type(raw).__name__}")
    method = opt_obj(raw, "delivery_method")
    analytics = opt_obj(raw, "analytics_data")
    barcodes = opt_obj(raw, "barcodes")
    cancellation = opt_obj(raw, "cancellation")
    related = opt_obj(raw, "related_postings")
    multi_box_qty = opt_int(raw, "multi_box_qty") or 1
    return Posting(
        posting_number=req_str(raw, "posting_number"),
        status=req_str(raw, "status"),
        substatus=opt_str(raw, "substatus"),
        order_id=opt_int(raw, "order_id"),
        order_number=opt_str(raw, "order_number"),
        shipment_date=parse_datetime(raw.get("shipment_date"), "shipment_date"),
        in_process_at=parse_datetime(raw.get("in_process_at"), "in_process_at"),
        delivering_date=parse_datetime(raw.get("delivering_date"), "delivering_date"),
        delivery_method_id=opt_int(method, "id"),
        delivery_method_name=opt_str(method, "name"),
        warehouse_id=opt_int(method, "warehouse_id") or opt_int(analytics, "warehouse_id"),
        tpl_provider_id=opt_int(method, "tpl_provider_id") or opt_int(analytics, "tpl_provider_id"),
        tpl_integration_type=opt_str(raw, "tpl_integration_type"),
        tracking_number=opt_str(raw, "tracking_number"),
        available_actions=str_tuple(raw, "available_actions"),
        requirements=_requirements(raw),
        is_multibox=opt_bool(raw, "is_multibox"),
        multi_box_qty=max(1, multi_box_qty),
        parent_posting_number=opt_str(raw, "parent_posting_number"),
        delivery_schema=opt_str(raw, "delivery_schema"),
        is_express=opt_bool(raw, "is_express"),
        cancel_reason=opt_str(cancellation, "cancel_reason"),
        cancellation_type=opt_str(cancellation, "cancellation_type"),
        upper_barcode=opt_str(barcodes, "upper_barcode"),
        lower_barcode=opt_str(barcodes, "lower_barcode"),
        products=tuple(parse_posting_product(item) for item in opt_list(raw, "products")),
        related_postings=str_tuple(related, "related_posting_numbers"),
        scanit=opt_str(raw, "scanit"),
        addressee=_addressee(raw),
    )


def _addressee(raw: Mapping) -> Addressee | None:
    customer, addressee = opt_obj(raw, "customer"), opt_obj(raw, "addressee")
    if not customer and not addressee:
        return None
    address = opt_obj(customer, "address")
    return Addressee(name=opt_str(addressee, "name") or opt_str(customer, "name") or "",
                     phone=opt_str(addressee, "phone") or opt_str(customer, "phone") or "",
                     zip_code=opt_str(address, "zip_code") or "", region=opt_str(address, "region") or "",
                     city=opt_str(address, "city") or "", address_tail=opt_str(address, "address_tail") or "",
                     country=opt_str(address, "country") or "")


def parse_posting_page(body: object, endpoint: str, *, pace: Pace = iter) -> PostingPage:
    """A page of a v4 posting list, top-level or ``result``-wrapped.

    A posting that does not parse is logged (endpoint, posting number when there is one) and
    counted in ``skipped``; the rest of the page is kept. A page that is not shaped like a
    page at all raises :class:`ParseError`. ``pace``: the postings go through it one by one (the
    sync's waits between two of them while a scan is being decided: ``app.foreground``).
    """
    page = unwrap_result(body)
    if not isinstance(page, Mapping):
        raise ParseError("a posting page must be an object")
    raw_postings = page.get("postings")
    if raw_postings is None:
        raw_postings = []
    if not isinstance(raw_postings, list):
        raise ParseError("'postings' must be a list")
    postings: list[Posting] = []
    skipped = 0
    for index, raw in enumerate(pace(raw_postings)):
        try:
            postings.append(parse_posting(raw))
        except ParseError as exc:
            skipped += 1
            number = raw.get("posting_number") if isinstance(raw, Mapping) else None
            log.warning("skipped malformed posting #%d (%s) in %s: %s",
                        index, number if isinstance(number, str) and number else "no number", endpoint, exc)
    cursor = page.get("cursor")
    if cursor is not None and not isinstance(cursor, str):
        raise ParseError("'cursor' must be a string")
    has_next = page.get("has_next", False)
    if not isinstance(has_next, bool):
        raise ParseError("'has_next' must be a boolean")
    count = page.get("count")
    total = count if isinstance(count, int) and not isinstance(count, bool) and count >= 0 else None
    return PostingPage(postings=postings, cursor=cursor or None, has_next=has_next, skipped=skipped, total=total)
