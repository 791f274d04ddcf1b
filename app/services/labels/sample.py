"""The framed sample label that Settings → Test print sends, at the printer's label size."""
from __future__ import annotations

from datetime import datetime

from PIL import Image, ImageDraw

from app.devices.printers import Bitmap, PrinterProfile

TEXT = "packdesk test print"


def sample_label(width: int, height: int, when: datetime, text: str = TEXT) -> Image.Image:
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, width - 5, height - 5), outline=0, width=4)
    draw.text((20, 20), text, fill=0)
    draw.text((20, 40), when.strftime("%Y-%m-%d %H:%M:%S"), fill=0)
    return image


def sample_bitmap(profile: PrinterProfile, when: datetime) -> Bitmap:
    width, height = profile.label_dots
    return Bitmap.from_image(sample_label(width, height, when))
