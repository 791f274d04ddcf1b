"""The station's decisions, each inside one writer transaction (``Txn``): open, count, stop, weigh, pack.

Each returns a ``StationResult`` and has written its event-log line; the caller commits.
"""
from __future__ import annotations

from typing import Any

from app.messages import problems
from app.services.station import results as r
from app.services.station import state as s
from app.devices.scanners.gs1 import mask
from app.services.station import customs, mark_fix, unit_ids, unit_weight, units, wave_bench
from app.services.station.marking import Mark
from app.services.station.remote import Lookup
from app.services.station.state import refused  # the station's other modules call it as flows.refused
from app.services.station.weighing import check_weight, expected_weight
from app.statuses import LocalState
from app.store import claims as store_claims
from app.store import labels as store_labels
from app.store import marks as store_marks
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store import products as store_products
from app.store import waves as store_waves
from app.store.models import MEMBER_SHORT


def stop_loudly(t: Txn, posting: s.BenchPosting, reason: dict[str, Any]) -> r.StationResult:
    """The open (or parked) posting can no longer be packed: let go of it, say so, ship nothing."""
    number = posting.posting_number
    store_postings.release_posting(t.session, number, t.name)
    if t.row.open_posting == number:
        t.go_idle()
        # its goods are in the packer's hands: until someone acknowledges, an item scan must not
        # quietly open another posting with them (Station.goods_on_hold)
        reason = {**reason, "goods_on_hold": True}
    return refused(t, r.POSTING_NOT_PACKABLE, number, **reason)


def vanished(t: Txn, number: str) -> r.StationResult:
    """The open posting is no longer in the cache: nothing to pack or ship; the station is freed."""
    t.go_idle()
    return refused(t, r.POSTING_NOT_PACKABLE, number, reason="vanished")


def goods_on_hold(t: Txn) -> r.StationResult | None:
    """While a stopped posting's goods are on the bench, repeat the stop instead of counting them
    (into another posting, open or not) until ``CMD:ACK`` or a posting scan clears it."""
    held = t.row.error_data or {}
    if t.row.error_code != r.POSTING_NOT_PACKABLE or not held.get("goods_on_hold"):
        return None
    data = {key: value for key, value in held.items() if key != "posting"}
    t.log(r.POSTING_NOT_PACKABLE, held.get("posting"), {**data, "repeated": True})
    return r.result(r.POSTING_NOT_PACKABLE, held.get("posting"), t.state(), **{**data, "reason": "goods_on_hold"})


def open_posting(t: Txn, number: str, *, via: str) -> r.StationResult:
    """Open (or resume) ``number`` for this station; an open other posting is parked."""
    return open_and_read(t, number, via=via)[0]


def open_and_read(t: Txn, number: str, *, via: str) -> tuple[r.StationResult, s.BenchPosting | None, dict[int, int]]:
    """``open_posting``, and the opened posting as it is now (None if not opened) with its
    counts per line, for a decision that goes on in the same transaction."""
    store_claims.hold(t.session, number)  # another bench's claim of it is committed or waits for ours
    posting, counts, last_box = s.get_counted(t.session, number)
    if posting is None:
        return refused(t, r.POSTING_NOT_FOUND, number, scanned=via), None, {}
    if posting.local_state == LocalState.PROBLEM:  # Ozon refused codes of it: open it on those units
        reopened = mark_fix.reopen(t, posting, counts) or customs.reopen(t, posting, counts)
        if reopened is not None:
            return reopened
    reason = s.not_packable_reason(posting, t.name)
    if reason is not None:
        if posting.claimed_by == t.name:
            return stop_loudly(t, posting, reason), None, {}
        if reason["reason"] == "cancelled":
            # the packer picked its goods before scanning its number: they must not slip into
            # another parcel either (the rule of stop_loudly, for a posting never opened here)
            reason = {**reason, "goods_on_hold": True}
        return refused(t, r.POSTING_NOT_PACKABLE, number, **reason), None, {}
    starts = LocalState.IN_PROGRESS if posting.local_state == LocalState.WAITING else None  # with the claim
    if not store_postings.claim_posting(t.session, number, t.name, t.now, local_state=starts):
        return refused(t, r.POSTING_NOT_PACKABLE, number, reason="claimed", holder=_holder(t, number)), None, {}
    previous = t.row.open_posting
    resumed = posting.local_state == LocalState.IN_PROGRESS and (posting.wave_id is None or last_box is not None)
    counted, total = s.totals(posting, counts)
    t.clear_error()
    t.row.open_posting = number
    waits = unit_ids.waiting(t, posting) if posting.requirements else None
    t.row.state = r.WEIGHING if s.complete(counted, total) and waits is None else r.PACKING
    t.row.box_no = last_box or 1
    data: dict[str, Any] = {"counted": counted, "total": total, "resumed": resumed, "scanned": via,
                            "box": t.row.box_no, **wave_bench.opened_data(t, posting)}
    if waits is not None:
        data["asks"] = waits[2]
    if previous and previous != number:
        data["parked"] = previous
        t.log(r.POSTING_PARKED, previous, {"by_opening": number})
    t.log(r.POSTING_OPENED, number, data)
    opened = posting.claimed_here(t.name)  # as just written
    return r.result(r.POSTING_OPENED, number, t.state(), **data), opened, counts


