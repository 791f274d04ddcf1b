"""Pure functions turning Ozon's hand-over JSON into :mod:`app.services.ozon.carriage_models`
(table-tested in tests/test_ozon_parse_carriage.py). They raise :class:`ParseError` on a shape
Ozon does not document; a malformed method or carriage inside a list is skipped and logged.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date

from .carriage_models import ActStatus, Carriage, CarriageMethod, CarriageSummary, MethodError, PostingAnswer
from .parse import (
    ParseError, opt_bool, opt_int, opt_list, opt_obj, opt_str, parse_datetime, req_int, str_tuple, to_int,
    unwrap_result,
)

log = logging.getLogger("packdesk.ozon.client")

__all__ = ["parse_carriage_methods", "parse_carriage", "parse_act_status", "parse_posting_answers",
           "parse_carriage_id", "parse_barcode_text", "parse_bool_result", "parse_day"]


def parse_day(value: object, key: str = "departure_date") -> date | None:
    """A departure day: ``YYYY-MM-DD`` or an RFC 3339 date-time (its UTC day); empty: None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ParseError(f"{key!r} must be a date string, got {type(value).__name__}")
    text = value.strip()
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise ParseError(f"{key!r} is not a date: {value!r}") from exc
    moment = parse_datetime(text, key)
    return moment.date() if moment else None


def _count(raw: Mapping, key: str) -> int:
    value = raw.get(key)
    return 0 if value in (None, "") else to_int(value, key)


def _method_error(raw: object) -> MethodError:
    if isinstance(raw, str) and raw:
        return MethodError(raw)
    if not isinstance(raw, Mapping):
        raise ParseError(f"a method error must be an object, got {raw!r}")
    code = opt_str(raw, "code") or opt_str(raw, "error") or ""
    if not code:
        raise ParseError("a method error without a code")
    return MethodError(code, opt_str(raw, "description") or opt_str(raw, "message") or "", opt_str(raw, "status") or "")


def _summary(raw: object) -> CarriageSummary:
    if not isinstance(raw, Mapping):
        raise ParseError(f"a carriage must be an object, got {raw!r}")
    return CarriageSummary(id=_count(raw, "id"), status=opt_str(raw, "status") or "",
                           postings_count=_count(raw, "postings_count"),
                           available_actions=str_tuple(raw, "available_actions"))


def _method(raw: object) -> CarriageMethod:
    if not isinstance(raw, Mapping):
        raise ParseError(f"a delivery method must be an object, got {raw!r}")
    errors = opt_list(raw, "errors") if not isinstance(raw.get("errors"), Mapping) else [raw["errors"]]
    carriages = []
    for item in opt_list(raw, "carriages"):
        try:
            carriages.append(_summary(item))
        except ParseError as exc:
            log.warning("skipped a malformed carriage of method %s: %s", raw.get("delivery_method_id"), exc)
    return CarriageMethod(
        delivery_method_id=req_int(raw, "delivery_method_id"),
        name=opt_str(raw, "delivery_method_name") or "",
        warehouse_id=opt_int(raw, "warehouse_id"),
        warehouse_name=opt_str(raw, "warehouse_name") or "",
        provider_name=opt_str(raw, "tpl_provider_name") or "",
        departure_date=parse_day(raw.get("departure_date")),
        cutoff_at=parse_datetime(raw.get("cutoff_at"), "cutoff_at"),
        mandatory_postings_count=_count(raw, "mandatory_postings_count"),
        mandatory_packaged_count=_count(raw, "mandatory_packaged_count"),
        first_mile_type=opt_str(raw, "first_mile_type") or "",
        timeslot_from=parse_datetime(raw.get("timeslot_from"), "timeslot_from"),
        timeslot_to=parse_datetime(raw.get("timeslot_to"), "timeslot_to"),
        errors=tuple(_method_error(e) for e in errors if e not in (None, "", {})),
        carriages=tuple(carriages),
    )


def parse_carriage_methods(body: object, endpoint: str) -> tuple[list[CarriageMethod], str | None, bool]:
    """``/v2/carriage/delivery/list``: ``{methods[], cursor, has_next}`` (also inside ``result``)."""
    payload = unwrap_result(body)
    if isinstance(payload, list):
        items, tail = payload, body
    elif isinstance(payload, Mapping):
        items, tail = opt_list(payload, "methods"), payload
    else:
        raise ParseError("the answer must be a JSON object")
    methods = []
    for index, raw in enumerate(items):
        try:
            methods.append(_method(raw))
        except ParseError as exc:
            log.warning("skipped malformed method #%d in %s: %s", index, endpoint, exc)
    cursor = tail.get("cursor") if isinstance(tail, Mapping) else None
    if cursor is not None and not isinstance(cursor, str):
        raise ParseError("'cursor' must be a string")
    has_next = isinstance(tail, Mapping) and tail.get("has_next") is True
    return methods, cursor or None, has_next


