"""ZPL II (Zebra and emulations): a label as one ^GFA graphic field, 1 bit = black.

Job: ^XA ^PW ^LL ^LH0,0 [~SD] [^PR] ^FO0,0^GFA,total,total,bytes_per_row,<data>^FS ^PQ1 ^XZ with
data in compressed hex (default), plain hex or :Z64: (``zpl=`` URI parameter).
"""
from __future__ import annotations

import re

from app.devices.printers import zplhex
from app.devices.printers.bitmap import Bitmap
from app.devices.printers.canvas import LabelCanvas
from app.devices.printers.errors import JobDecodeError
from app.devices.printers.profile import PrinterProfile



def field_data(raw: bytes, bytes_per_row: int, form: str) -> str:
    if form == "hex":
        return zplhex.encode_hex(raw)
    if form == "z64":
        return zplhex.encode_z64(raw)
    return zplhex.encode_compressed(raw, bytes_per_row)


def encode(bitmap: Bitmap, profile: PrinterProfile) -> bytes:
    width, length = profile.label_dots
    raw = bitmap.packed(zero_is_black=profile.invert)
    total = len(raw)
    lines = ["^XA", f"^PW{width}", f"^LL{length}", "^LH0,0"]
    if profile.darkness is not None:
        lines.append(f"~SD{profile.darkness * 2:02d}")
    if profile.speed is not None:
        lines.append(f"^PR{profile.speed}")
    data = field_data(raw, bitmap.stride, profile.zpl_format)
    lines += [f"^FO0,0^GFA,{total},{total},{bitmap.stride},{data}^FS", "^PQ1", "^XZ", ""]
    return "\n".join(lines).encode("ascii")


# --- decoding ------------------------------------------------------------------------------
_COMMAND = re.compile(r"[\^~]([A-Za-z@][A-Za-z0-9@])")
_GF_HEAD = re.compile(r"\s*([ABCabc])?\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,")
_DG_HEAD = re.compile(r"\s*(?:[REBA]:)?([^,.^~]+)(?:\.GRF)?\s*,\s*(\d+)\s*,\s*(\d+)\s*,", re.IGNORECASE)
_XG_HEAD = re.compile(r"\s*(?:[REBA]:)?([^,.^~]+)(?:\.GRF)?\s*(?:,\s*(\d+))?\s*(?:,\s*(\d+))?", re.IGNORECASE)


def _xy(args: str) -> tuple[int, int]:
    parts = [p.strip() for p in args.split(",")] + ["", ""]
    try:
        return int(parts[0] or 0), int(parts[1] or 0)
    except ValueError:
        raise JobDecodeError(f"ZPL position {args!r} is not two numbers") from None


def _number(args: str) -> int | None:
    match = re.match(r"\s*(\d+)", args)
    return int(match.group(1)) if match else None


class _Parser:
    """Walks a ZPL job; only what places graphics matters, every other command is skipped."""

    def __init__(self, text: str, invert: bool) -> None:
        self.text, self.invert = text, invert
        self.labels: list[Bitmap] = []
        self.stored: dict[str, Bitmap] = {}  # ~DG graphics by name
        self.canvas: LabelCanvas | None = None
        self.width: int | None = None
        self.length: int | None = None
        self.home = (0, 0)
        self.origin = (0, 0)
        self.typeset = False  # ^FT: y is the graphic's bottom edge
        self.reverse = False
        self.rotate = False

    def _graphic(self, raw: bytes, stride: int, total: int) -> Bitmap:
        rows = total // stride
        return Bitmap.from_packed(stride * 8, rows, raw[:stride * rows], zero_is_black=self.invert)

    def _place(self, graphic: Bitmap) -> None:
        if self.canvas is None:
            return
        x, y = self.home[0] + self.origin[0], self.home[1] + self.origin[1]
        if self.typeset:
            y -= graphic.height
        self.canvas.draw(graphic, x, y, "xor" if self.reverse else "set")

    def _data_end(self, start: int) -> int:
        found = _COMMAND.search(self.text, start)
        return found.start() if found else len(self.text)

    def run(self) -> list[Bitmap]:
        pos = 0
        while (found := _COMMAND.search(self.text, pos)) is not None:
            name = found.group(1).upper()
            start = found.end()
            if name == "GF":
                pos = self._gf(start)
            elif name == "DG" and self.text[found.start()] == "~":
                pos = self._dg(start)
            else:
                pos = self._data_end(start)
                self._simple(name, self.text[start:pos])
        return self.labels

    def _gf(self, start: int) -> int:
        head = _GF_HEAD.match(self.text, start)
        if not head:
            raise JobDecodeError(f"ZPL ^GF at {start} lacks its a,b,c,d parameters")
        form, binary, total, stride = (head.group(1) or "A").upper(), *map(int, head.groups()[1:])
        if form == "C":
            raise JobDecodeError("ZPL ^GFC (compressed binary) is not supported")
        if form == "B":
            end = head.end() + binary
            raw = self.text[head.end():end].encode("latin-1")
        else:
            end = self._data_end(head.end())
            raw = zplhex.decode_field(self.text[head.end():end], stride, total)
        self._place(self._graphic(raw.ljust(total, b"\0"), stride, total))
        return end

    def _dg(self, start: int) -> int:
        head = _DG_HEAD.match(self.text, start)
        if not head:
            raise JobDecodeError(f"ZPL ~DG at {start} lacks its name,total,bytes-per-row parameters")
        name, total, stride = head.group(1).upper(), int(head.group(2)), int(head.group(3))
        end = self._data_end(head.end())
        raw = zplhex.decode_field(self.text[head.end():end], stride, total)
        self.stored[name] = self._graphic(raw, stride, total)
        return end

    def _simple(self, name: str, args: str) -> None:
        if name == "XA":
            self.canvas = LabelCanvas(self.width, self.length)
            self.origin, self.typeset, self.reverse, self.rotate = (0, 0), False, False, False
        elif name == "XZ" and self.canvas is not None:
            label = self.canvas.render(rotate180=self.rotate)
            if label is not None:
                self.labels.append(label)
            self.canvas = None
        elif name in ("PW", "LL"):
            value = _number(args)
            if name == "PW":
                self.width = value
            else:
                self.length = value
            if self.canvas is not None:
                self.canvas.width, self.canvas.height = self.width, self.length
        elif name == "LH":
            self.home = _xy(args)
        elif name in ("FO", "FT"):
            self.origin, self.typeset = _xy(args), name == "FT"
        elif name == "FR":
            self.reverse = True
        elif name == "FS":
            self.origin, self.typeset, self.reverse = (0, 0), False, False
        elif name == "PO":
            self.rotate = args.strip().upper().startswith("I")
        elif name == "XG":
            self._xg(args)

    def _xg(self, args: str) -> None:
        head = _XG_HEAD.match(args)
        graphic = self.stored.get(head.group(1).strip().upper()) if head else None
        if graphic is None:
            raise JobDecodeError(f"ZPL ^XG recalls {args.strip()!r}, which the job never stored with ~DG")
        self._place(graphic.scaled(int(head.group(2) or 1), int(head.group(3) or 1)))


def decode(data: bytes, *, invert: bool = False) -> list[Bitmap]:
    """Labels a ZPL job prints (one per ^XA..^XZ format) from its ^GF and ~DG/^XG graphics."""
    return _Parser(data.decode("latin-1"), invert).run()
