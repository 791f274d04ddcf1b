"""What the reader needs to know about one scale protocol."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

from ..reading import Reading


class Splitter(Protocol):
    """Incremental framer: feed bytes as they arrive, get complete frames back."""

    def feed(self, data: bytes) -> list[bytes]: ...

    def take_garbage(self) -> bytes:
        """Bytes thrown away while resynchronising since the last call."""
        ...


@dataclass(frozen=True)
class ScaleProtocol:
    name: str  # the ``protocol=`` value
    title: str
    parse: Callable[[bytes], Reading | None]  # None: a frame that carries no weight (an ack)
    new_splitter: Callable[[], Splitter]
    poll: bytes | None = None  # sent once per cycle; None: the device streams by itself
    zero: bytes | None = None
    tare: bytes | None = None
    ack: bytes = b""  # sent after each frame received (Shtrih-M wants an ACK)
    baud: int = 9600
    framing: str = "8N1"
    skip_first: int = 0  # frames to ignore after connecting (stale data)
    quiet_when_still: bool = False  # may report only on change: the last reading stays current

    @property
    def polled(self) -> bool:
        return self.poll is not None