def count_unit(t: Txn, code: str, *, mark: Mark | None = None, notes: dict | None = None,
               found: list | None = None, posting: s.BenchPosting | None = None,
               counts: dict[int, int] | None = None) -> r.StationResult:
    """An item (or marking code) scanned with a posting open: count it or say why not.
    ``found``, ``posting``, ``counts``: the products of ``code``, the open posting and its counts
    per line, when this transaction has read them already."""
    number = t.row.open_posting
    if posting is None or counts is None or posting.posting_number != number:
        posting, counts, _ = s.get_counted(t.session, number)
    if posting is None:  # vanished from the cache (should not happen): let go
        t.go_idle()
        return refused(t, r.POSTING_NOT_FOUND, number)
    reason = s.not_packable_reason(posting, t.name)
    if reason is not None:
        return stop_loudly(t, posting, reason)
    scanned = {"barcode": code} if mark is None else {"gtin": mark.gtin}
    if posting.requirements:
        asking = unit_ids.required(t, posting, scanned)  # the unit before this one wants its IMEI/UIN
        if asking is not None:
            return asking
    if found is None:
        found = _products(t, code, mark)
    if mark is not None:
        wrong = mark_fix.wrong_code(t, posting, found, mark)
        if wrong is not None:
            return wrong
    if not found:
        return mark_fix.not_a_mark(t, number, code) or refused(t, r.UNKNOWN_BARCODE, number, **scanned,
                                                               **(notes or {}))
    skus = {p.sku for p in found}
    lines = [line for line in posting.items if line.sku in skus]
    if not lines:
        return refused(t, r.WRONG_ITEM, number, product=found[0].name, sku=found[0].sku, **scanned)
    line = next((x for x in lines if counts.get(x.line_no, 0) < x.quantity), None)
    if line is None:
        replaced = mark_fix.replace(t, posting, mark) if mark is not None else None
        if replaced is not None:
            return replaced
        first = lines[0]
        return refused(t, r.OVER_SCAN, number, product=first.name, sku=first.sku,
                       quantity=sum(x.quantity for x in lines), **scanned)
    if mark is None and s.needs_mark(posting, line.sku):
        return refused(t, r.MARK_REQUIRED, number, product=line.name, sku=line.sku, expects=line.sku, **scanned)
    if mark is not None:
        holder = units.mark_seen(t.session, number, mark.code)
        if holder is not None:
            return refused(t, r.DUPLICATE_UNIT, number, product=line.name, sku=line.sku, other=holder,
                           mark=mask(mark.code))
    units.add(t.session, posting_number=number, line_no=line.line_no, sku=line.sku, box_no=t.row.box_no,
              barcode=code if mark is None else mark.gtin, mark=mark.code if mark else None, station=t.name,
              packer=t.packer, at=t.now)
    counts[line.line_no] = counts.get(line.line_no, 0) + 1
    counted, total = s.totals(posting, counts)
    t.clear_error()
    asks = unit_ids.kind_of(posting, line.sku) if mark is None else None
    complete = s.complete(counted, total) and asks is None
    t.row.state = r.WEIGHING if complete else r.PACKING
    code_out = r.POSTING_COMPLETE if complete else r.ITEM_ACCEPTED
    data = {"product": line.name, "sku": line.sku, "line": line.line_no, "line_counted": counts[line.line_no],
            "line_total": line.quantity, "counted": counted, "total": total, "box": t.row.box_no, **scanned}
    if asks is not None:
        data["asks"] = asks  # its IMEI/UIN next (unit_ids.take)
    if mark is not None:
        data["mark"] = mask(mark.code)
        if not s.needs_mark(posting, line.sku):
            data["mark_not_needed"] = True  # kept as the unit's evidence; Ozon gets no code it needs none of
    t.log(code_out, number, data)
    return r.result(code_out, number, t.state(), **data)


