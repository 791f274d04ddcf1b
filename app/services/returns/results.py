"""What the return mode answers: ``StationResult``s with the contract's codes (``return_opened``,
``return_unit_ok``, ``return_unit_mismatch``, ``return_closed``) and its own, worded by
``app.messages.returns`` (``return_<code>[_<variant>]``, else the station's ``station_<code>``)."""
from __future__ import annotations

from dataclasses import dataclass

from app.messages import CATALOGUE
from app.services.station.results import ERROR, IDLE, StationResult

RETURN = "return"  # the state of a bench with a return open (nothing held)

RETURN_OPENED = "return_opened"
RETURN_UNIT_OK = "return_unit_ok"
RETURN_UNIT_MISMATCH = "return_unit_mismatch"
RETURN_CLOSED = "return_closed"
# our own
RETURN_SCAN_MARK = "return_scan_mark"        # a marked product by its item barcode: scan the DataMatrix
RETURN_NOTE = "return_note"
RETURN_PHOTO = "return_photo"
RETURN_BUSY = "return_busy"                  # open at another bench
RETURN_POSTING_OPEN = "return_posting_open"  # a posting is open at this bench
RETURN_NOT_OPEN = "return_not_open"
NOT_NOW = "not_now"
BAD_SCAN = "bad_scan"
ACKNOWLEDGED = "acknowledged"
STATUS = "status"

OK_CODES = frozenset({RETURN_OPENED, RETURN_UNIT_OK, RETURN_CLOSED, RETURN_NOTE, RETURN_PHOTO, ACKNOWLEDGED, STATUS})
HELD_CODES = frozenset({RETURN_UNIT_MISMATCH})  # the red flash until ACK (or the next unit)


@dataclass(frozen=True)
class ReturnResult(StationResult):
    def message(self, lang: str = "en") -> str:
        params = _Params({"posting": self.posting or "", **self.data})
        for key in _keys(self.code, self.data):
            if key in CATALOGUE:
                entry = CATALOGUE[key]
                return (entry.get(lang) or entry["en"]).format_map(params)
        return self.code


def result(code: str, posting: str | None, state: str, /, **data) -> ReturnResult:
    return ReturnResult(code in OK_CODES, code, posting, ERROR if code in HELD_CODES else state, data)


def _keys(code: str, data: dict) -> list[str]:
    variant = data.get("variant")
    return ([f"return_{code}_{variant}"] if variant else []) + [f"return_{code}", f"station_{code}"]


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return ""


__all__ = ["IDLE", "RETURN", "ReturnResult", "result"]
