"""Ozon's exemplar methods: what each unit of a posting needs, and its marking codes handed over.

    create-or-get  /v6/fbs/posting/product/exemplar/create-or-get {posting_number} -> exemplar ids, needs
    validate       /v5/fbs/posting/product/exemplar/validate      the set -> format check (synchronous)
    set            /v6/fbs/posting/product/exemplar/set           the complete set (asynchronous check)
    status         /v5/fbs/posting/product/exemplar/status        {posting_number} -> verdict per mark
    update         /v1/fbs/posting/product/exemplar/update        {posting_number}: after the ship
    buyer          /v3/posting/fbs/get with analytics_data         is the buyer a legal entity (GTD/RNPT)

v4 exemplar methods and v5 set/create-or-get are switched off (``retired``). Marking codes pass
through here unchanged and are never logged: answers carry them back, errors only Ozon's words.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .parse import ParseError, opt_bool, opt_list, opt_obj, opt_str, req_int, str_tuple, to_int

__all__ = ["ExemplarMethods", "ExemplarNeeds", "ExemplarSheet", "ExemplarCheck", "ExemplarStatus", "MarkCheck",
           "MarkValidation", "EXEMPLAR_CREATE", "EXEMPLAR_VALIDATE", "EXEMPLAR_SET", "EXEMPLAR_STATUS",
           "EXEMPLAR_UPDATE"]

EXEMPLAR_CREATE = "/v6/fbs/posting/product/exemplar/create-or-get"
EXEMPLAR_VALIDATE = "/v5/fbs/posting/product/exemplar/validate"
EXEMPLAR_SET = "/v6/fbs/posting/product/exemplar/set"
EXEMPLAR_STATUS = "/v5/fbs/posting/product/exemplar/status"
EXEMPLAR_UPDATE = "/v1/fbs/posting/product/exemplar/update"


@dataclass(frozen=True)
class ExemplarNeeds:
    """One product of a posting (``sku``: Ozon's ``product_id``) and what each of its units needs."""

    sku: int
    quantity: int
    exemplar_ids: tuple[int, ...]
    mark_needed: bool = False
    mark_possible: bool = False
    gtd_needed: bool = False
    rnpt_needed: bool = False
    jw_uin_needed: bool = False
    imei_needed: bool = False
    weight_needed: bool = False
    weight_min: float | None = None  # grams
    weight_max: float | None = None


@dataclass(frozen=True)
class ExemplarSheet:
    posting_number: str
    multi_box_qty: int | None
    products: tuple[ExemplarNeeds, ...]


@dataclass(frozen=True)
class MarkCheck:
    mark: str
    mark_type: str
    check_status: str  # processing | passed | failed
    error_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExemplarCheck:
    sku: int
    exemplar_id: int
    marks: tuple[MarkCheck, ...]
    errors: tuple[str, ...] = ()  # gtd/rnpt/weight check errors, prefixed with the field


@dataclass(frozen=True)
class ExemplarStatus:
    posting_number: str
    status: str  # ship_available | ship_not_available | validation_in_process | update_available | update_not_available
    exemplars: tuple[ExemplarCheck, ...]


@dataclass(frozen=True)
class MarkValidation:
    """The format check of one exemplar (in request order within its product)."""

    sku: int
    index: int
    valid: bool
    errors: tuple[str, ...]


def _grams(raw: Mapping, key: str) -> float | None:
    value = raw.get(key) if isinstance(raw, Mapping) else None
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ParseError(f"{key!r} must be a number")
    try:
        return float(value) or None
    except ValueError:
        raise ParseError(f"{key!r} must be a number") from None


def parse_sheet(body: object) -> ExemplarSheet:
    if not isinstance(body, Mapping):
        raise ParseError("the answer is not an object")
    products = []
    for raw in opt_list(body, "products"):
        ids = tuple(req_int(e, "exemplar_id") for e in opt_list(raw, "exemplars"))
        products.append(ExemplarNeeds(
            sku=req_int(raw, "product_id"), quantity=to_int(raw.get("quantity") or len(ids), "quantity"),
            exemplar_ids=ids, mark_needed=opt_bool(raw, "is_mandatory_mark_needed"),
            mark_possible=opt_bool(raw, "is_mandatory_mark_possible"), gtd_needed=opt_bool(raw, "is_gtd_needed"),
            rnpt_needed=opt_bool(raw, "is_rnpt_needed"), jw_uin_needed=opt_bool(raw, "is_jw_uin_needed"),
            imei_needed=opt_bool(raw, "has_imei"), weight_needed=opt_bool(raw, "is_weight_needed"),
            weight_min=_grams(raw, "weight_min"), weight_max=_grams(raw, "weight_max")))
    qty = body.get("multi_box_qty")
    return ExemplarSheet(opt_str(body, "posting_number") or "", to_int(qty, "multi_box_qty") if qty else None,
                         tuple(products))


def parse_status(body: object) -> ExemplarStatus:
    if not isinstance(body, Mapping):
        raise ParseError("the answer is not an object")
    status = opt_str(body, "status")
    if status is None:
        raise ParseError("'status' is missing")
    checks = []
    for product in opt_list(body, "products"):
        sku = req_int(product, "product_id")
        for raw in opt_list(product, "exemplars"):
            marks = tuple(MarkCheck(opt_str(m, "mark") or "", opt_str(m, "mark_type") or "",
                                    opt_str(m, "check_status") or "", str_tuple(m, "error_codes"))
                          for m in opt_list(raw, "marks"))
            errors = tuple(f"{what}:{code}" for what in ("gtd", "rnpt", "weight")
                           for code in str_tuple(raw, f"{what}_error_codes"))
            checks.append(ExemplarCheck(sku, to_int(raw.get("exemplar_id") or 0, "exemplar_id"), marks, errors))
    return ExemplarStatus(opt_str(body, "posting_number") or "", status, tuple(checks))


def parse_validation(body: object) -> tuple[MarkValidation, ...]:
    if not isinstance(body, Mapping):
        raise ParseError("the answer is not an object")
    found = []
    for product in opt_list(body, "products"):
        sku = req_int(product, "product_id")
        product_error = opt_str(product, "error")
        for index, raw in enumerate(opt_list(product, "exemplars")):
            errors = list(str_tuple(raw, "errors"))
            for mark in opt_list(raw, "marks"):
                errors += [e for e in str_tuple(mark, "errors") if e not in errors]
            valid = opt_bool(raw, "valid") and all(opt_bool(m, "valid") for m in opt_list(raw, "marks"))
            if not valid and not errors and product_error:
                errors.append(product_error)
            found.append(MarkValidation(sku, index, valid, tuple(errors)))
    return tuple(found)


def parse_is_legal(body: object) -> bool:
    if not isinstance(body, Mapping):
        raise ParseError(f"a posting must be an object, got {type(body).__name__}")
    result = body.get("result", body)
    if not isinstance(result, Mapping):
        raise ParseError("the posting's result must be an object")
    return opt_bool(opt_obj(result, "analytics_data"), "is_legal")


class ExemplarMethods:
    """Mixed into ``OzonClient`` (uses its ``_read`` and ``_transport``)."""

    def exemplar_create_or_get(self, posting_number: str) -> ExemplarSheet:
        """The posting's exemplars: their ids and what each product's units need. Creates them on
        the first call and gives the same ids after: a read, retried like one."""
        return self._read(EXEMPLAR_CREATE, {"posting_number": posting_number}, parse_sheet)

    def exemplar_buyer_is_legal(self, posting_number: str) -> bool:
        """Whether the posting's buyer is a legal entity (``analytics_data.is_legal``): only such a
        buyer needs a GTD/RNPT number; for any other the absence flags are sent."""
        body = {"posting_number": posting_number, "with": {"analytics_data": True}}
        return self._read("/v3/posting/fbs/get", body, parse_is_legal)

    def exemplar_validate(self, posting_number: str, products: Sequence[Mapping]) -> tuple[MarkValidation, ...]:
        """Ozon's format check of a set (length, character set); changes nothing, so retried."""
        body = {"posting_number": posting_number, "products": [
            {"product_id": int(p["product_id"]),
             "exemplars": [{k: v for k, v in e.items() if k in ("gtd", "rnpt", "marks", "weight")}
                           for e in p["exemplars"]]}
            for p in products]}
        return self._read(EXEMPLAR_VALIDATE, body, parse_validation)

    def exemplar_set(self, posting_number: str, products: Sequence[Mapping], *, multi_box_qty: int | None = None) -> None:
        """Hand the complete set over (every exemplar needs its ``exemplar_id``). A mutation:
        never retried once it may have arrived; Ozon checks it afterwards (:meth:`exemplar_status`)."""
        if not products or any(not p.get("exemplars") for p in products):
            raise ValueError("the set needs every product with its exemplars")
        for product in products:
            if any(not e.get("exemplar_id") for e in product["exemplars"]):
                raise ValueError("every exemplar needs its exemplar_id (v6 set)")
        body: dict = {"posting_number": posting_number, "products": [dict(p) for p in products]}
        if multi_box_qty:
            body["multi_box_qty"] = int(multi_box_qty)
        self._transport.post(EXEMPLAR_SET, body, idempotent=False)

    def exemplar_status(self, posting_number: str) -> ExemplarStatus:
        """Ozon's check of the set last handed over."""
        return self._read(EXEMPLAR_STATUS, {"posting_number": posting_number}, parse_status)

    def exemplar_update(self, posting_number: str) -> None:
        """After the ship (status ``update_available``): Ozon takes the set sent since as the
        posting's corrected exemplars. A mutation: never retried once it may have arrived."""
        self._transport.post(EXEMPLAR_UPDATE, {"posting_number": posting_number}, idempotent=False)
