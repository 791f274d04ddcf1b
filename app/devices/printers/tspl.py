"""TSPL/TSPL2 (TSC, Xprinter, Gprinter and most Chinese label printers): a label as one BITMAP.

Job: SIZE / GAP / [DENSITY] / [SPEED] / DIRECTION / REFERENCE / CLS / BITMAP / PRINT, lines
ending CRLF. In BITMAP a 0 bit prints BLACK (TSC's convention); ``invert=1`` flips that for the
clones that print 1 bits black.
"""
from __future__ import annotations

import re
from fractions import Fraction

from app.devices.printers.bitmap import Bitmap
from app.devices.printers.canvas import LabelCanvas
from app.devices.printers.errors import JobDecodeError
from app.devices.printers.profile import PrinterProfile



def _mm(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def encode(bitmap: Bitmap, profile: PrinterProfile) -> bytes:
    width_mm, height_mm = profile.size_mm
    lines = [f"SIZE {_mm(width_mm)} mm,{_mm(height_mm)} mm", f"GAP {_mm(profile.gap_mm)} mm,0 mm"]
    if profile.darkness is not None:
        lines.append(f"DENSITY {profile.darkness}")
    if profile.speed is not None:
        lines.append(f"SPEED {profile.speed}")
    lines += ["DIRECTION 0,0", "REFERENCE 0,0", "CLS",
              f"BITMAP 0,0,{bitmap.stride},{bitmap.height},0,"]
    head = "\r\n".join(lines).encode("ascii")
    raster = bitmap.packed(zero_is_black=not profile.invert)
    return head + raster + b"\r\nPRINT 1,1\r\n"


# --- decoding ------------------------------------------------------------------------------
_BITMAP = re.compile(rb"BITMAP[ \t]+(-?\d+)[ \t]*,[ \t]*(-?\d+)[ \t]*,[ \t]*(\d+)[ \t]*,[ \t]*(\d+)[ \t]*,"
                     rb"[ \t]*(\d+)[ \t]*,", re.IGNORECASE)
_SIZE_PART = re.compile(r"^\s*([\d.]+)\s*(mm|dot|dots)?\s*$", re.IGNORECASE)


def _size_dots(part: str, dpi: int) -> int:
    match = _SIZE_PART.match(part)
    if not match:
        raise JobDecodeError(f"TSPL SIZE value {part!r} is not understood")
    value, unit = Fraction(match.group(1)), (match.group(2) or "in").lower()
    if unit.startswith("dot"):
        return int(value)
    inches = value / Fraction(254, 10) if unit == "mm" else value
    return int(inches * dpi + Fraction(1, 2))


def _ints(args: str) -> list[int]:
    try:
        return [int(a) for a in args.split(",")]
    except ValueError:
        raise JobDecodeError(f"TSPL parameters {args!r} are not whole numbers") from None


def decode(data: bytes, *, dpi: int = 203, invert: bool = False) -> list[Bitmap]:
    """Labels a TSPL job prints (one per PRINT), from its BITMAP commands; other drawing is ignored.

    ``dpi`` turns SIZE in mm/inches into dots; ``invert`` as in the printer URI.
    """
    labels: list[Bitmap] = []
    canvas = LabelCanvas()
    ref_x = ref_y = 0
    rotate = False
    pos = 0
    while pos < len(data):
        if data[pos] in b" \t\r\n":
            pos += 1
            continue
        bitmap_cmd = _BITMAP.match(data, pos)
        if bitmap_cmd:
            x, y, stride, height, mode = (int(g) for g in bitmap_cmd.groups())
            start = bitmap_cmd.end()
            raster = data[start:start + stride * height]
            if len(raster) != stride * height or stride == 0 or height == 0:
                raise JobDecodeError(f"TSPL BITMAP at byte {pos} needs {stride * height} data bytes")
            if mode > 2:
                raise JobDecodeError(f"TSPL BITMAP mode {mode} (compressed) is not supported")
            graphic = Bitmap.from_packed(stride * 8, height, raster, zero_is_black=not invert)
            canvas.draw(graphic, ref_x + x, ref_y + y, ("set", "or", "xor")[mode])
            pos = start + stride * height
            continue
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        line = data[pos:end].decode("latin-1").strip()
        pos = end + 1
        name, _, args = line.partition(" ")
        name = name.upper()
        if name == "SIZE":
            w, sep, h = args.partition(",")
            canvas.width = _size_dots(w, dpi)
            canvas.height = _size_dots(h, dpi) if sep else None
        elif name == "REFERENCE":
            ref_x, ref_y = (_ints(args) + [0, 0])[:2]
        elif name == "DIRECTION":
            rotate = _ints(args)[0] == 1
        elif name == "CLS":
            canvas.clear()
        elif name == "PRINT":
            label = canvas.render(rotate180=rotate)
            if label is not None:
                labels.append(label)
    return labels
