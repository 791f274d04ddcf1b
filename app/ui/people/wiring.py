"""``PeopleWiring``: the sign-in bar, the audit tab and the people dialog bound to the bench.

The station decides (signing in and out, the idle time, who may confirm); this only passes the
packer's actions on and shows the answers. Whether Settings may open is asked of
``directory.may_change_settings`` on a pool thread.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.messages import Said, text
from app.services.people import directory
from app.store import people as store_people
from app.ui.adapters.tasks import run_task
from app.ui.people.audit import AuditPanel
from app.ui.people.bar import SignInBar
from app.ui.people.statistics import StatisticsPanel

IDLE_CHECK_MS = 30_000  # how often the bench asks the station whether the idle time ran out


class PeopleWiring(QObject):
    def __init__(self, controller) -> None:
        super().__init__(controller)
        self.c = controller
        self.db = controller.parts.db
        self.bar = SignInBar()
        self.bar.hide()  # until the people are read: a bench without them shows no bar
        self.audit = AuditPanel(self.db)
        self.statistics = StatisticsPanel(self.db)
        self.people_exist = False
        self.idle = QTimer(self, interval=IDLE_CHECK_MS)
        self.dialog = None

    def connect(self) -> None:
        worker = self.c.station_worker
        self.bar.pinEntered.connect(lambda pin: worker.command("LOGIN", [pin]))
        self.bar.signOutRequested.connect(lambda: worker.command("LOGOUT"))
        worker.result.connect(self.bar.on_result)
        self.idle.timeout.connect(worker.expire_idle)
        self.c.window.peopleRequested.connect(lambda: self.guarded(self.open_people))
        self.audit.failed.connect(lambda detail: self.c.messages.warning(detail))
        self.statistics.failed.connect(lambda detail: self.c.messages.warning(detail))
        self.statistics.progress, self.statistics.language = self.c.progress.report, lambda: self.c.languages.current
        self.statistics.failed.connect(lambda _: self.c.window.progress.settle("report"))
        # said again in the language shown if the language changes while it is up
        self.statistics.saved.connect(lambda path: self.c.messages.info(Said("report_saved", path=path)))

    def start(self) -> None:
        self.idle.start()
        self.refresh()
        self.audit.reload()
        self.statistics.reload()

    def refresh(self) -> None:
        """Whether this bench's people sign in, and who is signed in (read off the GUI thread)."""
        db, station = self.db, self.c.parts.station

        def read():
            with db.read() as session:
                anyone = store_people.anyone(session)
            name = station.signed_in() if station is not None else None
            person = directory.find_by_name(db, name) if name else None
            return anyone, name, person.role if person else None
        run_task(read, on_result=self._show, owner=self)

    def _show(self, answer) -> None:
        self.people_exist, name, role = answer
        self.bar.setVisible(self.people_exist)
        # overrides then take a supervisor's badge or PIN, never a name picked from a list
        self.c.pack_view.actions.badge = self.people_exist
        self.c.handover.panel.badge = self.people_exist
        self.bar.show_person(name, role)

    def guarded(self, action: Callable[[], None]) -> None:
        """``action`` (open Settings or People) when the person signed in may change settings."""
        db, person, lang = self.db, self.bar.person, self.c.languages.current

        def answer(allowed: bool) -> None:
            if allowed:
                action()
            else:
                self.c.messages.warning(text("people_not_allowed", lang))
        run_task(lambda: directory.may_change_settings(db, person), on_result=answer, owner=self)

    def open_people(self) -> None:
        from app.ui.people.manage import PeopleDialog

        printer = self._print_badge if self.c.parts.print_worker is not None else None
        self.dialog = PeopleDialog(self.db, language=self.c.languages.current, print_badge=printer,
                                   parent=self.c.window)
        self.dialog.finished.connect(lambda _: self.refresh())
        self.dialog.open()

    def _print_badge(self, language: str, name: str, badge: str) -> str:
        """On a pool thread: the badge goes through the print thread."""
        outcome = self.c.parts.print_worker.print_badge(language, name, badge).result(timeout=120)
        if outcome.failed:
            raise RuntimeError(text("people_badge_print_failed", language, name=name, detail=outcome.error))
        return text("people_badge_printed", language, name=name)
