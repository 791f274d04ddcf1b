"""Control levers of returns under ``/_sim/`` (loopback only, like app.sim.ozon.control):

| Method + path | Body | Does |
|---|---|---|
| GET  /_sim/returns | | every return: ``{id, scheme, posting_number, barcode, sku, state, contents, substituted, history}``; ``contents`` is what is in the parcel (``[{barcode, mark}]``) |
| POST /_sim/returns | ``{"posting_number", "substitute"?: false, "sku"?}`` | the buyer sends the posting back now (``substitute``: another unit than shipped) |
| POST /_sim/returns/arrive | ``{"id"}`` | an FBS return reaches the seller's pick-up point |
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.sim.ozon.server import OzonSimulator


def dispatch(sim: "OzonSimulator", method: str, path: str, body: dict) -> dict | None:
    book = sim.world.returns
    route = (method, path)
    if route == ("GET", "/_sim/returns"):
        with sim.world.lock:
            return {"returns": [book.lever_json(r) for r in sorted(book.returns.values(), key=lambda r: r.id)]}
    if route == ("POST", "/_sim/returns"):
        number = body.get("posting_number")
        if not isinstance(number, str) or not number:
            raise ValueError("posting_number is required")
        sku = body.get("sku")
        ret = book.open(number, substitute=bool(body.get("substitute")), sku=sku if isinstance(sku, int) else None)
        return book.lever_json(ret)
    if route == ("POST", "/_sim/returns/arrive"):
        if not isinstance(body.get("id"), int):
            raise ValueError("id of a return is required")
        return book.lever_json(book.arrive(body["id"]))
    return None
