"""Ozon-like shipping labels in the new format (2026-10, with the posting's ``scanit``): 75x120 mm
for Ozon's logistics, 58x40 mm for Ozon partner delivery (rFBS Aggregator, since 2026-01)."""
from __future__ import annotations

import time

from barcode.codex import Code128

from app.sim.ozon import pdf
from app.sim.ozon.posting import Posting

LABEL_WIDTH = 75 * pdf.MM  # 212.6 pt
LABEL_HEIGHT = 120 * pdf.MM  # 340.2 pt
SMALL_WIDTH = 58 * pdf.MM  # 164.4 pt
SMALL_HEIGHT = 40 * pdf.MM  # 113.4 pt
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
        f"Scanit: {posting.scanit}",
    )
    for index, line in enumerate(lines):
        page.text(_MARGIN, 166 + index * 14, 9, line)

    draw_barcode(page, posting.lower_barcode, 250, 50, inner)
    _centred(page, posting.lower_barcode, 312, 9)
    return page


def render_small(posting: Posting) -> pdf.Page:
    """A 58x40 mm partner-delivery label: posting number, one barcode, the scanit code."""
    page = pdf.Page(SMALL_WIDTH, SMALL_HEIGHT)
    margin = 3 * pdf.MM
    page.frame(margin / 2, margin / 2, SMALL_WIDTH - margin, SMALL_HEIGHT - margin, 0.6)
    page.text(margin, 14, 10, "OZON", bold=True)
    page.text(SMALL_WIDTH - margin - 26, 14, 8, "rFBS", bold=True)
    page.text(margin, 26, 9, posting.posting_number, bold=True)
    draw_barcode(page, posting.lower_barcode, 31, 44, SMALL_WIDTH - 2 * margin)
    _centred(page, posting.lower_barcode, 84, 7)
    _centred(page, posting.scanit, 99, 9)
    return page


def render_pdf(postings: list[Posting]) -> bytes:
    """One page per posting, in the given order: 58x40 mm for partner delivery, else 75x120 mm."""
    return pdf.build([render_small(p) if p.method.partner_delivery else render(p, sum(x.quantity for x in p.lines))
                      for p in postings])


def _centred(page: pdf.Page, text: str, top: float, size: float) -> None:
    page.text((page.width - pdf.text_width(text, size)) / 2, top, size, text)
