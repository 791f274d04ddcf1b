"""``ProgressPanel``: a bar per piece of long work in the status bar (the first sync of thousands of
postings, a wave's labels, a report being written), shown while it goes and hidden when it is done.
It only displays the ``Progress`` the services tell (``app.ui.adapters.progress``); a total of 0 (not
known) makes a busy bar.

    panel.show_progress(Progress("postings", 1200, 4000))   # "Syncing postings: 1200 of 4000"
    panel.end("postings")                                   # the pass ended (finished or not)
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from app.services.progress import TASKS, Progress
from app.ui.status import FieldLabel

LINGER_MS = 1500  # a finished bar stays full that long, so the packer sees it ended


class ProgressPanel(QWidget):
    def __init__(self, parent: QWidget | None = None, *, linger_ms: int = LINGER_MS) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}
        self.bars: dict[str, QProgressBar] = {}
        self.last: dict[str, Progress] = {}
        self.timers: dict[str, QTimer] = {}
        for task in TASKS:
            # its words give way on a short bar (the whole text in the tooltip); the bar itself shows the progress
            label, bar = FieldLabel(), QProgressBar(objectName=f"progress_{task}")
            label.setObjectName(f"progress_{task}_label")
            bar.setMaximumWidth(140)
            bar.setMinimumWidth(48)  # a short bar gives way too: the devices' states stay readable
            bar.setTextVisible(False)  # the label says it, in the packer's language
            timer = QTimer(self, singleShot=True, interval=linger_ms)
            timer.timeout.connect(lambda task=task: self.end(task))
            layout.addWidget(label)
            layout.addWidget(bar)
            self.labels[task], self.bars[task], self.timers[task] = label, bar, timer
            label.hide()
            bar.hide()
        self.hide()

    def show_progress(self, progress: Progress) -> None:
        task = progress.task
        self.last[task] = progress
        bar = self.bars[task]
        bar.setRange(0, progress.total)  # 0..0: busy
        bar.setValue(min(progress.done, progress.total) if progress.total else 0)
        self.labels[task].setText(self.text(progress))
        self.labels[task].show()
        bar.show()
        self.show()
        if progress.finished:
            self.timers[task].start()
        else:
            self.timers[task].stop()

    def settle(self, task: str) -> None:
        """The work's round ended (a pass, a round of labels): its bar goes after a moment, unless the
        work goes on meanwhile."""
        if task in self.last:
            self.timers[task].start()

    def end(self, task: str) -> None:
        """The work stopped (done, or its pass ended without it): its bar goes."""
        self.timers[task].stop()
        self.last.pop(task, None)
        self.labels[task].hide()
        self.bars[task].hide()
        if not self.last:
            self.hide()

    def showing(self, task: str) -> bool:
        return task in self.last

    def text(self, p: Progress) -> str:
        done, total = str(p.done), str(p.total)
        if p.task == "postings":
            return (self.tr("Syncing postings: %1 of %2").replace("%1", done).replace("%2", total) if p.total
                    else self.tr("Syncing postings: %1").replace("%1", done))
        if p.task == "wave_labels":
            return (self.tr("Wave %1: labels printed %2 of %3").replace("%1", p.subject).replace("%2", done)
                    .replace("%3", total))
        if p.task == "labels":
            return self.tr("Printing labels: %1 of %2").replace("%1", done).replace("%2", total)
        return self.tr("The report is written") if p.finished else self.tr("Writing the report…")

    def retranslate(self) -> None:
        for task, progress in self.last.items():
            self.labels[task].setText(self.text(progress))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
