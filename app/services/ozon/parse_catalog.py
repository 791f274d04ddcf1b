"""Pure parsers for Ozon's catalogue, warehouse, key, ship and label answers.

Weights become grams and dimensions millimetres here, whatever unit Ozon reports. An item of
a list that does not parse is logged and skipped; a body that is not shaped like the
documented answer raises :class:`~app.services.ozon.parse.ParseError`.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from typing import TypeVar

from .models import (
    BIG_LABEL, SMALL_LABEL, DeliveryMethod, KeyInfo, LabelTask, LabelTaskState, Product, ShipResult, Warehouse,
)
from .parse import (
    ParseError,
    opt_bool,
    opt_int,
    opt_list,
    opt_str,
    parse_datetime,
    req_int,
    req_str,
    str_tuple,
    to_int,
    unwrap_result,
)

log = logging.getLogger("packdesk.ozon.client")

__all__ = [
    "GRAMS_PER_UNIT",
    "MM_PER_UNIT",
    "to_grams",
    "to_mm",
    "parse_product_info",
    "parse_product_attributes",
    "parse_warehouse_page",
    "parse_delivery_method_page",
    "parse_key_info",
    "parse_ship_result",
    "parse_label_tasks",
    "parse_label_task_state",
]

GRAMS_PER_UNIT = {"g": 1.0, "kg": 1000.0, "lb": 453.59237, "oz": 28.349523125}
MM_PER_UNIT = {"mm": 1.0, "cm": 10.0, "in": 25.4}

T = TypeVar("T")


def _each(items: list, parse: Callable[[object], list[T]], endpoint: str, what: str) -> list[T]:
    out: list[T] = []
    for index, raw in enumerate(items):
        try:
            out.extend(parse(raw))
        except ParseError as exc:
            log.warning("skipped malformed %s #%d in %s: %s", what, index, endpoint, exc)
    return out


def _items(body: object, key: str) -> list:
    """The list under ``key``, top-level or inside ``result``; or ``result`` itself if a list."""
    payload = unwrap_result(body)
    if isinstance(payload, list):
        return payload
    if not isinstance(payload, Mapping):
        raise ParseError("the answer must be a JSON object")
    return opt_list(payload, key)


def _convert(value: object, unit: object, table: Mapping[str, float], what: str) -> float | None:
    """``value`` in ``unit`` → the table's base unit; None when unknown, zero or negative."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ParseError(f"{what} must be a number, got a boolean")
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise ParseError(f"{what} must be a number, got {value!r}") from exc
    if number <= 0:
        return None
    factor = table.get(str(unit or "").strip().lower())
    if factor is None:
        log.warning("unknown unit %r for %s; value ignored", unit, what)
        return None
    return round(number * factor, 3)


def to_grams(value: object, unit: object) -> float | None:
    return _convert(value, unit, GRAMS_PER_UNIT, "weight")


def to_mm(value: object, unit: object) -> float | None:
    return _convert(value, unit, MM_PER_UNIT, "dimension")


def _barcodes(raw: Mapping) -> tuple[str, ...]:
    codes = list(str_tuple(raw, "barcodes"))
    single = opt_str(raw, "barcode")
    if single and single not in codes:
        codes.append(single)
    return tuple(codes)


def _primary_image(raw: Mapping) -> str:
    """The main photo's link: v3 info/list sends a list of links, v4 attributes one string."""
    value = raw.get("primary_image")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    return value.strip() if isinstance(value, str) else ""


