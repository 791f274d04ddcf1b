"""A phone's IMEI or a jewellery item's UIN, asked for at the bench right after the unit's item scan.

Ozon ships a posting whose ``requirements`` list a product in ``products_requiring_imei`` or
``products_requiring_jw_uin`` only with each unit's identifier handed over. The packer scans the
unit's EAN (it counts), then the IMEI (a barcode on the box) or the UIN (on the tag): until it comes
the bench asks for it (``unit_id_required`` for another item, ``unit_id_invalid`` with the reason for
anything that is no valid identifier) and weighs nothing. The identifier is kept as the unit's code
(``packed_units.mark``): the exemplar set sends it with the mark type create-or-get asks for
(``imei``/``jw_uin``), a duplicate is refused like a marking code's. A product that needs a Chestny
ZNAK code counts by that code instead (its identifier, if any, stays for Ozon's office).
"""
from __future__ import annotations

from sqlalchemy import bindparam, select, update

from app.devices.scanners.gs1 import for_log
from app.services.marks import identifiers as ids
from app.services.station import customs, mark_fix
from app.services.station import results as r
from app.services.station import state as s
from app.services.station import units
from app.store import marks as store_marks
from app.store.models import PackedUnitRow

ASKED = {ids.IMEI: "products_requiring_imei", ids.JW_UIN: "products_requiring_jw_uin"}
_u = PackedUnitRow.__table__.c
_WAITING = (select(_u.id, _u.sku).where(_u.posting_number == bindparam("number"), _u.mark.is_(None),
                                        _u.sku.in_(bindparam("skus", expanding=True))).order_by(_u.id))


def asked_skus(posting: s.BenchPosting) -> dict[int, str]:
    """The posting's products whose units need an identifier here: sku -> kind (pure, no read)."""
    requirements = posting.requirements
    if not requirements or not (requirements.get(ASKED[ids.IMEI]) or requirements.get(ASKED[ids.JW_UIN])):
        return {}  # the usual posting (a scan asks this up to three times)
    found: dict[int, str] = {}
    for kind, key in ASKED.items():
        for sku in store_marks.required_skus(posting.requirements, key):
            if not s.needs_mark(posting, sku):
                found.setdefault(sku, kind)
    return found


def kind_of(posting: s.BenchPosting, sku: int) -> str | None:
    return asked_skus(posting).get(sku) if posting.requirements else None


def waiting(t: s.Txn, posting: s.BenchPosting) -> tuple[int, int, str, int] | None:
    """The first counted unit still without its identifier: (unit id, sku, kind, how many wait)."""
    asked = asked_skus(posting) if posting.requirements else {}
    if not asked:
        return None
    rows = t.session.execute(_WAITING, {"number": posting.posting_number, "skus": sorted(asked)}).all()
    if not rows:
        return None
    unit_id, sku = rows[0]
    return unit_id, sku, asked[sku], len(rows)


def required(t: s.Txn, posting: s.BenchPosting, scanned: dict) -> r.StationResult | None:
    """An item (or a code, or the scale) while a unit waits for its identifier: ask for that first."""
    found = waiting(t, posting)
    if found is None:
        return None
    _, sku, kind, _ = found
    return s.refused(t, r.UNIT_ID_REQUIRED, posting.posting_number, kind=kind, sku=sku,
                     product=_name(posting, sku), **scanned)


def take(t: s.Txn, code: str, posting: s.BenchPosting | None) -> r.StationResult | None:
    """A scan that is no item, while a unit of the open posting (``posting``, as this transaction
    read it) waits for its identifier: the identifier, checked and kept, or refused with the reason
    (None: no unit waits, nothing written)."""
    number = t.row.open_posting
    if posting is not None and posting.problem:  # reopened for customs numbers, or a refused IMEI/UIN?
        taken = customs.take(t, number, code) or replace_refused(t, posting, code)
        if taken is not None:
            return taken
    found = waiting(t, posting) if posting is not None else None
    if found is None:
        return None
    unit_id, sku, kind, left = found
    product = _name(posting, sku)
    checked = ids.check(kind, code)
    if not checked.valid:
        return s.refused(t, r.UNIT_ID_INVALID, number, kind=kind, reason=checked.reason, sku=sku, product=product,
                         scanned=for_log(code))
    holder = units.mark_seen(t.session, number, checked.value)
    if holder is not None:
        return s.refused(t, r.DUPLICATE_UNIT, number, product=product, sku=sku, other=holder, mark=checked.value)
    t.session.execute(update(PackedUnitRow).where(PackedUnitRow.id == unit_id).values(mark=checked.value))
    t.clear_error()
    posting_now, counts, _ = s.get_counted(t.session, number)
    complete = left == 1 and s.is_complete(posting_now, counts)
    t.row.state = r.WEIGHING if complete else r.PACKING
    data = {"kind": kind, "value": checked.value, "sku": sku, "product": product, "left": left - 1,
            "complete": complete}
    t.log(r.UNIT_ID_ACCEPTED, number, data)
    return r.result(r.UNIT_ID_ACCEPTED, number, t.state(), **data)


def replace_refused(t: s.Txn, posting: s.BenchPosting, code: str) -> r.StationResult | None:
    """A phone's IMEI or a jewel's UIN for a unit of the reopened posting whose identifier Ozon
    refused (``mark_fix``), refused with the reason when it has not the identifier's shape (None: no
    such unit waits)."""
    number = posting.posting_number
    failed = mark_fix.fixable(t, number)
    kinds = asked_skus(posting) if failed and posting.requirements else {}
    target = next((f for f in failed or () if f["sku"] in kinds), None)
    if target is None:
        return None
    kind, product = kinds[target["sku"]], target.get("product", "")
    checked = ids.check(kind, code)
    if not checked.valid:
        return s.refused(t, r.UNIT_ID_INVALID, number, kind=kind, reason=checked.reason, sku=target["sku"],
                         product=product, scanned=for_log(code))
    holder = units.mark_seen(t.session, number, checked.value)
    if holder is not None:
        return s.refused(t, r.DUPLICATE_UNIT, number, product=product, sku=target["sku"], other=holder,
                         mark=checked.value)
    return mark_fix.replaced(t, number, failed, target, checked.value, checked.value)  # an IMEI is shown in full


def _name(posting: s.BenchPosting, sku: int) -> str:
    return next((x.name for x in posting.items if x.sku == sku), str(sku))
