"""Marking codes at the bench beyond counting: is this code the unit's, and fixing a code Ozon refused.

- ``wrong_code``: a marking code names its product by its GTIN (GTIN-14 = ``0`` + EAN-13): a code
  whose GTIN is no product of the open posting, or not the product whose EAN was just scanned
  (``mark_required`` holds it), is ``marking_invalid`` at once, with the reason.
- ``reopen``: a posting Ozon refused codes of (``problem``, ``app.store.marks``) opens again on the
  refused units when it is scanned; ``replace``: a new code for such a unit replaces the old one
  (``mark_replaced``; ``unit_ids.replace_refused`` the same for a phone's IMEI or a jewel's UIN,
  checked for its shape first, like at packing); once every refused unit has a new code the posting
  is packed again and its complete set queued for Ozon (the ship, still waiting, goes once Ozon
  accepts it). Its weight stays the one taken at packing: a reopened posting is not weighed again.

Codes reach results and the event log masked only (``gs1.mask``).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import update

from app.devices.scanners.gs1 import mask
from app.services.station import customs
from app.services.station import results as r
from app.services.station import state as s
from app.services.station import units
from app.services.station.marking import Mark
from app.statuses import LocalState
from app.store import marks as store_marks
from app.store import postings as store_postings
from app.store import products as store_products
from app.store.marks_models import MARKS_REJECTED
from app.store.models import PackedUnitRow

MARK_REPLACED = r.MARK_REPLACED


def expected_sku(t: s.Txn) -> int | None:
    """The product whose code the bench asked for (``mark_required`` or a refused code after it)."""
    if t.row.error_code in (r.MARK_REQUIRED, r.MARKING_INVALID):
        sku = (t.row.error_data or {}).get("expects")
        return int(sku) if isinstance(sku, int) else None
    return None


def wrong_code(t: s.Txn, posting: s.BenchPosting, found: list, mark: Mark) -> r.StationResult | None:
    data: dict[str, Any] = {"gtin": mark.gtin, "mark": mask(mark.code)}
    expects = expected_sku(t)
    wanted = next((x for x in posting.items if x.sku == expects), None)
    if wanted is not None:
        data.update(expects=wanted.sku, product=wanted.name)
    if not found:
        return s.refused(t, r.MARKING_INVALID, posting.posting_number, reason="gtin_unknown", **data)
    skus = {p.sku for p in found}
    if wanted is not None and wanted.sku not in skus:
        return s.refused(t, r.MARKING_INVALID, posting.posting_number, reason="gtin_other_product",
                         code_product=found[0].name, **data)
    if not any(x.sku in skus for x in posting.items):
        return s.refused(t, r.MARKING_INVALID, posting.posting_number, reason="gtin_not_in_posting",
                         code_product=found[0].name, **data)
    return None


def not_a_mark(t: s.Txn, number: str | None, shown: str) -> r.StationResult | None:
    """Something that is no marking code, scanned while the bench waits for one."""
    expects = expected_sku(t)
    if expects is None or number is None:
        return None
    posting = s.get_posting(t.session, number)
    line = next((x for x in posting.items if x.sku == expects), None) if posting else None
    if line is None:
        return None
    return s.refused(t, r.MARKING_INVALID, number, reason="not_a_mark", expects=line.sku, product=line.name,
                     scanned=shown)


# -- a posting whose codes Ozon refused ------------------------------------------------------------

def fixable(t: s.Txn, number: str) -> list[dict] | None:
    record = store_marks.get(t.session, number)
    if record is None or record.stage != MARKS_REJECTED or not record.failed:
        return None
    failed = list(record.failed)
    if any(not f.get("unit") or not f.get("mark") or not _code_refused(f) for f in failed):
        return None  # not a unit's code (a count, a GTD, a weight...): a person decides in Ozon's office
    return failed


def _code_refused(failed: dict) -> bool:
    """Ozon refused the unit's marking code itself (not its GTD, RNPT or weight, nor our own check)."""
    codes = failed.get("codes") or []
    return bool(codes) and all(":" not in c and not c.islower() for c in codes)


