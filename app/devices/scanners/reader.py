"""``ScannerReader``: the I/O thread of a serial or HID POS scanner (connect/reconnect from
``DeviceWorker``); it frames what arrives into codes and hands each ``Scan`` to ``on_scan``."""
from __future__ import annotations

import time
from typing import Callable, Protocol

from ..common.transport import Transport
from ..common.worker import DeviceWorker, StateCallback
from .errors import BadScan
from .gs1 import for_log, looks_like_mark
from .scan import Scan, decode_bytes, make_scan

ScanCallback = Callable[[Scan], None]


class Framer(Protocol):
    notes: list[str]

    def feed(self, data: bytes, now: float) -> list[tuple[bytes, str | None]]: ...

    def expire(self, now: float) -> list[tuple[bytes, str | None]]: ...


class ScannerReader(DeviceWorker):
    """Owns one serial/HID scanner. ``on_scan`` and ``on_state`` run on its I/O thread.

    States: "connecting", "connected", "disconnected: REASON", "unavailable: REASON", "stopped"."""

    def __init__(self, make_transport: Callable[[], Transport], make_framer: Callable[[], Framer], *,
                 source: str, port: str, on_scan: ScanCallback, on_state: StateCallback | None = None,
                 backoff: tuple[float, float] = (0.25, 5.0)) -> None:
        super().__init__(make_transport, kind="scanner", port=port, on_state=on_state, backoff=backoff)
        self.source = source
        self.on_scan = on_scan
        self._make_framer = make_framer

    def _session(self, transport: Transport) -> bool:
        framer = self._make_framer()
        while not self._stop.is_set():
            data = transport.read()
            now = time.monotonic()
            for raw, symbology in framer.feed(data, now) if data else framer.expire(now):
                self._deliver(raw, symbology)
            while framer.notes:
                self._warn("framing", "%s", framer.notes.pop(0))
        return True  # a scanner may stay silent for hours: an open link is a good one

    def _deliver(self, raw: bytes, symbology: str | None) -> None:
        try:
            scan = make_scan(decode_bytes(raw), self.source, symbology)
        except BadScan as exc:
            text = decode_bytes(raw)  # a marking code's bytes are never logged: its length only
            shown = f"{len(raw)} bytes" if looks_like_mark(text.lstrip("\x1d")) else f"bytes {raw.hex(' ')}"
            self._warn("bad scan", "dropped: %s (%s)", exc, shown)
            return
        self.log.debug("scan %r", for_log(scan.code))
        self._callback(self.on_scan, scan)
