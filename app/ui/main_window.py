"""``MainWindow``: composes the panels (pack view, queues, hand-over, tracking, log, evidence, returns, cases, audit, statistics), the banner, the error flash, the
status bar and the menus. It holds no rules and starts no work: ``BenchController`` wires it."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from app.ui.banner import Banner
from app.ui.feedback.flash import ErrorFlash
from app.ui.first_run import FirstRunPanel
from app.ui.i18n import LANGUAGES, NATIVE_NAMES
from app.ui.log_view import LogView
from app.ui.pack import PackView
from app.ui.pages import Pages
from app.ui.progress import ProgressPanel
from app.ui.status import StatusPanel
from app.ui.status_bar import StatusBar

PACK, QUEUES, HANDOVER, TRACKING, LOG, EVIDENCE, RETURNS, CASES, AUDIT, STATISTICS = range(10)  # from EVIDENCE on: when given


class MainWindow(QMainWindow):
    settingsRequested = Signal()
    peopleRequested = Signal()
    languageRequested = Signal(str)

    def __init__(self, *, pack_view: PackView, queues: QWidget, log_handler, station_name: str = "",
                 devices: dict[str, str] | None = None, demo: bool = False, handover: QWidget | None = None,
                 evidence: QWidget | None = None, tracking: QWidget | None = None, returns: QWidget | None = None,
                 cases: QWidget | None = None, sign_in_bar: QWidget | None = None, audit: QWidget | None = None,
                 statistics: QWidget | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.station_name = station_name
        self.pack_view, self.queues, self.evidence = pack_view, queues, evidence
        self.returns, self.cases = returns, cases  # app/ui/returns (after the others: their places are looked up)
        self.handover = handover if handover is not None else QWidget()  # app/ui/handover
        self.tracking = tracking if tracking is not None else QWidget()  # app/ui/tracking
        self.log_view = LogView(log_handler)
        self.banner = Banner()
        self.first_run = FirstRunPanel() if demo else None
        self.pages = Pages()
        self.pages.setObjectName("pages")
        self.audit, self.statistics = audit, statistics
        for page in (pack_view, queues, self.handover, self.tracking, self.log_view, evidence, returns, cases, audit,
                     statistics):
            if page is not None:
                self.pages.addTab(page, "")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        if self.first_run is not None:
            layout.addWidget(self.first_run)
        if sign_in_bar is not None:
            layout.addWidget(sign_in_bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.flash = ErrorFlash(central)
        self.setStatusBar(StatusBar())  # repaints a field, not the whole bar, at each new text
        self.progress = ProgressPanel()  # long work: the first sync, a wave's labels, a report
        self.statusBar().addPermanentWidget(self.progress)  # first: left of the devices
        self.status = StatusPanel(self.statusBar(), **(devices or {}))
        self._menus()
        self.retranslate()

    def _menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.triggered.connect(self.settingsRequested)
        self.quit_action = QAction(self)
        self.quit_action.triggered.connect(self.close)
        self.people_action = QAction(self)
        self.people_action.triggered.connect(self.peopleRequested)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.people_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.language_actions = {}
        for code in LANGUAGES:
            action = QAction(NATIVE_NAMES[code], self, checkable=True)
            action.triggered.connect(lambda _=False, c=code: self.languageRequested.emit(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def retranslate(self) -> None:
        title = self.tr("packdesk: packing bench")
        self.setWindowTitle(f"{title} {self.station_name}".strip())
        self.pages.setTabText(PACK, self.tr("Pack"))
        self.pages.setTabText(QUEUES, self.tr("Queues"))
        self.pages.setTabText(HANDOVER, self.tr("Hand-over"))
        self.pages.setTabText(TRACKING, self.tr("Tracking"))
        self.pages.setTabText(LOG, self.tr("Log"))
        for page, name in ((self.evidence, self.tr("Evidence")), (self.returns, self.tr("Returns")),
                           (self.cases, self.tr("Cases")), (self.audit, self.tr("Audit")),
                           (self.statistics, self.tr("Statistics"))):
            if page is not None:
                self.pages.setTabText(self.pages.indexOf(page), name)
        self.people_action.setText(self.tr("&People…"))
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.language_menu.setTitle(self.tr("&Language"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def mark_language(self, code: str) -> None:
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)

    def show_state(self, state: str, message: str) -> None:
        """The station's state: a held error covers the window until the station leaves it."""
        if state == "error":
            self.flash.show_error(message)
        else:
            self.flash.hide()
