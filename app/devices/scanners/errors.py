"""Errors of the scanner subsystem (the shared ones live in ``app.devices.common.errors``)."""
from __future__ import annotations

from ..common.errors import DeviceUnavailable, TransportLost, WrongThread

__all__ = ["BadScan", "ScannerError", "ScannerUnavailable", "TransportLost", "WrongThread"]


class ScannerError(Exception):
    """Base of scanner errors that callers are expected to handle."""


class ScannerUnavailable(ScannerError, DeviceUnavailable):
    """This scanner link cannot work on this machine (e.g. hidapi missing). Retrying won't help."""


class BadScan(ScannerError, ValueError):
    """What the scanner sent is not a usable code (empty, or control characters other than GS)."""
