"""Marking codes before the ship: ``/v6/.../exemplar/create-or-get``, ``/v5/.../validate``,
``/v6/.../set``, ``/v5/.../status``, ``/v1/.../update`` (the rules: app.sim.ozon.exemplars).

Requests are read like Ozon's gateway reads them (``Fields``); the 2026 fields the Aug 2025 spec
lacks (``weight``, ``imei`` marks) are read by hand.
"""
from __future__ import annotations

from app.sim.ozon.context import Context
from app.sim.ozon.params import Fields

MARK_TYPES = ("mandatory_mark", "jw_uin", "imei")


def _products(request: Fields, *, need_ids: bool) -> list[dict]:
    raw_products = request.data.get("products")
    if not isinstance(raw_products, list) or not raw_products:
        raise request.error("products", "value must contain at least 1 item(s)")
    products = []
    for index, raw in enumerate(raw_products):
        product = Fields(raw, request.request, f"products[{index}]")
        sku = product.integer("product_id", required=True, low=1)
        raw_exemplars = product.data.get("exemplars")
        if not isinstance(raw_exemplars, list) or not raw_exemplars:
            raise product.error("exemplars", "value must contain at least 1 item(s)")
        exemplars = []
        for position, raw_exemplar in enumerate(raw_exemplars):
            exemplar = Fields(raw_exemplar, request.request, f"products[{index}].exemplars[{position}]")
            marks = []
            for at, raw_mark in enumerate(exemplar.data.get("marks") or []):
                mark = Fields(raw_mark, request.request, f"products[{index}].exemplars[{position}].marks[{at}]")
                kind = mark.string("mark_type", required=True)
                if kind not in MARK_TYPES:
                    raise mark.error("mark_type", f"value must be in list {list(MARK_TYPES)}")
                marks.append({"mark": mark.string("mark", required=True), "mark_type": kind})
            weight = exemplar.data.get("weight")
            if weight is not None and (isinstance(weight, bool) or not isinstance(weight, (int, float))):
                raise exemplar.error("weight", f"invalid value for float type: {weight!r}")
            exemplars.append({
                "exemplar_id": exemplar.integer("exemplar_id", required=need_ids, low=1 if need_ids else None),
                "marks": marks, "gtd": exemplar.string("gtd"), "is_gtd_absent": exemplar.boolean("is_gtd_absent"),
                "rnpt": exemplar.string("rnpt"), "is_rnpt_absent": exemplar.boolean("is_rnpt_absent"),
                "weight": weight})
        products.append({"product_id": sku, "exemplars": exemplars})
    return products


def create_or_get(ctx: Context, body: dict) -> dict:
    request = Fields(body, "FbsPostingProductExemplarCreateOrGetV6Request")
    number = request.string("posting_number", required=True)
    with ctx.world.lock:
        return ctx.world.exemplars.create_or_get(number)


def validate(ctx: Context, body: dict) -> dict:
    request = Fields(body, "FbsPostingProductExemplarValidateV5Request")
    number = request.string("posting_number", required=True)
    products = _products(request, need_ids=False)
    with ctx.world.lock:
        return ctx.world.exemplars.validate(number, products)


def set_exemplars(ctx: Context, body: dict) -> dict:
    """The complete set; ``exemplar_id`` required (since 2026-02-05). 200 with an empty body: the
    check runs afterwards."""
    request = Fields(body, "FbsPostingProductExemplarSetV6Request")
    number = request.string("posting_number", required=True)
    request.integer("multi_box_qty", low=1)
    products = _products(request, need_ids=True)
    with ctx.world.lock:
        ctx.world.exemplars.set(number, products)
    return {}


def status(ctx: Context, body: dict) -> dict:
    request = Fields(body, "FbsPostingProductExemplarStatusV5Request")
    number = request.string("posting_number", required=True)
    with ctx.world.lock:
        return ctx.world.exemplars.status(number)


def update(ctx: Context, body: dict) -> dict:
    request = Fields(body, "FbsPostingProductExemplarUpdateRequest")
    number = request.string("posting_number", required=True)
    with ctx.world.lock:
        ctx.world.exemplars.update(number)
    return {}
