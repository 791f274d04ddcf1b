"""Shared bits of the scale tests (no fixtures in conftest)."""
from __future__ import annotations

import threading
import time
from typing import Callable

SERIAL_PROTOCOLS = ("sics", "toledo8217", "cas", "cas-stream", "massak100", "massakj", "shtrih")
FAST = dict(poll_interval=0.03, reply_timeout=0.3, backoff=(0.05, 0.2))


def wait_until(predicate: Callable[[], object], timeout: float = 5.0, what: str = "condition"):
    """Bounded poll on a condition; returns its truthy value or fails naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


class Recorder:
    """Collects reader callbacks; thread-safe."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.states: list[str] = []
        self.readings: list = []

    def state(self, text: str) -> None:
        with self.lock:
            self.states.append(text)

    def reading(self, reading) -> None:
        with self.lock:
            self.readings.append(reading)

    def seen_states(self) -> list[str]:
        with self.lock:
            return list(self.states)

    def seen_readings(self) -> list:
        with self.lock:
            return list(self.readings)


def settles_at(reader, grams: float, timeout: float = 5.0):
    """Wait for a settled reading of ``grams`` (replies already under way may still show the old load)."""
    return wait_until(lambda: (r := reader.wait_reading(0.2, settled=True)) and r.grams == grams and r,
                      timeout, f"a settled {grams} g")
