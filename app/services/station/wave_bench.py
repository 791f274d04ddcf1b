"""A label-first wave's parcel at the bench: it was shipped with its wave and its Ozon label is
printed already, so verifying it sends nothing: units and weight are recorded and it is done."""
from __future__ import annotations

from typing import Any

from app.services.station import results as r
from app.services.station import state as s
from app.statuses import SHIPPED_STATUSES, LocalState
from app.store import labels as store_labels
from app.store import postings as store_postings
from app.store import waves as store_waves
from app.store.models import LABEL_PRINTED, MEMBER_VERIFIED


def opened_data(t: s.Txn, posting: s.BenchPosting) -> dict[str, Any]:
    """What ``posting_opened`` adds for a wave's parcel (wave and pick order)."""
    if not store_waves.in_pending_wave(posting):
        return {}
    member = store_waves.member(t.session, posting.wave_id, posting.posting_number)
    return {"wave": posting.wave_id, "pick": member.pick_order if member else None}


def pack_parcel(t: s.Txn, posting: s.BenchPosting, weight: dict[str, Any], *,
                override_by: str | None) -> r.StationResult:
    """Weight accepted on a wave's parcel: verified and done, no ship command (it is shipped)."""
    number = posting.posting_number
    label = store_labels.get(t.session, number)
    printed = label is not None and label.state == LABEL_PRINTED
    if printed:
        local = LocalState.LABELLED
        if label.matched_at is None:
            label.matched_at = t.now  # the parcel was opened by that label
    elif posting.status in SHIPPED_STATUSES:
        local = LocalState.SHIPPED
    else:
        local = LocalState.PACKED  # the wave's ship command is still on its way; the outbox moves it on
    store_postings.set_packed(t.session, number, local, station=t.name, now=t.now,
                              weight_g=weight.get("measured_g"))  # its claim let go too
    store_waves.set_member(t.session, posting.wave_id, number, MEMBER_VERIFIED, verified_at=t.now)
    t.clear_error()
    t.go_idle()
    data = {**weight, "packed": True, "wave": posting.wave_id, "shipped_before": True, "label_printed": printed}
    if override_by:
        data["override_by"] = override_by
    t.log("packed", number, data)
    t.log(r.WEIGHT_ACCEPTED, number, data)
    return r.result(r.WEIGHT_ACCEPTED, number, t.state(), **data)
