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


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"the number {text[:20]} is out of range")
    return number


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def _number(value: Any) -> float | None:
    """A JSON number as a float (``_finite`` refused the others; an integer too large for a float is
    no weight either)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:
        return None


def parse_event(number: int, line: str) -> Event:
    text = line.strip()
    try:  # NaN, Infinity and 1e400 are refused here: each output line echoes its event as JSON
        raw = json.loads(text, parse_float=_finite, parse_constant=_no_constant)
    except ValueError as exc:
        return Event(number, {"raw": text[:200]}, problem=f"not JSON ({getattr(exc, 'msg', exc)})")
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
    amount = _number(value)
    if amount is None:
        return Event(number, raw, problem=f"{kind} must be a number")
    if kind == "wait_s" and not 0 <= amount <= MAX_WAIT_S:
        return Event(number, raw, problem=f"wait_s must be between 0 and {MAX_WAIT_S:g}")
    return Event(number, raw, kind, amount)


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
    from app.store import lookups

    with station.db.read() as session:
        return lookups.find_by_label_barcode(session, scanned.text) is not None


def bad_event_result(station, event: Event):
    from app.services.station.results import StationResult

    snap = station.snapshot()
    return StationResult(False, "bad_event", snap["posting"], snap["state"],
                         {"line": event.line, "detail": event.problem})
