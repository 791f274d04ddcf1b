"""The bench's log file: ``RotatingFileHandler``'s rotation at the cost of one format and one write
per record.

The standard handler asks the file system twice per record whether its file is still a regular one
(bpo-45401: never rotate ``/dev/null``), then formats the record to see whether it fits, then
formats it again to write it: most of the ~60 µs a log line cost the station's thread on a 2 GHz
core. Here the file's kind is checked when it is opened, and the record is formatted once.

A file that cannot be written (the disk full, the mount gone) is said once on stderr, in one line,
not with a traceback per record; the file is opened again at the next record, and the first line
that reaches it says how many were lost.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys


class LogFile(logging.handlers.RotatingFileHandler):
    def __init__(self, filename: os.PathLike | str, *, max_bytes: int, backups: int) -> None:
        super().__init__(filename, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        self._rotates = max_bytes > 0 and os.path.isfile(self.baseFilename)  # a device is never rotated
        self.lost = 0  # records not written since the file last took one

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record) + self.terminator
            if self.lost:
                text = self.format(logging.makeLogRecord({
                    "name": "packdesk.log", "levelno": logging.WARNING, "levelname": "WARNING",
                    "msg": "%d log lines before this one could not be written to this file", "args": (self.lost,),
                })) + self.terminator + text
            if self.stream is None:  # closed by a rollover that could not reopen
                self.stream = self._open()
            # the file's end, not a count of our own: other processes of the bench append to it too
            if self._rotates and self.stream.seek(0, os.SEEK_END) + len(text) >= self.maxBytes:
                self.doRollover()
            self.stream.write(text)
            self.stream.flush()
            self.lost = 0
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        failure = sys.exc_info()[1]
        if not isinstance(failure, OSError):  # a record that cannot be formatted: our bug, traced
            super().handleError(record)
            return
        self.lost += 1
        stream, self.stream = self.stream, None  # what it still holds is dropped; opened again next time
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass
        if self.lost == 1 and sys.stderr is not None:
            print(f"packdesk: the log file {self.baseFilename} cannot be written ({failure.strerror or failure}); "
                  "its lines are lost until it can", file=sys.stderr, flush=True)
