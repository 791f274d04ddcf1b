"""A file or device node: ``file:/dev/usb/lp0`` (Linux usblp), ``file:/tmp/jobs.bin`` (capture).

Each job is appended and flushed; nothing stays open between jobs.
"""
from __future__ import annotations

import errno
from pathlib import Path

from app.devices.printers.errors import PrinterError, PrinterOffline, PrinterUnavailable

_GONE = {errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO}


class FileTransport:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name = f"file:{self.path}"

    def send(self, data: bytes) -> None:
        try:
            with open(self.path, "ab") as out:
                out.write(data)
                out.flush()
        except PermissionError as exc:
            raise PrinterUnavailable(f"no permission to write {self.path} (for /dev/usb/lp*: join group lp)") from exc
        except OSError as exc:
            if exc.errno in _GONE:
                raise PrinterOffline(f"{self.path}: {exc.strerror} (printer unplugged or switched off?)") from exc
            raise PrinterError(f"{self.path}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        """Nothing stays open between jobs."""
