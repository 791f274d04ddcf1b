"""Replay scripts: JSON Lines events parsed and checked, and when the configured scale is read."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, TextIO

KINDS = ("scan", "weight_g", "wait_s")
MAX_WAIT_S = 3600.0


@dataclass(frozen=True)
class Event:
    line: int
    raw: Any  # what the line held (the event object, or the text when it was no JSON object)
    kind: str | None = None
    value: Any = None
    problem: str | None = None


def read_events(stream: TextIO) -> list[Event]:
    """Every non-blank line as an ``Event`` (a malformed one carries its ``problem``)."""
    return [parse_event(number, line) for number, line in enumerate(stream, start=1) if line.strip()]


def parse_event(number: int, line: str) -> Event:
    text = line.strip()
    try:
        raw = json.loads(text)
    except ValueError as exc:
        return Event(number, {"raw": text[:200]}, problem=f"not JSON ({exc.msg})")
    if not isinstance(raw, dict):
        return Event(number, {"raw": raw}, problem="not a JSON object")
    keys = [k for k in raw if k in KINDS]
    if len(keys) != 1:
        return Event(number, raw, problem=f"needs exactly one of {', '.join(KINDS)}")
    kind, value = keys[0], raw[keys[0]]
    if kind == "scan":
        if not isinstance(value, str):
            return Event(number, raw, problem="scan must be text")
        return Event(number, raw, kind, value)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return Event(number, raw, problem=f"{kind} must be a number")
    if kind == "wait_s" and not 0 <= value <= MAX_WAIT_S:
        return Event(number, raw, problem=f"wait_s must be between 0 and {MAX_WAIT_S:g}")
    return Event(number, raw, kind, float(value))


def needs_scale_read(result, rest: list[Event], station) -> bool:
    """After this result, does the GUI read the scale? Yes when every unit is verified (just now,
    or on resuming a complete posting) and the script weighs nothing before its next posting scan."""
    from app.services.station import results as r
    from app.services.station.classify import classify

    complete = result.code == r.POSTING_COMPLETE or (result.code in (r.POSTING_OPENED, r.UNIT_ID_ACCEPTED)
                                                     and result.state == r.WEIGHING)
    if not complete:
        return False
    for event in rest:
        if event.kind == "weight_g":
            return False
        if event.kind == "scan" and _opens_posting(classify(event.value), station):
            return True
    return True


def _opens_posting(scanned, station) -> bool:
    if scanned.kind == "posting":
        return True
    if scanned.kind != "code":
        return False
    from app.store import postings as store_postings

    with station.db.read() as session:
        return store_postings.find_by_label_barcode(session, scanned.text) is not None


def bad_event_result(station, event: Event):
    from app.services.station.results import StationResult

    snap = station.snapshot()
    return StationResult(False, "bad_event", snap["posting"], snap["state"],
                         {"line": event.line, "detail": event.problem})
