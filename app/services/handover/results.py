"""What the hand-over mode answers: ``StationResult``s (the pack view, the flash and ``replay`` show
them as they show the station's), with the hand-over's codes (CONTRACT.md, "Hand-over and returns")
and its own, and messages from ``app.messages.handover`` (keys ``handover_<code>[_<variant>]``,
else the station's ``station_<code>``).

Ozon's word on a delivery method (``data["ozon_errors"]``: ``[{code, description, status}]``) is
added to the message verbatim, each with a hint in the packer's language (``handover_hint_<code>``).
"""
from __future__ import annotations

from dataclasses import dataclass

from app.messages import CATALOGUE
from app.messages.scan_problems import scan_problem_words
from app.messages.statuses import cancelled_detail, status_word
from app.services.station.results import ERROR, IDLE, StationResult
from app.statuses import OZON_STATUSES

HANDOVER = "handover"  # the state of a bench in hand-over mode (nothing held)

# codes the contract names
HANDOVER_STARTED = "handover_started"
PARCEL_ACCEPTED = "parcel_accepted"
PARCEL_DUPLICATE = "parcel_duplicate"
PARCEL_NOT_IN_HANDOVER = "parcel_not_in_handover"
PARCEL_CANCELLED = "parcel_cancelled"
TRACKING_CAPTURED = "tracking_captured"
TRACKING_INVALID = "tracking_invalid"
HANDOVER_CLOSED = "handover_closed"
HANDOVER_INCOMPLETE = "handover_incomplete"
# codes of our own
HANDOVER_NOTHING = "handover_nothing"          # nothing ready to hand over (for that method)
HANDOVER_CHOOSE = "handover_choose"            # several methods have parcels ready: say which
HANDOVER_BUSY = "handover_busy"                # another method's hand-over is open at this bench
HANDOVER_POSTING_OPEN = "handover_posting_open"  # a posting is open at the bench: finish or park it first
HANDOVER_UNSUPPORTED = "handover_unsupported"  # a delivery scheme this bench does not hand over (yet)
HANDOVER_LEFT = "handover_left"                # CMD:CANCEL: back to packing, the hand-over stays open
HANDOVER_NOT_OPEN = "handover_not_open"        # a close with no hand-over open
HANDOVER_NOTHING_SCANNED = "handover_nothing_scanned"
NOT_A_PARCEL = "not_a_parcel"                  # an item barcode, a marking code, a code no parcel has
TRACKING_REQUIRED = "tracking_required"        # another parcel while one waits for its carrier barcode
NOT_NOW = "not_now"                            # a packing command or a weight during a hand-over
NOT_AUTHORIZED = "handover_not_authorized"     # a forced close by someone not a supervisor
ACKNOWLEDGED = "acknowledged"
BAD_SCAN = "bad_scan"
STATUS = "status"

OK_CODES = frozenset({HANDOVER_STARTED, PARCEL_ACCEPTED, TRACKING_CAPTURED, HANDOVER_CLOSED, HANDOVER_LEFT,
                      ACKNOWLEDGED, STATUS})
HELD_CODES = frozenset({PARCEL_CANCELLED, HANDOVER_INCOMPLETE})  # the red flash until ACK / the parcels


@dataclass(frozen=True)
class HandoverResult(StationResult):
    def message(self, lang: str = "en") -> str:
        params = _Params({"posting": self.posting or "", **self.data})
        if self.code in (BAD_SCAN, TRACKING_INVALID) and params.get("problem"):
            params["problem"] = scan_problem_words(params["problem"], lang)
        if self.code == PARCEL_CANCELLED:  # Ozon's reason (its words, else its status), and who cancelled
            said = params.get("reason") or ""
            params["reason"] = cancelled_detail(params.get("by"), said, lang, in_ozon_words=said not in OZON_STATUSES)
        if self.code == PARCEL_NOT_IN_HANDOVER and params.get("status"):
            params["status"] = status_word(params["status"], lang)  # the packer's words, not Ozon's code
        if "carrier" in self.data:  # the carrier's name in the packer's language
            key = f"carrier_{self.data.get('carrier') or 'other'}"
            params["carrier_name"] = _entry(key if key in CATALOGUE else "carrier_other", lang)
        text = _template(self.code, self.data, lang).format_map(params)
        extra = [ozon_error_text(error, lang) for error in self.data.get("ozon_errors") or ()]
        if self.data.get("offline"):
            extra.append(_entry("handover_offline", lang))
        return " ".join([text, *extra])


def result(code: str, posting: str | None, state: str, /, **data) -> HandoverResult:
    return HandoverResult(code in OK_CODES, code, posting, ERROR if code in HELD_CODES else state, data)


def ozon_error_text(error: dict, lang: str) -> str:
    """One of Ozon's errors about a method or a carriage: its code and words verbatim, then a hint."""
    code = str(error.get("code") or "")
    hint_key = f"handover_hint_{code.lower()}"
    hint = _entry(hint_key if hint_key in CATALOGUE else "handover_hint_unknown", lang)
    said = " — ".join(part for part in (code, str(error.get("description") or "")) if part)
    return _entry("handover_ozon_says", lang).format(said=said, hint=hint)


def _template(code: str, data: dict, lang: str) -> str:
    variant = data.get("variant")
    for key in ([f"handover_{code}_{variant}"] if variant else []) + [f"handover_{code}", code, f"station_{code}"]:
        if key in CATALOGUE:
            return _entry(key, lang)
    return code


def _entry(key: str, lang: str) -> str:
    entry = CATALOGUE[key]
    return entry.get(lang) or entry["en"]


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return ""
