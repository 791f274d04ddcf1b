"""The FBS hand-over: ``/v2/carriage/delivery/list``, the carriage methods and the act's documents.

``/v2/carriage/delivery/list`` is newer than the Aug 2025 spec (2026-03): its request and answer are
checked by hand here, after the 2026 docs (ozon-after-ship.md §1): ``limit*`` 1..1000, ``cursor``,
``filter{delivery_method_id, departure_date}`` (a date, default today); methods without postings are
left out; a carriage ``id`` 0 means one can be created.
"""
from __future__ import annotations

import calendar
import re
import time

from app.sim.ozon.act import act_pdf, barcode_png
from app.sim.ozon.carriages import BARCODE_PREFIX, DOCUMENT_ACTIONS, FORMED, NEW, Carriage, Carriages, day_of
from app.sim.ozon.context import Binary, Context
from app.sim.ozon.params import Fields
from app.sim.ozon.views import iso

MAX_METHODS = 1000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECONDS_PER_DAY = 86_400.0


def _date(fields: Fields, key: str, default: str) -> str:
    """A departure date: ``YYYY-MM-DD`` or an RFC 3339 date-time (its UTC day)."""
    raw = fields.data.get(key)
    if raw in (None, ""):
        return default
    if isinstance(raw, str) and _DAY.fullmatch(raw):
        return raw
    moment = fields.time(key)
    return day_of(moment)


def _carriages(ctx: Context) -> Carriages:
    return ctx.carriages


def delivery_list(ctx: Context, body: dict) -> dict:
    request = Fields(body, "CarriageDeliveryListV2Request")
    request.integer("limit", required=True, low=1, high=MAX_METHODS)
    flt = request.obj("filter")
    method_id = flt.integer("delivery_method_id")
    world = ctx.world
    day = _date(flt, "departure_date", day_of(world.clock()))
    carriages = _carriages(ctx)
    methods = []
    with world.lock:
        world.settle()
        for method in carriages.methods():
            if method_id is not None and method.id != method_id:
                continue
            entry = _method(ctx, method, day)
            if entry is not None:
                methods.append(entry)
    return {"methods": methods, "cursor": "", "has_next": False}


def _method(ctx: Context, method, day: str) -> dict | None:
    world, carriages = ctx.world, _carriages(ctx)
    day_end = _day_start(day) + _SECONDS_PER_DAY
    due = [p for p in (world.get(n) for n in world.posting_numbers())
           if p.method.id == method.id and p.status in ("awaiting_packaging", "awaiting_deliver")
           and p.shipment_date < day_end]
    waiting = carriages.waiting(method)
    of_day = carriages.of(method.id, day)
    if not due and not waiting and not of_day:
        return None  # Ozon leaves out methods without postings
    packaged = sum(1 for p in due if p.status == "awaiting_deliver")
    errors = list(carriages.method_errors.get(method.id, []))
    if packaged < len(due):
        errors.append({"code": "not_packaged", "status": "warning",
                       "description": "Не все отправления, которые нужно отгрузить сегодня, собраны"})
    listed = [{"id": c.id, "status": c.status, "postings_count": len(c.postings),
               "available_actions": _actions(c), "all_blr_traceable": False, "carriage_volume": 0}
              for c in of_day]
    if waiting and not any(c.status == NEW for c in of_day):
        listed.append({"id": 0, "status": "", "postings_count": len(waiting), "available_actions": ["create"],
                       "all_blr_traceable": False, "carriage_volume": 0})
    cutoff = _day_start(day) + method.cutoff_hour * 3600.0
    return {
        "delivery_method_id": method.id,
        "delivery_method_name": method.name,
        "warehouse_id": method.warehouse.warehouse_id,
        "warehouse_name": method.warehouse.name,
        "tpl_provider_name": method.provider_name,
        "departure_date": day,
        "cutoff_at": iso(cutoff),
        "first_mile_type": "PICKUP",
        "has_entrusted_acceptance": False,
        "is_rfbs": method.warehouse.is_rfbs,
        "mandatory_postings_count": len(due),
        "mandatory_packaged_count": packaged,
        "recommended_time_local": f"{(method.cutoff_hour + 3) % 24:02d}:00",
        "timeslot_from": iso(cutoff),
        "timeslot_to": iso(cutoff + 4 * 3600.0),
        "errors": errors,
        "carriages": listed,
    }


def _day_start(day: str) -> float:
    return float(calendar.timegm(time.strptime(day, "%Y-%m-%d")))


def _actions(carriage: Carriage) -> list[str]:
    if carriage.status == NEW:
        return ["set_postings", "approve", "cancel"]
    if carriage.status == FORMED:
        return list(DOCUMENT_ACTIONS)
    return []


