"""The decoders' model of a printer's image buffer: graphics drawn at positions, then printed.

The printed label is as large as the job says (TSPL SIZE, ZPL ^PW/^LL, EPL q/Q); when the job
does not say, it is as large as what was drawn. Graphics are clipped to the label, as a printer
clips them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from app.devices.printers.bitmap import Bitmap


@dataclass
class LabelCanvas:
    width: int | None = None
    height: int | None = None
    _items: list[tuple[Bitmap, int, int, str]] = field(default_factory=list)

    def draw(self, bitmap: Bitmap, x: int, y: int, op: str = "set") -> None:
        self._items.append((bitmap, x, y, op))

    def clear(self) -> None:
        self._items.clear()

    def render(self, *, rotate180: bool = False) -> Bitmap | None:
        """The label as printed, or None when nothing was drawn."""
        if not self._items:
            return None
        width = self.width or max(x + b.width for b, x, _, _ in self._items)
        height = self.height or max(y + b.height for b, _, y, _ in self._items)
        label = Bitmap.blank(max(width, 1), max(height, 1))
        for bitmap, x, y, op in self._items:
            label = label.paste(bitmap, x, y, op)
        return label.rotated(180) if rotate180 else label
