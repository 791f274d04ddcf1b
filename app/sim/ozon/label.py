"""Ozon-like 75x120 mm shipping labels: posting number, Code 128 barcodes, a few lines of text."""
from __future__ import annotations

import time

from barcode.codex import Code128

from app.sim.ozon import pdf
from app.sim.ozon.posting import Posting

LABEL_WIDTH = 75 * pdf.MM  # 212.6 pt
LABEL_HEIGHT = 120 * pdf.MM  # 340.2 pt
_MARGIN = 4 * pdf.MM
# Bars are whole multiples of one 203 dpi printer dot, so a label rendered for a thermal
# printer at its own resolution keeps every module the same width.
_DOT = 72.0 / 203.0


def code128_modules(text: str) -> str:
    """The Code 128 module pattern ('1' = bar) of ``text``, start/check/stop included."""
    return Code128(text).build()[0]


def draw_barcode(page: pdf.Page, text: str, top: float, height: float, max_width: float) -> float:
    """Draw ``text`` as Code 128 centred on the page; returns the barcode's width in points."""
    modules = code128_modules(text)
    dots_per_module = max(1, int(max_width / (len(modules) * _DOT)))
    module = dots_per_module * _DOT
    width = module * len(modules)
    left = round((page.width - width) / 2 / _DOT) * _DOT
    run_start = None
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and run_start is None:
            run_start = index
        elif bit == "0" and run_start is not None:
            page.rect(left + run_start * module, top, (index - run_start) * module, height)
            run_start = None
    return width


def render(posting: Posting, units: int) -> pdf.Page:
    """One label page for a posting holding ``units`` items."""
    page = pdf.Page(LABEL_WIDTH, LABEL_HEIGHT)
    inner = LABEL_WIDTH - 2 * _MARGIN
    page.frame(_MARGIN / 2, _MARGIN / 2, LABEL_WIDTH - _MARGIN, LABEL_HEIGHT - _MARGIN, 0.8)
    page.text(_MARGIN, 26, 20, "OZON", bold=True)
    page.text(LABEL_WIDTH - _MARGIN - 34, 24, 14, "FBS", bold=True)
    page.text(_MARGIN, 48, 15, posting.posting_number, bold=True)

    draw_barcode(page, posting.upper_barcode, 58, 70, inner)
    _centred(page, posting.upper_barcode, 140, 9)

    method = posting.method
    shipment = time.strftime("%d.%m.%Y %H:%M", time.gmtime(posting.shipment_date))
    lines = (
        f"Order: {posting.order_number}",
        f"Ship by: {shipment} UTC",
        f"Warehouse: {method.warehouse.warehouse_id}",
        f"Delivery method: {method.id}",
        f"Items: {units} pcs, {len(posting.lines)} SKU",
    )
    for index, line in enumerate(lines):
        page.text(_MARGIN, 166 + index * 14, 9, line)

    draw_barcode(page, posting.lower_barcode, 250, 50, inner)
    _centred(page, posting.lower_barcode, 312, 9)
    return page


def render_pdf(postings: list[Posting]) -> bytes:
    """One page per posting, in the given order."""
    return pdf.build([render(p, sum(line.quantity for line in p.lines)) for p in postings])


def _centred(page: pdf.Page, text: str, top: float, size: float) -> None:
    page.text((page.width - pdf.text_width(text, size)) / 2, top, size, text)
