"""Device callbacks (each device's own I/O thread) turned into GUI-thread signals.

    bridge = ScaleBridge()
    reader = open_scale(uri, on_reading=bridge.on_reading, on_state=bridge.on_state).start()
    bridge.reading.connect(status.show_weight)        # (grams, "stable"|"moving"|...)

``ScannerBridge`` does the same for serial and HID POS scanners (``open_scanner(uri, on_scan=...)``);
the keyboard-wedge scanner needs no bridge: ``ScanFilter`` feeds it on the GUI thread.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot


class ScaleBridge(QObject):
    reading = Signal(float, str)   # grams, reading state
    stateChanged = Signal(str)     # "connecting", "connected", "disconnected: ...", ...

    _reading = Signal(float, str)
    _state = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reading.connect(self._deliver_reading, Qt.ConnectionType.QueuedConnection)
        self._state.connect(self._deliver_state, Qt.ConnectionType.QueuedConnection)
        self.last_state = "idle"

    # any thread (the scale's I/O thread)
    def on_reading(self, reading) -> None:
        self._reading.emit(float(reading.grams), str(reading.state))

    def on_state(self, state: str) -> None:
        self._state.emit(str(state))

    @Slot(float, str)
    def _deliver_reading(self, grams: float, state: str) -> None:
        self.reading.emit(grams, state)

    @Slot(str)
    def _deliver_state(self, state: str) -> None:
        self.last_state = state
        self.stateChanged.emit(state)


class ScannerBridge(QObject):
    scanned = Signal(str)
    stateChanged = Signal(str)

    _scanned = Signal(str)
    _state = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scanned.connect(self._deliver_scan, Qt.ConnectionType.QueuedConnection)
        self._state.connect(self._deliver_state, Qt.ConnectionType.QueuedConnection)
        self.last_state = "idle"

    def on_scan(self, scan) -> None:
        self._scanned.emit(scan.code)

    def on_state(self, state: str) -> None:
        self._state.emit(str(state))

    @Slot(str)
    def _deliver_scan(self, code: str) -> None:
        self.scanned.emit(code)

    @Slot(str)
    def _deliver_state(self, state: str) -> None:
        self.last_state = state
        self.stateChanged.emit(state)


class CameraBridge(QObject):
    """The packing camera's state (``Evidence.on_state``, on the evidence thread) on the GUI thread."""

    stateChanged = Signal(str, str, str)  # state (off|starting|ready|recording|failed), detail, clip key
    clipFailed = Signal(str, str)         # why, the clip's key: a clip that could not be finalised
    overQuota = Signal(str, str)          # GB used, the quota in GB: nothing more may be removed

    _state = Signal(str, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.last = ("off", "", "")

    def on_state(self, state: str, detail: str, key: str) -> None:
        self._state.emit(str(state), str(detail), str(key))

    @Slot(str, str, str)
    def _deliver(self, state: str, detail: str, key: str) -> None:
        if state in ("clip_failed", "over_quota"):  # news for the banner: the camera's state stays what it was
            (self.clipFailed if state == "clip_failed" else self.overQuota).emit(detail, key)
            return
        self.last = (state, detail, key)
        self.stateChanged.emit(state, detail, key)
