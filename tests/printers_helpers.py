"""Shared bits of the printer tests: sample bitmaps, profiles sized to a bitmap, a 9100 capture server."""
from __future__ import annotations

import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field

from hypothesis import strategies as st

from app.devices.printers import Bitmap, PrinterProfile

LANGS = ("tspl", "zpl", "epl", "escpos")


def _checker(width: int, height: int) -> Bitmap:
    return Bitmap.from_text(["".join("#" if (x + y) % 2 else "." for x in range(width)) for y in range(height)])


def _random(width: int, height: int, seed: int) -> Bitmap:
    rnd = random.Random(seed)
    stride = (width + 7) // 8
    return Bitmap(width, height, bytes(rnd.getrandbits(8) for _ in range(stride * height)))


SAMPLES = {
    "white": Bitmap.blank(40, 12),
    "black": Bitmap.blank(40, 12).inverted(),
    "checker": _checker(24, 9),
    "odd-width": _random(13, 7, 1),
    "one-dot": Bitmap.from_text(["#"]),
    "odd-black": Bitmap.blank(21, 5).inverted(),
    "bars": Bitmap.from_text(["##..#...####" * 5] * 6 + ["." * 60] * 3 + ["#" * 60] * 2),
    "label-203": _random(599, 959, 2),
}


@st.composite
def bitmaps(draw, max_width: int = 70, max_height: int = 40) -> Bitmap:
    width = draw(st.integers(1, max_width))
    height = draw(st.integers(1, max_height))
    stride = (width + 7) // 8
    # runs of equal bytes and repeated rows exercise ZPL's compression letters, ',', '!' and ':'
    row_bytes = st.lists(st.sampled_from([0x00, 0xFF, 0x0F, 0xF0, 0x81, 0x5A]) | st.integers(0, 255),
                         min_size=stride, max_size=stride).map(bytes)
    rows = draw(st.lists(row_bytes, min_size=1, max_size=4))
    picks = draw(st.lists(st.integers(0, len(rows) - 1), min_size=height, max_size=height))
    return Bitmap(width, height, b"".join(rows[i] for i in picks))


def profile_for(bitmap: Bitmap, lang: str, *, dpi: int = 203, **options) -> PrinterProfile:
    """A profile whose label is exactly the bitmap (ESC/POS: the head is the bitmap's byte width)."""
    size = (bitmap.width * 25.4 / dpi, bitmap.height * 25.4 / dpi)
    return PrinterProfile(lang=lang, dpi=dpi, size_mm=size, head_dots=bitmap.stride * 8, **options)


def printed_form(bitmap: Bitmap, profile: PrinterProfile) -> Bitmap:
    """What a printer prints for ``bitmap`` (ESC/POS pads or crops to the head width)."""
    if profile.lang == "escpos":
        return bitmap.fit(profile.head_dots, bitmap.height)
    return bitmap


def wait_until(condition, timeout: float = 5.0) -> None:
    """Bounded poll for a condition another thread makes true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.005)


# --- a raw 9100 printer on 127.0.0.1 -------------------------------------------------------------
@dataclass
class CaptureServer:
    """Accepts connections in a thread and keeps each one's bytes.

    ``replies`` maps an exact request (a status query) to the bytes sent back. ``mode``:
    "capture" reads until the client closes; "reset" reads a little then resets the connection.
    """

    replies: dict[bytes, bytes] = field(default_factory=dict)
    mode: str = "capture"
    connections: list[bytes] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # no huge loopback buffers
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self._listener.settimeout(0.05)
        self._stop = threading.Event()
        self.port = self._listener.getsockname()[1]
        self.changed = threading.Condition()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            conn.settimeout(10)
            with conn:
                try:
                    data = self._handle(conn)
                except OSError as exc:
                    data = f"error: {exc}".encode()
            with self.changed:
                self.connections.append(data)
                self.changed.notify_all()

    def _handle(self, conn: socket.socket) -> bytes:
        data = b""
        if self.mode == "reset":
            data = conn.recv(1024)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return data
        while chunk := conn.recv(65536):
            data += chunk
            if data in self.replies:
                conn.sendall(self.replies[data])
        return data

    def wait_for(self, count: int, timeout: float = 5.0) -> list[bytes]:
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.connections) >= count, timeout):
                raise AssertionError(f"expected {count} connections, got {len(self.connections)}")
            return list(self.connections)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()

    def __enter__(self) -> CaptureServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
