"""Errors every device kind shares; each kind subclasses them (``ScaleUnavailable``, ``ScannerUnavailable``)."""
from __future__ import annotations


class DeviceUnavailable(Exception):
    """This transport cannot work on this machine (a missing library or backend). Retrying won't help."""


class TransportLost(OSError):
    """The link went away (cable pulled, socket reset, device gone). The worker reconnects."""


class WrongThread(RuntimeError):
    """A device handle was used from a thread other than the one that owns it (a bug)."""
