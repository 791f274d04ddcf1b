"""Closing a hand-over (``CMD:HANDOVER-CLOSE[:FORCE:<supervisor>[:<reason>]]``), decided in one
writer transaction: what the screen then calls done is committed with the commands for Ozon.

Every expected parcel scanned (or a supervisor forcing the close: the missing ones wait for a later
carriage, the reason in the log) → the scanned postings become ``handed_over``, the bench goes back
to packing and the outbox gets the close: for a carriage one ``handover_close`` command that walks
create → check → trim → approve → confirm → documents (``app.services.handover.carriage``); for the
seller's own carrier the captured tracking numbers in batches of at most 20 (``tracking_send``:
``app.services.handover.tracking``). Parcels missing and no force → ``handover_incomplete``, held.
"""
from __future__ import annotations

from collections.abc import Callable

from app.services.handover import results as hr
from app.services.handover.txn import Txn
from app.statuses import CANCELLED_STATUSES, LocalState
from app.store import handovers as store
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store.models_handover import (
    HANDOVER_CLOSED, MODE_PACKING, PARCEL_DEFERRED, PARCEL_SCANNED, SCHEME_CARRIAGE, TRACK_ACCEPTED, TRACK_CAPTURED, TRACK_QUEUED,
)

CLOSE_KIND = "handover_close"
TRACKING_KIND = "tracking_send"
TRACKING_BATCH = 20  # /v2/fbs/posting/tracking-number/set takes at most 20
SHOWN_MISSING = 5


def close(t: Txn, *, force_by: str | None = None, reason: str = "",
          may_supervise: Callable[[str], bool] = lambda person: False) -> hr.HandoverResult:
    h = t.handover
    if h is None:
        return t.answer(hr.HANDOVER_NOT_OPEN, None)
    if h.error_code == hr.PARCEL_CANCELLED:  # the cancelled parcel must be out of the bag first
        posting = (h.error_data or {}).get("posting")
        t.log(hr.PARCEL_CANCELLED, posting, {"repeated": True, "at": "close"})
        return hr.result(hr.PARCEL_CANCELLED, posting, t.state(), variant="repeated",
                         reason=(h.error_data or {}).get("reason", ""))
    gone = store.in_bag_with_status(t.session, h.id, CANCELLED_STATUSES)  # cancelled after its scan
    if gone:  # STOP: it must come out of the bag before the courier takes the rest
        from app.services.handover.scan_out import cached, cancelled

        return cancelled(t, gone[0], cached(t, gone[0]), offline=False, known=True)
    missing = store.missing(t.session, h.id)
    tally = t.tally()
    if force_by is not None and not may_supervise(force_by):
        return t.answer(hr.NOT_AUTHORIZED, None, person=force_by, **tally)
    if missing and force_by is None:
        shown = ", ".join(missing[:SHOWN_MISSING]) + (" …" if len(missing) > SHOWN_MISSING else "")
        return t.answer(hr.HANDOVER_INCOMPLETE, None, missing=missing, missing_count=len(missing),
                        missing_text=shown, expected=tally["expected"], scanned=tally["scanned"])
    if tally["scanned"] == 0:
        return t.answer(hr.HANDOVER_NOTHING_SCANNED, None, **tally)
    why = reason or f"closed by {force_by} with {len(missing)} parcel(s) missing"
    for number in missing:  # they wait for a later carriage
        store.set_parcel(t.session, h.id, number, PARCEL_DEFERRED, note=why)
    scanned = store.numbers_in(t.session, h.id, (PARCEL_SCANNED,))
    store_postings.set_local_state(t.session, scanned, LocalState.HANDED_OVER)
    carriage = h.scheme == SCHEME_CARRIAGE
    store.change(t.session, h.id, t.now, state=HANDOVER_CLOSED, closed_at=t.now, closed_by=t.packer,
                 forced_by=force_by if missing else None, force_reason=why if missing else None,
                 error_code=None, error_data={}, awaiting_tracking=None, close_step="create" if carriage else None)
    h.error_code, h.error_data, h.awaiting_tracking = None, {}, None
    h.stored = h.mode_state()  # written above with the close
    t.enter(MODE_PACKING)
    sent = _queue(t, h.id, carriage)
    if missing:
        t.log("handover_forced", None, {"by": force_by, "reason": why, "deferred": missing})
    data = {"handover": h.id, "delivery_method_id": h.delivery_method_id, "carriage_id": None,
            "expected": tally["expected"], "scanned": tally["scanned"], "act_pdf": None, "tracking_sent": sent,
            "deferred": missing, "scheme": h.scheme}
    if not carriage:
        data["variant"] = "tracking"
    result = t.answer(hr.HANDOVER_CLOSED, None, **data)
    t.handover = None
    return hr.result(result.code, None, hr.IDLE, **result.data)


def _queue(t: Txn, handover_id: int, carriage: bool) -> int:
    """The close's commands for Ozon, in this transaction; returns how many tracking numbers go."""
    if carriage:
        store_outbox.add(t.session, kind=CLOSE_KIND, posting_number=None, payload={"handover": handover_id},
                         dedupe_key=f"handover:{handover_id}:close", station=t.station, now=t.now)
        return 0
    # captured at the hand-over, and those a carrier shipment gave at packing (sent to Ozon then or
    # on their way: this command asks Ozon for ``delivering``)
    rows = [row for row in store.tracking_of(t.session, handover_id) if row.state == TRACK_CAPTURED
            or (row.state in (TRACK_QUEUED, TRACK_ACCEPTED) and row.delivering is None)]
    store.change_tracking(t.session, [row.id for row in rows if row.state == TRACK_CAPTURED], t.now,
                          state=TRACK_QUEUED)
    for batch, start in enumerate(range(0, len(rows), TRACKING_BATCH)):
        chunk = rows[start:start + TRACKING_BATCH]
        store_outbox.add(t.session, kind=TRACKING_KIND, posting_number=None,
                         payload={"handover": handover_id, "tracking": [row.id for row in chunk]},
                         dedupe_key=f"handover:{handover_id}:tracking:{batch}", station=t.station, now=t.now)
    return len(rows)
