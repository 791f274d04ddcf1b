"""What the Hand-over tab shows, read in one read transaction (on a pool thread: never the GUI's).

    data = board(db, "bench-1", data_dir, now=utcnow(), zone=local_zone())

``ready``: per delivery method, the parcels shipped and waiting, due by the end of today, with
Ozon's word on the method (the last sync pass's ``/v2/carriage/delivery/list``); ``open``: this
bench's open hand-over with its live counts and parcels; ``last``: its last closed hand-over (the
carriage, its barcode, the act, the tracking numbers, what needs a person); ``flagged``: parcels
Ozon has not scanned long after their hand-over.
"""
from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from app.services.handover.afterwards import ozon_word
from app.services.handover.documents import act_path
from app.services.handover.start import SCHEMES
from app.services.handover.txn import day_end_utc, len_missing, local_day
from app.store import handovers as store
from app.store.models_handover import HANDOVER_CLOSED, PARCEL_DEFERRED, PARCEL_SCANNED


def board(db, station: str, data_dir: Path, *, now: datetime, zone: tzinfo) -> dict[str, Any]:
    day = local_day(now, zone)
    word = ozon_word(db)
    methods = word.get("methods", {}) if word.get("day") == day.isoformat() else {}
    with db.read() as session:
        ready = [{"delivery_method_id": m, "method": name or str(m), "integration": integration, "parcels": n,
                  "due_today": due, "ozon": methods.get(str(m))}
                 for m, name, integration, n, due in store.ready_methods(session, day_end_utc(day, zone), SCHEMES)]
        opened = store.open_handover(session, station)
        recent = [h for h in store.recent(session, station, limit=10) if h.state == HANDOVER_CLOSED]
        data = {"day": day.isoformat(), "ready": ready, "open": _open(session, opened) if opened else None,
                "last": _closed(session, recent[0], data_dir) if recent else None,
                "flagged": [{"posting": n, "handover": h, "closed_at": at, "flag": flag, "arbitration": arb,
                             "status": status, "hours": round((now - at).total_seconds() / 3600) if at else None}
                            for n, h, at, flag, arb, status in store.flagged(session)]}
    return data


def _open(session, h) -> dict[str, Any]:
    counts = store.counts(session, h.id)
    tracking = {t.posting_number: t.tracking_number for t in store.tracking_of(session, h.id)}
    row = store.get(session, h.id)
    return {"id": h.id, "delivery_method_id": h.delivery_method_id,
            "method": h.delivery_method_name or str(h.delivery_method_id), "departure": h.departure_date.isoformat(),
            "scheme": h.scheme, "carrier": h.carrier, "held": h.error_code, "awaiting_tracking": h.awaiting_tracking,
            "expected": counts.get(PARCEL_SCANNED, 0) + len_missing(counts), "scanned": counts.get(PARCEL_SCANNED, 0),
            "missing": len_missing(counts), "ozon": row.ozon or {},
            "parcels": [{"posting": p.posting_number, "state": p.state, "tracking": tracking.get(p.posting_number)}
                        for p in store.parcels(session, h.id)]}


def _closed(session, h, data_dir: Path) -> dict[str, Any]:
    act = act_path(data_dir, h.act_pdf)
    signed = act_path(data_dir, h.receipt_path)
    return {"id": h.id, "delivery_method_id": h.delivery_method_id,
            "method": h.delivery_method_name or str(h.delivery_method_id), "departure": h.departure_date.isoformat(),
            "scheme": h.scheme, "closed_at": h.closed_at, "closed_by": h.closed_by, "forced_by": h.forced_by,
            "force_reason": h.force_reason, "carriage_id": h.carriage_id, "carriage_status": h.carriage_status,
            "close_step": h.close_step, "close_error": h.close_error, "notes": list(h.close_notes or []),
            "added_by_ozon": list(h.added_by_ozon or []), "removed_by_ozon": list(h.removed_by_ozon or []),
            "act_pdf": str(act) if act else None, "act_printed": h.act_printed, "barcode_text": h.barcode_text,
            "signed_act": str(signed) if signed else None,
            "scanned": len(store.numbers_in(session, h.id, (PARCEL_SCANNED,))),
            "deferred": store.numbers_in(session, h.id, (PARCEL_DEFERRED,)),
            "tracking": [{"posting": t.posting_number, "tracking": t.tracking_number, "state": t.state,
                          "error": t.error, "delivering": t.delivering} for t in store.tracking_of(session, h.id)]}
