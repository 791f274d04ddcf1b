"""The command barcodes' decisions (``classify.COMMANDS``), each inside one writer transaction.

``CMD:SHORT`` and ``CMD:TEACH`` are in ``flows``. Each result has written its event-log line;
the caller commits.
"""
from __future__ import annotations

from app.services.station import flows, units
from app.services.station import results as r
from app.services.station import state as s
from app.statuses import LocalState
from app.store import postings as store_postings
from app.store import waves as store_waves

Txn = s.Txn


def acknowledge(t: Txn) -> r.StationResult:
    held = t.row.error_code
    t.clear_error()
    t.log(r.ACKNOWLEDGED, t.row.open_posting, {"error": held})
    return r.result(r.ACKNOWLEDGED, t.row.open_posting, t.state(), error=held or "")


def park(t: Txn) -> r.StationResult:
    number = t.row.open_posting
    if number is None:
        return flows.refused(t, r.NOTHING_OPEN, None)
    t.clear_error()
    t.go_idle()
    t.log(r.POSTING_PARKED, number, {})
    return r.result(r.POSTING_PARKED, number, t.state())


def release(t: Txn) -> r.StationResult:
    """Put the open posting back (``CMD:CANCEL``): its counted units are dropped, claim released."""
    number = t.row.open_posting
    if number is None:
        return flows.refused(t, r.NOTHING_OPEN, None)
    dropped = units.drop(t.session, number)
    posting = s.get_posting(t.session, number)
    if posting is not None and store_waves.in_pending_wave(posting):
        pass  # shipped with its wave: it stays this station's, to be verified again
    elif posting is not None and posting.local_state == LocalState.IN_PROGRESS:
        store_postings.release_posting(t.session, number, t.name)
        store_postings.set_local_state(t.session, number, LocalState.WAITING)
    else:
        store_postings.release_posting(t.session, number, t.name)
    t.clear_error()
    t.go_idle()
    t.log(r.POSTING_RELEASED, number, {"dropped": dropped})
    return r.result(r.POSTING_RELEASED, number, t.state(), dropped=dropped)


def next_box(t: Txn) -> r.StationResult:
    number = t.row.open_posting
    if number is None:
        return flows.refused(t, r.NOTHING_OPEN, None)
    if units.in_box(t.session, number, t.row.box_no) == 0:
        return flows.refused(t, r.BOX_EMPTY, number, box=t.row.box_no)
    t.row.box_no += 1
    t.clear_error()
    t.log(r.BOX_STARTED, number, {"box": t.row.box_no})
    return r.result(r.BOX_STARTED, number, t.state(), box=t.row.box_no)


def override_weight(t: Txn, who: tuple[str, bool] | r.StationResult, *, own_label: bool) -> r.StationResult:
    """A supervisor accepts the weight held as a mismatch; ``who``: (their name, may they) or the
    refusal of a badge or PIN nobody has (``app.services.people.sign_in.confirmer``)."""
    if t.row.error_code != r.WEIGHT_MISMATCH:
        return flows.refused(t, r.NOTHING_TO_OVERRIDE, t.row.open_posting)
    if isinstance(who, r.StationResult):
        return who
    by, allowed = who
    if not allowed:
        return flows.refused(t, r.NOT_AUTHORIZED, t.row.open_posting, person=by, action="override-weight")
    weight = {k: v for k, v in t.row.error_data.items() if k != "posting"}
    t.log("weight_override", t.row.open_posting, {**weight, "by": by})
    return flows.pack(t, weight, override_by=by, own_label=own_label)
