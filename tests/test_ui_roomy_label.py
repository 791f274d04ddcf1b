"""A roomy label measures each text once per width, and measures again whatever changes its size:
a new text, a new font or padding, new margins."""
from PySide6.QtWidgets import QLabel

from app.ui.pack.roomy_label import RoomyLabel

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
    hint = label.sizeHint()
    assert short == label._kept()  # one line of text: the room of two
    label.setText(LONG)
    assert label.heightForWidth(300) == plain_height(label, 300) > short
    assert label.sizeHint().width() > hint.width()
    label.setText("Тест")
    assert label.heightForWidth(300) == short and label.sizeHint() == hint


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
