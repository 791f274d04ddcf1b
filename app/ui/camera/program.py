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


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: only pictures in memory
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QObject, Qt, QTimer, Signal, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    from app.ui.camera.recorder import Recorder

    spec = CameraSpec.from_dict(json.loads(argv[0]))
    qInstallMessageHandler(lambda _kind, _context, text: print(text, file=sys.stderr, flush=True))
    app = QGuiApplication(["packdesk-camera"])
    out_lock = threading.Lock()

    def say(message: dict) -> None:
        with out_lock:
            sys.stdout.buffer.write(encode(message))
            sys.stdout.buffer.flush()

    class Inbox(QObject):
        received = Signal(dict)

    inbox = Inbox()
    try:
        recorder = Recorder(spec, say, on_idle=app.quit)
    except RuntimeError as exc:
        say({"ev": "camera_failed", "detail": str(exc)})
        return 1
    inbox.received.connect(recorder.handle, Qt.ConnectionType.QueuedConnection)

    def read() -> None:
        for line in sys.stdin.buffer:
            try:
                inbox.received.emit(decode(line, key="op"))
            except ProtocolError as exc:
                print(f"ignored: {exc}", file=sys.stderr, flush=True)
        inbox.received.emit({"op": "quit"})  # the core went away: finish the clips and end

    threading.Thread(target=read, name="stdin", daemon=True).start()
    QTimer.singleShot(0, recorder.open)
    inbox.received.connect(lambda m: m.get("op") == "quit" and QTimer.singleShot(QUIT_GRACE_MS, app.quit))
    return app.exec()
