"""ESC/POS (receipt printers, label printers in receipt mode): a label as GS v 0 raster images.

The job is the one python-escpos writes with ``image(impl="bitImageRaster", center=False)`` and
``cut(feed=False)`` (a test compares them byte for byte): ESC @, the label padded or cropped to the
head width and left-aligned, split into GS v 0 fragments of at most 960 rows, then GS V B 0 (feed
to the cutter and cut; printers without a cutter feed). In GS v 0 a 1 bit is black, rows packed
MSB-first, which is exactly :class:`Bitmap`'s own layout: the raster is sliced, not converted
(python-escpos's ``image()`` converts the picture through RGBA and greyscale first, ~6 ms a label).
"""
from __future__ import annotations

import struct

from escpos.constants import GS, HW_INIT, S_RASTER_N

from app.devices.printers.bitmap import Bitmap
from app.devices.printers.canvas import LabelCanvas
from app.devices.printers.errors import JobDecodeError
from app.devices.printers.profile import PrinterProfile

FRAGMENT_ROWS = 960  # python-escpos's own default fragment height
CUT = GS + b"VB\x00"  # python-escpos's cut(feed=False): GS V 66 0


def encode(bitmap: Bitmap, profile: PrinterProfile) -> bytes:
    label = bitmap.fit(profile.head_dots, bitmap.height)
    if profile.invert:
        label = label.inverted()
    stride, data = label.stride, memoryview(label.data)
    parts = [HW_INIT]
    for top in range(0, label.height, FRAGMENT_ROWS):
        rows = min(FRAGMENT_ROWS, label.height - top)
        parts.append(S_RASTER_N + struct.pack("<HH", stride, rows))  # xL xH yL yH
        parts.append(data[top * stride:(top + rows) * stride])
    parts.append(CUT)
    return b"".join(parts)


# --- decoding ------------------------------------------------------------------------------
# Argument byte counts of the fixed-length commands a receipt job may carry (ESC x / GS x).
_ESC_ARGS = {b"@": 0, b"2": 0, b"<": 0, b"3": 1, b"a": 1, b"d": 1, b"e": 1, b"J": 1, b"K": 1, b"E": 1,
             b"G": 1, b"!": 1, b"-": 1, b"M": 1, b"t": 1, b"R": 1, b"{": 1, b"V": 1, b"r": 1, b"c": 2,
             b"U": 1, b" ": 1, b"S": 0, b"L": 0, b"T": 1, b"$": 2, b"\\": 2, b"p": 3, b"i": 0, b"m": 0}
_GS_ARGS = {b"!": 1, b"B": 1, b"H": 1, b"h": 1, b"w": 1, b"f": 1, b"L": 2, b"W": 2, b"P": 2, b"a": 1,
            b"b": 1, b"r": 1, b"I": 1}
_SCALE = {0: (1, 1), 1: (2, 1), 2: (1, 2), 3: (2, 2), 48: (1, 1), 49: (2, 1), 50: (1, 2), 51: (2, 2)}


class _Raster:
    """Raster images stacked top to bottom; a cut (or form feed) ends the label."""

    def __init__(self, invert: bool) -> None:
        self.invert = invert
        self.labels: list[Bitmap] = []
        self.canvas = LabelCanvas()
        self.y = 0
        self.stored: Bitmap | None = None  # GS ( L graphics buffer

    def add(self, image: Bitmap) -> None:
        self.canvas.draw(image.inverted() if self.invert else image, 0, self.y)
        self.y += image.height

    def end_label(self) -> None:
        label = self.canvas.render()
        if label is not None:
            self.labels.append(label)
        self.canvas, self.y = LabelCanvas(), 0


def _need(data: bytes, pos: int, count: int, what: str) -> bytes:
    chunk = data[pos:pos + count]
    if len(chunk) < count:
        raise JobDecodeError(f"ESC/POS {what} at byte {pos} is cut short")
    return chunk


