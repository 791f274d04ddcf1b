"""``sim://``: a simulated scale for the demo and higher-layer tests.

``SimulatedScale`` is the platform and its load: ``set_target(grams)`` puts a parcel on it;
the reading then moves towards the target with noise for ``settle_s`` and settles within
±1 g of it. ``SimTransport`` is its cable: it streams CAS lines (``ST,GS,+  0.742kg``),
so simulated readings go through the same splitter and parser as a real scale's.
"""
from __future__ import annotations

import random
import threading
import time
from typing import Callable

from ..errors import TransportLost
from .base import Transport

PROTOCOL = "cas-stream"


class SimulatedScale:
    def __init__(self, target: float = 0.0, *, settle_s: float = 0.6, noise_g: float = 3.0,
                 period_s: float = 0.1, seed: int | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settle_s, self.noise_g, self.period_s = settle_s, noise_g, period_s
        self._rng = random.Random(seed)
        self._clock = clock
        self._lock = threading.Lock()
        self._from = self._target = float(target)
        self._offset = 0.0
        self._since = clock() - settle_s  # start settled
        self._plugged = True

    # --- the outside world (any thread) --------------------------------------------------
    def set_target(self, grams: float) -> None:
        """Put a load of ``grams`` on the platform (0 empties it)."""
        with self._lock:
            self._from = self._shown_locked()[0]
            self._target = float(grams)
            self._offset = float(self._rng.choice((-1, 0, 0, 1))) if grams else 0.0
            self._since = self._clock()

    def unplug(self) -> None:
        with self._lock:
            self._plugged = False

    def plug(self) -> None:
        with self._lock:
            self._plugged = True

    @property
    def plugged(self) -> bool:
        with self._lock:
            return self._plugged

    def shown(self) -> tuple[float, bool]:
        """(grams, stable) as the display would show them now."""
        with self._lock:
            return self._shown_locked()

    def _shown_locked(self) -> tuple[float, bool]:
        progress = (self._clock() - self._since) / self.settle_s if self.settle_s > 0 else 1.0
        if progress >= 1.0:
            return self._target + self._offset, True
        value = self._from + (self._target - self._from) * progress
        return value + self._rng.uniform(-self.noise_g, self.noise_g), False


def cas_line(grams: float, stable: bool) -> bytes:
    sign = "-" if grams < 0 else "+"
    return f"{'ST' if stable else 'US'},GS,{sign}{abs(grams) / 1000:8.3f}kg\r\n".encode("ascii")


class SimTransport(Transport):
    def __init__(self, scale: SimulatedScale, **kwargs) -> None:
        super().__init__("sim", **kwargs)
        self.scale = scale
        self._next = 0.0

    def _open(self) -> None:
        if not self.scale.plugged:
            raise OSError("simulated scale is unplugged")
        self._next = time.monotonic()

    def _read(self) -> bytes:
        if not self.scale.plugged:
            raise TransportLost("simulated scale unplugged")
        wait = self._next - time.monotonic()
        if wait > self.tick:
            time.sleep(self.tick)  # the device has nothing to say yet
            return b""
        if wait > 0:
            time.sleep(wait)
        self._next = max(self._next + self.scale.period_s, time.monotonic())
        return cas_line(*self.scale.shown())

    def _write(self, data: bytes) -> None:
        if not self.scale.plugged:
            raise TransportLost("simulated scale unplugged")

    def _close(self) -> None:
        pass
