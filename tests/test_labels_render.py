"""PDF page -> Bitmap with QtPdf: exact size at the printer's dpi, white background, no dithering."""
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.devices.printers import Bitmap, PrinterProfile
from app.services.labels.raster import fit_to_label, page_dots
from app.services.labels.render import LabelRenderError, render_pdf_page

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


def dots(mm: float, dpi: int) -> float:
    return mm * dpi / 25.4


def assert_box(bitmap: Bitmap, mm_box, dpi: int) -> None:
    """The black area is the rectangle ``mm_box`` (left, top, right, bottom) within one dot."""
    box = bitmap.bbox()
    assert box is not None
    for got, want in zip(box, mm_box):
        assert abs(got - dots(want, dpi)) <= 1.0, (box, [dots(v, dpi) for v in mm_box])
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


def test_page_larger_than_the_label_is_cropped_at_the_origin(qapp):
    pdf = make_pdf(75, 120, [(40, 70, 20, 20, 0)])
    bitmap = render_pdf_page(pdf, 0, PrinterProfile(size_mm=(50, 80)))
    assert (bitmap.width, bitmap.height) == (400, 639)
    assert_box(bitmap, (40, 70, 50, 80), 203)


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


@pytest.mark.parametrize("page,label,turned", [
    ((6, 4), (3, 5), True),    # landscape page, portrait label
    ((4, 6), (5, 3), True),    # portrait page, landscape label
    ((4, 6), (3, 5), False),
    ((6, 4), (5, 3), False),
    ((4, 4), (3, 5), False),   # square page: never turned
    ((6, 4), (4, 4), False),   # square label: never turned
])
def test_fit_to_label_orientation(page, label, turned):
    corner = Bitmap.blank(*page).paste(Bitmap.from_text(["#"]), 0, 0)
    fitted = fit_to_label(corner, *label)
    assert (fitted.width, fitted.height) == label
    # clockwise: the top-left dot goes to the top-right corner of the turned page
    expected = (page[1] - 1, 0) if turned else (0, 0)
    if expected[0] < label[0]:
        assert fitted.pixel(*expected)
    assert fitted.black_count() == (1 if expected[0] < label[0] else 0)
