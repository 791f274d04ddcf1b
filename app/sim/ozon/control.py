"""The simulator's own control endpoints under ``/_sim/`` (loopback clients only, no auth).

| Method + path | Body / query | Does |
|---|---|---|
| GET  /_sim/health | | ``{"ok", "postings", "products"}`` |
| GET  /_sim/stats, POST /_sim/stats/reset | | request counts per path, answers per status, ship calls per posting, requests to the label file host (``files``: ``requests``, ``with_credentials``), requests in each wall-clock second (``per_second``: ``{"<unix second>": n}``, and ``max_per_second``) |
| GET  /_sim/faults, POST /_sim/faults | ``{"rate_429": 0.2, "retry_after_s": 1, "rate_500": .., "latency_s": .., "rate_malformed": .., "rate_reset": ..}`` | read / set fault fields |
| POST /_sim/faults/reset | | no faults |
| any lever ``?seller=ID`` | | acts on that seller account of the host (``OzonSimulator.add_seller``, ``ozon-sim --seller``) |
| POST /_sim/fail-next | ``{"path", "count": 1, "status": 500, "apply": false}`` | fail the next requests to a path (status 0 drops the connection; ``apply`` carries the request out first) |
| POST /_sim/ship-failed | ``{"posting_number"}`` | the next ship of that posting ends in ``ship_failed`` |
| POST /_sim/cancel | ``{"posting_number", "cancel_reason_id"?, "reason"?}`` | cancel it now |
| POST /_sim/set-status | ``{"posting_number", "status"}`` | force a status (e.g. ``delivering``) |
| POST /_sim/postings/add | ``{"count": 1}`` | new postings now; answers ``{"posting_numbers": [...]}`` |
| GET  /_sim/postings | ``?status=awaiting_packaging`` | posting numbers in list order |
| GET  /_sim/config, POST /_sim/config | ``{"ship_delay_s", "label_delay_s", "registration_delay_s", "label_link_ttl_s", "status_change_delay_s", "mark_check_s"}`` | read / change delays (``mark_check_s``: how long the registry checks a set of marking codes) |
| GET  /_sim/exemplars | ``?posting_number=N`` | what happened to its exemplars (``history``: set, status answers, ship, in order) and the codes it shipped with (``shipped_marks``) |

The hand-over's levers (carriages, the courier's scan, method errors): app.sim.ozon.control_handover;
returns (a posting sent back, what is in the parcel): app.sim.ozon.control_returns.
partner delivery's (the partner registers or refuses, multi-box postings): app.sim.ozon.control_partner.
"""
from __future__ import annotations

import ipaddress
import json
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from app.sim.ozon import control_handover, control_partner, control_returns
from app.sim.ozon.errors import ApiError

if TYPE_CHECKING:
    from app.sim.ozon.server import OzonSimulator


def is_loopback(host: str) -> bool:
    """True for a client address on this machine (127.0.0.0/8, ::1, IPv4-mapped loopback)."""
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback or _mapped_loopback(host)
    except ValueError:
        return False


def _mapped_loopback(host: str) -> bool:
    mapped = ipaddress.ip_address(host).ipv4_mapped if ":" in host else None
    return bool(mapped and mapped.is_loopback)


_DELAYS = ("ship_delay_s", "label_delay_s", "registration_delay_s", "label_link_ttl_s", "status_change_delay_s",
           "mark_check_s")


class ControlError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _number(body: dict, key: str, default=None, kind=int):
    value = body.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ControlError(400, f"{key} must be a number")
    return kind(value)


def _posting_number(body: dict) -> str:
    number = body.get("posting_number")
    if not isinstance(number, str) or not number:
        raise ControlError(400, "posting_number is required")
    return number


