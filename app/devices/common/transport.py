"""The transport seam: a byte pipe owned by exactly one I/O thread."""
from __future__ import annotations

import threading

from .errors import WrongThread

TICK_S = 0.05  # longest a read() blocks, so the owning thread can notice stop requests


class Transport:
    """Subclasses implement ``_open``, ``_read``, ``_write`` and ``_close``.

    ``read()`` returns b"" when nothing arrived within ``tick``; it raises ``TransportLost``
    when the device is gone. Whichever thread calls ``open()`` owns the handle: any call from
    another thread raises ``WrongThread``.
    """

    def __init__(self, name: str, *, tick: float = TICK_S) -> None:
        self.name = name
        self.tick = tick
        self._owner: int | None = None

    def _check_owner(self) -> None:
        if self._owner is not None and threading.get_ident() != self._owner:
            raise WrongThread(
                f"device {self.name}: handle used from thread {threading.current_thread().name!r}, "
                "but another thread owns it"
            )

    def open(self) -> None:
        self._check_owner()
        self._open()
        self._owner = threading.get_ident()

    def read(self) -> bytes:
        self._check_owner()
        return self._read()

    def write(self, data: bytes) -> None:
        self._check_owner()
        self._write(data)

    def close(self) -> None:
        self._check_owner()
        try:
            self._close()
        finally:
            self._owner = None

    # --- for subclasses --------------------------------------------------------------
    def _open(self) -> None:
        raise NotImplementedError

    def _read(self) -> bytes:
        raise NotImplementedError

    def _write(self, data: bytes) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError
