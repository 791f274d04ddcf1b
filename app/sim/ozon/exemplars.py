"""The simulated Ozon's exemplars: ids per unit, the set a seller handed over, the registry's check.

Rules, as Ozon states them (ozon-after-ship.md §4, §8) and as chosen where it does not:

- ``create-or-get`` gives each unit of each product an ``exemplar_id`` (the same ids on every call)
  and says what it needs (``is_mandatory_mark_needed``...); ``validate`` checks formats only;
  ``set`` takes the complete set (ids must belong to their product) and starts the check, which
  lasts ``mark_check_s``; ``status`` is ``validation_in_process`` until then, then
  ``ship_available`` or ``ship_not_available`` with each mark ``passed``/``failed`` and its codes.
- These three answer ``INVALID_POSTING_STATE`` outside ``awaiting_packaging`` (also while an
  asynchronous ship is processed). After the ship the status is ``update_available`` while the
  parcel is ``awaiting_deliver`` (``update_not_available`` later): a corrected set may be sent
  then and ``/v1/.../exemplar/update`` applies it.
- No ship without every unit's code accepted: ``EXEMPLAR_INFO_NOT_FILLED_COMPLETELY``; a code on a
  product that needs none: ``MANDATORY_MARK_REDUNDANT``.
- GTD (customs number): a product in ``gtd_skus`` needs one for a buyer that is a legal entity
  (postings in ``legal``, ``analytics_data.is_legal``), else ``is_gtd_absent`` (a number sent for
  another buyer: ``GTD_IS_REQUIRED_ONLY_FOR_LEGAL_CUSTOMER``).
- RNPT (batch number of traceable goods): a product in ``rnpt_skus`` needs one for a legal entity's
  posting, else ``is_rnpt_absent``, like the GTD. A GTD/RNPT sent must have its shape
  (``app.services.marks.identifiers``): ``GTD_FORMAT_INVALID``/``RNPT_FORMAT_INVALID`` (our names).
- IMEI: each unit of a product in ``imei_skus`` (``has_imei``) needs one ``imei`` mark: 15 digits
  with a valid Luhn check digit, not handed over with another posting. Jewellery: each unit of a
  product in ``jw_uin_skus`` (``is_jw_uin_needed``) needs one ``jw_uin`` mark of 16 digits.
- A code fails for a GTIN of another product, a code held by another posting, a malformed code,
  or one the registry never issued (``app.sim.ozon.marks``).

Error codes: Ozon documents ``GTD_IS_REQUIRED_ONLY_FOR_LEGAL_CUSTOMER``,
``GTD_MUST_BE_SPECIFIED_FOR_PRODUCT_COUNTRY``, ``WEIGHT_IS_REQUIRED``, ``WEIGHT_IS_OUT_OF_RANGE`` and,
at the ship, ``EXEMPLAR_INFO_NOT_FILLED_COMPLETELY`` and ``MANDATORY_MARK_REDUNDANT``; it does not
document the meanings of a mark's ``error_codes`` (ozon-after-ship.md §4). The others here are the
simulator's own stand-ins, named like Ozon's: ``RNPT_MUST_BE_SPECIFIED``, ``RNPT_FORMAT_INVALID``,
``GTD_FORMAT_INVALID`` and the mark codes of ``app.sim.ozon.marks`` (``MARK_NOT_FOUND``,
``MARK_ALREADY_USED``, ``IMEI_INVALID``...). packdesk keys on none of them: it shows whatever codes
Ozon gives verbatim (the problem text, the bench's ``fix_marks`` answer) and reopens any unit whose
own code was refused.

Thread-safety: every method runs under the world's lock. Codes are never logged.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from app.sim.ozon import marks
from app.sim.ozon.errors import invalid
from app.statuses import AWAITING_DELIVER, AWAITING_PACKAGING, CANCELLED_STATUSES

MANDATORY_MARK = "mandatory_mark"
IMEI = "imei"
JW_UIN = "jw_uin"
_FORMAT = {IMEI: marks.imei_errors, JW_UIN: marks.jw_uin_errors}  # validate: each mark type's own shape


@dataclass
class Exemplar:
    exemplar_id: int
    sku: int
    marks: list[tuple[str, str]] = field(default_factory=list)  # (mark, mark_type)
    gtd: str = ""
    is_gtd_absent: bool = False
    rnpt: str = ""
    is_rnpt_absent: bool = False
    weight: float | None = None


@dataclass
class Entry:
    ids: dict[int, list[int]]
    current: dict[int, Exemplar] | None = None
    checked_at: float | None = None   # when the check of ``current`` ends
    verdict: dict[int, list[list[str]]] = field(default_factory=dict)  # exemplar id -> per mark error codes
    extra: dict[int, list[str]] = field(default_factory=dict)  # exemplar id -> gtd/weight errors
    accepted: bool = False
    correction: dict[int, Exemplar] | None = None  # sent after the ship, applied by update
    shipped_marks: list[str] | None = None
    history: list[tuple[str, str]] = field(default_factory=list)  # (what, detail) in order: set, status, ship


class ExemplarBook:
    def __init__(self, world) -> None:
        self.world = world
        self._entries: dict[str, Entry] = {}
        self._ids = itertools.count(900_000_001)
        self.owner: dict[str, str] = {}  # accepted code -> posting holding it
        self.gtd_skus: set[int] = set()  # products whose units need a GTD (or its absence flag)
        self.imei_skus: set[int] = set()  # phones and the like: each unit's IMEI
        self.jw_uin_skus: set[int] = set()  # jewellery: each unit's UIN (GIIS DMDK)
        self.rnpt_skus: set[int] = set()  # traceable goods: a legal entity's posting needs each unit's RNPT
        self.legal: set[str] = set()  # postings bought by a legal entity (analytics_data.is_legal)
        self.weight_skus: dict[int, tuple[float, float]] = {}  # goods sold by weight: sku -> (min, max) g

    def weighed(self, view: dict, posting) -> dict:
        """A posting's JSON with its goods sold by weight in ``requirements`` (2026; none by default)."""
        skus = [str(line.sku) for line in posting.lines if line.sku in self.weight_skus]
        if skus:
            view["requirements"]["products_requiring_weight"] = skus
        imei = [str(line.sku) for line in posting.lines if line.sku in self.imei_skus]
        if imei and "products_requiring_imei" in (view.get("requirements") or {}):  # v4 lists it
            view["requirements"]["products_requiring_imei"] = imei
        gtd = [str(line.sku) for line in posting.lines if line.sku in self.gtd_skus]
        if gtd and isinstance(view.get("requirements"), dict):
            view["requirements"]["products_requiring_gtd"] = gtd
        for key, skus in (("products_requiring_jw_uin", self.jw_uin_skus), ("products_requiring_rnpt", self.rnpt_skus)):
            listed = [str(line.sku) for line in posting.lines if line.sku in skus]
            if listed and isinstance(view.get("requirements"), dict):
                view["requirements"][key] = listed
        if isinstance(view.get("analytics_data"), dict) and posting.posting_number in self.legal:
            view["analytics_data"]["is_legal"] = True
        return view

    # -- the methods ---------------------------------------------------------------------
    def create_or_get(self, number: str) -> dict:
        posting = self._packable(number)
        entry = self._entry(posting)
        return {"posting_number": number, "multi_box_qty": 1, "products": [
            {"product_id": sku, "quantity": len(ids), **self._needs(sku),
             "exemplars": [self._exemplar_json(entry.current or {}, sku, i, needs_only=True) for i in ids]}
            for sku, ids in entry.ids.items()]}

    def validate(self, number: str, products: list[dict]) -> dict:
        self._packable(number)
        answer = []
        for product in products:
            exemplars = []
            for raw in product.get("exemplars") or []:
                checked = [{"mark": m.get("mark", ""), "mark_type": m.get("mark_type", ""),
                            "errors": _FORMAT.get(m.get("mark_type"), marks.format_errors)(m.get("mark", ""))}
                           for m in raw.get("marks") or []]
                for mark in checked:
                    mark["valid"] = not mark["errors"]
                exemplars.append({"gtd": raw.get("gtd", ""), "rnpt": raw.get("rnpt", ""), "marks": checked,
                                  "errors": [], "valid": all(m["valid"] for m in checked)})
            answer.append({"product_id": product.get("product_id"), "exemplars": exemplars,
                           "valid": all(e["valid"] for e in exemplars), "error": ""})
        return {"products": answer}

    def set(self, number: str, products: list[dict]) -> None:
        now = self.world.clock()
        posting = self.world.get(number)
        if posting is None:
            raise invalid("POSTING_NOT_FOUND")
        entry = self._entries.get(number)
        after_ship = posting.status == AWAITING_DELIVER and entry is not None and entry.shipped_marks is not None
        if not after_ship:
            self._packable(number)
            entry = self._entry(posting)
        exemplars = self._read_set(entry, products)
        entry.history.append(("set", "correction" if after_ship else "set"))
        if after_ship:
            entry.correction = exemplars
            return
        self._start_check(entry, exemplars, now)

    def update(self, number: str) -> None:
        posting = self.world.get(number)
        entry = self._entries.get(number)
        if posting is None or entry is None or posting.status != AWAITING_DELIVER or entry.correction is None:
            raise invalid("INVALID_POSTING_STATE")
        self._start_check(entry, entry.correction, self.world.clock())
        entry.correction = None
        entry.history.append(("update", ""))

    def status(self, number: str) -> dict:
        posting = self.world.get(number)
        if posting is None:
            raise invalid("POSTING_NOT_FOUND")
        entry = self._entries.get(number)
        if entry is None or entry.current is None:
            status, products = "ship_not_available", []
        else:
            status = self._verdict(number, entry)
            products = [{"product_id": sku, "exemplars": [self._status_json(entry, sku, i) for i in ids]}
                        for sku, ids in entry.ids.items()]
        if entry is not None:
            entry.history.append(("status", status))
        return {"posting_number": number, "status": status, "products": products}

    # -- the ship ------------------------------------------------------------------------
    def check_ship(self, posting) -> None:
        """Called by the world's ship (under its lock): refuse a posting whose exemplars are not accepted."""
        entry = self._entries.get(posting.posting_number)
        needed = self.needs_exemplars(posting)
        if entry is not None and entry.current:
            if any(kind == MANDATORY_MARK and not self.world.needs_mark.get(e.sku)
                   for e in entry.current.values() for _, kind in e.marks):
                raise invalid("MANDATORY_MARK_REDUNDANT")
        if not needed and not (entry and entry.current):
            return
        if entry is None or entry.current is None or self._verdict(posting.posting_number, entry) != "ship_available":
            raise invalid("EXEMPLAR_INFO_NOT_FILLED_COMPLETELY")
        entry.shipped_marks = [m for e in entry.current.values() for m, _ in e.marks]
        entry.history.append(("ship", ""))

    def needs_exemplars(self, posting) -> bool:
        """Whether Ozon ships this posting only after its exemplars were accepted (a marking code,
        IMEI, GTD or weight for some unit)."""
        return any(self.world.needs_mark.get(line.sku) or line.sku in self.imei_skus or line.sku in self.gtd_skus
                   or line.sku in self.weight_skus or line.sku in self.jw_uin_skus or line.sku in self.rnpt_skus
                   for line in posting.lines)

    def shipped_marks(self, number: str) -> list[str] | None:
        with self.world.lock:
            entry = self._entries.get(number)
            return None if entry is None or entry.shipped_marks is None else list(entry.shipped_marks)

    def history(self, number: str) -> list[tuple[str, str]]:
        with self.world.lock:
            entry = self._entries.get(number)
            return [] if entry is None else list(entry.history)

    # -- internals -----------------------------------------------------------------------
    def _packable(self, number: str):
        posting = self.world.get(number)
        if posting is None:
            raise invalid("POSTING_NOT_FOUND")
        if posting.status != AWAITING_PACKAGING or posting.ship_state == "in_process":
            raise invalid("INVALID_POSTING_STATE")
        return posting

    def _entry(self, posting) -> Entry:
        entry = self._entries.get(posting.posting_number)
        if entry is None:
            ids = {line.sku: [next(self._ids) for _ in range(line.quantity)] for line in posting.lines}
            entry = self._entries[posting.posting_number] = Entry(ids)
        return entry

    def _needs(self, sku: int) -> dict:
        mark = bool(self.world.needs_mark.get(sku))
        needs = {"is_mandatory_mark_needed": mark, "is_mandatory_mark_possible": mark,
                 "is_gtd_needed": sku in self.gtd_skus, "is_rnpt_needed": sku in self.rnpt_skus,
                 "is_jw_uin_needed": sku in self.jw_uin_skus}
        if sku in self.imei_skus:  # 2026 fields, only where they apply
            needs["has_imei"] = True
        if sku in self.weight_skus:
            low, high = self.weight_skus[sku]
            needs.update(is_weight_needed=True, weight_min=low, weight_max=high)
        return needs

    def _read_set(self, entry: Entry, products: list[dict]) -> dict[int, Exemplar]:
        found: dict[int, Exemplar] = {}
        for product in products:
            sku = int(product.get("product_id") or 0)
            if sku not in entry.ids:
                raise invalid("UNKNOWN_PRODUCT_DEFINED")
            for raw in product.get("exemplars") or []:
                exemplar_id = int(raw.get("exemplar_id") or 0)
                if not exemplar_id:
                    raise invalid("invalid FbsPostingProductExemplarSetV6Request.Products.Exemplars.ExemplarId: "
                                  "value must be greater than 0")
                if exemplar_id not in entry.ids[sku]:
                    raise invalid(f"EXEMPLAR_ID {exemplar_id} does not belong to product {sku}")
                found[exemplar_id] = Exemplar(
                    exemplar_id, sku, [(m.get("mark", ""), m.get("mark_type", "")) for m in raw.get("marks") or []],
                    raw.get("gtd") or "", bool(raw.get("is_gtd_absent")), raw.get("rnpt") or "",
                    bool(raw.get("is_rnpt_absent")), raw.get("weight"))
        return found

    def _start_check(self, entry: Entry, exemplars: dict[int, Exemplar], now: float) -> None:
        number = next((n for n, e in self._entries.items() if e is entry), "")
        for code in [c for c, holder in self.owner.items() if holder == number]:
            del self.owner[code]  # the posting's old codes are free again until the new set is accepted
        entry.current, entry.accepted = exemplars, False
        entry.checked_at = now + self.world.config.mark_check_s
        entry.verdict, entry.extra = {}, {}

    def _verdict(self, number: str, entry: Entry) -> str:
        posting = self.world.get(number)
        if self.world.clock() < (entry.checked_at or 0):
            return "validation_in_process"
        if not entry.verdict:
            self._check(number, entry)
        if entry.shipped_marks is not None:
            return "update_available" if posting.status == AWAITING_DELIVER else "update_not_available"
        ok = entry.accepted
        return "ship_available" if ok else "ship_not_available"

    def _check(self, number: str, entry: Entry) -> None:
        world = self.world
        complete = True
        for sku, ids in entry.ids.items():
            product = world.product_by_sku[sku]
            gtins = {marks.gtin_of(b) for b in product.barcodes if len(b) == 13 and b.isdigit()}
            for exemplar_id in ids:
                exemplar = entry.current.get(exemplar_id)
                if exemplar is None:
                    complete = complete and not (world.needs_mark.get(sku) or sku in self.gtd_skus
                                                 or sku in self.imei_skus or sku in self.jw_uin_skus
                                                 or sku in self.rnpt_skus)
                    continue
                verdicts = []
                for code, kind in exemplar.marks:
                    errors = (marks.registry_errors(code, gtins) if kind == MANDATORY_MARK
                              else marks.imei_errors(code) if kind == IMEI
                              else marks.jw_uin_errors(code) if kind == JW_UIN else [])
                    holder = self.owner.get(code)
                    if not errors and holder not in (None, number) and not self._cancelled(holder):
                        errors = [marks.MARK_ALREADY_USED]
                    verdicts.append(errors)
                entry.verdict[exemplar_id] = verdicts
                wanted = sum(kind == MANDATORY_MARK for _, kind in exemplar.marks)
                if world.needs_mark.get(sku) and wanted != 1:
                    complete = False
                if sku in self.imei_skus and sum(kind == IMEI for _, kind in exemplar.marks) != 1:
                    complete = False
                if sku in self.jw_uin_skus and sum(kind == JW_UIN for _, kind in exemplar.marks) != 1:
                    complete = False
                if sku in self.gtd_skus:
                    gtd_error = self._gtd_error(number, exemplar)
                    if gtd_error:
                        entry.extra.setdefault(exemplar_id, []).append(f"gtd:{gtd_error}")
                if sku in self.rnpt_skus:
                    rnpt_error = self._rnpt_error(number, exemplar)
                    if rnpt_error:
                        entry.extra.setdefault(exemplar_id, []).append(f"rnpt:{rnpt_error}")
                if sku in self.weight_skus:
                    low, high = self.weight_skus[sku]
                    if exemplar.weight is None:
                        entry.extra.setdefault(exemplar_id, []).append("weight:WEIGHT_IS_REQUIRED")
                    elif not low <= exemplar.weight <= high:
                        entry.extra.setdefault(exemplar_id, []).append("weight:WEIGHT_IS_OUT_OF_RANGE")
        entry.verdict.setdefault(0, [])  # checked, even when empty
        entry.accepted = complete and not entry.extra and all(
            not errors for verdicts in entry.verdict.values() for errors in verdicts)
        if entry.accepted:
            for exemplar in entry.current.values():
                for code, kind in exemplar.marks:
                    if kind in (MANDATORY_MARK, IMEI, JW_UIN):
                        self.owner[code] = number

    def _gtd_error(self, number: str, exemplar: Exemplar) -> str | None:
        if number in self.legal:
            if exemplar.gtd and not marks.customs_ok("gtd", exemplar.gtd):
                return "GTD_FORMAT_INVALID"
            return None if exemplar.gtd else "GTD_MUST_BE_SPECIFIED_FOR_PRODUCT_COUNTRY"
        if exemplar.gtd:
            return "GTD_IS_REQUIRED_ONLY_FOR_LEGAL_CUSTOMER"
        return None if exemplar.is_gtd_absent else "GTD_MUST_BE_SPECIFIED_FOR_PRODUCT_COUNTRY"

    def _rnpt_error(self, number: str, exemplar: Exemplar) -> str | None:
        if exemplar.rnpt:
            return None if marks.customs_ok("rnpt", exemplar.rnpt) else "RNPT_FORMAT_INVALID"
        if number in self.legal:
            return "RNPT_MUST_BE_SPECIFIED"
        return None if exemplar.is_rnpt_absent else "RNPT_MUST_BE_SPECIFIED"

    def _cancelled(self, number: str) -> bool:
        posting = self.world.get(number)
        return posting is None or posting.status in CANCELLED_STATUSES

    def _exemplar_json(self, current: dict[int, Exemplar], sku: int, exemplar_id: int, *, needs_only: bool) -> dict:
        exemplar = current.get(exemplar_id) or Exemplar(exemplar_id, sku)
        return {"exemplar_id": exemplar_id, "gtd": exemplar.gtd, "is_gtd_absent": exemplar.is_gtd_absent,
                "rnpt": exemplar.rnpt, "is_rnpt_absent": exemplar.is_rnpt_absent,
                "marks": [{"mark": m, "mark_type": t} for m, t in exemplar.marks]}

    def _status_json(self, entry: Entry, sku: int, exemplar_id: int) -> dict:
        exemplar = entry.current.get(exemplar_id) or Exemplar(exemplar_id, sku)
        verdicts = entry.verdict.get(exemplar_id, [])
        checking = not entry.verdict
        extra = entry.extra.get(exemplar_id, [])
        gtd_errors = [e.split(":", 1)[1] for e in extra if e.startswith("gtd:")]
        weight_errors = [e.split(":", 1)[1] for e in extra if e.startswith("weight:")]
        rnpt_errors = [e.split(":", 1)[1] for e in extra if e.startswith("rnpt:")]
        return {
            "exemplar_id": exemplar_id, "gtd": exemplar.gtd, "is_gtd_absent": exemplar.is_gtd_absent,
            "gtd_check_status": "processing" if checking else ("failed" if gtd_errors else "passed"),
            "gtd_error_codes": gtd_errors, "rnpt": exemplar.rnpt, "is_rnpt_absent": exemplar.is_rnpt_absent,
            "rnpt_check_status": "processing" if checking else ("failed" if rnpt_errors else "passed"),
            "rnpt_error_codes": rnpt_errors,
            "marks": [{"mark": code, "mark_type": kind,
                       "check_status": "processing" if checking else ("failed" if errors else "passed"),
                       "error_codes": errors}
                      for (code, kind), errors in zip(exemplar.marks, verdicts or [[] for _ in exemplar.marks])],
            **({"weight": exemplar.weight, "weight_error_codes": weight_errors,
                "weight_check_status": "processing" if checking else ("failed" if weight_errors else "passed")}
               if sku in self.weight_skus else {}),
        }
