"""The bench's type: every widget at the bench's size from the font, the style sheet's rules for the
few that differ, and no rule that matches every widget (it sends each one's painting through the
style sheet's slow path: buttons four times slower)."""
import re

from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

from app.ui.feedback.style import POINT_SIZE, STYLESHEET, apply_style


def test_widgets_take_the_bench_size_and_the_rules_still_set_theirs(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    button, detail, table = QPushButton("Отложить"), QLabel("…", objectName="stateDetail"), QTableWidget(1, 1)
    layout = QVBoxLayout(window)
    for widget in (button, detail, table):
        layout.addWidget(widget)
    apply_style(window)
    window.show()
    qtbot.waitExposed(window)
    assert button.font().pointSize() == POINT_SIZE
    assert detail.font().pointSize() == 20 and table.font().pointSize() == 13  # their rules


def test_no_rule_matches_every_widget():
    selectors = [rule.split("{")[0].strip() for rule in STYLESHEET.split("}") if "{" in rule]
    assert selectors and not [s for s in selectors if re.fullmatch(r"(QWidget|\*)", s)]
