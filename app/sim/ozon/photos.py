"""Product photos the simulated CDN serves: a small PNG per SKU drawn with Pillow (a coloured card
with the SKU's last digits), so the demo shows photos without the internet.

    GET /images/<sku>.png  -> 200 the PNG (image/png), 404 for an SKU the world does not sell
"""
from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw

SIZE = 96


def photo_url(file_base: str, sku: int) -> str:
    return f"{file_base}/images/{int(sku)}.png"


def sku_of(path: str) -> int | None:
    """The SKU a ``/images/<sku>.png`` path names, None for any other path."""
    parts = path.split("/")
    if len(parts) != 3 or parts[1] != "images" or not parts[2].endswith(".png"):
        return None
    stem = parts[2][:-4]
    return int(stem) if stem.isdigit() else None


@lru_cache(maxsize=256)
def photo_png(sku: int) -> bytes:
    hue = (sku * 47) % 360
    image = Image.new("RGB", (SIZE, SIZE), f"hsl({hue}, 55%, 72%)")
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, SIZE - 9, SIZE - 9), outline=f"hsl({hue}, 60%, 35%)", width=3)
    draw.text((16, SIZE // 2 - 6), str(sku)[-6:], fill=(20, 20, 20))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