def _gs_v0(data: bytes, pos: int, out: _Raster) -> int:
    m, xl, xh, yl, yh = _need(data, pos + 3, 5, "GS v 0 header")
    stride, rows = xl + xh * 256, yl + yh * 256
    raster = _need(data, pos + 8, stride * rows, "GS v 0 image")
    if stride and rows:
        fx, fy = _SCALE.get(m, (1, 1))
        out.add(Bitmap.from_packed(stride * 8, rows, raster).scaled(fx, fy))
    return pos + 8 + stride * rows


def _gs_paren_l(data: bytes, pos: int, out: _Raster) -> int:
    pl, ph = _need(data, pos + 3, 2, "GS ( L header")
    body = _need(data, pos + 5, pl + ph * 256, "GS ( L data")
    fn = body[1] if len(body) > 1 else None
    if fn == 0x70 and len(body) >= 10:  # store raster graphics: m fn a bx by c xL xH yL yH d...
        width, rows = body[6] + body[7] * 256, body[8] + body[9] * 256
        stride = (width + 7) // 8
        out.stored = Bitmap.from_packed(width, rows, body[10:10 + stride * rows].ljust(stride * rows, b"\0"))
    elif fn == 0x32 and out.stored is not None:  # print the stored graphics
        out.add(out.stored)
    return pos + 5 + pl + ph * 256


def _skip_barcode(data: bytes, pos: int) -> int:
    m = _need(data, pos + 2, 1, "GS k")[0]
    if m <= 6:  # NUL-terminated data
        end = data.find(b"\0", pos + 3)
        if end < 0:
            raise JobDecodeError(f"ESC/POS GS k at byte {pos} has no NUL terminator")
        return end + 1
    return pos + 4 + _need(data, pos + 3, 1, "GS k length")[0]


def decode(data: bytes, *, invert: bool = False) -> list[Bitmap]:
    """Labels an ESC/POS job prints, from its GS v 0 and GS ( L raster images; text is ignored.

    Images stack top to bottom at their own width; GS V (cut) or FF ends a label.
    """
    out = _Raster(invert)
    pos = 0
    while pos < len(data):
        byte = data[pos:pos + 1]
        nxt = data[pos + 1:pos + 2]
        if byte == b"\x1d" and data[pos + 1:pos + 3] == b"v0":
            pos = _gs_v0(data, pos, out)
        elif byte == b"\x1d" and data[pos + 1:pos + 3] == b"(L":
            pos = _gs_paren_l(data, pos, out)
        elif byte == b"\x1d" and data[pos + 1:pos + 3] == b"8L":
            raise JobDecodeError(f"ESC/POS GS 8 L at byte {pos} is not supported")
        elif byte == b"\x1d" and nxt == b"V":
            mode = _need(data, pos + 2, 1, "GS V")[0]
            pos += 4 if mode in (65, 66, 97, 98, 103, 104) else 3
            out.end_label()
        elif byte == b"\x1d" and nxt == b"(":
            pl, ph = _need(data, pos + 3, 2, "GS ( header")
            pos += 5 + pl + ph * 256
        elif byte == b"\x1b" and nxt == b"*":
            raise JobDecodeError(f"ESC/POS column image (ESC *) at byte {pos} is not supported")
        elif byte == b"\x1b" and nxt in _ESC_ARGS:
            pos += 2 + _ESC_ARGS[nxt]
        elif byte == b"\x1d" and nxt == b"k":
            pos = _skip_barcode(data, pos)
        elif byte == b"\x1d" and nxt in _GS_ARGS:
            pos += 2 + _GS_ARGS[nxt]
        elif byte == b"\x10" and nxt in (b"\x04", b"\x05"):
            pos += 3
        elif byte == b"\x0c" or (byte == b"\x1d" and nxt == b"\x0c"):
            out.end_label()
            pos += 1 if byte == b"\x0c" else 2
        elif byte in (b"\x1b", b"\x1d"):
            raise JobDecodeError(f"ESC/POS command {data[pos:pos + 2]!r} at byte {pos} is not known")
        else:
            pos += 1  # text, LF, CR: no raster
    out.end_label()
    return out.labels
