"""rFBS with the seller's own carrier, and disputes after a hand-over: tracking numbers,
``delivering`` (asynchronous) and arbitration (app.sim.ozon.own_carrier)."""
from __future__ import annotations

from app.sim.ozon import own_carrier
from app.sim.ozon.context import Context
from app.sim.ozon.params import Fields

MAX_TRACKING = 20


def tracking_number_set(ctx: Context, body: dict) -> dict:
    request = Fields(body, "postingFbsPostingTrackingNumberSetRequest")
    raw = body.get("tracking_numbers")
    if not isinstance(raw, list) or not raw:
        raise request.error("tracking_numbers", "value must contain at least 1 item(s)")
    if len(raw) > MAX_TRACKING:
        raise request.error("tracking_numbers", f"value must contain no more than {MAX_TRACKING} item(s)")
    pairs = []
    for index, item in enumerate(raw):
        entry = Fields(item, request.request, f"tracking_numbers[{index}]")
        pairs.append((entry.string("posting_number", required=True), entry.string("tracking_number", required=True)))
    return {"result": own_carrier.set_tracking(ctx.world, pairs)}


def delivering(ctx: Context, body: dict) -> dict:
    numbers = _numbers(body, "postingFbsPostingDeliveringRequest")
    return {"result": ctx.status_changes.delivering(numbers)}


def arbitration(ctx: Context, body: dict) -> dict:
    return {"result": own_carrier.arbitration(ctx.world, _numbers(body, "postingMovePostingRequest"))}


def _numbers(body: dict, name: str) -> list[str]:
    request = Fields(body, name)
    numbers = request.str_list("posting_number")
    if not numbers or not all(numbers):
        raise request.error("posting_number", "value must contain at least 1 item(s)")
    return numbers
