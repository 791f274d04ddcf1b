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
