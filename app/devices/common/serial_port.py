"""Serial devices (RS-232, USB-serial converters, CDC-ACM) through pyserial."""
from __future__ import annotations

import serial

from .errors import TransportLost
from .transport import Transport

FRAMINGS = {
    "8N1": (serial.EIGHTBITS, serial.PARITY_NONE, serial.STOPBITS_ONE),
    "7E1": (serial.SEVENBITS, serial.PARITY_EVEN, serial.STOPBITS_ONE),
    "8E1": (serial.EIGHTBITS, serial.PARITY_EVEN, serial.STOPBITS_ONE),
}


class SerialTransport(Transport):
    def __init__(self, port: str, *, baud: int, framing: str = "8N1", **kwargs) -> None:
        super().__init__(port, **kwargs)
        self.port, self.baud, self.framing = port, baud, framing
        self._serial: serial.Serial | None = None

    def _open(self) -> None:
        bytesize, parity, stopbits = FRAMINGS[self.framing]
        # SerialException is an OSError: the worker retries with backoff
        self._serial = serial.Serial(self.port, self.baud, bytesize=bytesize, parity=parity,
                                     stopbits=stopbits, timeout=self.tick, write_timeout=1.0)

    def _read(self) -> bytes:
        try:
            data = self._serial.read(max(1, self._serial.in_waiting))
            if data and self._serial.in_waiting:
                data += self._serial.read(self._serial.in_waiting)
            return data
        except (serial.SerialException, OSError) as exc:
            raise TransportLost(f"serial port {self.port}: {exc}") from exc

    def _write(self, data: bytes) -> None:
        try:
            self._serial.write(data)
        except (serial.SerialException, OSError) as exc:
            raise TransportLost(f"serial port {self.port}: {exc}") from exc

    def _close(self) -> None:
        if self._serial is not None:
            try:
                self._serial.close()
            except (serial.SerialException, OSError):
                pass  # the device is already gone
            self._serial = None
