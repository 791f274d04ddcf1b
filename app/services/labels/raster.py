"""Qt-free steps of label rendering: sizes in dots, grey pixels to 1 bit, fitting onto the label."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from fractions import Fraction

from PIL import Image

from app.devices.printers.bitmap import Bitmap

log = logging.getLogger("packdesk.labels.render")

THRESHOLD = 128  # luminance below 50 % prints black; never dithered (barcodes must stay crisp)
FIT_TOLERANCE_MM = 1.0  # a page this much larger than the stock still counts as fitting (white edge cut)


def page_dots(width_pt: float, height_pt: float, dpi: int) -> tuple[int, int]:
    """A PDF page's true size in dots at ``dpi`` (1 pt = 1/72 inch), rounded half up."""
    def dots(pt: float) -> int:
        return max(1, int(Fraction(pt) * dpi / 72 + Fraction(1, 2)))
    return dots(width_pt), dots(height_pt)


def tolerance_dots(dpi: int) -> int:
    """:data:`FIT_TOLERANCE_MM` in dots at ``dpi``."""
    return int(Fraction(FIT_TOLERANCE_MM) * dpi / Fraction(254, 10))


def gray_to_bitmap(width: int, height: int, pixels: bytes, bytes_per_line: int) -> Bitmap:
    """8-bit grey rows (``bytes_per_line`` apart, as Qt pads them) thresholded to a Bitmap."""
    image = Image.frombuffer("L", (width, height), pixels, "raw", "L", bytes_per_line, 1)
    return Bitmap.from_image(image, THRESHOLD)


@dataclass(frozen=True)
class Fit:
    """How a page goes onto the label stock: drawn at ``drawn`` dots (its true size unless
    ``scaled``), turned 90 degrees clockwise when ``turned``, placed at the origin."""
    page: tuple[int, int]
    drawn: tuple[int, int]
    turned: bool = False

    @property
    def scaled(self) -> bool:
        return self.drawn != self.page


def plan_fit(page_width: int, page_height: int, label_width: int, label_height: int, *,
             tolerance: int = 0) -> Fit:
    """The printing rule (CONTRACT.md): a page is printed at its true size. One that fits the
    stock as it is stays as it is (whatever its orientation); one larger than the stock is turned
    90 degrees when that makes it fit, else scaled down to fit, keeping its aspect (turned too
    when that lets it print larger). A page at most ``tolerance`` dots larger than the stock
    counts as fitting (writers round page boxes to whole points): the overhang is cut off."""
    page = (page_width, page_height)

    def fits(width: int, height: int) -> bool:
        return width <= label_width + tolerance and height <= label_height + tolerance

    if fits(page_width, page_height):
        return Fit(page, page)
    if fits(page_height, page_width):
        return Fit(page, page, turned=True)
    plain = min(Fraction(label_width, page_width), Fraction(label_height, page_height))
    turned = min(Fraction(label_width, page_height), Fraction(label_height, page_width))
    scale = max(plain, turned)
    drawn = (max(1, int(page_width * scale)), max(1, int(page_height * scale)))
    return Fit(page, drawn, turned=turned > plain)


def place(drawn: Bitmap, fit: Fit, label_width: int, label_height: int, what: str = "label page") -> Bitmap:
    """Put a page drawn at ``fit.drawn`` on the label: turned when the plan says so, at the origin,
    on a white label-sized bitmap. Says in the log when the page was turned or scaled."""
    if fit.scaled:
        log.warning("%s of %dx%d dots is larger than the %dx%d dot label: scaled down to %dx%d%s",
                    what, *fit.page, label_width, label_height, *fit.drawn, ", turned 90 degrees" if fit.turned else "")
    elif fit.turned:
        log.info("%s of %dx%d dots turned 90 degrees to fit the %dx%d dot label", what, *fit.page,
                 label_width, label_height)
    return (drawn.rotated(90) if fit.turned else drawn).fit(label_width, label_height)
