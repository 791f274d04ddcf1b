"""The bench's log file: ``RotatingFileHandler``'s rotation at the cost of one format and one write
per record.

The standard handler asks the file system twice per record whether its file is still a regular one
(bpo-45401: never rotate ``/dev/null``), then formats the record to see whether it fits, then
formats it again to write it: most of the ~60 µs a log line cost the station's thread on a 2 GHz
core. Here the file's kind is checked when it is opened, and the record is formatted once.
"""
from __future__ import annotations

import logging
import logging.handlers
import os


class LogFile(logging.handlers.RotatingFileHandler):
    def __init__(self, filename: os.PathLike | str, *, max_bytes: int, backups: int) -> None:
        super().__init__(filename, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        self._rotates = max_bytes > 0 and os.path.isfile(self.baseFilename)  # a device is never rotated

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record) + self.terminator
            if self.stream is None:  # closed by a rollover that could not reopen
                self.stream = self._open()
            # the file's end, not a count of our own: other processes of the bench append to it too
            if self._rotates and self.stream.seek(0, os.SEEK_END) + len(text) >= self.maxBytes:
                self.doRollover()
            self.stream.write(text)
            self.stream.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)