def reopen(t: s.Txn, posting: s.BenchPosting, counts: dict[int, int]):
    """Open the problem posting on its refused units, or None when it is not such a posting."""
    if posting.claimed_by not in (None, t.name):
        return None
    failed = fixable(t, posting.posting_number)
    if failed is None:
        return None
    number = posting.posting_number
    if not store_postings.claim_posting(t.session, number, t.name, t.now):
        return None
    store_postings.set_local_state(t.session, number, LocalState.IN_PROGRESS, problem=posting.problem)
    t.clear_error()
    t.row.open_posting, t.row.state, t.row.box_no = number, r.PACKING, 1
    first = failed[0]
    counted, total = s.totals(posting, counts)
    data = {"counted": counted, "total": total, "resumed": True, "scanned": "number", "box": 1,
            "fix_marks": len(failed), "product": first.get("product", ""), "nth": first["nth"],
            "of": first["of"], "mark": first["mark"], "codes": ", ".join(first.get("codes", [])),
            "expects": first["sku"]}
    t.log(r.POSTING_OPENED, number, data)
    opened = posting.claimed_here(t.name)
    return r.result(r.POSTING_OPENED, number, t.state(), **data), opened, counts


def replace(t: s.Txn, posting: s.BenchPosting, mark: Mark) -> r.StationResult | None:
    """A new code for a refused unit of this product (None: no refused unit of it waits)."""
    number = posting.posting_number
    failed = fixable(t, number)
    if not failed:
        return None
    sku_of = {p for p in _skus_of(t, mark)}
    target = next((f for f in failed if f["sku"] in sku_of), None)
    if target is None:
        return None
    holder = units.mark_seen(t.session, number, mark.code)
    if holder is not None:
        return s.refused(t, r.DUPLICATE_UNIT, number, product=target.get("product", ""), sku=target["sku"],
                         other=holder, mark=mask(mark.code))
    return replaced(t, number, failed, target, mark.code, mask(mark.code))


def fixing(t: s.Txn, posting: s.BenchPosting, grams: float) -> r.StationResult | None:
    """A weight for a posting reopened to replace what Ozon refused (a code, an IMEI, a customs
    number): not taken, the weight of its packing stands; the answer says what it waits for."""
    if not posting.problem:
        return None
    number = posting.posting_number
    failed = fixable(t, number)
    waiting = [unit for unit, _ in customs.wanted(t, number) or ()] if not failed else failed
    if not waiting:
        return None
    data = {"product": waiting[0].get("product", ""), "nth": waiting[0].get("nth"), "of": waiting[0].get("of"),
            "left": len(waiting), "measured_g": grams}
    t.log(r.FIX_FIRST, number, data)
    return r.result(r.FIX_FIRST, number, t.state(), **data)


def replaced(t: s.Txn, number: str, failed: list[dict], target: dict, code: str, shown: str) -> r.StationResult:
    """The unit ``target`` takes ``code``; the posting is packed again once no refused unit is left."""
    t.session.execute(update(PackedUnitRow).where(PackedUnitRow.id == target["unit"]).values(mark=code))
    record = store_marks.get(t.session, number)
    left = [f for f in failed if f is not target and f["unit"] != target["unit"]]
    record.failed = left
    data = {"product": target.get("product", ""), "sku": target["sku"], "nth": target["nth"], "of": target["of"],
            "old": target["mark"], "mark": shown, "remaining": len(left)}
    t.clear_error()
    if left:
        t.log(MARK_REPLACED, number, data)
        return r.result(MARK_REPLACED, number, t.state(), **data)
    # every refused unit has its new code: packed again, the complete set goes to Ozon again
    store_postings.set_local_state(t.session, number, LocalState.PACKED)
    store_postings.release_posting(t.session, number, t.name)
    store_marks.queue_set(t.session, number, station=t.name, now=t.now)
    t.go_idle()
    data["resent"] = True
    t.log(MARK_REPLACED, number, data)
    return r.result(MARK_REPLACED, number, t.state(), **data)


def _skus_of(t: s.Txn, mark: Mark) -> list[int]:
    for barcode in mark.barcodes():
        found = store_products.products_by_barcode(t.session, barcode)
        if found:
            return [p.sku for p in found]
    return []
