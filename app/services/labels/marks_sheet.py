"""A printable sheet of marking codes (GS1 DataMatrix): the demo's sample codes, so a new user can
try the marked postings with a scanner (``packdesk demo`` writes it as a PDF in its data dir).

Each code is drawn as a GS1 DataMatrix (FNC1 first, the GS separators kept: what a Chestny ZNAK
sticker holds) by python's ``pystrich``, module by module at whole pixels, with its label and the
code masked below it (the sheet is for scanning, not for copying codes by hand). A phone's IMEI (digits
only) is drawn as the Code 128 on a phone's box and printed in full. A4 pages.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw
from pystrich.datamatrix import FNC1, DataMatrixData, DataMatrixEncoder

from app.devices.scanners.gs1 import mask
from app.services.labels.command_sheet import barcode_image
from app.services.labels.order_label import clip, font

DPI = 200
PAGE = (1654, 2339)  # A4 at 200 dpi
MARGIN, COLUMNS = 90, 3
MODULE_PX = 5  # 0.64 mm a module: any 2D scanner reads it from a sheet
ROW_PX = 300


def datamatrix(code: str, module_px: int = MODULE_PX) -> Image.Image:
    """The code as a GS1 DataMatrix, one module = ``module_px`` pixels, quiet zone included."""
    encoder = DataMatrixEncoder(DataMatrixData(FNC1, code, encoding="ascii"), quiet_zone=2)
    return encoder.get_pilimage(module_px).convert("1")


def sheet_pages(sections: Sequence[tuple[str, Sequence[tuple[str, str]]]], title: str) -> list[Image.Image]:
    """The sheet as A4 page images: each section's title, then its codes, ``COLUMNS`` a row."""
    pages: list[Image.Image] = []
    heading, small = font(40), font(24)
    page = draw = None
    y = 0

    def new_page():
        nonlocal page, draw, y
        page = Image.new("1", PAGE, 1)
        draw = ImageDraw.Draw(page)
        draw.text((MARGIN, MARGIN), title, font=heading, fill=0)
        pages.append(page)
        y = MARGIN + 70

    new_page()
    cell = (PAGE[0] - 2 * MARGIN) // COLUMNS
    for name, entries in sections:
        rows = -(-len(entries) // COLUMNS)
        if y + 50 + ROW_PX > PAGE[1] - MARGIN:
            new_page()
        draw.text((MARGIN, y), name, font=heading, fill=0)
        y += 55
        for row in range(rows):
            if y + ROW_PX > PAGE[1] - MARGIN:
                new_page()
            for col, (label, code) in enumerate(entries[row * COLUMNS:(row + 1) * COLUMNS]):
                x = MARGIN + col * cell
                plain = code.isdigit()  # a phone's IMEI: Code 128 as on its box, shown in full
                symbol = barcode_image(code, 2, 120) if plain else datamatrix(code)
                page.paste(symbol, (x, y))
                text_y = y + symbol.height + 6
                draw.text((x, text_y), clip(draw, label, small, cell - 20), font=small, fill=0)
                draw.text((x, text_y + 30), code if plain else mask(code), font=small, fill=0)
            y += ROW_PX
        y += 20
    return pages


def write_pdf(sections, path: Path, title: str) -> Path:
    pages = sheet_pages(sections, title)
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=float(DPI))
    return path