def handle(sim: "OzonSimulator", method: str, path: str, query: str, raw: bytes) -> tuple[int, dict]:
    """Answer one control request: (HTTP status, JSON body)."""
    try:
        body = json.loads(raw) if raw.strip() else {}
    except ValueError:
        return 400, {"error": "body is not JSON"}
    if not isinstance(body, dict):
        return 400, {"error": "body must be a JSON object"}
    seller = parse_qs(query).get("seller", [""])[0]
    if seller:  # a lever on another seller account of this host (OzonSimulator.add_seller)
        if seller not in sim.sellers:
            return 404, {"error": f"no such seller: {seller}"}
        sim = sim.sellers[seller]
    try:
        return 200, _dispatch(sim, method, path, query, body)
    except ControlError as exc:
        return exc.status, {"error": str(exc)}
    except KeyError as exc:
        return 404, {"error": f"no such posting: {exc.args[0]}"}
    except ValueError as exc:  # control_handover.LeverError too
        return 400, {"error": str(exc)}
    except ApiError as exc:  # a lever Ozon's side refuses (e.g. scanning a carriage not approved)
        return 409, {"error": exc.message}


def _dispatch(sim: "OzonSimulator", method: str, path: str, query: str, body: dict) -> dict:
    world, faults = sim.world, sim.faults
    route = (method, path)
    if route == ("GET", "/_sim/health"):
        with world.lock:
            return {"ok": True, "postings": len(world.posting_numbers()), "products": len(world.products)}
    if route == ("GET", "/_sim/stats"):
        return sim.stats.as_dict()
    if route == ("POST", "/_sim/stats/reset"):
        sim.stats.reset()
        return {"ok": True}
    if route == ("GET", "/_sim/faults"):
        return faults.as_dict()
    if route == ("POST", "/_sim/faults"):
        faults.update(body)
        return faults.as_dict()
    if route == ("POST", "/_sim/faults/reset"):
        faults.reset()
        return faults.as_dict()
    if route == ("POST", "/_sim/fail-next"):
        target = body.get("path")
        if not isinstance(target, str) or not target.startswith("/"):
            raise ControlError(400, "path is required, e.g. /v4/posting/fbs/ship")
        faults.fail_next(target, _number(body, "count", 1), _number(body, "status", 500),
                         bool(body.get("apply", False)))
        return faults.as_dict()
    if route == ("POST", "/_sim/ship-failed"):
        faults.ship_failed_next(_posting_number(body))
        return faults.as_dict()
    if route == ("POST", "/_sim/cancel"):
        number = _posting_number(body)
        reason = body.get("reason")
        world.cancel(number, _number(body, "cancel_reason_id", 506), reason if isinstance(reason, str) else None)
        return {"ok": True, "posting_number": number}
    if route == ("POST", "/_sim/set-status"):
        number = _posting_number(body)
        status = body.get("status")
        if not isinstance(status, str):
            raise ControlError(400, "status is required")
        world.set_status(number, status)
        return {"ok": True, "posting_number": number, "status": status}
    if route == ("POST", "/_sim/postings/add"):
        count = _number(body, "count", 1)
        if not 1 <= count <= 100_000:
            raise ControlError(400, "count must be 1..100000")
        return {"posting_numbers": world.add_postings(count)}
    if route == ("GET", "/_sim/postings"):
        status = parse_qs(query).get("status", [None])[0]
        return {"posting_numbers": world.posting_numbers(status)}
    if route == ("GET", "/_sim/exemplars"):
        number = parse_qs(query).get("posting_number", [""])[0]
        return {"posting_number": number, "history": world.exemplars.history(number),
                "shipped_marks": world.exemplars.shipped_marks(number)}
    if route == ("GET", "/_sim/config"):
        return {key: getattr(world.config, key) for key in _DELAYS}
    if route == ("POST", "/_sim/config"):
        for key in _DELAYS:
            if key in body:
                value = _number(body, key, kind=float)
                if value < 0:
                    raise ControlError(400, f"{key} must be >= 0")
                setattr(world.config, key, value)
        return {key: getattr(world.config, key) for key in _DELAYS}
    for area in (control_handover, control_returns):
        answer = area.dispatch(sim, method, path, body)
        if answer is not None:
            return answer
    answer = control_partner.dispatch(sim, method, path, body, parse_qs(query))
    if answer is not None:
        return answer
    raise ControlError(404, f"no control endpoint {method} {path}")
