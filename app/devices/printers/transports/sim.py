"""The ``sim://`` printer: takes jobs like a real one, decodes them with the same decoders the tests
use and saves every printed label as a PNG (``label-<UTC time>-<n>.png``) in its directory.

It answers status queries in its language, so the demo can show "out of paper" or "offline" by
flipping ``paper_out`` / ``online``; a job sent then fails as it would at a real bench.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from app.devices.printers.bitmap import Bitmap
from app.devices.printers.decode import decode_job
from app.devices.printers.errors import PrinterNoPaper, PrinterOffline
from app.devices.printers.profile import PrinterProfile
from app.devices.printers.status import QUERIES

log = logging.getLogger("packdesk.devices.printer.sim")


def _status_reply(lang: str, paper_out: bool) -> bytes:
    if lang == "escpos":
        return bytes([0x12, 0x32 if paper_out else 0x12, 0x7E if paper_out else 0x12])
    if lang == "tspl":
        return bytes([0x04 if paper_out else 0x00])
    if lang == "zpl":
        flag = "1" if paper_out else "0"
        return (f"\x02030,{flag},0,0959,000,0,0,0,000,0,0,0\x03\r\n"
                "\x02000,0,0,0,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n").encode("ascii")
    return b""


class SimTransport:
    def __init__(self, profile: PrinterProfile, directory: str | Path | None = None, *,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.profile = profile
        self.directory = Path(directory) if directory is not None else None
        self.name = f"sim://{self.directory or ''}"
        self.online = True
        self.paper_out = False
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._lock = threading.Lock()
        self._count = 0
        self.printed: list[Bitmap] = []
        self.saved: list[Path] = []

    def send(self, data: bytes) -> None:
        if not self.online:
            raise PrinterOffline("simulated printer is offline")
        if self.paper_out:
            raise PrinterNoPaper("simulated printer is out of paper")
        labels = decode_job(data, self.profile)
        with self._lock:
            for label in labels:
                self._count += 1
                self.printed.append(label)
                if self.directory is not None:
                    self.saved.append(self._save(label, self._count))

    def _save(self, label: Bitmap, number: int) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = self._clock().strftime("%Y%m%d-%H%M%S-%f")
        path = self.directory / f"label-{stamp}-{number}.png"
        partial = path.with_name(path.name + ".part")
        label.to_image().save(partial, format="PNG")
        os.replace(partial, path)  # a watcher never sees half a PNG
        log.info("simulated printer saved %s (%dx%d)", path, label.width, label.height)
        return path

    def query(self, data: bytes, *, reply_timeout: float, complete: Callable[[bytes], bool]) -> bytes:
        if not self.online:
            raise PrinterOffline("simulated printer is offline")
        expected = QUERIES.get(self.profile.lang)
        if expected is None or data != expected[0]:
            return b""
        return _status_reply(self.profile.lang, self.paper_out)

    def close(self) -> None:
        """Nothing to release."""
