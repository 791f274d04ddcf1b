"""The station's own order label: drawn 1-bit at the printer's dpi and size, QR code of the posting."""
import pytest
import qrcode

from app.devices.printers import PrinterProfile
from app.services.labels.order_label import OrderItem, own_label_payload, qr_image, render_order_label

ITEMS = [OrderItem("Чайник электрический 1,7 л, белый, с подсветкой и очень длинным названием", "KET-17", 2),
         OrderItem("Кружка", "MUG-1", 1)]


@pytest.mark.parametrize("dpi,size,dots", [(203, (75.0, 120.0), (599, 959)), (300, (75.0, 120.0), (886, 1417)),
                                           (203, (58.0, 40.0), (464, 320))])
def test_the_label_is_exactly_the_printers_label_size(dpi, size, dots):
    bitmap = render_order_label("12345678-0001-1", ITEMS, PrinterProfile(dpi=dpi, size_mm=size))
    assert (bitmap.width, bitmap.height) == dots
    left, top, right, bottom = bitmap.bbox()
    margin = round(3 * dpi / 25.4)
    assert left >= margin - 1 and top >= margin - 1 and right <= dots[0] - margin + 1 and bottom <= dots[1]


def test_the_qr_code_holds_the_posting_number_module_for_module():
    number = "12345678-0001-1"
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1)
    code.add_data(number)
    code.make(fit=True)
    matrix = code.get_matrix()
    image = qr_image(number, 240)
    module = image.width // len(matrix)
    assert module >= 2 and image.width == module * len(matrix) <= 240
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            assert (image.getpixel((x * module + module // 2, y * module + module // 2)) == 0) == dark


def test_the_qr_code_sits_below_the_number_on_the_label():
    profile = PrinterProfile()
    bitmap = render_order_label("12345678-0001-1", ITEMS, profile)
    qr = qr_image(own_label_payload("12345678-0001-1"), min(round(30 * 203 / 25.4), bitmap.height // 3))
    margin = round(3 * 203 / 25.4)
    # find the QR's top-left finder pattern: the first fully black row segment of its width at the margin
    top = next(y for y in range(bitmap.height)
               if all(bitmap.pixel(margin + x, y) for x in range(qr.width // 4)))
    for y in range(qr.height):
        for x in range(0, qr.width, 3):
            assert bitmap.pixel(margin + x, top + y) == (qr.getpixel((x, y)) == 0)


def test_text_is_black_and_white_only_and_long_lists_are_cut_with_a_count():
    many = [OrderItem(f"Товар {i}", f"OFF-{i}", 1) for i in range(60)]
    bitmap = render_order_label("12345678-0001-1", many, PrinterProfile(size_mm=(58.0, 40.0)))
    assert bitmap.black_count() > 0  # drawn without crashing, clipped to the label
    empty = render_order_label("12345678-0001-1", [], PrinterProfile())
    assert empty.black_count() > 0


def test_same_input_same_dots():
    profile = PrinterProfile(dpi=300)
    assert render_order_label("1-2-3", ITEMS, profile) == render_order_label("1-2-3", ITEMS, profile)
