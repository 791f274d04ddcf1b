"""Reusable incremental frame splitters (pure, no I/O)."""
from __future__ import annotations

from typing import Callable


class _Garbage:
    def __init__(self) -> None:
        self._buf = bytearray()
        self._garbage = bytearray()

    def _drop(self, count: int) -> None:
        self._garbage += self._buf[:count]
        del self._buf[:count]

    def take_garbage(self) -> bytes:
        out = bytes(self._garbage)
        self._garbage.clear()
        return out


class LineSplitter(_Garbage):
    """Frames end with any byte of ``ends``; blank lines are skipped.

    With ``start`` set, a frame begins at its last ``start`` byte and whatever precedes
    it is garbage. A partial line longer than ``max_len`` is garbage as well.
    """

    def __init__(self, ends: bytes = b"\r\n", *, start: bytes | None = None, max_len: int = 80) -> None:
        super().__init__()
        self._ends = frozenset(ends)
        self._start = start
        self._max_len = max_len

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        while True:
            end = next((i for i, b in enumerate(self._buf) if b in self._ends), -1)
            if end < 0:
                break
            line = bytes(self._buf[:end])
            if not line:
                del self._buf[:1]
                continue
            if self._start is not None:
                begin = line.rfind(self._start)
                if begin < 0:
                    self._drop(end + 1)
                    continue
                self._drop(begin)
                line = line[begin:]
            del self._buf[: len(line) + 1]
            frames.append(line)
        if len(self._buf) > self._max_len:
            keep = self._buf.rfind(self._start) if self._start is not None else -1
            self._drop(keep if keep > 0 else len(self._buf))
        return frames


class FixedSplitter(_Garbage):
    """Fixed-size frames whose first byte must satisfy ``first_ok``; other bytes are skipped."""

    def __init__(self, size: int, first_ok: Callable[[int], bool]) -> None:
        super().__init__()
        self._size = size
        self._first_ok = first_ok

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        while self._buf:
            if not self._first_ok(self._buf[0]):
                self._drop(1)
                continue
            if len(self._buf) < self._size:
                break
            frames.append(bytes(self._buf[: self._size]))
            del self._buf[: self._size]
        return frames


class HeaderLengthSplitter(_Garbage):
    """Frames ``header + length + rest``: ``frame_len(buf)`` returns the whole frame's size
    once enough of it is known, None to wait for more bytes, or 0 when the bytes after the
    header cannot start a frame (then one byte is dropped and the header searched again)."""

    def __init__(self, header: bytes, frame_len: Callable[[bytes], int | None],
                 skip: frozenset[int] = frozenset()) -> None:
        super().__init__()
        self._header = header
        self._frame_len = frame_len
        self._skip = skip  # single bytes that may sit between frames (ACK/NAK), not garbage

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        while self._buf:
            while self._buf and self._buf[0] in self._skip:
                del self._buf[0]
            at = self._buf.find(self._header)
            if at < 0:
                # keep a tail that may be the start of a header
                keep = next((k for k in range(len(self._header) - 1, 0, -1)
                             if self._buf.endswith(self._header[:k])), 0)
                self._drop(len(self._buf) - keep)
                break
            if at > 0:
                self._drop(at)
            size = self._frame_len(bytes(self._buf))
            if size is None:
                break
            if size == 0:
                self._drop(1)
                continue
            if len(self._buf) < size:
                break
            frames.append(bytes(self._buf[:size]))
            del self._buf[:size]
        return frames
