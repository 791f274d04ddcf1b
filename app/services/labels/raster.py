"""Qt-free steps of label rendering: sizes in dots, grey pixels to 1 bit, fitting onto the label."""
from __future__ import annotations

from fractions import Fraction

from PIL import Image

from app.devices.printers.bitmap import Bitmap

THRESHOLD = 128  # luminance below 50 % prints black; never dithered (barcodes must stay crisp)


def page_dots(width_pt: float, height_pt: float, dpi: int) -> tuple[int, int]:
    """A PDF page's true size in dots at ``dpi`` (1 pt = 1/72 inch), rounded half up."""
    def dots(pt: float) -> int:
        return max(1, int(Fraction(pt) * dpi / 72 + Fraction(1, 2)))
    return dots(width_pt), dots(height_pt)


def gray_to_bitmap(width: int, height: int, pixels: bytes, bytes_per_line: int) -> Bitmap:
    """8-bit grey rows (``bytes_per_line`` apart, as Qt pads them) thresholded to a Bitmap."""
    image = Image.frombuffer("L", (width, height), pixels, "raw", "L", bytes_per_line, 1)
    return Bitmap.from_image(image, THRESHOLD)


def fit_to_label(page: Bitmap, label_width: int, label_height: int) -> Bitmap:
    """Put a rendered page on the label: turned 90 degrees clockwise when its orientation differs
    (landscape page, portrait label or the reverse), placed at the origin, never scaled;
    what sticks out is cropped, what is missing stays white."""
    page_landscape = page.width > page.height
    label_landscape = label_width > label_height
    if page.width != page.height and label_width != label_height and page_landscape != label_landscape:
        page = page.rotated(90)
    return page.fit(label_width, label_height)
