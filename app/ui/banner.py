"""``Banner``: one line over the window for expected problems and news, with a way forward.

Levels: info, warning, error. An action is ``(label, callable)``; the close button hides it. A
message given as ``app.messages.Said`` is said in the language shown (``language()``), again after
a language switch."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.messages import Said


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.text = QLabel(wordWrap=True)
        self.action_button = QPushButton()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.hide)
        self.action_button.clicked.connect(self._act)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.level, self._action, self._said = "info", None, None
        self.language = lambda: "en"  # the language shown (the controller's)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Close"))
        if self._said is not None:
            self.text.setText(self._said.render(self.language()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_message(self, level: str, text, action=None) -> None:
        self.level = level
        self._said = text if isinstance(text, Said) else None
        text = text.render(self.language()) if isinstance(text, Said) else text
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.text.setText(text)
        self._action = action
        self.action_button.setVisible(action is not None)
        if action is not None:
            self.action_button.setText(action[0])
        self.show()

    def _act(self) -> None:
        if self._action is not None:
            self.hide()
            self._action[1]()