def create(ctx: Context, body: dict) -> dict:
    request = Fields(body, "v1CarriageCreateRequest")
    method_id = request.integer("delivery_method_id")
    if method_id is None:  # an empty body lets Ozon pick: the simulator asks for the method
        raise request.error("delivery_method_id", "value is required")
    day = _date(request, "departure_date", day_of(ctx.world.clock()))
    request.boolean("all_blr_traceable")
    return {"carriage_id": _carriages(ctx).create(method_id, day).id}


def set_postings(ctx: Context, body: dict) -> dict:
    request = Fields(body, "v1SetPostingsRequest")
    carriage_id = request.integer("carriage_id", required=True, low=1)
    numbers = request.str_list("posting_numbers")
    return {"result": _carriages(ctx).set_postings(carriage_id, numbers)}


def approve(ctx: Context, body: dict) -> dict:
    request = Fields(body, "v1CarriageApproveRequest")
    carriage_id = request.integer("carriage_id", required=True, low=1)
    if request.integer("containers_count") is not None:
        raise request.error("containers_count", "Trying set ContainersCount to not HasEntrustedAcceptance company")
    _carriages(ctx).approve(carriage_id)
    return {}


def get(ctx: Context, body: dict) -> dict:
    request = Fields(body, "carriageCarriageGetRequest")
    carriage = _carriages(ctx).get(request.integer("carriage_id", required=True, low=1))
    return {
        "carriage_id": carriage.id,
        "status": carriage.status,
        "available_actions": _actions(carriage),
        "cancel_availability": {"is_cancel_available": carriage.status == NEW,
                                "reason": "" if carriage.status == NEW else "carriage is not new"},
        "act_type": "",
        "is_waybill_enabled": True,
        "is_econom": False,
        "arrival_pass_ids": [],
        "company_id": int(ctx.client_id) if ctx.client_id.isdigit() else 0,
        "containers_count": 0,
        "created_at": iso(carriage.created_at),
        "updated_at": iso(carriage.updated_at),
        "delivery_method_id": carriage.method.id,
        "departure_date": carriage.departure_date,
        "first_mile_type": "PICKUP",
        "has_postings_for_next_carriage": bool(carriage.left_out),
        "integration_type": "ozon",
        "is_container_label_printed": False,
        "is_partial": bool(carriage.left_out),
        "partial_num": 0,
        "retry_count": 0,
        "tpl_provider_id": carriage.method.provider_id,
        "warehouse_id": carriage.method.warehouse.warehouse_id,
    }


def cancel(ctx: Context, body: dict) -> dict:
    request = Fields(body, "v1CarriageCancelRequest")
    return _carriages(ctx).cancel(request.integer("carriage_id", required=True, low=1))


def _act_id(ctx: Context, body: dict, name: str) -> int:
    return Fields(body, name).integer("id", required=True, low=1)


def act_check_status(ctx: Context, body: dict) -> dict:
    carriage = _carriages(ctx).get(_act_id(ctx, body, "postingPostingFBSActCheckStatusRequest"))
    status = {"new": "in_process", "cancelled": "cancelled"}.get(carriage.status, "ready")
    return {"result": {"status": status, "added_to_act": list(carriage.postings),
                       "removed_from_act": list(carriage.left_out), "act_type": "",
                       "is_partial": bool(carriage.left_out),
                       "has_postings_for_next_carriage": bool(carriage.left_out), "partial_num": 0}}


def act_pdf_file(ctx: Context, body: dict) -> Binary:
    carriages = _carriages(ctx)
    carriage = carriages.formed(_act_id(ctx, body, "postingPostingFBSGetActRequest"))
    world = ctx.world
    with world.lock:
        rows = [(n, sum(line.quantity for line in world.get(n).lines)) for n in carriage.postings]
    return Binary("application/pdf", act_pdf(carriage.id, carriage.method.name, carriage.departure_date, rows,
                                             _barcode_text(carriage), carriage.approved_at or world.clock()))


def act_barcode(ctx: Context, body: dict) -> Binary:
    carriage = _carriages(ctx).formed(_act_id(ctx, body, "v2PostingFBSGetBarcodeRequest"))
    return Binary("image/png", barcode_png(_barcode_text(carriage)))


def act_barcode_text(ctx: Context, body: dict) -> dict:
    carriage = _carriages(ctx).formed(_act_id(ctx, body, "v2PostingFBSGetBarcodeRequest"))
    return {"result": _barcode_text(carriage)}


def act_postings(ctx: Context, body: dict) -> dict:
    carriage = _carriages(ctx).get(_act_id(ctx, body, "v2PostingFBSActGetPostingsRequest"))
    world = ctx.world
    with world.lock:
        postings = [world.get(n) for n in carriage.postings]
        return {"result": [{"id": carriage.id, "posting_number": p.posting_number, "status": p.status,
                            "multi_box_qty": 1, "seller_error": "", "created_at": iso(carriage.created_at),
                            "updated_at": iso(carriage.updated_at), "products": []} for p in postings]}


def _barcode_text(carriage: Carriage) -> str:
    return f"{BARCODE_PREFIX}{carriage.id}"

