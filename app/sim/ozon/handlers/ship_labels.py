"""Packing: ``/v4/posting/fbs/ship`` (asynchronous, may split) and the label tasks (2026-11)."""
from __future__ import annotations

from app.sim.ozon.context import Context
from app.sim.ozon.params import Fields
from app.sim.ozon.views import CURRENCY

MAX_LABELS = 20


def ship(ctx: Context, body: dict) -> dict:
    """Accept the packages of a posting. HTTP 200 means accepted, not packed: the posting turns
    ``awaiting_deliver`` (or ``ship_failed``) ``ship_delay_s`` later."""
    request = Fields(body, "FbsPostingShipV4Request")
    number = request.string("posting_number", required=True)
    raw_packages = body.get("packages")
    if not isinstance(raw_packages, list) or not raw_packages:
        raise request.error("packages", "value must contain at least 1 item(s)")
    packages: list[list[tuple[int, int]]] = []
    for index, raw in enumerate(raw_packages):
        package = Fields(raw, request.request, f"packages[{index}]")
        raw_products = package.data.get("products")
        if not isinstance(raw_products, list) or not raw_products:
            raise package.error("products", "value must contain at least 1 item(s)")
        items = []
        for position, raw_product in enumerate(raw_products):
            product = Fields(raw_product, request.request, f"packages[{index}].products[{position}]")
            items.append((product.integer("product_id", required=True),
                          product.integer("quantity", required=True)))
        packages.append(items)
    with_additional = request.obj("with").boolean("additional_data")

    ctx.stats.ship_call(number)
    result = ctx.world.ship(number, packages, fail=lambda: ctx.faults.take_ship_failed(number))
    additional = []
    if with_additional:
        world = ctx.world
        with world.lock:
            for resulting in result:
                posting = world.get(resulting)
                additional.append({"posting_number": resulting, "products": [
                    {
                        "sku": line.sku,
                        "offer_id": world.product_by_sku[line.sku].offer_id,
                        "name": world.product_by_sku[line.sku].name,
                        "price": world.product_by_sku[line.sku].price,
                        "currency_code": CURRENCY,
                        "quantity": line.quantity,
                        "mandatory_mark": [],
                    }
                    for line in posting.lines
                ]})
    return {"result": result, "additional_data": additional}


def label_create(ctx: Context, body: dict) -> dict:
    """``/v3/posting/fbs/package-label/create``: ``{posting_numbers}`` -> ``{tasks[{task_id, task_type}]}``,
    one task per label size (app.sim.ozon.label_tasks). Not in the Aug 2025 spec: checked by hand."""
    request = Fields(body, "CreateLabelBatchV3Request")
    numbers = request.str_list("posting_numbers")
    if not 1 <= len(numbers) <= MAX_LABELS:
        raise request.error("posting_numbers", f"value must contain between 1 and {MAX_LABELS} items, inclusive")
    if len(set(numbers)) != len(numbers):
        raise request.error("posting_numbers", "repeated value must contain unique items")
    if not all(numbers):
        raise request.error("posting_numbers", "value length must be at least 1 runes")
    return {"tasks": ctx.labels.create(numbers)}


def label_get(ctx: Context, body: dict) -> dict:
    """``/v2/posting/fbs/package-label/get``: ``{task_id}`` -> ``{status{code, postings_count,
    printed_postings_count, unprinted_postings}, file_url, error}``. Checked by hand (not in the spec)."""
    request = Fields(body, "GetLabelBatchV2Request")
    return ctx.labels.look(request.integer("task_id", required=True, low=1))
