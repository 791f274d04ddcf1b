"""Big readable type (one stylesheet), and the colours of the pack view's states (one table).

The type every widget gets unless a rule says otherwise is the application's font (``apply_style``),
not a ``QWidget { font-size }`` rule: a rule that matches every widget sends each one's painting
through the style sheet's slow path. Four push buttons painted in 1.25-1.6 ms with that rule and in
0.33 ms without it (offscreen, 2 GHz core); buttons change at every open and put back.
"""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

POINT_SIZE = 15  # the bench's type: read at arm's length

# (text, background) of the pack view's banner (app.ui.pack.state_banner paints them)
STATE_COLOURS = {
    "idle": ("#1f2a36", "#e9eef3"),
    "packing": ("#ffffff", "#1b5e9e"),
    "weighing": ("#ffffff", "#6b4ea0"),
    "done": ("#ffffff", "#2e7d32"),
    "error": ("#ffffff", "#c62828"),
    "handover": ("#ffffff", "#00695c"),
}
FLASH_RED = STATE_COLOURS["error"][1]  # the error flash's background (it paints it itself: app.ui.feedback.flash)

STYLESHEET = """
QStatusBar QLabel { font-size: 12pt; padding: 0 8px; }
QTableView { font-size: 13pt; }
QHeaderView::section { font-size: 12pt; font-weight: bold; }
QPlainTextEdit#logText { font-size: 10pt; }
QLabel#stateBanner { font-size: 34pt; font-weight: bold; padding: 18px; }
QLabel#stateDetail { font-size: 20pt; }
QLabel#postingInfo { font-size: 17pt; }
QLabel#liveWeight { font-size: 22pt; font-weight: bold; padding: 6px; background: #eef3f7; border-radius: 6px; }
QLineEdit#manualScan { font-size: 20pt; padding: 6px; }
QListWidget#lastMessages { font-size: 14pt; }
QFrame#banner[level="info"] { background: #e3f2fd; }
QFrame#banner[level="warning"] { background: #fff3cd; }
QFrame#banner[level="error"] { background: #f8d7da; }
QFrame#firstRun { background: #fffbe6; border: 1px solid #e0c060; border-radius: 6px; }
QLabel#errorFlashText { color: white; font-size: 30pt; font-weight: bold; }
QLabel#handoverCount { font-size: 44pt; font-weight: bold; padding: 4px 18px; border-radius: 8px; background: #eef3f7; }
QLabel#handoverCountName { font-size: 16pt; }
QLabel#handoverTitle { font-size: 22pt; font-weight: bold; }
QLabel#carriageText { font-size: 20pt; font-weight: bold; }
QLabel#trackingSummary { font-weight: bold; }
"""


def apply_style(target: QApplication | QWidget) -> None:
    """The bench's type and stylesheet, on the application (``make_app``) or on one widget (tests)."""
    font = target.font()
    font.setPointSize(POINT_SIZE)
    target.setFont(font)
    target.setStyleSheet(STYLESHEET)
