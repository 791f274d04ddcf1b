"""Reading postings: the v4 cursor lists, ``/v3/posting/fbs/get`` and get-by-barcode."""
from __future__ import annotations

import base64
import json
from typing import Callable

from app.sim.ozon import views
from app.sim.ozon.context import Context
from app.sim.ozon.errors import invalid, not_found
from app.sim.ozon.params import Fields
from app.sim.ozon.posting import Posting

MAX_LIMIT = 100  # the v4 lists refuse more (observed; see ozon-api-notes §7)
MAX_PERIOD_S = 366 * 86_400
_WITH_FLAGS = ("analytics_data", "barcodes", "financial_data", "legal_info", "product_exemplars",
               "related_postings", "translit")

Predicate = Callable[[Posting], bool]


def encode_cursor(key: tuple[float, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps([key[0], key[1]]).encode()).decode()


def decode_cursor(cursor: str) -> tuple[float, str] | None:
    if not cursor:
        return None
    try:
        moment, number = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        return (float(moment), str(number))
    except (ValueError, TypeError):
        return None


def _with_flags(request: Fields) -> dict:
    flags = request.obj("with")
    return {name: flags.boolean(name) for name in _WITH_FLAGS}


def _common_filter(flt: Fields) -> Predicate:
    """The filter fields both v4 lists share (plural lists, ids as numbers or strings)."""
    statuses = set(flt.str_list("statuses"))
    legacy_status = flt.string("status")
    if legacy_status:
        statuses.add(legacy_status)
    warehouses = set(flt.int_list("warehouse_ids"))
    methods = set(flt.int_list("delivery_method_ids"))
    providers = set(flt.int_list("provider_ids"))
    changed = flt.obj("last_changed_status_date")
    changed_from, changed_to = changed.time("from"), changed.time("to")

    def match(posting: Posting) -> bool:
        method = posting.method
        return not (
            (statuses and posting.status not in statuses)
            or (warehouses and method.warehouse.warehouse_id not in warehouses)
            or (methods and method.id not in methods)
            or (providers and method.provider_id not in providers)
            or (changed_from is not None and posting.status_changed_at < changed_from)
            or (changed_to is not None and posting.status_changed_at > changed_to)
        )

    return match


def _period(flt: Fields, start: str, end: str) -> tuple[float, float]:
    low, high = flt.time(start, required=True), flt.time(end, required=True)
    if low > high:
        raise flt.error(end, f"value must be later than {start}")
    return low, high


def _page(ctx: Context, request: Fields, predicate: Predicate, signature: object, with_count: bool) -> dict:
    limit = request.integer("limit", required=True, low=1, high=MAX_LIMIT)
    direction = request.string("sort_dir", default="ASC").upper()
    if direction not in ("ASC", "DESC"):
        raise request.error("sort_dir", f"invalid value for enum type: {direction!r}")
    cursor = request.string("cursor")
    after = decode_cursor(cursor)
    if cursor and after is None:
        raise request.error("cursor", "invalid cursor")
    with_ = _with_flags(request)
    world = ctx.world
    with world.lock:
        world.settle()
        found: list[Posting] = []
        has_next = False
        for posting in world.scan(after, direction == "DESC"):
            if predicate(posting):
                if len(found) == limit:
                    has_next = True
                    break
                found.append(posting)
        answer = {
            "postings": [
                world.exemplars.weighed(views.posting_v4(p, world.product_by_sku, world.needs_mark, with_), p)
                for p in found
            ],
            "cursor": encode_cursor(found[-1].sort_key) if found else cursor,
            "has_next": has_next,
        }
        if with_count:
            answer["count"] = world.count(signature, predicate)
    return answer


def unfulfilled_list(ctx: Context, body: dict) -> dict:
    """``/v4/posting/fbs/unfulfilled/list``: postings not yet delivered, in a cutoff or
    delivering-date window (one of the two, both ends), cursor paging."""
    request = Fields(body, "GetFbsPostingUnfulfilledListV4Request")
    flt = request.obj("filter", required=True)
    cutoff = flt.has("cutoff_from") or flt.has("cutoff_to")
    delivering = flt.has("delivering_date_from") or flt.has("delivering_date_to")
    if cutoff and delivering:
        raise flt.error("cutoff_from", "cutoff and delivering_date periods can't be used together")
    if not (cutoff or delivering):
        raise invalid("invalid GetFbsPostingUnfulfilledListV4Request.Filter: one of the periods "
                      "cutoff_from/cutoff_to or delivering_date_from/delivering_date_to is required")
    if cutoff:
        low, high = _period(flt, "cutoff_from", "cutoff_to")

        def in_window(posting: Posting) -> bool:
            return low <= posting.shipment_date <= high
    else:
        low, high = _period(flt, "delivering_date_from", "delivering_date_to")

        def in_window(posting: Posting) -> bool:
            return posting.delivering_date is not None and low <= posting.delivering_date <= high
    common = _common_filter(flt)

    def predicate(posting: Posting) -> bool:
        return posting.status != "delivered" and in_window(posting) and common(posting)

    signature = ("unfulfilled", json.dumps(flt.data, sort_keys=True, default=str))
    return _page(ctx, request, predicate, signature, with_count=True)


def posting_list(ctx: Context, body: dict) -> dict:
    """``/v4/posting/fbs/list``: all postings that entered processing in [since, to] (<= 1 year)."""
    request = Fields(body, "GetFbsPostingListV4Request")
    flt = request.obj("filter", required=True)
    since, to = _period(flt, "since", "to")
    if to - since > MAX_PERIOD_S:
        raise flt.error("to", "the period must not be longer than one year")
    common = _common_filter(flt)
    order_id = flt.integer("order_id")

    def predicate(posting: Posting) -> bool:
        return (since <= posting.in_process_at <= to and common(posting)
                and (order_id is None or posting.order_id == order_id))

    return _page(ctx, request, predicate, None, with_count=False)


def posting_get(ctx: Context, body: dict) -> dict:
    """``/v3/posting/fbs/get``."""
    request = Fields(body, "GetFbsPostingV3Request")
    number = request.string("posting_number", required=True)
    with_ = _with_flags(request)
    world = ctx.world
    with world.lock:
        posting = world.get(number)
        if posting is None:
            raise not_found("POSTING_NOT_FOUND")
        return {"result": world.exemplars.weighed(
            views.posting_v3(posting, world.product_by_sku, world.needs_mark, with_), posting)}


def posting_by_barcode(ctx: Context, body: dict) -> dict:
    """``/v2/posting/fbs/get-by-barcode`` (upper or lower label barcode)."""
    request = Fields(body, "GetFbsPostingByBarcodeRequest")
    barcode = request.string("barcode", required=True)
    world = ctx.world
    with world.lock:
        posting = world.by_barcode(barcode)
        if posting is None:
            raise not_found("POSTING_NOT_FOUND")
        return {"result": views.posting_v2_by_barcode(posting, world.product_by_sku)}
