"""PDF page -> Bitmap with QtPdf: true size at the printer's dpi, white background, no dithering; a page
larger than the stock turned when that fits, else scaled down (CONTRACT.md "Printing rules")."""
import logging
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.devices.printers import Bitmap, PrinterProfile
from app.devices.printers.decode import decode_job, encode_job
from app.services.labels.raster import page_dots, place, plan_fit
from app.services.labels.render import LabelRenderError, render_pdf_page
from printers_helpers import printed_form

WRITER_DPI = 720


def make_pdf(width_mm: float, height_mm: float, rects=(), *, landscape: bool = False, pages: int = 1) -> bytes:
    """A PDF written by Qt; ``rects`` are (x, y, w, h) in mm with a grey level 0..255 (0 = black)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter),
                                     orientation, QMarginsF(0, 0, 0, 0)))
    writer.setResolution(WRITER_DPI)
    painter = QPainter(writer)
    mm = WRITER_DPI / 25.4
    for page in range(pages):
        if page:
            writer.newPage()
        for x, y, w, h, grey in rects:
            painter.fillRect(QRectF(x * mm, y * mm, w * mm, h * mm), QColor(grey, grey, grey))
    painter.end()
    buffer.close()
    return bytes(data)


def hand_written_pdf(width_pt: float, height_pt: float, content: bytes) -> bytes:
    """A one-page PDF with an exact (fractional) MediaBox, as label generators write them."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Contents 4 0 R >>" % (width_pt, height_pt),
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def exact_pdf(width_mm: float, height_mm: float, rects=()) -> bytes:
    """A one-page PDF of exactly ``width_mm`` x ``height_mm`` with black rectangles (x, y, w, h) in mm
    from the top-left (Qt's writer rounds page boxes to whole points; Ozon's labels are exact)."""
    mm = 72 / 25.4
    content = b" ".join(b"0 g %.3f %.3f %.3f %.3f re f" % (x * mm, (height_mm - y - h) * mm, w * mm, h * mm)
                        for x, y, w, h in rects)
    return hand_written_pdf(width_mm * mm, height_mm * mm, content)


def dots(mm: float, dpi: int) -> float:
    return mm * dpi / 25.4


def assert_box(bitmap: Bitmap, mm_box, dpi: int, slack: float = 1.0) -> None:
    """The black area is the rectangle ``mm_box`` (left, top, right, bottom) within ``slack`` dots."""
    box = bitmap.bbox()
    assert box is not None
    for got, want in zip(box, mm_box):
        assert abs(got - dots(want, dpi)) <= slack, (box, [dots(v, dpi) for v in mm_box])
    area = (box[2] - box[0]) * (box[3] - box[1])
    assert bitmap.black_count() == area  # a solid rectangle, nothing black outside it


@pytest.mark.parametrize("dpi,size", [(203, (599, 959)), (300, (886, 1417))])
def test_ozon_label_renders_at_exact_size_with_the_rectangle_in_place(qapp, dpi, size):
    pdf = make_pdf(75, 120, [(10, 20, 20, 30, 0)])
    bitmap = render_pdf_page(pdf, 0, PrinterProfile(dpi=dpi))
    assert (bitmap.width, bitmap.height) == size
    assert_box(bitmap, (10, 20, 30, 50), dpi)
    assert not bitmap.pixel(0, 0) and not bitmap.pixel(size[0] - 1, size[1] - 1)  # white, not black


def test_exact_75x120_mm_page_from_a_label_generator(qapp):
    mm = 72 / 25.4
    # PDF y grows upwards: a black 20 x 30 mm box whose top-left is 10 mm right, 20 mm down
    content = b"0 g %.3f %.3f %.3f %.3f re f" % (10 * mm, (120 - 50) * mm, 20 * mm, 30 * mm)
    bitmap = render_pdf_page(hand_written_pdf(75 * mm, 120 * mm, content), 0, PrinterProfile())
    assert (bitmap.width, bitmap.height) == (599, 959)
    assert_box(bitmap, (10, 20, 30, 50), 203)


def test_blank_page_is_white_not_black(qapp):
    bitmap = render_pdf_page(make_pdf(75, 120), 0, PrinterProfile())
    assert bitmap.black_count() == 0


@pytest.mark.parametrize("grey,black", [(60, True), (120, True), (135, False), (200, False)])
def test_grey_areas_are_thresholded_not_dithered(qapp, grey, black):
    bitmap = render_pdf_page(make_pdf(75, 120, [(5, 5, 40, 40, grey)]), 0, PrinterProfile())
    if black:
        assert_box(bitmap, (5, 5, 45, 45), 203)
    else:
        assert bitmap.black_count() == 0


