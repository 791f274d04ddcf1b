"""The recorder program itself, started by the core's link as the bench starts it: generated frames
become a real clip and a photo; a camera that is not there is said at once; the program ends when
the core goes away, finishing its clip."""
from __future__ import annotations

import os
import queue
import sys
from pathlib import Path

import pytest

from app.devices.camera import RecorderLink, parse_camera_uri
from app.devices.camera.mp4 import read_movie
from app.ui.camera.program import NICENESS


def _link(uri: str):
    events: queue.Queue = queue.Queue()
    return RecorderLink(parse_camera_uri(uri), events.put).start(), events


def _until(events: queue.Queue, *kinds: str, timeout: float = 30.0) -> dict:
    while True:
        event = events.get(timeout=timeout)
        if event["ev"] in kinds:
            return event


def test_generated_frames_become_a_clip_with_the_overlay_and_a_photo(tmp_path):
    link, events = _link("sim://?size=320x240&fps=10")
    try:
        assert _until(events, "ready", "camera_failed")["ev"] == "ready"
        link.send({"op": "start", "clip": 1, "path": str(tmp_path / "c" / "clip.mp4"), "header": ["Отправление 1-1"]})
        assert _until(events, "recording")["clip"] == 1
        link.send({"op": "note", "clip": 1, "line": "10:00:01 ✓ Кружка 1 из 1"})
        link.send({"op": "photo", "photo": 2, "path": str(tmp_path / "p.jpg"), "line": "742 g"})
        photo = _until(events, "photo", "photo_failed")
        assert photo["ev"] == "photo" and (tmp_path / "p.jpg").read_bytes()[:2] == b"\xff\xd8"
        link.send({"op": "stop", "clip": 1})
        done = _until(events, "finished", "clip_failed")
        assert done["ev"] == "finished", done
        movie = read_movie(Path(done["path"]).read_bytes())
        # every frame sent is in the file; the file may hold more: on a loaded machine (two suites at
        # once) 3 frames became 4 samples of 0.1 s, as when the encoder repeats a frame to keep its rate
        assert movie.tracks and movie.tracks[0]["samples"] >= done["frames"] >= 1
    finally:
        link.close()
    assert not link.alive


def test_a_camera_that_is_not_there_is_said_at_once(tmp_path):
    link, events = _link("v4l2:/dev/video77")
    try:
        failed = _until(events, "ready", "camera_failed")
        assert failed["ev"] == "camera_failed" and "/dev/video77" in failed["detail"]
        link.send({"op": "start", "clip": 3, "path": str(tmp_path / "x.mp4"), "header": []})
        assert _until(events, "clip_failed", "recording")["ev"] == "clip_failed"
    finally:
        link.close()


def test_the_program_finishes_its_clip_and_ends_when_the_core_goes_away(tmp_path):
    link, events = _link("sim://?size=320x240&fps=10")
    _until(events, "ready")
    link.send({"op": "start", "clip": 5, "path": str(tmp_path / "c.mp4"), "header": []})
    _until(events, "recording")
    link._proc.stdin.close()  # the bench's process is gone: no quit was said
    assert _until(events, "finished", "clip_failed")["ev"] == "finished"
    assert _until(events, "exited")["code"] == 0
    link.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX niceness; Windows takes a priority class")
def test_the_recorder_runs_below_the_window():
    """The recorder yields the CPU to the bench's window, with every thread it starts."""
    link, events = _link("sim://?size=320x240&fps=10")
    try:
        _until(events, "ready")
        wanted = min(19, os.getpriority(os.PRIO_PROCESS, 0) + NICENESS)
        threads = list(Path(f"/proc/{link._proc.pid}/task").iterdir())
        assert len(threads) > 1  # Qt's and the stdin reader's
        assert {int(t.joinpath("stat").read_text().rsplit(")", 1)[1].split()[16]) for t in threads} == {wanted}
    finally:
        link.close()


def test_the_recorder_command_runs_this_interpreter():
    command = RecorderLink(parse_camera_uri("sim://"), print).command
    assert command[:4] == [sys.executable, "-m", "app", "--camera-recorder"]


def test_the_refcount_guard_keeps_none_alive_through_pyside6s_uncounted_returns():
    """PySide6 6.12 on Python 3.11 returns None from void methods without counting it: each call
    leaves None's count lower (the recorder died of it after ~35 s). The guard tops it up."""
    from PySide6.QtCore import QObject

    from app.ui.refcount_guard import NEEDED, top_up

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.setObjectName("x")
    lost = before - sys.getrefcount(None)
    if not NEEDED:
        assert top_up() == 0
        return
    assert lost in (0, 1000)  # 1000 on the affected builds: the bug this guards against
    floor = sys.getrefcount(None) + 5000
    assert top_up(floor) > 0 and sys.getrefcount(None) >= floor and sys.getrefcount(False) >= floor
