"""Starting a hand-over (``CMD:HANDOVER[:<delivery_method_id>]``), decided in writer transactions.

The parcels expected are the method's postings shipped and waiting at the bench (status
``awaiting_deliver``, local state shipped or labelled): Ozon's carriage for today's departure (the
bench's calendar day) takes every one of them, those due later too (Ozon's "optional" parcels).
Without a method id the one method with parcels ready is taken; with several the answer lists them. An open hand-over of this bench is resumed. Ozon's word on the
method (``/v2/carriage/delivery/list``: cut-off, carriages, its errors) is asked between the two
transactions with the station's short timeout; offline the hand-over starts from the cache and
says so.
"""
from __future__ import annotations

from typing import Any

from app.services.handover import results as hr
from app.services.handover import tracking_numbers as tn
from app.services.handover.txn import Txn, day_end_utc
from app.services.station.state import read_row
from app.store import handovers as store
from app.store.models_handover import MODE_HANDOVER, SCHEME_CARRIAGE, SCHEME_TRACKING

OZON_LOGISTICS = "ozon"           # tpl_integration_type: FBS with Ozon logistics (a carriage)
OWN_CARRIER = "non_integrated"    # rFBS, the seller's own or a non-integrated carrier (tracking numbers)
SCHEMES = {OZON_LOGISTICS: SCHEME_CARRIAGE, OWN_CARRIER: SCHEME_TRACKING}
ASK = "ask"


def choose(t: Txn, method_id: int | None):
    """A result, or (ASK, method id, name, integration type) when Ozon is to be asked about the
    method before the hand-over is made (``create``)."""
    h = t.handover
    row = read_row(t.session, t.station)
    if row is not None and row.open_posting:
        return t.answer(hr.HANDOVER_POSTING_OPEN, row.open_posting)
    if h is not None:
        if method_id is not None and method_id != h.delivery_method_id:
            return t.answer(hr.HANDOVER_BUSY, None, method=h.delivery_method_name or str(h.delivery_method_id),
                            delivery_method_id=h.delivery_method_id)
        return resume(t)
    until = day_end_utc(t.today(), t.zone)
    ready = store.ready_methods(t.session, until, SCHEMES)
    if method_id is None:
        if not ready:
            return t.answer(hr.HANDOVER_NOTHING, None, for_method="")
        if len(ready) > 1:
            methods = [{"delivery_method_id": m, "method": name or str(m), "parcels": n} for m, name, _, n, _ in ready]
            choices = "; ".join(f"{x['method']} (CMD:HANDOVER:{x['delivery_method_id']}, {x['parcels']})"
                                for x in methods)
            return t.answer(hr.HANDOVER_CHOOSE, None, methods=methods, choices=choices)
        method_id, name, integration, _, _ = ready[0]
        return (ASK, method_id, name, integration)
    found = next((row for row in ready if row[0] == method_id), None)
    if found is None:
        name, integration = store.method_of(t.session, method_id)
        if integration not in (None, *SCHEMES):
            return t.answer(hr.HANDOVER_UNSUPPORTED, None, method=name or str(method_id), integration=integration,
                            delivery_method_id=method_id)
        return t.answer(hr.HANDOVER_NOTHING, None, delivery_method_id=method_id,
                        for_method=f" ({name or method_id})")
    return (ASK, method_id, found[1], found[2])


def create(t: Txn, method_id: int, name: str | None, integration: str, ozon: dict[str, Any]) -> hr.HandoverResult:
    """Make the hand-over with the parcels ready now (Ozon's word as it was just given)."""
    if t.handover is not None:  # another call made one meanwhile
        return resume(t)
    day = t.today()
    parcels = store.ready_parcels(t.session, method_id)
    if not parcels:
        return t.answer(hr.HANDOVER_NOTHING, None, delivery_method_id=method_id, for_method=f" ({name or method_id})")
    scheme = SCHEMES[integration]
    carrier = tn.carrier_of(name) if scheme == SCHEME_TRACKING else None
    handover_id = store.create(t.session, station=t.station, packer=t.packer, method_id=method_id, method_name=name,
                               departure=day, scheme=scheme, carrier=carrier, ozon=ozon, parcels=parcels, now=t.now)
    t.enter(MODE_HANDOVER)
    t.handover = store.open_handover(t.session, t.station)
    return t.answer(hr.HANDOVER_STARTED, None, delivery_method_id=method_id, method=name or str(method_id),
                    departure=day.isoformat(), scheme=scheme, carrier=carrier, parcels=parcels,
                    **t.tally(), **_word(ozon))


def resume(t: Txn) -> hr.HandoverResult:
    h = t.handover
    t.enter(MODE_HANDOVER)
    row = store.get(t.session, h.id)
    return t.answer(hr.HANDOVER_STARTED, None, variant="resumed", delivery_method_id=h.delivery_method_id,
                    method=h.delivery_method_name or str(h.delivery_method_id), departure=h.departure_date.isoformat(),
                    scheme=h.scheme, carrier=h.carrier, held=h.error_code, parcels=store.missing(t.session, h.id),
                    **t.tally(), **_word(row.ozon or {}))


def _word(ozon: dict[str, Any]) -> dict[str, Any]:
    """What of Ozon's word the answer shows: the cut-off, the carriage's state, Ozon's errors."""
    carriages = ozon.get("carriages") or []
    live = [c for c in carriages if c.get("id")]
    return {"cutoff_at": ozon.get("cutoff_at"), "carriage_status": live[-1].get("status") if live else None,
            "ozon_errors": list(ozon.get("errors") or []), **({"offline": True} if ozon.get("offline") else {})}


def ozon_word(methods: list, *, checked_at: str, detail: str = "") -> dict[str, Any]:
    """``/v2/carriage/delivery/list`` for one method (``CarriageMethod``s; None: Ozon not reached)
    as the hand-over keeps it."""
    if methods is None:
        return {"checked_at": checked_at, "offline": True, "detail": detail}
    if not methods:
        return {"checked_at": checked_at, "listed": False}
    m = methods[0]
    return {
        "checked_at": checked_at, "listed": True,
        "departure_date": m.departure_date.isoformat() if m.departure_date else None,
        "cutoff_at": m.cutoff_at.isoformat() if m.cutoff_at else None,
        "mandatory_postings_count": m.mandatory_postings_count, "mandatory_packaged_count": m.mandatory_packaged_count,
        "carriages": [{"id": c.id, "status": c.status, "postings_count": c.postings_count} for c in m.carriages],
        "errors": [{"code": e.code, "description": e.description, "status": e.status} for e in m.errors],
    }