def weigh(t: Txn, grams: float, lookup: Lookup | None, *, tolerance_pct: float, allowance_g: float,
          own_label: bool) -> r.StationResult:
    """A stable weight: checked once every unit is verified: accepted → packed (``pack``);
    a mismatch is held (re-weigh or a supervisor's override)."""
    number = t.row.open_posting
    if number is None:
        return refused(t, r.NOTHING_OPEN, None, measured_g=grams)
    if lookup is not None and lookup.posting is not None:
        s.save_fresh(t.session, lookup.posting, t.now, lookup.account)
    posting, counts, weights = s.get_weighed(t.session, number)
    if posting is None:
        return vanished(t, number)
    reason = s.not_packable_reason(posting, t.name)
    if reason is not None:
        return stop_loudly(t, posting, reason)
    fix_first = mark_fix.fixing(t, posting, grams)  # reopened on what Ozon refused: weighed at packing
    if fix_first is not None:
        return fix_first
    if posting.requirements:
        asking = unit_ids.required(t, posting, {"measured_g": grams})  # a unit's IMEI/UIN first
        if asking is not None:
            return asking
    weighed = unit_weight.weigh_unit(t, posting, grams)  # a unit sold by weight, weighed alone
    if weighed is not None:
        return weighed
    if not s.is_complete(posting, counts):
        counted, total = s.totals(posting, counts)
        return refused(t, r.NOT_COMPLETE, number, counted=counted, total=total, measured_g=grams)
    expected, missing = expected_weight([(x.sku, x.quantity, weights.get(x.sku)) for x in posting.items], allowance_g)
    check = check_weight(grams, expected, tolerance_pct, missing)
    if not check.accepted:
        t.hold(r.WEIGHT_MISMATCH, **check.as_data())
        t.row.state = r.WEIGHING
        t.log(r.WEIGHT_MISMATCH, number, check.as_data())
        return r.result(r.WEIGHT_MISMATCH, number, t.state(), **check.as_data())
    data = check.as_data()
    if not check.checked:
        data["unchecked"] = True
    return pack(t, data, own_label=own_label, checked=posting)


def expected_g(session, posting: s.BenchPosting | None, allowance_g: float) -> tuple[float | None, tuple[int, ...]]:
    """The posting's catalogue weight plus the allowance (None, with the skus lacking a weight)."""
    if posting is None:
        return None, ()
    weights = store_products.weights_by_sku(session, [x.sku for x in posting.items])
    return expected_weight([(x.sku, x.quantity, weights.get(x.sku)) for x in posting.items], allowance_g)


def pack(t: Txn, weight: dict[str, Any], *, override_by: str | None = None,
         own_label: bool = False, checked: s.BenchPosting | None = None) -> r.StationResult:
    """Weight accepted: packed state, event, ship command, station free — one transaction.
    ``own_label``: queue the station's own order label too (verify-first shelf, ``on_pack``).
    A label-first wave's parcel is shipped already: verified and done, nothing queued.
    ``checked``: the open posting, read and found packable and complete in this transaction."""
    number = t.row.open_posting
    posting = checked
    if posting is None:
        posting = s.get_posting(t.session, number)
        reason = None if posting is None else s.not_packable_reason(posting, t.name)
        if posting is None or reason is not None:
            if posting is None:
                t.go_idle()
                return refused(t, r.POSTING_NOT_FOUND, number)
            return stop_loudly(t, posting, reason)
        if not s.is_complete(posting, units.line_counts(t.session, number)):
            t.row.state = r.PACKING
            return refused(t, r.NOT_COMPLETE, number)
    if store_waves.in_pending_wave(posting):
        return wave_bench.pack_parcel(t, posting, weight, override_by=override_by)
    packages = units.packages(t.session, number)
    store_postings.set_packed(t.session, number, LocalState.PACKED, station=t.name, now=t.now,
                              weight_g=weight.get("measured_g"))  # its claim let go too
    if store_marks.needs_exemplars(posting.requirements):  # the ship waits for Ozon's word on them
        store_marks.queue_set(t.session, number, station=t.name, now=t.now)
    store_outbox.add(t.session, kind="ship", posting_number=number, payload={"packages": packages},
                     dedupe_key=f"ship:{number}", station=t.name, now=t.now)
    t.clear_error()
    t.go_idle()
    data = {**weight, "packages": len(packages), "packed": True}
    if override_by:
        data["override_by"] = override_by
    if own_label and store_labels.queue_own(t.session, number, station=t.name, now=t.now):
        data["order_label"] = "queued"
    t.log("packed", number, {**data, "ship": packages})
    t.log(r.WEIGHT_ACCEPTED, number, data)
    return r.result(r.WEIGHT_ACCEPTED, number, t.state(), **data)


