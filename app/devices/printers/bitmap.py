"""An immutable 1-bit bitmap: the one picture format every printer language is encoded from.

Rows are packed MSB-first (the leftmost dot is bit 7 of the row's first byte), a 1 bit is a
BLACK dot, each row takes ``stride = ceil(width / 8)`` bytes and the unused bits at the end of
a row are always 0, so two bitmaps with the same dots have equal ``data`` and compare equal.
Pixel work (thresholding, rotation, pasting) is delegated to Pillow, which does it in C.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from PIL import Image, ImageChops

_INVERT = bytes(b ^ 0xFF for b in range(256))


def _mask_table(width: int) -> bytes | None:
    """Translation table clearing the padding bits of a row's last byte (None: no padding)."""
    spare = -width % 8
    if not spare:
        return None
    keep = (0xFF << spare) & 0xFF
    return bytes(b & keep for b in range(256))


@dataclass(frozen=True)
class Bitmap:
    width: int
    height: int
    data: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if self.width < 1 or self.height < 1:
            raise ValueError(f"bitmap size must be at least 1x1, got {self.width}x{self.height}")
        data = bytes(self.data)
        if len(data) != self.stride * self.height:
            raise ValueError(
                f"{self.width}x{self.height} bitmap needs {self.stride * self.height} bytes, got {len(data)}"
            )
        table = _mask_table(self.width)
        if table is not None:
            packed = bytearray(data)
            last = slice(self.stride - 1, None, self.stride)
            packed[last] = packed[last].translate(table)
            data = bytes(packed)
        object.__setattr__(self, "data", data)

    # --- construction -------------------------------------------------------------
    @property
    def stride(self) -> int:
        return (self.width + 7) // 8

    @classmethod
    def blank(cls, width: int, height: int) -> Bitmap:
        """An all-white bitmap."""
        return cls(width, height, bytes(((width + 7) // 8) * height))

    @classmethod
    def from_packed(cls, width: int, height: int, data: bytes, *, zero_is_black: bool = False) -> Bitmap:
        """Rows packed MSB-first as printers take them; ``zero_is_black`` for TSPL/EPL polarity."""
        return cls(width, height, data.translate(_INVERT) if zero_is_black else data)

    @classmethod
    def from_image(cls, image: Image.Image, threshold: int = 128) -> Bitmap:
        """Threshold a Pillow image: luminance below ``threshold`` is black. Never dithers.

        Transparent pixels count as white (the image is laid on white first).
        """
        if image.mode == "1":
            return cls(image.width, image.height, image.tobytes().translate(_INVERT))
        if image.mode != "L":
            rgba = image.convert("RGBA")
            white = Image.new("RGBA", image.size, (255, 255, 255, 255))
            image = Image.alpha_composite(white, rgba).convert("L")
        # Map black (< threshold) to 255 so Pillow's packing sets exactly the black bits.
        lut = [255] * threshold + [0] * (256 - threshold)
        return cls(image.width, image.height, image.point(lut, "1").tobytes())

    @classmethod
    def from_text(cls, rows: Sequence[str], black: str = "#") -> Bitmap:
        """Build from strings, one per row (tests, docs): ``black`` marks a black dot."""
        width = max((len(r) for r in rows), default=0)
        image = Image.new("1", (width, len(rows)), 1)
        for y, row in enumerate(rows):
            for x, ch in enumerate(row):
                if ch == black:
                    image.putpixel((x, y), 0)
        return cls.from_image(image)

    # --- views ----------------------------------------------------------------------
    def to_image(self) -> Image.Image:
        """A Pillow mode "1" image (white = 1, as Pillow and PNG expect)."""
        return Image.frombytes("1", (self.width, self.height), self.data.translate(_INVERT))

    def packed(self, *, zero_is_black: bool = False) -> bytes:
        """Row data for a printer; ``zero_is_black`` flips every bit (padding then prints white)."""
        return self.data.translate(_INVERT) if zero_is_black else self.data

    def rows(self) -> Iterator[bytes]:
        for y in range(self.height):
            yield self.data[y * self.stride:(y + 1) * self.stride]

    def pixel(self, x: int, y: int) -> bool:
        """True when the dot at (x, y) is black."""
        if not (0 <= x < self.width and 0 <= y < self.height):
            raise IndexError(f"({x}, {y}) is outside {self.width}x{self.height}")
        return bool(self.data[y * self.stride + x // 8] & (0x80 >> (x % 8)))

    def black_count(self) -> int:
        return sum(b.bit_count() for b in self.data)

    def bbox(self) -> tuple[int, int, int, int] | None:
        """(left, top, right, bottom) of the black dots, right/bottom exclusive; None if all white."""
        return self._raw_image().getbbox()

    # --- transformations (each returns a new bitmap) -------------------------------------
    def inverted(self) -> Bitmap:
        return Bitmap(self.width, self.height, self.data.translate(_INVERT))

    def rotated(self, degrees_clockwise: int) -> Bitmap:
        steps = {0: None, 90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                 270: Image.Transpose.ROTATE_90}
        if degrees_clockwise not in steps:
            raise ValueError(f"rotation must be 0, 90, 180 or 270 degrees, got {degrees_clockwise}")
        method = steps[degrees_clockwise]
        return self if method is None else Bitmap.from_image(self.to_image().transpose(method))

    def fit(self, width: int, height: int) -> Bitmap:
        """Place at the origin of a white ``width`` x ``height`` canvas, cropping what sticks out."""
        if (width, height) == (self.width, self.height):
            return self
        # Whole bytes of each row are copied (a byte slice each); __post_init__ clears the bits a
        # crop leaves past the new width. Pillow would take ~1 ms just to pack the result again.
        stride, keep, rows = (width + 7) // 8, min((width + 7) // 8, self.stride), min(height, self.height)
        if keep == stride == self.stride:
            return Bitmap(width, height, self.data[:rows * stride].ljust(stride * height, b"\0"))
        out, src, old = bytearray(stride * height), self.data, self.stride
        for y in range(rows):
            out[y * stride:y * stride + keep] = src[y * old:y * old + keep]
        return Bitmap(width, height, bytes(out))

    def scaled(self, fx: int, fy: int) -> Bitmap:
        """Enlarge by whole factors (printer magnification), dot for dot."""
        if (fx, fy) == (1, 1):
            return self
        image = self.to_image().resize((self.width * fx, self.height * fy), Image.Resampling.NEAREST)
        return Bitmap.from_image(image)

    def paste(self, other: Bitmap, x: int, y: int, op: str = "set") -> Bitmap:
        """Draw ``other`` with its top-left at (x, y), clipped to this bitmap.

        ``op``: "set" overwrites, "or" adds black dots, "xor" toggles dots under black ones.
        """
        # Pillow reads and writes our packed rows as they are (a set bit is 1 to it too), so the
        # work is done without inverting: black is 1, OR and XOR are Pillow's own.
        base = self._raw_image()
        if op == "set":
            base.paste(other._raw_image(), (x, y))
        elif op in ("or", "xor"):
            layer = Image.new("1", base.size, 0)
            layer.paste(other._raw_image(), (x, y))
            base = ImageChops.logical_or(base, layer) if op == "or" else ImageChops.logical_xor(base, layer)
        else:
            raise ValueError(f"paste op must be set, or or xor, got {op!r}")
        return Bitmap(self.width, self.height, base.tobytes())

    def _raw_image(self) -> Image.Image:
        """A mode "1" image of the packed rows as they are: Pillow's 1 (white) is our black."""
        return Image.frombytes("1", (self.width, self.height), self.data)