def parse_product_info(body: object, requested: Collection[int], endpoint: str) -> list[Product]:
    """``/v3/product/info/list`` items → one Product per requested SKU the item carries.

    v3 items name their SKUs in ``sources[].sku`` (and, in newer answers, a top-level ``sku``).
    """
    wanted = set(requested)

    def one(raw: object) -> list[Product]:
        if not isinstance(raw, Mapping):
            raise ParseError("a product must be an object")
        skus: list[int] = []
        top = opt_int(raw, "sku")
        if top:
            skus.append(top)
        for source in opt_list(raw, "sources"):
            if isinstance(source, Mapping) and source.get("sku") not in (None, "", 0):
                sku = to_int(source["sku"], "sources.sku")
                if sku not in skus:
                    skus.append(sku)
        if not skus:
            raise ParseError("the product names no SKU")
        chosen = [sku for sku in skus if sku in wanted] or skus[:1]
        product_id = opt_int(raw, "id") or opt_int(raw, "product_id")
        offer_id = opt_str(raw, "offer_id") or ""
        name = opt_str(raw, "name") or ""
        barcodes = _barcodes(raw)
        image = _primary_image(raw)
        return [Product(sku=sku, product_id=product_id, offer_id=offer_id, name=name, barcodes=barcodes,
                        primary_image=image) for sku in chosen]

    return _each(_items(body, "items"), one, endpoint, "product")


def _parse_attribute_item(raw: object) -> list[Product]:
    if not isinstance(raw, Mapping):
        raise ParseError("a product must be an object")
    weight_unit = raw.get("weight_unit")
    dimension_unit = raw.get("dimension_unit")
    return [Product(
        sku=req_int(raw, "sku"),
        product_id=opt_int(raw, "id") or opt_int(raw, "product_id"),
        offer_id=opt_str(raw, "offer_id") or "",
        name=opt_str(raw, "name") or "",
        barcodes=_barcodes(raw),
        weight_g=to_grams(raw.get("weight"), weight_unit),
        height_mm=to_mm(raw.get("height"), dimension_unit),
        width_mm=to_mm(raw.get("width"), dimension_unit),
        depth_mm=to_mm(raw.get("depth"), dimension_unit),
        primary_image=_primary_image(raw),
    )]


def parse_product_attributes(body: object, endpoint: str) -> tuple[list[Product], str | None]:
    """``/v4/product/info/attributes`` → (products, last_id for the next page or None)."""
    products = _each(_items(body, "result"), _parse_attribute_item, endpoint, "product")
    last_id = body.get("last_id") if isinstance(body, Mapping) else None
    if last_id is not None and not isinstance(last_id, str):
        raise ParseError("'last_id' must be a string")
    return products, last_id or None


def _parse_warehouse(raw: object) -> list[Warehouse]:
    if not isinstance(raw, Mapping):
        raise ParseError("a warehouse must be an object")
    key = "warehouse_id" if raw.get("warehouse_id") not in (None, "") else "id"
    return [Warehouse(
        id=req_int(raw, key),
        name=opt_str(raw, "name") or "",
        is_rfbs=opt_bool(raw, "is_rfbs"),
        status=opt_str(raw, "status"),
    )]


def _page_tail(body: object) -> tuple[str | None, bool]:
    page = unwrap_result(body)
    sources = [page, body] if isinstance(page, Mapping) else [body]
    cursor, has_next = None, False
    for source in sources:
        if isinstance(source, Mapping):
            cursor = cursor or source.get("cursor")
            has_next = has_next or source.get("has_next") is True
    if cursor is not None and not isinstance(cursor, str):
        raise ParseError("'cursor' must be a string")
    return cursor or None, has_next


def parse_warehouse_page(body: object, endpoint: str) -> tuple[list[Warehouse], str | None, bool]:
    """``/v2/warehouse/list`` (``warehouses`` + cursor) or the v1 ``result`` list."""
    warehouses = _each(_items(body, "warehouses"), _parse_warehouse, endpoint, "warehouse")
    cursor, has_next = _page_tail(body)
    return warehouses, cursor, has_next


def _parse_delivery_method(raw: object) -> list[DeliveryMethod]:
    if not isinstance(raw, Mapping):
        raise ParseError("a delivery method must be an object")
    return [DeliveryMethod(
        id=req_int(raw, "id"),
        name=opt_str(raw, "name") or "",
        warehouse_id=opt_int(raw, "warehouse_id"),
        provider_id=opt_int(raw, "provider_id"),
        status=opt_str(raw, "status"),
        cutoff=opt_str(raw, "cutoff"),
        tpl_integration_type=opt_str(raw, "tpl_integration_type"),
        is_express=opt_bool(raw, "is_express"),
    )]


