"""Goods sold by weight (``requirements.products_requiring_weight``): each such unit's own weight
goes to Ozon with its exemplar, so each is weighed alone, in the order it was counted, before the
parcel: while one waits for its weight, a stable reading is that unit's (``unit_weighed``). Ozon's
bounds (``weight_min``/``weight_max`` of create-or-get) are checked here when the cache knows them
already, and by the exemplar flow before ``set`` in any case."""
from __future__ import annotations

from sqlalchemy import bindparam, select, update

from app.services.station import results as r
from app.services.station import state as s
from app.store import marks as store_marks
from app.store.models import PackedUnitRow

WEIGHT_REQUIREMENT = "products_requiring_weight"
_u = PackedUnitRow.__table__.c
_UNWEIGHED = (select(_u.id, _u.sku).where(_u.posting_number == bindparam("number"), _u.weight_g.is_(None),
                                          _u.sku.in_(bindparam("skus", expanding=True))).order_by(_u.id))


def weigh_unit(t: s.Txn, posting: s.BenchPosting, grams: float) -> r.StationResult | None:
    """The reading is the weight of the first unit counted that still needs its own (None: no such unit)."""
    skus = store_marks.required_skus(posting.requirements, WEIGHT_REQUIREMENT)
    if not skus:
        return None
    waiting = t.session.execute(_UNWEIGHED, {"number": posting.posting_number, "skus": sorted(skus)}).all()
    if not waiting:
        return None
    unit_id, sku = waiting[0]
    name = next((x.name for x in posting.items if x.sku == sku), str(sku))
    low, high = _bounds(t, posting.posting_number, sku)
    if (low is not None and grams < low) or (high is not None and grams > high):
        return s.refused(t, r.UNIT_WEIGHT_OUT_OF_RANGE, posting.posting_number, product=name, sku=sku,
                         measured_g=grams, weight_min=low, weight_max=high)
    t.session.execute(update(PackedUnitRow).where(PackedUnitRow.id == unit_id).values(weight_g=float(grams)))
    data = {"product": name, "sku": sku, "measured_g": grams, "left": len(waiting) - 1}
    t.log(r.UNIT_WEIGHED, posting.posting_number, data)
    return r.result(r.UNIT_WEIGHED, posting.posting_number, t.state(), **data)


def _bounds(t: s.Txn, number: str, sku: int) -> tuple[float | None, float | None]:
    record = store_marks.get(t.session, number)
    needs = ((record.exemplars or {}) if record is not None else {}).get(str(sku)) or {}
    return needs.get("weight_min"), needs.get("weight_max")
