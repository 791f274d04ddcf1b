"""Control levers of the hand-over under ``/_sim/`` (loopback only, like app.sim.ozon.control):

| Method + path | Body | Does |
|---|---|---|
| GET  /_sim/carriages | | every carriage: ``{id, delivery_method_id, departure_date, status, postings, left_out}`` |
| POST /_sim/carriages/courier-scan | ``{"carriage_id"?, "delivery_method_id"?, "missing": [...]}`` | the courier scans an approved carriage (by id, or the method's latest): its postings go on, ``missing`` ones become ``not_accepted`` (``posting_not_in_sort_center``) |
| POST /_sim/carriages/method-errors | ``{"delivery_method_id", "errors": [{"code", "status", "description"}]}`` | what ``/v2/carriage/delivery/list`` says about a method; a ``critical`` one refuses ``/v1/carriage/create`` with its code (e.g. ``package_time_not_passed``); ``[]`` clears |

A posting cancelled after its label: ``POST /_sim/cancel`` (app.sim.ozon.control) on a posting
awaiting delivery.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.sim.ozon.carriages import Carriage

if TYPE_CHECKING:
    from app.sim.ozon.server import OzonSimulator


class LeverError(ValueError):
    """A bad lever request (answered 400 by the control API)."""


def view(carriage: Carriage) -> dict:
    return {"id": carriage.id, "delivery_method_id": carriage.method.id, "departure_date": carriage.departure_date,
            "status": carriage.status, "postings": list(carriage.postings), "left_out": list(carriage.left_out)}


def dispatch(sim: "OzonSimulator", method: str, path: str, body: dict) -> dict | None:
    """The lever's answer, or None when ``path`` is none of these."""
    carriages = sim.carriages
    route = (method, path)
    if route == ("GET", "/_sim/carriages"):
        with sim.world.lock:
            return {"carriages": [view(c) for m in sim.world.methods for c in carriages.of(m.id)]}
    if route == ("POST", "/_sim/carriages/courier-scan"):
        missing = body.get("missing", [])
        if not isinstance(missing, list) or not all(isinstance(n, str) for n in missing):
            raise LeverError("missing must be a list of posting numbers")
        return carriages.courier_scans(_carriage_id(sim, body), missing)
    if route == ("POST", "/_sim/carriages/method-errors"):
        method_id, errors = body.get("delivery_method_id"), body.get("errors", [])
        if not isinstance(method_id, int) or carriages.method(method_id) is None:
            raise LeverError("delivery_method_id of an Ozon-logistics method is required")
        if not isinstance(errors, list) or not all(isinstance(e, dict) and isinstance(e.get("code"), str)
                                                   for e in errors):
            raise LeverError("errors must be a list of {code, status, description}")
        with sim.world.lock:
            carriages.method_errors[method_id] = [
                {"code": e["code"], "status": e.get("status", "critical"), "description": e.get("description", "")}
                for e in errors]
        return {"delivery_method_id": method_id, "errors": carriages.method_errors[method_id]}
    return None


def _carriage_id(sim: "OzonSimulator", body: dict) -> int:
    if isinstance(body.get("carriage_id"), int):
        return body["carriage_id"]
    method_id = body.get("delivery_method_id")
    if not isinstance(method_id, int):
        raise LeverError("carriage_id or delivery_method_id is required")
    made = sim.carriages.of(method_id)
    if not made:
        raise LeverError(f"no carriage of delivery method {method_id}")
    return max(made, key=lambda c: c.created_at).id
