"""Control levers of rFBS Aggregator (partner delivery) and of Ozon's chat under ``/_sim/`` (loopback
only, like app.sim.ozon.control):

| Method + path | Body | Does |
|---|---|---|
| POST /_sim/partner/register | ``{"posting_number"}`` | the partner registers a posting awaiting registration now (tracking number, label ready) |
| POST /_sim/partner/refuse | ``{"posting_number"}`` | the partner refuses it: substatus ``posting_registration_error`` |
| POST /_sim/multibox | ``{"posting_number", "multi_box_qty"?: 1}`` | the posting becomes multi-box (``is_multibox``) |
| POST /_sim/chat/subscription | ``{"premium": true}`` | the seller's subscription: without it the chat answers 403 |
| GET  /_sim/chat | ``?posting_number=N`` | the messages sent to the buyer of a posting |
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.sim.ozon import partner

if TYPE_CHECKING:
    from app.sim.ozon.server import OzonSimulator


def _number(body: dict) -> str:
    number = body.get("posting_number")
    if not isinstance(number, str) or not number:
        raise ValueError("posting_number is required")
    return number


def dispatch(sim: "OzonSimulator", method: str, path: str, body: dict, query: dict | None = None) -> dict | None:
    if (method, path) == ("GET", "/_sim/chat"):
        number = ((query or {}).get("posting_number") or [""])[0]
        return {"posting_number": number, "messages": sim.chats.of(number)}
    if method != "POST":
        return None
    if path == "/_sim/chat/subscription":
        if not isinstance(body.get("premium"), bool):
            raise ValueError("premium must be true or false")
        sim.chats.subscription = body["premium"]
        return {"premium": sim.chats.subscription}
    if path in ("/_sim/partner/register", "/_sim/partner/refuse"):
        number = _number(body)
        partner.partner_answers(sim.world, number, registers=path.endswith("register"))
        return {"ok": True, "posting_number": number}
    if path == "/_sim/multibox":
        number, qty = _number(body), body.get("multi_box_qty", 1)
        if not isinstance(qty, int) or qty < 1:
            raise ValueError("multi_box_qty must be a whole number >= 1")
        partner.make_multibox(sim.world, number, qty)
        return {"ok": True, "posting_number": number}
    return None
