"""Ethernet scales (e.g. Massa-K on port 5001) and serial-to-Ethernet converters."""
from __future__ import annotations

import socket

from ..errors import TransportLost
from .base import Transport

CONNECT_TIMEOUT_S = 3.0


class TcpTransport(Transport):
    def __init__(self, host: str, port: int, **kwargs) -> None:
        super().__init__(f"{host}:{port}", **kwargs)
        self.host, self.port = host, port
        self._sock: socket.socket | None = None

    def _open(self) -> None:
        self._sock = socket.create_connection((self.host, self.port), timeout=CONNECT_TIMEOUT_S)
        self._sock.settimeout(self.tick)

    def _read(self) -> bytes:
        try:
            data = self._sock.recv(4096)
        except TimeoutError:
            return b""
        except OSError as exc:
            raise TransportLost(f"connection to {self.name} lost: {exc}") from exc
        if not data:
            raise TransportLost(f"connection to {self.name} closed by the scale")
        return data

    def _write(self, data: bytes) -> None:
        try:
            self._sock.sendall(data)
        except OSError as exc:
            raise TransportLost(f"connection to {self.name} lost: {exc}") from exc

    def _close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
