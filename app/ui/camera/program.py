"""The recorder program: ``python -m app --camera-recorder SPEC_JSON`` (started by the core's
``RecorderLink``). Reads the core's messages on standard input, answers on standard output,
one JSON line each; Qt's own messages go to standard error (the link logs them)."""
from __future__ import annotations

import json
import os
import sys
import threading

from app.devices.camera.protocol import ProtocolError, decode, encode
from app.devices.camera.uri import CameraSpec

QUIT_GRACE_MS = 15_000  # clips still finalising this long after "quit": the program ends anyway
NICENESS = 10  # POSIX: how far below the bench's window the recorder runs (Windows: "below normal")
BELOW_NORMAL_PRIORITY_CLASS = 0x4000


def yield_to_the_window() -> None:
    """Run below the bench's own priority, before any thread starts (they inherit it): a clip's
    start and end, and the encoder, wait while a scan's answer is painted, instead of taking a
    core from it. Frames wait in the encoder's queue; a recorder is a few percent of one core.
    Scanning back to back (benchmarks/bench_ui.py --gap-ms 5, two runs each): 37 answers of 572
    took over 16 ms, against 56 at the window's priority."""
    try:
        if sys.platform == "win32":
            import ctypes
            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
        else:
            os.nice(NICENESS)
    except OSError as exc:  # not allowed here: record at the window's priority
        print(f"the recorder's priority stays as it was: {exc}", file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    yield_to_the_window()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: only pictures in memory
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QObject, Qt, QTimer, Signal, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    from app.ui import gui_collector
    from app.ui.camera.recorder import Recorder
    from app.ui.refcount_guard import RefcountGuard

    spec = CameraSpec.from_dict(json.loads(argv[0]))
    qInstallMessageHandler(lambda _kind, _context, text: print(text, file=sys.stderr, flush=True))
    app = QGuiApplication(["packdesk-camera"])
    guard = RefcountGuard(app)  # noqa: F841 - PySide6 6.12 on Python 3.11 under-counts None: see the module
    gui_collector.install(app)  # the stdin thread never destroys a QObject: app.ui.gui_collector
    out_lock = threading.Lock()

    def say(message: dict) -> None:
        with out_lock:
            sys.stdout.buffer.write(encode(message))
            sys.stdout.buffer.flush()

    class Inbox(QObject):
        received = Signal(str)  # a line as text: a dict through a queued signal met a refcount bug of PySide6

    inbox = Inbox()
    try:
        recorder = Recorder(spec, say, on_idle=app.quit)
    except RuntimeError as exc:
        say({"ev": "camera_failed", "detail": str(exc)})
        return 1
    def handle(line: str) -> None:
        try:
            message = decode(line, key="op")
        except ProtocolError as exc:
            print(f"ignored: {exc}", file=sys.stderr, flush=True)
            return
        if message["op"] == "quit":
            QTimer.singleShot(QUIT_GRACE_MS, app.quit)  # clips that will not finish do not keep it alive
        recorder.handle(message)

    inbox.received.connect(handle, Qt.ConnectionType.QueuedConnection)

    def read() -> None:
        for line in sys.stdin.buffer:
            inbox.received.emit(line.decode("utf-8", "replace"))
        inbox.received.emit('{"op": "quit"}')  # the core went away: finish the clips and end

    threading.Thread(target=read, name="stdin", daemon=True).start()
    QTimer.singleShot(0, recorder.open)
    code = app.exec()
    sys.stdout.flush()
    sys.stderr.flush()
    # the stdin reader may still be blocked in a read: an interpreter shutdown would abort on its lock
    os._exit(code)
