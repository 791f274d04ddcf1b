"""EPL2 (older Zebra LP/TLP 2844 and emulations): a label as one GW graphic.

Job: N (clear) / q width / Q length,gap / [D darkness] / [S speed] / ZT / GW / P1, lines
ending LF. In GW a 0 bit prints BLACK (devices-notes 3.2; CUPS's rastertolabel inverts every
byte for EPL); ``invert=1`` flips that.
"""
from __future__ import annotations

import re

from app.devices.printers.bitmap import Bitmap
from app.devices.printers.canvas import LabelCanvas
from app.devices.printers.errors import JobDecodeError
from app.devices.printers.profile import PrinterProfile

# EPL2 speed codes are models' own; these are the common 2844 ones (ips -> code).
_SPEEDS = {1: 1, 2: 2, 3: 3, 4: 4, 5: 4, 6: 6}


def encode(bitmap: Bitmap, profile: PrinterProfile) -> bytes:
    width, length = profile.label_dots
    lines = ["", "N", f"q{width}", f"Q{length},{profile.gap_dots}"]
    if profile.darkness is not None:
        lines.append(f"D{profile.darkness}")
    if profile.speed is not None:
        lines.append(f"S{_SPEEDS.get(profile.speed, 6)}")
    lines += ["ZT", f"GW0,0,{bitmap.stride},{bitmap.height},"]
    head = "\n".join(lines).encode("ascii")
    return head + bitmap.packed(zero_is_black=not profile.invert) + b"\nP1\n"


_GW = re.compile(rb"GW[ \t]*(-?\d+)[ \t]*,[ \t]*(-?\d+)[ \t]*,[ \t]*(\d+)[ \t]*,[ \t]*(\d+)[ \t]*,")


def _numbers(args: str) -> list[int]:
    found = re.findall(r"\d+", args)
    return [int(n) for n in found]


def decode(data: bytes, *, invert: bool = False) -> list[Bitmap]:
    """Labels an EPL2 job prints (one per P command), from its GW graphics; other drawing is ignored."""
    labels: list[Bitmap] = []
    canvas = LabelCanvas()
    ref_x = ref_y = 0
    rotate = False
    pos = 0
    while pos < len(data):
        if data[pos] in b" \t\r\n":
            pos += 1
            continue
        graphic = _GW.match(data, pos)
        if graphic:
            x, y, stride, height = (int(g) for g in graphic.groups())
            start = graphic.end()
            raster = data[start:start + stride * height]
            if len(raster) != stride * height or stride == 0 or height == 0:
                raise JobDecodeError(f"EPL GW at byte {pos} needs {stride * height} data bytes")
            canvas.draw(Bitmap.from_packed(stride * 8, height, raster, zero_is_black=not invert),
                        ref_x + x, ref_y + y)
            pos = start + stride * height
            continue
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        line = data[pos:end].decode("latin-1").strip()
        pos = end + 1
        if line == "N":
            canvas.clear()
        elif line.startswith("q"):
            canvas.width = (_numbers(line) or [None])[0]
        elif line.startswith("Q"):
            canvas.height = (_numbers(line) or [None])[0]
        elif line.startswith("R"):
            ref_x, ref_y = (_numbers(line) + [0, 0])[:2]
        elif line in ("ZT", "ZB"):
            rotate = line == "ZB"
        elif re.fullmatch(r"P\d+(,\d+)?", line):
            label = canvas.render(rotate180=rotate)
            if label is not None:
                labels.append(label)
    return labels