def test_landscape_page_is_turned_onto_a_portrait_label(qapp):
    # landscape page, rectangle near its top-left corner; Qt writes the page as 340 x 213 pt
    pdf = make_pdf(75, 120, [(10, 5, 30, 20, 0)], landscape=True)
    bitmap = render_pdf_page(pdf, 0, PrinterProfile())
    assert (bitmap.width, bitmap.height) == (599, 959)
    # turned clockwise: page (x, y) -> label (page height - y, x); the page is 213 pt = 75.14 mm high
    page_height = 213 * 25.4 / 72
    assert_box(bitmap, (page_height - 25, 10, page_height - 5, 40), 203)


def test_a_small_page_prints_at_its_true_size_at_the_origin_of_a_big_label(qapp, caplog):
    # a 58x40 mm partner-delivery label on 75x120 mm stock: not turned (it fits), not scaled
    pdf = exact_pdf(58, 40, [(2, 3, 30, 10)])
    with caplog.at_level(logging.INFO, logger="packdesk.labels.render"):
        bitmap = render_pdf_page(pdf, 0, PrinterProfile())
    assert (bitmap.width, bitmap.height) == (599, 959)
    assert_box(bitmap, (2, 3, 32, 13), 203)
    assert not caplog.records


@pytest.mark.parametrize("lang", ["tspl", "zpl", "epl", "escpos"])
def test_a_58x40_page_on_58x40_stock_prints_dot_for_dot_in_every_printer_language(qapp, lang):
    profile = PrinterProfile(lang=lang, size_mm=(58, 40))
    bitmap = render_pdf_page(exact_pdf(58, 40, [(5, 5, 40, 20)]), 0, profile)
    assert (bitmap.width, bitmap.height) == (464, 320)
    assert_box(bitmap, (5, 5, 45, 25), 203, slack=1.5)  # 58 mm are 463.5 dots: the page is drawn 464 wide
    assert decode_job(encode_job(bitmap, profile), profile) == [printed_form(bitmap, profile)]


def test_a_turned_page_is_said_in_the_log(qapp, caplog):
    pdf = exact_pdf(40, 58, [(5, 10, 10, 20)])  # portrait 40x58 page, 58x40 landscape stock
    with caplog.at_level(logging.INFO, logger="packdesk.labels.render"):
        bitmap = render_pdf_page(pdf, 0, PrinterProfile(size_mm=(58, 40)))
    assert (bitmap.width, bitmap.height) == (464, 320)
    # turned clockwise: page (x, y) -> label (page height - y, x)
    assert_box(bitmap, (58 - 30, 5, 58 - 10, 15), 203, slack=1.5)  # the page's 58 mm height: the label's width
    (record,) = caplog.records
    assert record.levelno == logging.INFO and "turned 90 degrees" in record.getMessage()


@pytest.mark.parametrize("lang", ["tspl", "zpl", "escpos"])
def test_a_big_page_on_small_stock_is_scaled_down_to_fit_and_the_log_says_so(qapp, caplog, lang):
    # 75x120 mm page on 58x40 mm stock: turned it is 120x75, scaled by 58/120 to 58x36.25 mm
    pdf = exact_pdf(75, 120, [(10, 20, 20, 30)])
    profile = PrinterProfile(lang=lang, size_mm=(58, 40))
    with caplog.at_level(logging.INFO, logger="packdesk.labels.render"):
        bitmap = render_pdf_page(pdf, 0, profile)
    assert (bitmap.width, bitmap.height) == (464, 320)
    scale = 464 / 959  # the page's 959 dots of height become the label's 464 dots of width
    drawn_width = int(959 * scale)  # the turned page's width on the label
    box = bitmap.bbox()
    expected = (drawn_width - dots(50, 203) * scale, dots(10, 203) * scale,
                drawn_width - dots(20, 203) * scale, dots(30, 203) * scale)
    assert all(abs(got - want) <= 2 for got, want in zip(box, expected)), (box, expected)
    (record,) = caplog.records
    assert record.levelno == logging.WARNING and "scaled down" in record.getMessage()
    assert decode_job(encode_job(bitmap, profile), profile) == [printed_form(bitmap, profile)]


def test_a_page_a_little_larger_than_the_stock_is_cut_not_scaled(qapp, caplog):
    # Qt writes whole points: its 75x120 mm page is 213 x 340 pt = 601 x 959 dots, the stock 599 x 959
    with caplog.at_level(logging.INFO, logger="packdesk.labels.render"):
        bitmap = render_pdf_page(make_pdf(75, 120, [(10, 20, 20, 30, 0)]), 0, PrinterProfile())
    assert (bitmap.width, bitmap.height) == (599, 959)
    assert_box(bitmap, (10, 20, 30, 50), 203)  # at its true size: not shrunk by 599/601
    assert not caplog.records


def test_second_page(qapp):
    pdf = make_pdf(75, 120, [(0, 0, 10, 10, 0)], pages=2)
    assert render_pdf_page(pdf, 1, PrinterProfile()).black_count() > 0


