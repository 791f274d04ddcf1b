"""Raw TCP (port 9100, "JetDirect"): one connection per job, so a printer that was switched off
and on, or a dropped idle connection, never poisons the next label.

After the data the write side is shut down and the printer is given ``drain_timeout`` to close
its side: that confirms it read everything. A printer that keeps the connection open is fine.
"""
from __future__ import annotations

import errno
import logging
import socket
import time
from collections.abc import Callable

from app.devices.printers.errors import (
    PrinterError,
    PrinterOffline,
    PrinterRefused,
    PrinterReset,
    PrinterTimeout,
)

log = logging.getLogger("packdesk.devices.printer.tcp")

_UNREACHABLE = {errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN, errno.ENETDOWN}


class TcpTransport:
    def __init__(self, host: str, port: int, *, connect_timeout: float = 5.0, send_timeout: float = 60.0,
                 drain_timeout: float = 2.0) -> None:
        self.host, self.port = host, port
        self.name = f"tcp://{host}:{port}"
        self.connect_timeout, self.send_timeout, self.drain_timeout = connect_timeout, send_timeout, drain_timeout

    def _error(self, exc: OSError, doing: str) -> PrinterError:
        where = f"printer {self.host}:{self.port}"
        if isinstance(exc, ConnectionRefusedError):
            return PrinterRefused(f"{where} refused the connection (nothing listens on port {self.port})")
        if isinstance(exc, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
            return PrinterReset(f"{where} dropped the connection while {doing}; the label may not be printed")
        if isinstance(exc, TimeoutError):  # socket.timeout is TimeoutError
            return PrinterTimeout(f"{where} did not respond in time while {doing}")
        if isinstance(exc, socket.gaierror):
            return PrinterOffline(f"cannot resolve printer host {self.host!r}: {exc.strerror}")
        if exc.errno in _UNREACHABLE:
            return PrinterOffline(f"{where} is unreachable: {exc.strerror}")
        return PrinterError(f"{where}: {exc.strerror or exc} while {doing}")

    def _connect(self) -> socket.socket:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except OSError as exc:
            raise self._error(exc, "connecting") from exc
        sock.settimeout(self.send_timeout)
        return sock

    def send(self, data: bytes) -> None:
        with self._connect() as sock:
            try:
                sock.sendall(data)
                sock.shutdown(socket.SHUT_WR)
            except OSError as exc:
                raise self._error(exc, "sending the label") from exc
            self._drain(sock)

    def _drain(self, sock: socket.socket) -> None:
        """Wait briefly for the printer to close after reading everything; ignore what it says."""
        deadline = time.monotonic() + self.drain_timeout
        try:
            while (left := deadline - time.monotonic()) > 0:
                sock.settimeout(left)
                if not sock.recv(4096):
                    return
        except TimeoutError:
            log.debug("%s kept the connection open after the job", self.name)
        except OSError as exc:  # all data was handed over; some printers close with a reset
            log.warning("%s: %s after the job was sent", self.name, exc)

    def query(self, data: bytes, *, reply_timeout: float, complete: Callable[[bytes], bool]) -> bytes:
        reply = b""
        with self._connect() as sock:
            try:
                sock.sendall(data)
                deadline = time.monotonic() + reply_timeout
                while not complete(reply) and (left := deadline - time.monotonic()) > 0:
                    sock.settimeout(left)
                    chunk = sock.recv(1024)
                    if not chunk:
                        break
                    reply += chunk
            except TimeoutError:
                pass
            except OSError as exc:
                raise self._error(exc, "asking for its status") from exc
        return reply

    def close(self) -> None:
        """Nothing stays open between jobs."""
