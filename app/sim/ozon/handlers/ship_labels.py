"""Packing: ``/v4/posting/fbs/ship`` (asynchronous, may split) and the label PDF."""
from __future__ import annotations

from app.sim.ozon import label
from app.sim.ozon.context import Context, Raw
from app.sim.ozon.errors import invalid
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


def package_label(ctx: Context, body: dict) -> Raw:
    """The labels of up to 20 ``awaiting_deliver`` postings as one PDF, a page each.

    The whole batch fails if one posting is not ``awaiting_deliver`` (INVALID_ARGUMENT) or its
    label is not ready yet ("The next postings aren't ready", ``label_delay_s`` after the ship).
    """
    request = Fields(body, "PostingFBSPackageLabelRequest")
    numbers = request.str_list("posting_number")
    if not 1 <= len(numbers) <= MAX_LABELS:
        raise invalid(f"invalid PostingFBSPackageLabelRequest.PostingNumber: value must contain "
                      f"between 1 and {MAX_LABELS} items, inclusive")
    world = ctx.world
    with world.lock:
        postings = world.label_postings(numbers)
        data = label.render_pdf(postings)
    filename = f"{numbers[0]}.pdf" if len(numbers) == 1 else "labels.pdf"
    return Raw("application/pdf", data, {"Content-Disposition": f'attachment; filename="{filename}"'})
