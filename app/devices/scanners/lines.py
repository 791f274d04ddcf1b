"""Framing for serial scanners: a byte stream -> one code per suffix (or per pause with none)."""
from __future__ import annotations

import re

SUFFIXES = ("auto", "cr", "lf", "crlf", "tab", "none")
_SPLIT = {"auto": re.compile(rb"[\r\n]"), "cr": re.compile(rb"\r"), "lf": re.compile(rb"\n"),
          "crlf": re.compile(rb"\r\n"), "tab": re.compile(rb"\t")}
MAX_CODE_BYTES = 8192


class LineFramer:
    """``feed(data, now)`` -> complete codes (bytes, suffix removed, empty lines skipped).

    ``auto`` ends a code at CR or LF, so CR, LF and CRLF scanners all work. With ``none`` a code
    ends after ``idle_timeout`` s of silence (``expire``). A partial code that waits longer than
    ``stale_timeout`` for its suffix is dropped with a note: usually a wrong ``suffix=``.
    """

    def __init__(self, suffix: str = "auto", *, idle_timeout: float = 0.1, stale_timeout: float = 2.0) -> None:
        if suffix not in SUFFIXES:
            raise ValueError(f"suffix {suffix!r} is not one of {', '.join(SUFFIXES)}")
        self.suffix = suffix
        self.idle_timeout, self.stale_timeout = idle_timeout, stale_timeout
        self.notes: list[str] = []  # problems for the reader to log
        self._buffer = b""
        self._last_rx = 0.0

    def feed(self, data: bytes, now: float) -> list[tuple[bytes, None]]:
        self._buffer += data
        self._last_rx = now
        if self.suffix == "none":
            return []
        *lines, self._buffer = _SPLIT[self.suffix].split(self._buffer)
        if len(self._buffer) > MAX_CODE_BYTES:
            self.notes.append(f"dropped {len(self._buffer)} bytes without a {self.suffix} suffix")
            self._buffer = b""
        return [(line, None) for line in lines if line]

    def expire(self, now: float) -> list[tuple[bytes, None]]:
        if not self._buffer.strip(b"\r\n\t"):  # nothing, or the LF of a CRLF with suffix=cr
            self._buffer = b""
            return []
        quiet = now - self._last_rx
        if self.suffix == "none" and quiet >= self.idle_timeout:
            code, self._buffer = self._buffer, b""
            return [(code, None)]
        if self.suffix != "none" and quiet >= self.stale_timeout:
            self.notes.append(f"dropped {self._buffer!r}: no {self.suffix} suffix after it for "
                              f"{self.stale_timeout:g} s (check suffix=)")
            self._buffer = b""
        return []
