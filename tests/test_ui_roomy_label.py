"""A roomy label measures each text once per width, and measures again whatever changes its size:
a new text, a new font or padding, new margins. Squeezed below its text's height, it paints all of
the text, smaller, inside its padding (checked on the banner's pixels), and its own type again once
it has its room."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.ui.feedback.style import STYLESHEET
from app.ui.pack.roomy_label import SMALLEST_PT, RoomyLabel
from app.ui.pack.state_banner import RADIUS, StateBanner

LONG = " ".join(["Отсканируйте каждый товар отправления"] * 6)


def plain_height(label: RoomyLabel, width: int) -> int:
    """What QLabel itself answers for the label's text, font and padding at that width."""
    return QLabel.heightForWidth(label, width)


def test_a_layout_asking_again_and_again_gets_the_first_answer_without_a_new_measurement(qtbot, monkeypatch):
    label = RoomyLabel(2)
    qtbot.addWidget(label)
    label.setText(LONG)
    measured = []
    original = QLabel.heightForWidth
    monkeypatch.setattr(QLabel, "heightForWidth", lambda self, width: measured.append(width) or original(self, width))
    heights = [label.heightForWidth(width) for width in (300, 600) * 12]
    assert measured == [300, 600]
    assert heights[:2] == [original(label, 300), original(label, 600)]
    assert set(heights[::2]) == {heights[0]} and set(heights[1::2]) == {heights[1]}


def test_a_new_text_is_measured_again_and_the_same_text_is_not(qtbot):
    label = RoomyLabel(2)
    qtbot.addWidget(label)
    label.setText("Тест")
    short = label.heightForWidth(300)
    assert short == label._kept()  # one line of text: the room of two
    label.setText(LONG)
    assert label.heightForWidth(300) == plain_height(label, 300) > short
    label.setText("Тест")
    assert label.heightForWidth(300) == short


def test_its_size_hints_are_the_same_for_every_text_and_change_with_its_font(qtbot):
    """So a new text asks the layouts around it for nothing (app.ui.size_fence): a longer one gets
    its height from heightForWidth."""
    label = RoomyLabel(2)
    qtbot.addWidget(label)
    label.setText("Тест")
    hints = (label.sizeHint(), label.minimumSizeHint())
    assert hints[0].height() == label._kept() > hints[1].height() > 0
    for text in (LONG, "", "Очень-очень-длинное-слово-без-пробелов-которое-не-переносится"):
        label.setText(text)
        assert (label.sizeHint(), label.minimumSizeHint()) == hints
    label.setStyleSheet("QLabel { font-size: 30pt; }")
    label.ensurePolished()
    assert label.sizeHint().width() > hints[0].width() and label.sizeHint().height() > hints[0].height()


def test_a_new_font_padding_or_margin_is_measured_again(qtbot):
    label = RoomyLabel(2)
    qtbot.addWidget(label)
    label.setText(LONG)
    label.show()  # a style sheet's font and padding apply to a widget in view
    qtbot.waitExposed(label)
    before = label.heightForWidth(400)
    label.setStyleSheet("QLabel { font-size: 30pt; }")
    bigger = label.heightForWidth(400)
    assert bigger == plain_height(label, 400) > before
    label.setStyleSheet("QLabel { font-size: 30pt; padding: 20px; }")
    assert label.heightForWidth(400) == plain_height(label, 400) > bigger
    padded = label.heightForWidth(400)
    label.setContentsMargins(0, 30, 0, 30)
    assert label.heightForWidth(400) == plain_height(label, 400) > padded


BANNER = "Упаковка 52012065-0017-1: отсканируйте каждый товар"
EDGE = 10  # px at the banner's top and bottom (its padding is 18): no glyph belongs there


def light_rows(image, top: int, bottom: int) -> list[int]:
    """Rows of the banner's image holding text pixels (white on the packing blue), corners left out."""
    return [y for y in range(top, bottom)
            if any(image.pixelColor(x, y).lightness() > 160 for x in range(RADIUS + 2, image.width() - RADIUS - 2, 2))]


def banner_at(qtbot, height: int) -> StateBanner:
    banner = StateBanner(2, objectName="stateBanner")
    qtbot.addWidget(banner)
    banner.setStyleSheet(STYLESHEET)  # the application's: 34 pt bold, 18 px padding
    banner.show_state("packing")
    banner.setText(BANNER)
    banner.show()
    qtbot.waitExposed(banner)
    banner.setFixedSize(900, height or banner.heightForWidth(900))
    return banner


def test_a_banner_with_its_room_paints_its_text_in_its_own_type(qtbot):
    banner = banner_at(qtbot, 0)
    image = banner.grab().toImage()
    assert banner.fitted_font() is None
    assert light_rows(image, EDGE, image.height() - EDGE)  # the text is there
    assert not light_rows(image, 0, EDGE) and not light_rows(image, image.height() - EDGE, image.height())


def ink(image) -> int:
    """The text's pixels in the banner's image (light on the packing blue), corners left out."""
    return sum(1 for y in range(image.height()) for x in range(RADIUS + 2, image.width() - RADIUS - 2)
               if image.pixelColor(x, y).lightness() > 160)


@pytest.mark.parametrize("tenths", [9, 8, 6, 4])
def test_a_squeezed_banner_paints_all_its_text_smaller_and_gets_its_type_back_with_room(qtbot, tenths):
    banner = banner_at(qtbot, 0)
    room, full_ink = banner.height(), ink(banner.grab().toImage())
    banner.setFixedSize(900, room * tenths // 10)  # a short window: the layout gives it less than it asks
    image = banner.grab().toImage()
    fitted = banner.fitted_font()
    assert fitted is not None and SMALLEST_PT <= fitted.pointSizeF() < banner.font().pointSizeF()
    # all of the text, smaller: its ink shrinks with the type's area (QLabel's own paint cut lines
    # off, or ran them over the edges)
    assert ink(image) / full_ink == pytest.approx((fitted.pointSizeF() / banner.font().pointSizeF()) ** 2, rel=0.15)
    assert not light_rows(image, 0, EDGE) and not light_rows(image, image.height() - EDGE, image.height())
    assert banner.heightForWidth(900) == room  # it still asks for its full room
    banner.setFixedSize(900, room)
    assert banner.fitted_font() is None


def test_a_text_is_plain_never_html(qtbot):
    label = RoomyLabel(2)
    qtbot.addWidget(label)
    label.setText("<b>Кружка</b> & <i>чай</i>")
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_banner_narrower_than_its_longest_word_paints_it_smaller(qtbot):
    banner = banner_at(qtbot, 0)
    banner.setText("52012065-0017-1-52012065-0017-1")  # one word, wider than the banner
    banner.setFixedSize(300, banner.heightForWidth(300))
    fitted = banner.fitted_font()
    assert fitted is not None and SMALLEST_PT <= fitted.pointSizeF() < banner.font().pointSizeF()