def parse_delivery_method_page(body: object, endpoint: str) -> tuple[list[DeliveryMethod], str | None, bool]:
    """``/v2/delivery-method/list`` → (methods, cursor of the next page, has_next)."""
    methods = _each(_items(body, "delivery_methods"), _parse_delivery_method, endpoint, "delivery method")
    cursor, has_next = _page_tail(body)
    return methods, cursor, has_next


def parse_key_info(body: object) -> KeyInfo:
    """``/v1/roles`` → role names and the key's expiry."""
    payload = unwrap_result(body)
    if not isinstance(payload, Mapping):
        raise ParseError("the answer must be a JSON object")
    names = []
    for role in opt_list(payload, "roles"):
        if isinstance(role, Mapping) and isinstance(role.get("name"), str):
            names.append(role["name"])
        elif isinstance(role, str):
            names.append(role)
        else:
            raise ParseError("a role must be an object with a name")
    return KeyInfo(roles=tuple(names), expires_at=parse_datetime(payload.get("expires_at"), "expires_at"))


def parse_ship_result(body: object) -> ShipResult:
    """``/v4/posting/fbs/ship`` → the resulting posting numbers (several after a split)."""
    if not isinstance(body, Mapping):
        raise ParseError("the answer must be a JSON object")
    result = body.get("result")
    if isinstance(result, str) and result:
        return ShipResult(posting_numbers=(result,))
    if not isinstance(result, list) or not all(isinstance(item, str) and item for item in result):
        raise ParseError("'result' must be a list of posting numbers")
    return ShipResult(posting_numbers=tuple(result))


_TASK_TYPES = (BIG_LABEL, SMALL_LABEL)
_TASK_STATUSES = ("pending", "in_progress", "completed", "error")


def parse_label_tasks(body: object) -> tuple[LabelTask, ...]:
    """``/v3/posting/fbs/package-label/create`` → its tasks, one per label size (top level
    ``{tasks: [...]}``; a ``result``-wrapped answer is read too). A task of a size this client
    does not know is left out with a log line."""
    tasks = []
    for raw in _items(body, "tasks"):
        if not isinstance(raw, Mapping):
            raise ParseError("a label task must be an object")
        task_type = opt_str(raw, "task_type")
        if task_type not in _TASK_TYPES:
            log.warning("label task of an unknown type %r left out", task_type)
            continue
        tasks.append(LabelTask(task_id=req_int(raw, "task_id"), task_type=task_type))
    if not tasks:
        raise ParseError("the answer names no label task")
    return tuple(tasks)


def parse_label_task_state(body: object) -> LabelTaskState:
    """``/v2/posting/fbs/package-label/get`` → the task's status, counts, unprinted postings,
    file link and error."""
    payload = unwrap_result(body)
    if not isinstance(payload, Mapping):
        raise ParseError("the answer must be a JSON object")
    status = payload.get("status")
    if not isinstance(status, Mapping):
        raise ParseError("'status' must be an object")
    code = opt_str(status, "code")
    if code not in _TASK_STATUSES:
        raise ParseError(f"unknown label task status {code!r}")
    unprinted = []
    for raw in opt_list(status, "unprinted_postings"):
        if not isinstance(raw, Mapping):
            raise ParseError("an unprinted posting must be an object")
        unprinted.append((req_str(raw, "posting_number"), opt_str(raw, "message") or ""))
    error = payload.get("error")
    error = error if isinstance(error, Mapping) else {}
    return LabelTaskState(
        status=code,
        postings_count=opt_int(status, "postings_count") or 0,
        printed_postings_count=opt_int(status, "printed_postings_count") or 0,
        unprinted=tuple(unprinted),
        file_url=opt_str(payload, "file_url"),
        error_code=_text(error.get("code")),
        error_message=opt_str(error, "message"),
    )


def _text(value: object) -> str | None:
    """An error code Ozon may send as a string or a number."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, (str, int)):
        return str(value)
    raise ParseError(f"an error code must be a string or a number, got {value!r}")