def parse_carriage_id(body: object) -> int:
    """``/v1/carriage/create``: ``{carriage_id}``."""
    payload = unwrap_result(body)
    if not isinstance(payload, Mapping):
        raise ParseError("the answer must be a JSON object")
    carriage_id = req_int(payload, "carriage_id")
    if carriage_id <= 0:
        raise ParseError(f"'carriage_id' must be positive, got {carriage_id}")
    return carriage_id


def parse_carriage(body: object) -> Carriage:
    """``/v1/carriage/get`` (the carriage at the top level, or inside ``result``)."""
    raw = unwrap_result(body)
    if not isinstance(raw, Mapping):
        raise ParseError("the answer must be a JSON object")
    cancel = opt_obj(raw, "cancel_availability")
    return Carriage(
        carriage_id=req_int(raw, "carriage_id"),
        status=opt_str(raw, "status") or "",
        delivery_method_id=opt_int(raw, "delivery_method_id"),
        departure_date=parse_day(raw.get("departure_date")),
        available_actions=str_tuple(raw, "available_actions"),
        cancel_available=opt_bool(cancel, "is_cancel_available") if cancel else False,
        cancel_reason=opt_str(cancel, "reason") or "" if cancel else "",
        has_postings_for_next_carriage=opt_bool(raw, "has_postings_for_next_carriage"),
        is_partial=opt_bool(raw, "is_partial"),
    )


def parse_act_status(body: object) -> ActStatus:
    raw = unwrap_result(body)
    if not isinstance(raw, Mapping):
        raise ParseError("the answer must be a JSON object")
    status = opt_str(raw, "status")
    if status is None:
        raise ParseError("'status' is missing")
    return ActStatus(status=status, added_to_act=str_tuple(raw, "added_to_act"),
                     removed_from_act=str_tuple(raw, "removed_from_act"),
                     has_postings_for_next_carriage=opt_bool(raw, "has_postings_for_next_carriage"),
                     is_partial=opt_bool(raw, "is_partial"))


def _error_text(value: object) -> str:
    """A per-posting ``error``: a string in the 2025 spec, ``[]`` (none) in 2026 examples, and
    sometimes a list of strings or of ``{code, message}`` objects."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return "; ".join(part for part in (_error_text(v) for v in value) if part)
    if isinstance(value, Mapping):
        return (opt_str(value, "code") or "") or (opt_str(value, "message") or "")
    raise ParseError(f"'error' must be a string or a list, got {value!r}")


def parse_posting_answers(body: object, sent: list[str]) -> list[PostingAnswer]:
    """``result[]{posting_number, result, error}`` of the batch calls. A posting that was sent and
    has no answer is a failure ("no answer for this posting"): never assumed done."""
    payload = unwrap_result(body)
    if isinstance(payload, Mapping):
        payload = opt_list(payload, "result")
    if not isinstance(payload, list):
        raise ParseError("'result' must be a list")
    answers: dict[str, PostingAnswer] = {}
    for raw in payload:
        if not isinstance(raw, Mapping):
            raise ParseError(f"a posting's answer must be an object, got {raw!r}")
        number = opt_str(raw, "posting_number") or ""
        error = _error_text(raw.get("error"))
        ok = raw.get("result") is True and not error
        if raw.get("result") is True and error:  # both: trust the error
            log.info("Ozon answered result=true with an error for %s: %s", number, error)
        answers[number] = PostingAnswer(number, ok, error or ("" if ok else "refused without a reason"))
    return [answers.get(n) or PostingAnswer(n, False, "no answer for this posting") for n in sent]


def parse_barcode_text(body: object) -> str:
    """``/v2/posting/fbs/act/get-barcode/text``: ``{result: "%303%..."}``."""
    if isinstance(body, Mapping) and isinstance(body.get("result"), str) and body["result"].strip():
        return body["result"].strip()
    raise ParseError("'result' must be the barcode's text")


def parse_bool_result(body: object) -> bool:
    """``{result: bool}`` answers (arbitration)."""
    if isinstance(body, Mapping) and isinstance(body.get("result"), bool):
        return body["result"]
    raise ParseError("'result' must be a boolean")
