"""rFBS Aggregator (partner delivery): ``/v3/posting/multiboxqty/set`` (app.sim.ozon.partner)."""
from __future__ import annotations

from app.sim.ozon import partner
from app.sim.ozon.context import Context
from app.sim.ozon.params import Fields


def multibox_qty_set(ctx: Context, body: dict) -> dict:
    request = Fields(body, "postingv3PostingMultiBoxQtySetV3Request")
    number = request.string("posting_number", required=True)
    qty = request.integer("multi_box_qty", required=True)
    return {"result": {"result": partner.set_multibox_qty(ctx.world, number, qty)}}
