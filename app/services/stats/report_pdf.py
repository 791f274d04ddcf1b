"""The one-page shift report as a PDF (Pillow draws an A4 page; Qt-free): title and period, one row
per day, station and packer, the totals. Rows that do not fit on the page are counted in a last line."""
from __future__ import annotations

from datetime import date, tzinfo
from pathlib import Path

from PIL import Image, ImageDraw

from app.messages import text
from app.services.labels.order_label import clip, font
from app.services.progress import Progress, ProgressFn, no_progress
from app.services.stats.figures import Figures, shift_figures

DPI = 150
PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 70
ROW = 34
# column: (message key of its heading, width in dots)
COLUMNS = (("report_col_date", 150), ("report_col_station", 150), ("report_col_packer", 220),
           ("report_col_postings", 100), ("report_col_units", 90), ("report_col_s_unit", 100),
           ("report_col_s_posting", 110), ("report_col_mistakes", 100), ("report_col_overrides", 90))


def cells(row: Figures) -> list[str]:
    """One row of the report's table as the page and the terminal show it (— where there is no figure)."""
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
        for (_, width), cell in zip(COLUMNS, cells(row)):
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
    _save(render(rows, since, until, language), Path(path))


def _save(page: Image.Image, path: Path) -> None:
    partial = path.with_name(path.name + ".part")  # a half-written report is never at ``path``
    page.save(partial, "PDF", resolution=DPI)
    partial.replace(path)


def write_report(db, since: date, until: date, zone: tzinfo, language: str, path: Path, *,
                 progress: ProgressFn = no_progress) -> int:
    """The period's figures read and written as the PDF at ``path``, telling each step (read, drawn,
    written: 3); blocking, off the GUI thread. Returns the number of rows."""
    progress(Progress("report", 0, 3))
    rows = shift_figures(db, since, until, zone)
    progress(Progress("report", 1, 3))
    page = render(rows, since, until, language)
    progress(Progress("report", 2, 3))
    _save(page, Path(path))
    progress(Progress("report", 3, 3))
    return len(rows)
