"""Which of Ozon's label sizes the printer's stock takes (CONTRACT.md, "Printing rules").

Ozon makes one label task per size: ``small_label`` (58x40 mm) and ``big_label`` (75x120 mm). A
stock of 58x40 mm or smaller (either way round) asks for the small one, anything else the big one;
without a printer (or with a printer URI that does not parse) the big one.
"""
from __future__ import annotations

import logging

from app.devices.printers.profile import profile_from_uri
from app.devices.uri import DeviceUriError, parse_device_uri
from app.services.ozon.models import BIG_LABEL, SMALL_LABEL

log = logging.getLogger("packdesk.labels.fetch")

SMALL_LABEL_MM = (58.0, 40.0)


def label_task_type(size_mm: tuple[float, float] | None) -> str:
    """``small_label`` for stock of 58x40 mm or smaller, else ``big_label``."""
    if size_mm is None:
        return BIG_LABEL
    short, long = sorted(size_mm)
    small_short, small_long = sorted(SMALL_LABEL_MM)
    return SMALL_LABEL if short <= small_short and long <= small_long else BIG_LABEL


def printer_task_type(printer_uri: str | None) -> str:
    """The label task type for the stock named by a printer URI's ``size=`` (default 75x120)."""
    if not printer_uri:
        return BIG_LABEL
    try:
        size = profile_from_uri(parse_device_uri(printer_uri)).size_mm
    except DeviceUriError as exc:  # the print path reports it; fetching goes on with the big label
        log.warning("printer URI does not parse (%s): fetching big labels", exc)
        return BIG_LABEL
    return label_task_type(size)
