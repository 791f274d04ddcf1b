"""Reading the bench's scale for the open posting, as the GUI does once every unit is verified.

Moving readings are never used: ``read_stable`` waits for a settled one. (A ``sim://`` scale
carries what the demo's parcel placer put on it: ``app/sim/parcel.py``.)
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from app.devices.scales import ScaleError
from app.services.station import results as r
from app.services.station.station import Station

log = logging.getLogger("packdesk.station.scale")

DEFAULT_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class ScaleOutcome:
    result: r.StationResult
    grams: float | None
    detail: str = ""


def weigh_from_scale(station: Station, reader, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> ScaleOutcome:
    """Read a stable weight from ``reader`` (a started ``ScaleReader``, or None when no scale is
    configured) and hand it to the station."""
    if reader is None:
        return _unavailable(station, "no scale configured")
    try:
        reading = reader.read_stable(timeout_s)
    except ScaleError as exc:
        log.warning("no stable weight: %s", exc)
        return _unavailable(station, str(exc))
    return ScaleOutcome(station.weigh(reading.grams, stable=True), reading.grams)


def _unavailable(station: Station, detail: str) -> ScaleOutcome:
    snap = station.snapshot()
    return ScaleOutcome(r.StationResult(False, r.SCALE_UNAVAILABLE, snap["posting"], snap["state"],
                                        {"detail": detail}), None, detail)