@pytest.mark.parametrize("pdf,page,reason", [
    (b"not a pdf", 0, "does not load"),
    (b"", 0, "does not load"),
    (b"%PDF-1.4\n%broken", 0, "does not load"),
    ("two-page", 2, "no page 3"),
    ("two-page", -1, "no page 0"),
])
def test_bad_pdfs_say_why(qapp, pdf, page, reason):
    data = make_pdf(75, 120, pages=2) if pdf == "two-page" else pdf
    with pytest.raises(LabelRenderError, match=reason):
        render_pdf_page(data, page, PrinterProfile())


def test_renders_without_any_qt_application(tmp_path):
    """A headless command has no Qt application: render_pdf_page makes a QCoreApplication itself."""
    pdf = tmp_path / "label.pdf"
    pdf.write_bytes(make_pdf(75, 120, [(10, 20, 20, 30, 0)]))
    script = textwrap.dedent(f"""
        from PySide6.QtCore import QCoreApplication
        from app.devices.printers import PrinterProfile
        from app.services.labels.render import render_pdf_page
        assert QCoreApplication.instance() is None
        bitmap = render_pdf_page(open({str(pdf)!r}, "rb").read(), 0, PrinterProfile())
        print(bitmap.width, bitmap.height, bitmap.bbox(), type(QCoreApplication.instance()).__name__)
    """)
    done = subprocess.run([sys.executable, "-W", "error", "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[:2] == ["599", "959"]
    assert done.stdout.strip().endswith("QCoreApplication")


# --- the Qt-free steps ------------------------------------------------------------------------------
@pytest.mark.parametrize("points,dpi,expected", [
    ((212.598, 340.157), 203, (599, 959)),  # 75 x 120 mm
    ((213, 340), 203, (601, 959)),          # the same label with the box rounded to whole points
    ((212.598, 340.157), 300, (886, 1417)),
    ((72, 36), 203, (203, 102)),            # 101.5 rounds half up
])
def test_page_dots(points, dpi, expected):
    assert page_dots(*points, dpi) == expected


@pytest.mark.parametrize("page, label, tolerance, drawn, turned", [
    ((599, 959), (599, 959), 0, (599, 959), False),   # 75x120 page, 75x120 stock
    ((464, 320), (599, 959), 0, (464, 320), False),   # 58x40 page on 75x120: fits, stays (no turn for looks)
    ((320, 464), (599, 959), 0, (320, 464), False),
    ((959, 599), (599, 959), 0, (959, 599), True),    # landscape 120x75 on portrait stock: turned
    ((320, 464), (464, 320), 0, (320, 464), True),    # 40x58 on 58x40: turned
    ((599, 959), (464, 320), 0, (289, 464), True),    # 75x120 on 58x40: turned and scaled (larger than unturned)
    ((959, 599), (464, 320), 0, (464, 289), False),   # already landscape: scaled only
    ((601, 959), (599, 959), 8, (601, 959), False),   # within the tolerance: fits, the overhang is cut
    ((601, 959), (599, 959), 0, (599, 955), False),   # no tolerance: scaled
    ((10, 10), (3, 5), 0, (3, 3), False),             # turning gains nothing: not turned
    ((4, 4), (3, 5), 0, (3, 3), False),
    ((900, 10), (3, 5), 0, (5, 1), True),             # never below one dot
])
def test_plan_fit(page, label, tolerance, drawn, turned):
    fit = plan_fit(*page, *label, tolerance=tolerance)
    assert (fit.page, fit.drawn, fit.turned, fit.scaled) == (page, drawn, turned, drawn != page)


@pytest.mark.parametrize("page, label, corner, level", [
    ((6, 4), (7, 5), (0, 0), None),          # fits as is, even with another orientation
    ((6, 4), (5, 7), (3, 0), logging.INFO),  # turned clockwise: the top-left dot goes to the top-right
    ((3, 3), (3, 5), (0, 0), None),
])
def test_place_puts_a_real_bitmap_at_the_origin_turned_when_planned(caplog, page, label, corner, level):
    marked = Bitmap.blank(*page).paste(Bitmap.from_text(["#"]), 0, 0)
    with caplog.at_level(logging.INFO, logger="packdesk.labels.render"):
        placed = place(marked, plan_fit(*page, *label), *label, what="test page")
    assert (placed.width, placed.height) == label
    assert placed.pixel(*corner) and placed.black_count() == 1
    assert [r.levelno for r in caplog.records] == ([level] if level else [])


def test_place_says_when_a_page_was_scaled(caplog):
    fit = plan_fit(12, 8, 6, 4)
    assert fit.drawn == (6, 4) and fit.scaled
    with caplog.at_level(logging.INFO, logger="packdesk.labels.render"):
        placed = place(Bitmap.blank(*fit.drawn).paste(Bitmap.from_text(["##"]), 0, 0), fit, 6, 4)
    assert placed.black_count() == 2
    (record,) = caplog.records
    assert record.levelno == logging.WARNING and "12x8" in record.getMessage() and "6x4" in record.getMessage()
