"""The verify-first shelf: a packed parcel waits with the station's own order label on it until
Ozon's label prints; scanning the own label (``PDK:<posting>``) then matches the two.

- the parcel's Ozon label is printed and not matched yet → ``label_matched`` (``matched_at`` is
  kept on the label row, the posting shows ``labelled``, the event is logged);
- labels wait for other parcels → ``wrong_parcel``, held until acknowledged, naming the posting
  whose label waits (the packer holds a label that must not go on this parcel);
- its label is not printed yet → ``label_not_ready`` (an answer, not a held error).
"""
from __future__ import annotations

from datetime import timedelta

from app.services.station import results as r
from app.services.station import state as s
from app.services.station.flows import refused
from app.store import labels as store_labels
from app.store.models import LABEL_PRINTED

MATCH_WINDOW = timedelta(hours=24)  # printed labels older than this no longer count as waiting


def match(t: s.Txn, number: str) -> r.StationResult:
    posting = s.get_posting(t.session, number)
    if posting is None:
        return refused(t, r.POSTING_NOT_FOUND, number, scanned="own_label")
    cancelled = s.cancelled_reason(posting)
    if cancelled is not None:
        return refused(t, r.POSTING_NOT_PACKABLE, number, **cancelled, scanned="own_label")
    label = store_labels.get(t.session, number)
    if label is not None and label.state == LABEL_PRINTED and posting.wave_id is None:
        if label.matched_at is not None:
            t.log(r.LABEL_ALREADY_MATCHED, number, {"matched_at": label.matched_at.isoformat()})
            return r.result(r.LABEL_ALREADY_MATCHED, number, t.state(), matched_at=label.matched_at.isoformat())
        store_labels.mark_matched(t.session, label.id, t.now)
        t.clear_error()
        left = [x.posting_number for x in store_labels.printed_unmatched(t.session, t.name, t.now - MATCH_WINDOW)]
        data = {"label_id": label.id, "printed_at": label.printed_at.isoformat() if label.printed_at else None,
                "still_waiting": left}
        t.log(r.LABEL_MATCHED, number, data)
        return r.result(r.LABEL_MATCHED, number, t.state(), **data)
    waiting = [x.posting_number for x in store_labels.printed_unmatched(t.session, t.name, t.now - MATCH_WINDOW)]
    if waiting:
        return refused(t, r.WRONG_PARCEL, number, expected=waiting[0], waiting=waiting)
    state = "none" if label is None else label.state
    data = {"label_state": state, "detail": (label.last_error or "") if label is not None else ""}
    t.log(r.LABEL_NOT_READY, number, data)
    return r.result(r.LABEL_NOT_READY, number, t.state(), **data)