def short(t: Txn, reason: str, *, by: str | None = None) -> r.StationResult:
    """``CMD:SHORT``: units of the open posting cannot be found. It is flagged for a person
    (``problem`` with the reason; a wave's member is marked short): never silently dropped."""
    number = t.row.open_posting
    if number is None:
        return refused(t, r.NOTHING_OPEN, None, command="short")
    posting = s.get_posting(t.session, number)
    counted, total = s.totals(posting, units.line_counts(t.session, number))
    reason = reason or problems.SHORT_REASON
    wave = posting.wave_id if store_waves.in_pending_wave(posting) else None
    problem = problems.problem("short", counted=counted, total=total, reason=reason)
    if wave is not None:
        problem = problems.problem("short_in_wave", counted=counted, total=total, reason=reason, wave=wave)
        store_waves.set_member(t.session, wave, number, MEMBER_SHORT, reason=reason)
    store_postings.set_local_state(t.session, number, LocalState.PROBLEM, problem=problem)
    store_postings.release_posting(t.session, number, t.name)
    t.clear_error()
    t.go_idle()
    data: dict[str, Any] = {"counted": counted, "total": total, "reason": reason}
    if by is not None:
        data["by"] = by  # the supervisor who confirmed it
    if wave is not None:
        data.update(wave=wave, shipped=True)
    t.log(r.POSTING_SHORT, number, data)
    return r.result(r.POSTING_SHORT, number, t.state(), **data)


def teach(t: Txn, barcode: str | None, line_no: int | None, by: str, allowed: bool) -> r.StationResult:
    """Link ``barcode`` (None: the unknown barcode just scanned) to a line of the open posting
    (None: the only line with units to go), confirmed by ``by`` (``allowed``: has the right to)."""
    number = t.row.open_posting
    held = t.row.error_data.get("barcode") if t.row.error_code == r.UNKNOWN_BARCODE else None
    code = barcode if barcode is not None else held
    if number is None or not code:
        return refused(t, r.NOTHING_OPEN if number is None else r.TEACH_NEEDS_LINE, number)
    if not allowed:
        return refused(t, r.NOT_AUTHORIZED, number, person=by, action="teach")
    posting = s.get_posting(t.session, number)
    counts = units.line_counts(t.session, number)
    open_lines = [x for x in posting.items if counts.get(x.line_no, 0) < x.quantity]
    chosen = open_lines[0].line_no if line_no is None and len(open_lines) == 1 else line_no
    line = next((x for x in posting.items if x.line_no == chosen), None)
    if line is None:
        return refused(t, r.TEACH_NEEDS_LINE, number, barcode=code)
    store_products.add_taught_barcode(t.session, code, line.sku, by, t.now)
    t.log(r.BARCODE_TAUGHT, number, {"barcode": code, "sku": line.sku, "line": line.line_no, "by": by})
    if held == code:  # the unit in the packer's hand counts now
        return count_unit(t, code)
    t.clear_error()
    return r.result(r.BARCODE_TAUGHT, number, t.state(), barcode=code, sku=line.sku, product=line.name)


def recheck(t: Txn, lookup) -> r.StationResult:
    """Is the open posting still packable (after the sync, or what Ozon just said)?"""
    if lookup is not None and lookup.posting is not None:
        s.save_fresh(t.session, lookup.posting, t.now, lookup.account)
    number = t.row.open_posting
    posting = s.get_posting(t.session, number) if number else None
    if number is not None:
        if posting is None:
            return vanished(t, number)
        reason = s.not_packable_reason(posting, t.name)
        if reason is not None:
            return stop_loudly(t, posting, reason)
    return r.result(r.STATUS, number, t.state(), error=t.row.error_code or "")


def _products(t: Txn, code: str, mark: Mark | None):
    for barcode in ([code] if mark is None else mark.barcodes()):
        found = store_products.products_by_barcode(t.session, barcode)
        if found:
            return found
    return []


def _holder(t: Txn, number: str) -> str:
    posting = s.get_posting(t.session, number)
    return (posting.claimed_by if posting is not None else None) or ""


Txn = s.Txn
