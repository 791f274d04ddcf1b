"""A serial port (``serial:/dev/ttyUSB0``, ``serial:COM3``; any pyserial URL such as ``loop://``).

The port is opened on the first job and kept; after an error it is closed and reopened next time.
"""
from __future__ import annotations

import errno
import time
from collections.abc import Callable

import serial

from app.devices.printers.errors import PrinterOffline, PrinterTimeout, PrinterUnavailable


class SerialTransport:
    def __init__(self, port: str, *, baud: int = 9600, write_timeout: float = 60.0) -> None:
        self.port, self.baud, self.write_timeout = port, baud, write_timeout
        self.name = f"serial:{port}"
        self._link: serial.SerialBase | None = None

    def _open(self) -> serial.SerialBase:
        if self._link is None:
            try:
                self._link = serial.serial_for_url(self.port, baudrate=self.baud, timeout=0.1,
                                                   write_timeout=self.write_timeout)
            except serial.SerialException as exc:
                if exc.errno == errno.EACCES:
                    raise PrinterUnavailable(f"no permission to open {self.port} (Linux: join group dialout)") from exc
                raise PrinterOffline(f"cannot open {self.port}: {exc}") from exc
        return self._link

    def send(self, data: bytes) -> None:
        link = self._open()
        try:
            link.write(data)
        except serial.SerialTimeoutException as exc:
            self.close()
            raise PrinterTimeout(f"printer on {self.port} stopped taking data") from exc
        except serial.SerialException as exc:
            self.close()
            raise PrinterOffline(f"printer on {self.port} is gone: {exc}") from exc

    def query(self, data: bytes, *, reply_timeout: float, complete: Callable[[bytes], bool]) -> bytes:
        link = self._open()
        reply = b""
        try:
            link.reset_input_buffer()
            link.write(data)
            deadline = time.monotonic() + reply_timeout
            while not complete(reply) and time.monotonic() < deadline:
                reply += link.read(link.in_waiting or 1)
        except serial.SerialException as exc:
            self.close()
            raise PrinterOffline(f"printer on {self.port} is gone: {exc}") from exc
        return reply

    def close(self) -> None:
        if self._link is not None:
            link, self._link = self._link, None
            link.close()
