"""``FirstRunPanel``: how to try the demo bench, shown over the pack view until closed."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class FirstRunPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.text = QLabel(wordWrap=True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setText(self.tr(
            "Demo mode: a simulated Ozon account with sample postings, a simulated scale and printer. "
            "To try it: open the Queues tab and double-click a posting (or its item barcode) to scan it, "
            "or type a barcode below and press Enter. Then double-click each item's barcode in the "
            "list; the scale weighs the parcel and the label is printed to the data folder."))
        self.close_button.setText(self.tr("Got it"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
