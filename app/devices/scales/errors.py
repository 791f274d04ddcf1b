"""Errors of the scale subsystem (the shared ones live in ``app.devices.common.errors``)."""
from __future__ import annotations

from ..common.errors import DeviceUnavailable, WrongThread
from ..common.errors import TransportLost as LinkLost

__all__ = ["ScaleError", "ScaleTimeout", "ScaleUnavailable", "TransportLost", "WrongThread"]


class ScaleError(Exception):
    """Base of scale errors that callers are expected to handle."""


class ScaleUnavailable(ScaleError, DeviceUnavailable):
    """This transport cannot work on this machine (a missing library or backend). Retrying won't help."""


class TransportLost(ScaleError, LinkLost):
    """The link went away (cable pulled, socket reset, device gone). The reader reconnects."""


class ScaleTimeout(ScaleError, TimeoutError):
    """No reading of the wanted kind arrived in time."""
