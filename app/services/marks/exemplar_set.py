"""The complete exemplar set of a posting, built from its counted units (pure).

Each product's units (in the order they were counted) take that product's ``exemplar_id``s in
Ozon's order; each exemplar gets what create-or-get says it needs: its marking code
(``mandatory_mark``, ``jw_uin`` or ``imei``), the GTD/RNPT absence flags where the buyer is not a
legal entity, for a legal entity's posting the unit's GTD/RNPT scanned at the bench (a unit without
one is a refusal, ``GTD_FOR_LEGAL_BUYER``/``RNPT_FOR_LEGAL_BUYER``: the bench reopens the posting
and asks for it, ``app.services.station.customs``), its weight. What cannot be built is a ``Refusal`` naming the unit: the posting becomes a
problem instead of sending a set Ozon must refuse.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from app.devices.scanners.gs1 import for_log
from app.services.ozon.exemplars import ExemplarNeeds, ExemplarSheet
from app.store.marks import Unit

# reasons of our own (Ozon's error codes are shown as Ozon sends them)
NO_MARK = "no_mark"                  # the unit needs a code and has none
WEIGHT_MISSING = "weight_missing"    # a unit sold by weight was not weighed alone
WEIGHT_OUT_OF_RANGE = "weight_out_of_range"
COUNT_DIFFERS = "count_differs"      # Ozon has another number of exemplars than units counted
GTD_FOR_LEGAL_BUYER = "gtd_for_legal_buyer"    # a legal entity's posting needs the customs number itself
RNPT_FOR_LEGAL_BUYER = "rnpt_for_legal_buyer"


@dataclass(frozen=True)
class Refusal:
    """One unit Ozon (or this check) refused: what the problem and the bench name."""

    unit_id: int | None
    sku: int
    line_no: int | None
    nth: int              # which unit of the product (1-based)
    of: int               # of how many
    masked: str           # the code as a person may see it ("" when none)
    codes: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"unit": self.unit_id, "sku": self.sku, "line": self.line_no, "nth": self.nth, "of": self.of,
                "mark": self.masked, "codes": list(self.codes)}


@dataclass
class BuiltSet:
    products: list[dict] = field(default_factory=list)      # the wire form of v6 set
    units: dict[int, int] = field(default_factory=dict)     # exemplar id -> unit id
    refusals: list[Refusal] = field(default_factory=list)

    def marks_of(self) -> dict[int, list[str]]:
        """exemplar id -> its codes (to compare with what Ozon's status shows)."""
        return {e["exemplar_id"]: [m["mark"] for m in e.get("marks", [])]
                for p in self.products for e in p["exemplars"]}


def sheet_as_json(sheet: ExemplarSheet) -> dict:
    """What the cache keeps of create-or-get (ids and needs: no codes)."""
    return {str(p.sku): {"quantity": p.quantity, "ids": list(p.exemplar_ids), "mark": p.mark_needed,
                         "jw_uin": p.jw_uin_needed, "imei": p.imei_needed, "gtd": p.gtd_needed,
                         "rnpt": p.rnpt_needed, "weight": p.weight_needed, "weight_min": p.weight_min,
                         "weight_max": p.weight_max} for p in sheet.products}


def needs_buyer(sheet: ExemplarSheet) -> bool:
    """Whether the set depends on the buyer being a legal entity (a GTD or an RNPT is needed)."""
    return any(p.gtd_needed or p.rnpt_needed for p in sheet.products)


def build(sheet: ExemplarSheet, units: list[Unit], *, legal_buyer: bool = False) -> BuiltSet:
    built = BuiltSet()
    by_sku: dict[int, list[Unit]] = {}
    for unit in units:
        by_sku.setdefault(unit.sku, []).append(unit)
    for needs in sheet.products:
        mine = by_sku.get(needs.sku, [])
        if len(mine) != len(needs.exemplar_ids):
            built.refusals.append(Refusal(None, needs.sku, mine[0].line_no if mine else None, 0, len(needs.exemplar_ids),
                                          "", (COUNT_DIFFERS,)))
            continue
        exemplars = []
        for nth, (exemplar_id, unit) in enumerate(zip(needs.exemplar_ids, mine), start=1):
            exemplar, problems = _exemplar(needs, exemplar_id, unit, legal_buyer)
            if problems:
                built.refusals.append(Refusal(unit.id, unit.sku, unit.line_no, nth, len(mine),
                                              for_log(unit.mark) if unit.mark else "", tuple(problems)))
            exemplars.append(exemplar)
            built.units[exemplar_id] = unit.id
        built.products.append({"product_id": needs.sku, "exemplars": exemplars})
    return built


def _exemplar(needs: ExemplarNeeds, exemplar_id: int, unit: Unit, legal_buyer: bool) -> tuple[dict, list[str]]:
    exemplar: dict = {"exemplar_id": exemplar_id}
    problems: list[str] = []
    kind = ("mandatory_mark" if needs.mark_needed else "jw_uin" if needs.jw_uin_needed
            else "imei" if needs.imei_needed else None)
    if kind is not None:
        if unit.mark:
            exemplar["marks"] = [{"mark": unit.mark, "mark_type": kind}]
        else:
            problems.append(NO_MARK)
    if needs.gtd_needed:
        if not legal_buyer:
            exemplar["is_gtd_absent"] = True
        elif unit.gtd:
            exemplar["gtd"] = unit.gtd
        else:
            problems.append(GTD_FOR_LEGAL_BUYER)
    if needs.rnpt_needed:
        if not legal_buyer:
            exemplar["is_rnpt_absent"] = True
        elif unit.rnpt:
            exemplar["rnpt"] = unit.rnpt
        else:
            problems.append(RNPT_FOR_LEGAL_BUYER)
    if needs.weight_needed:
        if unit.weight_g is None:
            problems.append(WEIGHT_MISSING)
        elif ((needs.weight_min is not None and unit.weight_g < needs.weight_min)
              or (needs.weight_max is not None and unit.weight_g > needs.weight_max)):
            problems.append(WEIGHT_OUT_OF_RANGE)
        else:
            exemplar["weight"] = unit.weight_g
    return exemplar, problems
