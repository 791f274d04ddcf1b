"""``ScanFilter``: an event filter that feeds key presses to the keyboard-wedge decoder, so a
scanner's burst never lands in a text field, wherever the focus is.

    scan_filter = ScanFilter(open_scanner("keyboard", on_scan=lambda s: None))
    scan_filter.watch(app)            # follows the keyboard focus; unwatch(app) to stop
    scan_filter.scanned.connect(station_worker.scan)

It sits on whatever has the keyboard focus (key events go there first) and moves with the focus.
Installed on the application instead, it would run Python for every event of every object,
paint events included, and the window would queue for the GIL behind busy worker threads.

Every key press (bare modifiers aside) is held by the decoder until it knows what it is: a scan
(emitted as ``scanned``) or a person typing (the held keys are re-delivered, in order, to the
widget that has the focus). ``settle()`` runs at the decoder's deadline on a single-shot timer;
tests call it after advancing their clock. While a modal dialog is open keys pass untouched.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

from app.devices.scanners import KeyEvent, Mod, Typed
from app.devices.scanners.gs1 import for_log

log = logging.getLogger("packdesk.ui.scan_filter")

QT_MODIFIERS = ((Qt.KeyboardModifier.ShiftModifier, Mod.SHIFT), (Qt.KeyboardModifier.ControlModifier, Mod.CTRL),
            (Qt.KeyboardModifier.AltModifier, Mod.ALT), (Qt.KeyboardModifier.MetaModifier, Mod.META))


def qt_to_key_event(event: QKeyEvent, timestamp: float) -> KeyEvent:
    """The decoder's view of a QKeyEvent; a copy of the event rides along to be re-sent."""
    mods = Mod.NONE
    for qt_mod, mod in QT_MODIFIERS:
        if event.modifiers() & qt_mod:
            mods |= mod
    return KeyEvent(text=event.text(), key=event.key(), native_scan_code=event.nativeScanCode(), modifiers=mods,
                    timestamp=timestamp, auto_repeat=event.isAutoRepeat(), opaque=event.clone())


class ScanFilter(QObject):
    scanned = Signal(str)

    def __init__(self, scanner, *, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        """``scanner``: a started ``KeyboardScanner`` (its ``on_scan`` is taken over here)."""
        super().__init__(parent)
        self.scanner, self.clock = scanner, clock
        scanner.on_scan = self._on_scan
        self._replaying = False
        self._target: QObject | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.settle)
        self._watched: QObject | None = None
        self._watching = False  # connected to the application's focusObjectChanged
        self._fallback: QObject | None = None

    # --- where it listens --------------------------------------------------------------------
    def watch(self, app: QGuiApplication, fallback: QObject | None = None) -> None:
        """Listen where the keyboard focus is; with no focus object (no widget focused, or no
        window manager to give the window the focus) on ``fallback``, the main window, which
        then receives the keys."""
        self._fallback = fallback
        if not self._watching:
            app.focusObjectChanged.connect(self._follow)
            self._watching = True
        self._follow(app.focusObject())

    def unwatch(self, app: QGuiApplication) -> None:
        """Stop listening; nothing to do when it never listened (a bench shut down before it started)."""
        if self._watching:
            app.focusObjectChanged.disconnect(self._follow)
            self._watching = False
        self._fallback = None
        self._follow(None)

    @Slot(QObject)
    def _follow(self, focus: QObject | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        if focus is None and self._fallback is not None and shiboken6.isValid(self._fallback):
            focus = self._fallback
        self._watched = focus
        if focus is not None:
            focus.installEventFilter(self)

    # --- Qt ----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if QApplication.activeModalWidget() is not None:
            self._give_back(self.scanner.reset())
            return False
        if not self.scanner.decoder.pending:
            self._target = watched
        result = self.scanner.feed(qt_to_key_event(event, self.clock()))
        self._give_back([o for o in result.outputs if isinstance(o, Typed)])
        self._arm()
        return bool(result.held)

    # --- settling ---------------------------------------------------------------------------
    def settle(self, now: float | None = None) -> None:
        """Settle held keys whose deadline passed (the timer's slot; tests call it directly)."""
        self._give_back(self.scanner.poll(self.clock() if now is None else now))
        self._arm()

    def release(self) -> None:
        """Give every held key back now (the window lost focus)."""
        self._give_back(self.scanner.reset())

    def _arm(self) -> None:
        deadline = self.scanner.next_deadline()
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(0, int((deadline - self.clock()) * 1000) + 1))

    def _on_scan(self, scan) -> None:
        log.debug("keyboard scan %r", for_log(scan.code))
        self.scanned.emit(scan.code)

    def _give_back(self, typed: list[Typed]) -> None:
        keys = [key for t in typed for key in t.keys]
        if not keys:
            return
        target = QApplication.focusWidget() or self._target
        if target is None:
            return
        self._replaying = True
        try:
            for key in keys:
                if key.opaque is not None:
                    QApplication.sendEvent(target, key.opaque)
        finally:
            self._replaying = False
