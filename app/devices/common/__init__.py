"""Pieces every device kind shares: the thread-owned transport seam, the serial and HID links,
and ``DeviceWorker``, the one I/O thread per device that connects, reads and reconnects.

Scales (``app.devices.scales``) and scanners (``app.devices.scanners``) build on these.
"""
from .errors import DeviceUnavailable, TransportLost, WrongThread
from .transport import TICK_S, Transport
from .worker import DeviceWorker

__all__ = ["TICK_S", "DeviceUnavailable", "DeviceWorker", "Transport", "TransportLost", "WrongThread"]
