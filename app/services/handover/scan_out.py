"""Scanning parcels out into the courier's bag, decided inside one writer transaction (``Txn``).

A parcel is found by its Ozon label (either barcode, or the new label's scanit), its posting number
or the bench's own order label. A parcel due to leave is re-read from Ozon first, between
transactions, with the station's short timeout (``at_once`` says so instead of deciding), so a
cancellation after the last sync is caught before it is counted; offline, the cache decides and
the answer says so. A parcel due a later day may go early (it joins the hand-over). Duplicates,
parcels of another method or not shipped, cancelled parcels, items and garbage are answered and
never counted.

rFBS with the seller's own carrier: the label scan is followed by the carrier's barcode
(``tracking``); the parcel counts once its tracking number is recorded.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select

from app.services.handover import results as hr
from app.services.handover import tracking_numbers as tn
from app.services.handover.txn import Txn
from app.services.station.classify import Classified, looks_like_label
from app.services.station.remote import Lookup
from app.services.station.state import save_fresh
from app.statuses import CANCELLED_STATUSES, READY_FOR_HANDOVER_STATES, SHIPPED_STATUSES, LocalState
from app.store import handovers as store
from app.store import lookups
from app.store import products as store_products
from app.store.models import PostingRow
from app.store.models_handover import (
    PARCEL_AWAITING_TRACKING, PARCEL_CANCELLED, PARCEL_EXPECTED, PARCEL_SCANNED, SCHEME_TRACKING,
)

ASK = "ask"  # at_once's "re-read this posting from Ozon first"


@dataclass(frozen=True, slots=True)
class Cached:
    status: str
    local_state: str
    method_id: int | None
    method_name: str | None
    shipment_date: datetime | None
    cancel_reason: str | None
    cancelled_by: str | None  # app.statuses.CANCELLED_BY


_p = PostingRow.__table__.c
_CACHED = select(_p.status, _p.local_state, _p.delivery_method_id, _p.delivery_method_name, _p.shipment_date,
                 _p.cancel_reason, _p.cancelled_by).where(_p.posting_number == bindparam("number"))

NOT_A_TRACKING_NUMBER = "an item or no barcode at all"  # scanned for a parcel's carrier barcode


def cached(t: Txn, number: str) -> Cached | None:
    row = t.session.execute(_CACHED, {"number": number}).first()
    return Cached(*row) if row else None


def parcel_number(t: Txn, scanned: Classified) -> str | None:
    """The posting a scan names as a parcel (None: it names none in the cache)."""
    if scanned.kind in ("posting", "own_label"):
        return scanned.text
    if scanned.kind == "code":
        return lookups.posting_by_label_barcode(t.session, scanned.text)
    return None


def at_once(t: Txn, scanned: Classified, *, ask_first: bool):
    """A parcel scan: a result, or (ASK, number) when Ozon must be asked about it first."""
    h = t.handover
    held = repeat_stop(t)
    if held is not None:
        return held
    number = parcel_number(t, scanned)
    if h.awaiting_tracking is not None:
        if number is None:
            return tracking(t, scanned)
        if number != h.awaiting_tracking:
            return t.answer(hr.TRACKING_REQUIRED, h.awaiting_tracking, scanned_instead=number)
    if number is None:
        if scanned.kind == "code" and looks_like_label(scanned.text):  # an Ozon label this cache does not know
            return t.answer(hr.PARCEL_NOT_IN_HANDOVER, None, variant="unknown", code=scanned.text[:40])
        return not_a_parcel(t, scanned)
    state = store.parcel_state(t.session, h.id, number)
    if state in (PARCEL_SCANNED, PARCEL_AWAITING_TRACKING):
        variant = "tracking" if state == PARCEL_AWAITING_TRACKING else None
        return t.answer(hr.PARCEL_DUPLICATE, number, **t.tally(), **({"variant": variant} if variant else {}))
    if state == PARCEL_CANCELLED:
        return cancelled(t, number, cached(t, number), offline=False)
    posting = cached(t, number)
    if state is None:
        refusal = not_ours(t, number, posting, scanned)
        if refusal is not None:
            return refusal
    if ask_first:
        return (ASK, number)
    return accept_or_stop(t, number, None, state)


def with_lookup(t: Txn, number: str, lookup: Lookup | None) -> hr.HandoverResult:
    """The parcel scan again, with what Ozon just said about the posting."""
    if lookup is not None and lookup.posting is not None:
        save_fresh(t.session, lookup.posting, t.now, lookup.account)
    held = repeat_stop(t)
    if held is not None:
        return held
    state = store.parcel_state(t.session, t.handover.id, number)
    if state not in (None, PARCEL_EXPECTED):  # decided meanwhile (another scan of the same parcel)
        return t.answer(hr.PARCEL_DUPLICATE, number, **t.tally())
    if state is None:
        refusal = not_ours(t, number, cached(t, number), None)
        if refusal is not None:
            return refusal
    return accept_or_stop(t, number, lookup, state)


def accept_or_stop(t: Txn, number: str, lookup: Lookup | None, state: str | None) -> hr.HandoverResult:
    """Count the parcel (``state``: its state in the hand-over, None: not one of it yet), or stop
    when it is cancelled, or refuse it when it is not shipped."""
    posting = cached(t, number)
    offline = lookup is None or lookup.found is None
    if lookup is not None and lookup.found is False:
        return t.answer(hr.PARCEL_NOT_IN_HANDOVER, number, variant="not_on_ozon")
    if posting is None:
        return t.answer(hr.PARCEL_NOT_IN_HANDOVER, number, variant="unknown", code=number)
    if posting.status in CANCELLED_STATUSES or posting.local_state == LocalState.CANCELLED:
        return cancelled(t, number, posting, offline=offline, known=state is not None)
    if posting.status not in SHIPPED_STATUSES:
        variant = "handed_over" if posting.local_state == LocalState.HANDED_OVER else "status"
        return t.answer(hr.PARCEL_NOT_IN_HANDOVER, number, variant=variant, status=posting.status)
    h = t.handover
    if state is None:  # shipped since the hand-over started, or left by an earlier one
        store.add_parcel(t.session, h.id, number, PARCEL_EXPECTED, now=t.now, by=t.packer)
    extra = {"offline": True} if offline else {}  # decided from the cache: the answer says so
    if h.error_code == hr.HANDOVER_INCOMPLETE:
        t.clear_error()  # the missing parcels are being found: the next close looks again
    if h.scheme == SCHEME_TRACKING:
        tracked = store.carrier_tracked(t.session, number)
        if tracked is not None:  # its carrier shipment gave it a number when it was packed: no barcode asked
            store.change_tracking(t.session, [tracked.id], t.now, handover_id=h.id)
            store.set_parcel(t.session, h.id, number, PARCEL_SCANNED, now=t.now, by=t.packer)
            return t.answer(hr.PARCEL_ACCEPTED, number, tracking=tracked.tracking_number, **t.tally(), **extra)
        store.set_parcel(t.session, h.id, number, PARCEL_AWAITING_TRACKING, now=t.now, by=t.packer)
        h.awaiting_tracking = number
        return t.answer(hr.PARCEL_ACCEPTED, number, variant="tracking", carrier=h.carrier, **t.tally(), **extra)
    store.set_parcel(t.session, h.id, number, PARCEL_SCANNED, now=t.now, by=t.packer)
    return t.answer(hr.PARCEL_ACCEPTED, number, **t.tally(), **extra)


def not_ours(t: Txn, number: str, posting: Cached | None, scanned: Classified | None) -> hr.HandoverResult | None:
    """A parcel the hand-over did not expect: why it is not one of it (None: it is, shipped since)."""
    h = t.handover
    if posting is None:
        code = scanned.text if scanned is not None else number
        return t.answer(hr.PARCEL_NOT_IN_HANDOVER, None, variant="unknown", code=code)
    if posting.status in CANCELLED_STATUSES or posting.local_state == LocalState.CANCELLED:
        return cancelled(t, number, posting, offline=True)
    if posting.local_state == LocalState.HANDED_OVER:
        return t.answer(hr.PARCEL_NOT_IN_HANDOVER, number, variant="handed_over")
    if posting.method_id != h.delivery_method_id:
        return t.answer(hr.PARCEL_NOT_IN_HANDOVER, number, variant="method", other_method=posting.method_name or "",
                        other_method_id=posting.method_id)
    if posting.status not in SHIPPED_STATUSES or posting.local_state not in READY_FOR_HANDOVER_STATES:
        return t.answer(hr.PARCEL_NOT_IN_HANDOVER, number, variant="status", status=posting.status,
                        local_state=posting.local_state)
    return None  # shipped since the start, or due later and going early: it joins the hand-over


def cancelled(t: Txn, number: str, posting: Cached | None, *, offline: bool, known: bool | None = None) -> hr.HandoverResult:
    """STOP: a cancelled parcel must not leave (``known``: it is one of the hand-over's; None: look)."""
    h = t.handover
    if known if known is not None else store.parcel_state(t.session, h.id, number) is not None:
        store.set_parcel(t.session, h.id, number, PARCEL_CANCELLED, note=(posting.cancel_reason if posting else None))
    if h.awaiting_tracking == number:
        h.awaiting_tracking = None
    reason = (posting.cancel_reason or posting.status) if posting is not None else ""
    data = {"reason": reason, **({"variant": "offline"} if offline else {}),
            **({"by": posting.cancelled_by} if posting is not None and posting.cancelled_by else {})}
    return t.answer(hr.PARCEL_CANCELLED, number, **data, **t.tally())


def repeat_stop(t: Txn) -> hr.HandoverResult | None:
    """While a cancelled parcel's stop is held, nothing counts: the stop is repeated."""
    h = t.handover
    if h.error_code != hr.PARCEL_CANCELLED:
        return None
    posting = (h.error_data or {}).get("posting")
    t.log(hr.PARCEL_CANCELLED, posting, {"repeated": True})
    return hr.result(hr.PARCEL_CANCELLED, posting, t.state(), variant="repeated",
                     reason=(h.error_data or {}).get("reason", ""))


def not_a_parcel(t: Txn, scanned: Classified) -> hr.HandoverResult:
    if scanned.kind == "bad":
        data = {"problem": scanned.problem or "", "excerpt": scanned.text}
        t.log(hr.BAD_SCAN, None, data)
        return hr.result(hr.BAD_SCAN, None, t.state(), **data)
    return t.answer(hr.NOT_A_PARCEL, None, code=scanned.text[:40], kind=scanned.kind)


def tracking(t: Txn, scanned: Classified) -> hr.HandoverResult:
    """The carrier's barcode of the parcel just scanned: its tracking number, checked for the carrier."""
    h = t.handover
    number = h.awaiting_tracking
    names = {"carrier": h.carrier}
    if scanned.kind != "code" or store_products.products_by_barcode(t.session, scanned.text):
        return t.answer(hr.TRACKING_INVALID, number, tracking=scanned.text[:40], problem=NOT_A_TRACKING_NUMBER,
                        **names)
    verdict = tn.check(h.carrier or tn.OTHER, scanned.text, pattern=t.tracking_pattern)
    if not verdict.ok:
        return t.answer(hr.TRACKING_INVALID, number, tracking=verdict.number[:40], problem=verdict.problem, **names)
    owner = store.tracking_owner(t.session, verdict.number)
    if owner is not None and owner != number:
        return t.answer(hr.TRACKING_INVALID, number, variant="used", tracking=verdict.number, owner=owner, **names)
    if owner is None:
        store.capture_tracking(t.session, posting=number, tracking=verdict.number, carrier=h.carrier or tn.OTHER,
                               handover_id=h.id, station=t.station, by=t.packer, now=t.now)
    store.set_parcel(t.session, h.id, number, PARCEL_SCANNED, now=t.now, by=t.packer)
    h.awaiting_tracking = None
    return t.answer(hr.TRACKING_CAPTURED, number, tracking=verdict.number, **names, **t.tally())

