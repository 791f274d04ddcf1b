"""Printer jobs back to pixels: the labels a job would print, for tests and the ``sim://`` printer.

Each language module has its own ``decode(data, ...)``; this picks one by profile.
"""
from __future__ import annotations

from app.devices.printers import epl, escpos, tspl, zpl
from app.devices.printers.bitmap import Bitmap
from app.devices.printers.profile import PrinterProfile


def decode_job(data: bytes, profile: PrinterProfile) -> list[Bitmap]:
    """The labels ``data`` prints on a printer set up as ``profile`` (JobDecodeError if unreadable)."""
    if profile.lang == "tspl":
        return tspl.decode(data, dpi=profile.dpi, invert=profile.invert)
    if profile.lang == "zpl":
        return zpl.decode(data, invert=profile.invert)
    if profile.lang == "epl":
        return epl.decode(data, invert=profile.invert)
    return escpos.decode(data, invert=profile.invert)


def encode_job(bitmap: Bitmap, profile: PrinterProfile) -> bytes:
    """One label job in the profile's language."""
    module = {"tspl": tspl, "zpl": zpl, "epl": epl, "escpos": escpos}[profile.lang]
    return module.encode(bitmap, profile)
