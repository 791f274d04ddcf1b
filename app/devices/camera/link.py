"""``RecorderLink``: the packing camera as the core sees it, a recorder program in its own process.

Capture and encoding need QtMultimedia, which the core never imports: the recorder is a small
Qt program (``app/ui/camera``) started as ``python -m app --camera-recorder SPEC`` (the frozen
build: ``packdesk --camera-recorder SPEC``) and spoken to over its standard input and output
(``protocol``). Its own process means its frames, overlays and encoder never take the station's
thread, the GIL or the window's event loop, and a camera driver that crashes takes only itself down:
the link reports ``exited`` and the next clip starts a new program.

    link = RecorderLink(spec, on_event=handle).start()    # handle(dict) runs on the link's reader thread
    link.send({"op": "start", "clip": 7, "path": "...", "header": [...]})   # never blocks
    link.close(timeout=10)                                # quit, wait for the clips to finish

``send`` only queues: a writer thread owns the pipe, so a stuck program cannot stall the caller.
"""
from __future__ import annotations

import json
import logging
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from app.devices.camera.protocol import ProtocolError, decode, encode
from app.devices.camera.uri import CameraSpec

log = logging.getLogger("packdesk.devices.camera")

RECORDER_FLAG = "--camera-recorder"
_STOP = object()


def recorder_command(spec: CameraSpec) -> list[str]:
    """How to start the recorder program with this interpreter (or this frozen build)."""
    argument = json.dumps(spec.as_dict(), separators=(",", ":"))
    if getattr(sys, "frozen", False):
        return [sys.executable, RECORDER_FLAG, argument]
    return [sys.executable, "-m", "app", RECORDER_FLAG, argument]


class RecorderLink:
    def __init__(self, spec: CameraSpec, on_event: Callable[[dict[str, Any]], None], *,
                 command: list[str] | None = None) -> None:
        self.spec, self.on_event = spec, on_event
        self.command = command or recorder_command(spec)
        self._proc: subprocess.Popen | None = None
        self._outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self.started_at = 0.0

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> RecorderLink:
        self.started_at = time.monotonic()
        self._outbox = queue.SimpleQueue()
        try:
            self._proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE)
        except OSError as exc:
            log.warning("camera %s: the recorder program cannot start: %s", self.spec.uri, exc)
            self._proc = None
            self.on_event({"ev": "exited", "code": None, "detail": str(exc)})
            return self
        proc = self._proc
        self._threads = [threading.Thread(target=target, args=(proc,), name=f"packdesk-camera-{name}", daemon=True)
                         for name, target in (("out", self._read), ("err", self._read_stderr), ("in", self._write))]
        for thread in self._threads:
            thread.start()
        return self

    def send(self, message: dict[str, Any]) -> None:
        """Queue one message for the program (never waits on it)."""
        self._outbox.put(encode(message))

    def close(self, timeout: float = 10.0) -> None:
        """Ask the program to finish its clips and quit; kill it after ``timeout``."""
        proc = self._proc
        if proc is None:
            return
        self.send({"op": "quit"})
        self._outbox.put(_STOP)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            log.warning("camera %s: the recorder did not quit within %.0f s; stopped", self.spec.uri, timeout)
            proc.kill()
            proc.wait(5)
        for thread in self._threads:
            thread.join(2)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            try:
                stream.close()
            except (OSError, ValueError):
                pass
        self._proc = None

    # -- the link's threads ------------------------------------------------------------------
    def _write(self, proc: subprocess.Popen) -> None:
        while True:
            data = self._outbox.get()
            if data is _STOP:
                break
            try:
                proc.stdin.write(data)
                proc.stdin.flush()
            except (BrokenPipeError, OSError, ValueError):
                break  # the reader reports the exit
        try:
            proc.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass

    def _read(self, proc: subprocess.Popen) -> None:
        for line in proc.stdout:
            try:
                message = decode(line, key="ev")
            except ProtocolError as exc:
                log.warning("camera %s: the recorder said something unexpected (%s)", self.spec.uri, exc)
                continue
            self._deliver(message)
        code = proc.wait()
        self._outbox.put(_STOP)
        self._deliver({"ev": "exited", "code": code})

    def _read_stderr(self, proc: subprocess.Popen) -> None:
        for raw in proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip()
            if line:
                log.debug("recorder: %s", line)

    def _deliver(self, message: dict[str, Any]) -> None:
        try:
            self.on_event(message)
        except Exception:  # the handler's bug must not end the link
            log.exception("handling the recorder's %s failed", message.get("ev"))
