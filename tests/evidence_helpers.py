"""A recorder that plugs in where the real recorder program does (``camera_factory``): it answers
the core's messages as the program would, writing small files, so the evidence service is tested
without Qt or a process. ``fail_with`` makes it a camera that is missing; ``die()`` ends it mid-clip;
``slow_start`` keeps it starting until ``started()``."""
from __future__ import annotations

import threading
from pathlib import Path

from app.services.evidence import Evidence


class FakeRecorder:
    def __init__(self, on_event, *, fail_with: str = "", finish: bool = True, slow_start: bool = False) -> None:
        self.on_event, self.fail_with, self.finish = on_event, fail_with, finish
        self.sent: list[dict] = []
        self.alive = True
        self.notes: dict[int, list[str]] = {}
        self.paths: dict[int, Path] = {}
        self.closed = threading.Event()
        if not slow_start:
            self.started()

    def started(self) -> None:
        """The camera opened (or failed to): at once, or when a ``slow_start`` recorder is told to."""
        self.on_event({"ev": "camera_failed", "detail": self.fail_with} if self.fail_with else
                      {"ev": "ready", "camera": "fake", "codec": "MPEG4", "size": [640, 480], "fps": 15})

    def send(self, message: dict) -> None:
        self.sent.append(message)
        op = message["op"]
        if op == "start":
            if self.fail_with:
                self.on_event({"ev": "clip_failed", "clip": message["clip"], "path": "", "detail": self.fail_with})
                return
            self.paths[message["clip"]] = Path(message["path"])
            self.notes[message["clip"]] = []
            self.on_event({"ev": "recording", "clip": message["clip"]})
        elif op == "note":
            self.notes[message["clip"]].append(message["line"])
        elif op == "stop" and self.finish:
            path = self.paths[message["clip"]]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"clip:" + "\n".join(self.notes[message["clip"]]).encode())
            self.on_event({"ev": "finished", "clip": message["clip"], "path": str(path), "duration_ms": 1500,
                           "frames": 22})
        elif op == "photo" and self.fail_with:
            self.on_event({"ev": "photo_failed", "photo": message["photo"], "detail": self.fail_with})
        elif op == "photo":
            path = Path(message["path"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"jpeg:" + message["line"].encode())
            self.on_event({"ev": "photo", "photo": message["photo"], "path": str(path)})

    def die(self, code: int = -9) -> None:
        """The program ends (a crash) with whatever it was recording unfinished."""
        for clip, path in self.paths.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"partial")
        self.alive = False
        self.on_event({"ev": "exited", "code": code})

    def close(self, timeout: float = 10.0) -> None:
        self.alive = False
        self.closed.set()


def evidence_for(shop, *, camera: bool = True, states: list | None = None, **recorder) -> tuple[Evidence, list]:
    """An Evidence on the shop's cache with a fake recorder (or no camera); the recorders made."""
    made: list[FakeRecorder] = []

    def factory(on_event):
        made.append(FakeRecorder(on_event, **recorder))
        return made[-1]

    on_state = (lambda *state: states.append(state)) if states is not None else None
    evidence = Evidence(shop.db, shop.path, station="bench-1", camera_uri="fake://" if camera else "",
                        camera_factory=factory if camera else None, now=shop.now, on_state=on_state,
                        lang="en").start()
    assert evidence.wait_idle(10)  # the recorder is started on the evidence thread
    return evidence, made
