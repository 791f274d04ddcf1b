"""The station's own order label (Qt-free: Pillow + qrcode): posting number, item list, QR code
(``PDK:<posting number>``, so the bench can tell the parcel's own label from a posting scan).

Drawn straight as a 1-bit bitmap at the printer's dpi and label size (text is rendered without
anti-aliasing, so nothing is dithered or thresholded into mush). It is printed when someone
asks for it (``LabelPrinter.print_order_label``) and, with the station setting
``order_label = "on_pack"`` (verify-first shelf), once right after the pack commit; with the
default ``"never"`` the only automatic label is Ozon's (CONTRACT.md: one label per shipped posting).
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

from app.devices.printers.bitmap import Bitmap
from app.devices.printers.profile import PrinterProfile

log = logging.getLogger("packdesk.labels.order")

# Fonts with Cyrillic, tried in order; python-barcode (a dependency) ships DejaVu Sans Mono, so the
# last candidate exists everywhere.
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
)
# Fonts with Chinese (for text in the packer's language zh), tried in order; none: the font above.
_CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian/Ubuntu fonts-wqy-microhei
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "/System/Library/Fonts/PingFang.ttc",
)


OWN_LABEL_PREFIX = "PDK:"  # the QR of our own label: told apart from a plain posting number at the bench


def own_label_payload(posting_number: str) -> str:
    """What the own order label's QR code holds: ``PDK:<posting number>``."""
    return OWN_LABEL_PREFIX + posting_number


@dataclass(frozen=True)
class OrderItem:
    name: str
    offer_id: str
    quantity: int


@functools.lru_cache(maxsize=2)
def font_path(cjk: bool = False) -> str | None:
    """The TrueType font labels are drawn with; ``cjk``: one with Chinese glyphs when there is one."""
    if cjk:
        for candidate in _CJK_FONT_CANDIDATES:
            if Path(candidate).is_file():
                return candidate
        log.warning("no TrueType font with Chinese found; Chinese text will not render")
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    try:
        bundled = resources.files("barcode") / "fonts" / "DejaVuSansMono.ttf"
        if bundled.is_file():
            return str(bundled)
    except (ModuleNotFoundError, OSError):
        pass
    return None


@functools.lru_cache(maxsize=32)
def font(size: int, *, cjk: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = font_path(cjk)
    if path is None:
        log.warning("no TrueType font with Cyrillic found; using Pillow's default font")
        return ImageFont.load_default(size=size)
    return ImageFont.truetype(path, size)


def _mm(mm: float, dpi: int) -> int:
    return max(1, round(mm * dpi / 25.4))


def fit_font(draw: ImageDraw.ImageDraw, text: str, width: int, size: int, smallest: int, *, cjk: bool = False):
    """The largest font from ``size`` down to ``smallest`` in which ``text`` is at most ``width`` dots wide."""
    while size > smallest and draw.textlength(text, font=font(size, cjk=cjk)) > width:
        size -= 1
    return font(size, cjk=cjk)


def clip(draw: ImageDraw.ImageDraw, text: str, face, width: int) -> str:
    """``text`` as it fits in ``width`` dots: cut short with "…" when it is wider."""
    if draw.textlength(text, font=face) <= width:
        return text
    while text and draw.textlength(text + "…", font=face) > width:
        text = text[:-1]
    return text + "…"


def qr_image(data: str, target_dots: int) -> Image.Image:
    """A QR code as a mode "1" image, whole dots per module, at most ``target_dots`` wide."""
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    module = max(1, target_dots // len(matrix))
    image = Image.new("1", (len(matrix) * module,) * 2, 1)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                draw.rectangle((x * module, y * module, (x + 1) * module - 1, (y + 1) * module - 1), fill=0)
    return image


def render_order_label(posting_number: str, items: Sequence[OrderItem], profile: PrinterProfile) -> Bitmap:
    """The order label for ``posting_number`` at the profile's dpi and label size."""
    width, height = profile.label_dots
    dpi = profile.dpi
    margin = _mm(3, dpi)
    inner = width - 2 * margin
    image = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"  # no anti-aliasing: the label is black or white dot by dot

    big = fit_font(draw, posting_number, inner, _mm(8, dpi), _mm(2.5, dpi))
    draw.text((margin, margin), posting_number, font=big, fill=0)
    y = margin + big.getbbox(posting_number)[3] + _mm(2, dpi)

    qr_side = min(_mm(30, dpi), inner, max(1, height // 3))
    qr = qr_image(own_label_payload(posting_number), qr_side)
    image.paste(qr, (margin, y))
    small = font(_mm(3.2, dpi))
    units = sum(item.quantity for item in items)
    summary_x = margin + qr.width + _mm(3, dpi)
    if summary_x < width - margin:
        draw.text((summary_x, y), f"Σ {units}", font=font(_mm(5, dpi)), fill=0)
    y += qr.height + _mm(3, dpi)

    line_height = _mm(4.2, dpi)
    draw.line((margin, y - _mm(1.5, dpi), width - margin, y - _mm(1.5, dpi)), fill=0, width=max(1, dpi // 100))
    for index, item in enumerate(items):
        left = len(items) - index
        if y + 3 * line_height > height - margin and left > 1:
            draw.text((margin, y), f"… +{left}", font=small, fill=0)
            break
        if y + 2 * line_height > height - margin:
            break
        draw.text((margin, y), clip(draw, f"{item.quantity} × {item.name}", small, inner), font=small, fill=0)
        draw.text((margin + _mm(4, dpi), y + line_height), clip(draw, item.offer_id, small, inner - _mm(4, dpi)),
                  font=small, fill=0)
        y += 2 * line_height + _mm(1, dpi)
    return Bitmap.from_image(image)
