"""Errors of the scale subsystem."""
from __future__ import annotations


class ScaleError(Exception):
    """Base of scale errors that callers are expected to handle."""


class ScaleUnavailable(ScaleError):
    """This transport cannot work on this machine (a missing library or backend). Retrying won't help."""


class TransportLost(ScaleError, OSError):
    """The link went away (cable pulled, socket reset, device gone). The reader reconnects."""


class WrongThread(RuntimeError):
    """A device handle was used from a thread other than the one that owns it (a bug)."""


class ScaleTimeout(ScaleError, TimeoutError):
    """No reading of the wanted kind arrived in time."""
