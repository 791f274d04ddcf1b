"""The bench's log file (``app.log_file.LogFile``): rotated as the standard handler rotates it, each
record formatted once, a device never rotated, other processes' lines counted."""
from __future__ import annotations

import logging
import os

from app.log_file import LogFile


class CountingFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(levelname)s %(message)s")
        self.calls = 0

    def format(self, record: logging.LogRecord) -> str:
        self.calls += 1
        return super().format(record)


def _record(message: str) -> logging.LogRecord:
    return logging.LogRecord("packdesk.test", logging.INFO, __file__, 1, message, None, None)


def _handler(path, max_bytes: int, backups: int = 2) -> tuple[LogFile, CountingFormatter]:
    handler = LogFile(path, max_bytes=max_bytes, backups=backups)
    formatter = CountingFormatter()
    handler.setFormatter(formatter)
    return handler, formatter


def test_a_record_is_formatted_once_and_written_whole(tmp_path):
    handler, formatter = _handler(tmp_path / "packdesk.log", max_bytes=10_000)
    try:
        handler.handle(_record("Отправление 1-1 открыто"))
        handler.handle(_record("second"))
    finally:
        handler.close()
    assert formatter.calls == 2
    assert (tmp_path / "packdesk.log").read_text(encoding="utf-8") == "INFO Отправление 1-1 открыто\nINFO second\n"


def test_the_file_rotates_before_a_record_would_pass_its_size(tmp_path):
    path = tmp_path / "packdesk.log"
    handler, _ = _handler(path, max_bytes=100, backups=2)
    try:
        for n in range(16):  # lines of 24 bytes: a fifth would pass 100, so 4 per file, 3 rotations
            handler.handle(_record(f"line {n:02d} of sixteen"))
    finally:
        handler.close()
    kept = [path, path.with_name("packdesk.log.1"), path.with_name("packdesk.log.2")]
    assert [p.stat().st_size for p in kept] == [96, 96, 96]
    assert not path.with_name("packdesk.log.3").exists()  # backups: 2, the oldest four lines are gone
    assert path.read_text(encoding="utf-8").splitlines() == [f"INFO line {n:02d} of sixteen" for n in range(12, 16)]
    assert path.with_name("packdesk.log.2").read_text(encoding="utf-8").splitlines()[0] == "INFO line 04 of sixteen"


def test_lines_another_process_appended_count_toward_the_size(tmp_path):
    path = tmp_path / "packdesk.log"
    handler, _ = _handler(path, max_bytes=100)
    try:
        handler.handle(_record("ours"))
        with open(path, "a", encoding="utf-8") as other:  # another packdesk process of this bench
            other.write("x" * 90 + "\n")
        handler.handle(_record("ours again"))
    finally:
        handler.close()
    assert path.read_text(encoding="utf-8") == "INFO ours again\n"
    assert path.with_name("packdesk.log.1").read_text(encoding="utf-8").startswith("INFO ours\nxxx")


def test_a_device_is_written_and_never_rotated():
    handler, formatter = _handler(os.devnull, max_bytes=10)
    rotations = []
    handler.doRollover = lambda: rotations.append(1)  # a rotation would rename /dev/null (as root it can)
    try:
        for _ in range(5):
            handler.handle(_record("a line longer than ten bytes"))
    finally:
        handler.close()
    assert formatter.calls == 5 and os.path.exists(os.devnull)
    assert rotations == []


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_a_full_disk_is_said_once_on_stderr_not_traced_per_record(capfd):
    handler, _ = _handler("/dev/full", max_bytes=0)  # every write: ENOSPC, as on a full disk
    try:
        handler.handle(_record("first"))
        fds = _open_fds()
        for n in range(50):
            handler.handle(_record(f"line {n}"))
        assert _open_fds() == fds  # each failed file is closed before the next record opens it again
    finally:
        handler.close()
    err = capfd.readouterr().err
    assert err.splitlines() == ["packdesk: the log file /dev/full cannot be written (No space left on device); "
                                "its lines are lost until it can"]
    assert handler.lost == 51


def test_the_first_line_written_again_says_how_many_were_lost(tmp_path, capfd):
    path = tmp_path / "packdesk.log"
    handler, _ = _handler(path, max_bytes=10_000)
    try:
        handler.handle(_record("before"))
        handler.close()
        handler.baseFilename = "/dev/full"  # the disk fills up
        for n in range(3):
            handler.handle(_record(f"lost {n}"))
        handler.close()
        handler.baseFilename = str(path)  # space again
        handler.handle(_record("after"))
        handler.handle(_record("and on"))
    finally:
        handler.close()
    assert path.read_text(encoding="utf-8").splitlines() == [
        "INFO before", "WARNING 3 log lines before this one could not be written to this file", "INFO after",
        "INFO and on"]
    assert len(capfd.readouterr().err.splitlines()) == 1


def test_a_record_that_cannot_be_formatted_is_still_traced_as_a_bug(tmp_path, capfd):
    handler, _ = _handler(tmp_path / "packdesk.log", max_bytes=10_000)
    try:
        handler.handle(logging.LogRecord("packdesk.test", logging.INFO, __file__, 1, "%d units", ("x",), None))
    finally:
        handler.close()
    assert "Traceback" in capfd.readouterr().err and handler.lost == 0
