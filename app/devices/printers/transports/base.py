"""The one seam between a printer and its link."""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable


@runtime_checkable
class Transport(Protocol):
    name: str  # for logs and messages, e.g. "tcp://192.168.1.50:9100"

    def send(self, data: bytes) -> None:
        """Deliver one whole job; raise a PrinterError subclass when it cannot."""

    def close(self) -> None:
        """Release the link; a later send may open it again."""


@runtime_checkable
class QueryTransport(Transport, Protocol):
    def query(self, data: bytes, *, reply_timeout: float, complete: Callable[[bytes], bool]) -> bytes:
        """Send ``data`` and collect the reply until ``complete(reply)`` or the timeout; b"" if silent."""
