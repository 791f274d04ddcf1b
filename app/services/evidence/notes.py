"""What the packing video shows of the station's decisions (pure): the clip's header, and a line
for each unit scan (product, counts, the masked marking code: never the full code), weight and
problem, in the bench's language."""
from __future__ import annotations

from datetime import datetime

from app.messages import text
from app.services.station import results as r

UNIT_CODES = (r.ITEM_ACCEPTED, r.POSTING_COMPLETE)
PROBLEM_CODES = (r.WRONG_ITEM, r.OVER_SCAN, r.UNKNOWN_BARCODE, r.DUPLICATE_UNIT, r.MARKING_INVALID,
                 r.MARK_REQUIRED, r.NOT_COMPLETE, r.POSTING_NOT_PACKABLE)
ENDING_CODES = (r.POSTING_PARKED, r.POSTING_RELEASED, r.POSTING_SHORT)
MAX_LINE = 110


def header(posting: str, box: int, station: str, packer: str | None, lang: str) -> list[str]:
    return [text("evidence_header", lang, posting=posting, box=box),
            text("evidence_header_who", lang, station=station, packer=packer or "—")]


def masked(data: dict) -> str:
    """The marking code of a unit scan's data as the station masked it ('' for a unit without one):
    the video shows a code exactly as the screen and the logs do (``gs1.mask``), never more."""
    return str(data.get("mark") or "")


def note(result: r.StationResult, at: datetime, lang: str) -> str | None:
    """The line a decision puts on the video (None: nothing to show)."""
    clock = at.astimezone().strftime("%H:%M:%S")
    data = result.data
    if result.code in UNIT_CODES:
        line = text("evidence_note_unit", lang, time=clock, product=data.get("product", ""),
                    line_counted=data.get("line_counted", ""), line_total=data.get("line_total", ""),
                    counted=data.get("counted", ""), total=data.get("total", ""), mark=masked(data))
    elif result.code in (r.WEIGHT_ACCEPTED, r.WEIGHT_MISMATCH):
        verdict = text("evidence_weight_ok" if result.code == r.WEIGHT_ACCEPTED else "evidence_weight_bad", lang)
        line = text("evidence_note_weight", lang, time=clock, measured_g=_grams(data.get("measured_g")),
                    expected_g=_grams(data.get("expected_g")), verdict=verdict)
    elif result.code in PROBLEM_CODES:
        line = f"{clock} ✗ {_plain(result.message(lang))}"
    elif result.code in ENDING_CODES or result.code == r.BOX_STARTED:
        line = f"{clock} ■ {_plain(result.message(lang))}"
    else:
        return None
    return line.strip()[:MAX_LINE]


def _grams(value) -> str:
    if value is None or value == "":
        return "—"
    try:
        return f"{float(value):.0f}"
    except (TypeError, ValueError):
        return str(value)


def _plain(message: str) -> str:
    """One line: the station's message may name a full code it was given; the video never shows one."""
    return " ".join(message.split())
