"""Returns: ``/v1/returns/list`` (FBS), ``/v2/returns/rfbs/list``, ``/v2/returns/rfbs/get`` and
``/v1/returns/rfbs/action/set`` (the world's returns: app.sim.ozon.returns).

``/v1/returns/list``: ``limit*`` 1..500, ``last_id``, a ``filter`` with at most one date range and
``posting_numbers`` (≤50); ids as JSON numbers, as the spec types them (2026 examples quote them:
the client reads both). ``/v2/returns/rfbs/list``
answers ``returns`` as a list, as Ozon does (the Aug 2025 spec types it as one object; each item
follows that object's schema).
"""
from __future__ import annotations

from app.sim.ozon.context import Context
from app.sim.ozon.params import Fields
from app.sim.ozon.returns import FBS, RFBS

RANGES = ("logistic_return_date", "storage_tariffication_start_date", "visual_status_change_moment")
MAX_LIMIT = 500
MAX_POSTINGS = 50


def returns_list(ctx: Context, body: dict) -> dict:
    request = Fields(body, "GetReturnsListRequest")
    limit = request.integer("limit", required=True, low=1, high=MAX_LIMIT)
    last_id = request.integer("last_id", default=0, low=0)
    flt = request.obj("filter")
    ranges = [name for name in RANGES if flt.has(name)]
    if len(ranges) > 1:
        raise flt.error(ranges[1], "only one date range may be set")
    window = None
    if ranges:
        span = flt.obj(ranges[0])
        window = (span.time("time_from"), span.time("time_to"))
    numbers = set(flt.str_list("posting_numbers", max_items=MAX_POSTINGS))
    barcode = flt.string("barcode")
    book = ctx.world.returns
    picked = []
    for r in book.of(FBS):
        if r.id <= last_id or (numbers and r.posting_number not in numbers) or (barcode and r.barcode != barcode):
            continue
        if window is not None:
            at = r.created_at if ranges[0] == "logistic_return_date" else r.changed_at
            if (window[0] is not None and at < window[0]) or (window[1] is not None and at > window[1]):
                continue
        picked.append(r)
    page = picked[:limit]
    return {"returns": [book.fbs_json(r) for r in page], "has_next": len(picked) > limit}


def rfbs_list(ctx: Context, body: dict) -> dict:
    request = Fields(body, "ReturnsRfbsListRequest")
    limit = request.integer("limit", required=True, low=1, high=MAX_LIMIT)
    last_id = request.integer("last_id", default=0, low=0)
    flt = request.obj("filter")
    number = flt.string("posting_number")
    groups = {g.casefold() for g in flt.str_list("group_state")} - {"all"}
    created = flt.obj("created_at")
    since, until = created.time("from"), created.time("to")
    book = ctx.world.returns
    picked = [r for r in book.of(RFBS) if r.id > last_id and (not number or r.posting_number == number)
              and (since is None or r.created_at >= since) and (until is None or r.created_at <= until)]
    items = [book.rfbs_json(r) for r in picked]
    items = [x for x in items if not groups or x["state"]["group_state"].casefold() in groups]
    return {"returns": items[:limit]}


def rfbs_get(ctx: Context, body: dict) -> dict:
    request = Fields(body, "ReturnsRfbsGetRequest")
    return_id = request.integer("return_id", required=True, low=1)
    book = ctx.world.returns
    with ctx.world.lock:
        ret = book.returns.get(return_id)
        if ret is None or ret.scheme != RFBS:
            raise request.error("return_id", "return not found")
        return {"returns": book.rfbs_get_json(ret)}


def rfbs_action(ctx: Context, body: dict) -> dict:
    request = Fields(body, "ReturnsRfbsActionSetRequest")
    return_id = request.integer("return_id", required=True, low=1)
    action = request.integer("id", required=True)
    ctx.world.returns.rfbs_action(return_id, action, request.string("comment"),
                                  request.integer("rejection_reason_id"), request)
    return {}
