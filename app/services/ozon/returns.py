"""Returns (mixed into ``OzonClient``): FBS returns, rFBS return requests and their actions.

    ozon.fbs_returns(since=..., until=...)     # /v1/returns/list, every page
    ozon.rfbs_returns(since=...)               # /v2/returns/rfbs/list, every page
    ozon.rfbs_return(return_id)                # /v2/returns/rfbs/get: state, actions offered now
    ozon.rfbs_return_action(return_id, action_id, comment=..., rejection_reason_id=...)  # a mutation

``/v1/returns/list`` takes one date range (``visual_status_change_moment`` here: what changed);
2026 answers quote int64 ids, the spec has numbers: both are read. ``/v2/returns/rfbs/list``
answers ``returns`` as a list (the 2025 spec: one object; both are read). The action is sent once:
a lost answer raises ``OzonTransportError(maybe_applied=True)`` and the caller reads the return
back (``rfbs_return``) before any resend. The v2 rFBS actions Ozon removed are never called.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from .parse import ParseError, format_datetime, opt_int, opt_list, opt_obj, opt_str, parse_datetime, req_int
from .transport import as_bad_response

FBS_RETURNS = "/v1/returns/list"
RFBS_RETURNS = "/v2/returns/rfbs/list"
RFBS_RETURN_GET = "/v2/returns/rfbs/get"
RFBS_RETURN_ACTION = "/v1/returns/rfbs/action/set"
PAGE = 500
MAX_PAGES = 200


@dataclass(frozen=True)
class OzonReturn:
    scheme: str              # fbs | rfbs
    ozon_id: int
    posting_number: str
    barcode: str             # FBS: the logistic barcode; rFBS: the return number
    sku: int | None
    offer_id: str
    name: str
    quantity: int
    kind: str                # FBS type (ClientReturn, Cancellation...); rFBS: "rfbs"
    state: str               # FBS visual sys_name; rFBS state
    state_name: str
    group_state: str = ""
    created_at: datetime | None = None
    changed_at: datetime | None = None
    reason: str = ""


@dataclass(frozen=True)
class RfbsReturnDetail:
    state: str
    state_name: str
    actions: list[dict] = field(default_factory=list)            # [{id, name}], as Ozon offers them now
    rejection_reasons: list[dict] = field(default_factory=list)  # [{id, name, is_comment_required}]
    reason: str = ""


def parse_fbs_returns(decoded: object) -> tuple[list[OzonReturn], bool]:
    if not isinstance(decoded, Mapping):
        raise ParseError("the answer is not an object")
    found = []
    for raw in opt_list(decoded, "returns"):
        product, logistic, visual = opt_obj(raw, "product"), opt_obj(raw, "logistic"), opt_obj(raw, "visual")
        status = opt_obj(visual, "status")
        found.append(OzonReturn(
            "fbs", req_int(raw, "id"), opt_str(raw, "posting_number") or "", opt_str(logistic, "barcode") or "",
            opt_int(product, "sku"), opt_str(product, "offer_id") or "", opt_str(product, "name") or "",
            opt_int(product, "quantity") or 1, opt_str(raw, "type") or "Unknown",
            opt_str(status, "sys_name") or "", opt_str(status, "display_name") or "",
            created_at=parse_datetime(logistic.get("return_date"), "return_date"),
            changed_at=parse_datetime(visual.get("change_moment"), "change_moment"),
            reason=opt_str(raw, "return_reason_name") or ""))
    return found, bool(decoded.get("has_next"))


def parse_rfbs_returns(decoded: object) -> list[OzonReturn]:
    if not isinstance(decoded, Mapping):
        raise ParseError("the answer is not an object")
    items = decoded.get("returns") or []
    items = [items] if isinstance(items, Mapping) else items
    if not isinstance(items, list):
        raise ParseError("returns is neither a list nor an object")
    found = []
    for raw in items:
        product, state = opt_obj(raw, "product"), opt_obj(raw, "state")
        found.append(OzonReturn(
            "rfbs", req_int(raw, "return_id"), opt_str(raw, "posting_number") or "",
            opt_str(raw, "return_number") or "", opt_int(product, "sku"), opt_str(product, "offer_id") or "",
            opt_str(product, "name") or "", 1, "rfbs", opt_str(state, "state") or "",
            opt_str(state, "state_name") or "", group_state=opt_str(state, "group_state") or "",
            created_at=parse_datetime(raw.get("created_at"), "created_at")))
    return found


def parse_rfbs_detail(decoded: object) -> RfbsReturnDetail:
    raw = opt_obj(decoded, "returns") if isinstance(decoded, Mapping) else None
    if raw is None:
        raise ParseError("the answer is not an object")
    state = opt_obj(raw, "state")
    actions = []
    for item in opt_list(raw, "available_actions"):  # {id, name}; a 2026 example nests {action: {id, name}}
        item = item.get("action", item) if isinstance(item, Mapping) else item
        actions.append({"id": req_int(item, "id"), "name": opt_str(item, "name") or ""})
    reasons = [{"id": req_int(r, "id"), "name": opt_str(r, "name") or "",
                "is_comment_required": bool(r.get("is_comment_required"))} for r in opt_list(raw, "rejection_reason")]
    return RfbsReturnDetail(opt_str(state, "state") or "", opt_str(state, "state_name") or "", actions, reasons,
                            opt_str(opt_obj(raw, "return_reason"), "name") or "")


class ReturnMethods:
    """Mixed into ``OzonClient``: needs ``self._read`` and ``self._transport``."""

    def fbs_returns(self, *, since: datetime, until: datetime) -> list[OzonReturn]:
        """FBS returns whose state changed between ``since`` and ``until``."""
        span = {"time_from": format_datetime(since), "time_to": format_datetime(until)}
        found: list[OzonReturn] = []
        last_id = 0
        for _ in range(MAX_PAGES):
            body = {"filter": {"visual_status_change_moment": span}, "limit": PAGE, "last_id": last_id}
            page, has_next = self._read(FBS_RETURNS, body, parse_fbs_returns)
            found += page
            if not has_next or not page:
                return found
            last_id = page[-1].ozon_id
        raise as_bad_response(FBS_RETURNS, f"more than {MAX_PAGES} pages")

    def rfbs_returns(self, *, since: datetime, until: datetime) -> list[OzonReturn]:
        """rFBS return requests created between ``since`` and ``until``."""
        span = {"from": format_datetime(since), "to": format_datetime(until)}
        found: list[OzonReturn] = []
        last_id = 0
        for _ in range(MAX_PAGES):
            body = {"filter": {"created_at": span}, "limit": PAGE, "last_id": last_id}
            page = self._read(RFBS_RETURNS, body, parse_rfbs_returns)
            found += page
            if len(page) < PAGE:
                return found
            last_id = page[-1].ozon_id
        raise as_bad_response(RFBS_RETURNS, f"more than {MAX_PAGES} pages")

    def rfbs_return(self, return_id: int) -> RfbsReturnDetail:
        return self._read(RFBS_RETURN_GET, {"return_id": int(return_id)}, parse_rfbs_detail)

    def rfbs_return_action(self, return_id: int, action_id: int, *, comment: str = "",
                           rejection_reason_id: int | None = None) -> None:
        body: dict = {"return_id": int(return_id), "id": int(action_id)}
        if comment:
            body["comment"] = comment
        if rejection_reason_id is not None:
            body["rejection_reason_id"] = int(rejection_reason_id)
        self._transport.post(RFBS_RETURN_ACTION, body, idempotent=False)
