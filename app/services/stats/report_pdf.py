"""The one-page shift report as a PDF (Pillow draws an A4 page; Qt-free): title and period, one row
per day, station and packer, the totals. Rows that do not fit on the page are counted in a last line."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw

from app.messages import text
from app.services.labels.order_label import clip, font
from app.services.stats.figures import Figures

DPI = 150
PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 70
ROW = 34
# column: (message key of its heading, width in dots)
COLUMNS = (("report_col_date", 150), ("report_col_station", 150), ("report_col_packer", 220),
           ("report_col_postings", 100), ("report_col_units", 90), ("report_col_s_unit", 100),
           ("report_col_s_posting", 110), ("report_col_mistakes", 100), ("report_col_overrides", 90))


def _cells(row: Figures) -> list[str]:
    def seconds(value):
        return "—" if value is None else f"{value:g}"
    return [row.date, row.station, row.packer or "—", str(row.postings), str(row.units),
            seconds(row.seconds_per_unit), seconds(row.seconds_per_posting), str(sum(row.mistakes.values())),
            str(row.overrides)]


def render(rows: list[Figures], since: date, until: date, language: str) -> Image.Image:
    cjk = language == "zh"
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)
    title, body, bold = font(40, cjk=cjk), font(22, cjk=cjk), font(22, cjk=cjk)
    y = MARGIN
    draw.text((MARGIN, y), text("report_title", language, since=since.isoformat(), until=until.isoformat()),
              font=title, fill=0)
    y += 80
    x = MARGIN
    for key, width in COLUMNS:
        draw.text((x, y), clip(draw, text(key, language), bold, width - 8), font=bold, fill=0)
        x += width
    y += ROW
    draw.line((MARGIN, y - 4, PAGE[0] - MARGIN, y - 4), fill=0, width=2)
    room = (PAGE[1] - 2 * MARGIN - y) // ROW - 2
    for row in rows[:room]:
        x = MARGIN
        for (_, width), cell in zip(COLUMNS, _cells(row)):
            draw.text((x, y), clip(draw, cell, body, width - 8), font=body, fill=0)
            x += width
        y += ROW
    if len(rows) > room:
        draw.text((MARGIN, y), text("report_more_rows", language, rows=len(rows) - room), font=body, fill=0)
        y += ROW
    draw.line((MARGIN, y + 4, PAGE[0] - MARGIN, y + 4), fill=0, width=2)
    y += 16
    total = text("report_totals", language, postings=sum(r.postings for r in rows), units=sum(r.units for r in rows),
                 mistakes=sum(sum(r.mistakes.values()) for r in rows), overrides=sum(r.overrides for r in rows),
                 handed_over=sum(r.handed_over for r in rows))
    draw.text((MARGIN, y), total, font=body, fill=0)
    return page


def write_pdf(rows: list[Figures], since: date, until: date, language: str, path: Path) -> None:
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    render(rows, since, until, language).save(partial, "PDF", resolution=DPI)
    partial.replace(path)
