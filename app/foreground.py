"""The packer first: the bench's background work gives way while a scan is being decided.

Python runs one thread at a time. A decision lets go of the interpreter at each SQLite call and at
its commit, and each time it wants it back it waits while a busy background thread keeps it, up to
the switch interval (Python's 5 ms; the window sets 1 ms). A decision makes a few dozen such calls,
so a sync pass turning Ozon's pages into rows made every scan beside it wait: during full pulls of
3,000 postings a scan's decision took a median of 16-22 ms (p99 71-75 ms) against 2 ms with the bench
quiet, and 7-9.5 ms (p99 21-30 ms) once the sync gave way (``benchmarks/bench_scan_during_sync.py``,
``--as-before`` for the first figures; 2 cores at 2.0 GHz).

``FOREGROUND.deciding()`` marks a decision in flight (the writer lane's ``call_first``: a station,
hand-over or return decision a person waits for); background loops call ``give_way()`` between
their small steps (a posting parsed, a posting turned into rows). While a decision is in flight,
``give_way`` waits, without holding the interpreter, until it is over, at most ``max_wait_s`` a
call, so a packer scanning without pause never starves the sync. The thread that is deciding never
waits on itself. One per process: the interpreter is shared by the process's threads.

``linger_s``: how long background work still waits after a decision. The window sets it
(``app/ui/app.py``): the answer is shown after the decision, and work that waited only for the
decision came back exactly then, taking the interpreter from the answer's repaint.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

MAX_WAIT_S = 0.2  # the most one step of background work waits for the packer


class Foreground:
    def __init__(self, *, max_wait_s: float = MAX_WAIT_S, linger_s: float = 0.0) -> None:
        self.max_wait_s, self.linger_s = max_wait_s, linger_s
        self._changed = threading.Condition()
        self._deciding: dict[int, int] = {}  # thread id -> how deep in ``deciding`` blocks
        self._ended = float("-inf")  # when the last decision ended (time.monotonic)
        self._until = float("-inf")  # background work waits until then (the last one's linger)
        self._waiting = 0  # background threads waiting in ``give_way`` (told when a decision ends)
        self._block = _Deciding(self)

    def busy(self) -> bool:
        """A decision is in flight."""
        return bool(self._deciding)

    def at_work(self, within_s: float) -> bool:
        """A decision is in flight or ended less than ``within_s`` ago: someone is at the bench."""
        return bool(self._deciding) or time.monotonic() - self._ended < within_s

    def deciding(self) -> _Deciding:
        """``with deciding():`` the block is a decision a person waits for: background work gives
        way meanwhile. (A plain context manager, one for all: a scan goes through it.)"""
        return self._block

    def _begin(self) -> None:
        me = threading.get_ident()
        with self._changed:
            self._deciding[me] = self._deciding.get(me, 0) + 1

    def _end(self) -> None:
        with self._changed:
            me = threading.get_ident()
            depth = self._deciding.pop(me) - 1
            if depth:
                self._deciding[me] = depth
            else:
                self._ended = time.monotonic()
                self._until = self._ended + self.linger_s
                if self._waiting:
                    self._changed.notify_all()

    def give_way(self) -> float:
        """Between two steps of background work: wait while a decision is in flight and for
        ``linger_s`` after it (at most ``max_wait_s``). Returns the seconds waited; nothing in
        flight costs a check."""
        if not self._deciding and time.monotonic() >= self._until:
            return 0.0
        if threading.get_ident() in self._deciding:
            return 0.0
        start = time.monotonic()
        deadline = start + self.max_wait_s
        with self._changed:
            self._waiting += 1
            try:
                while True:
                    now = time.monotonic()
                    if now >= deadline or not (self._deciding or now < self._until):
                        break
                    self._changed.wait((deadline if self._deciding else min(self._until, deadline)) - now)
            finally:
                self._waiting -= 1
        return time.monotonic() - start

    def paced(self, steps: Iterable[T]) -> Iterator[T]:
        """``steps``, giving way before each one."""
        for step in steps:
            self.give_way()
            yield step


class _Deciding:
    """``Foreground.deciding``'s block."""

    __slots__ = ("_foreground",)

    def __init__(self, foreground: Foreground) -> None:
        self._foreground = foreground

    def __enter__(self) -> None:
        self._foreground._begin()

    def __exit__(self, *_exc: object) -> None:
        self._foreground._end()


FOREGROUND = Foreground()


def deciding():  # noqa: ANN201 - FOREGROUND.deciding()
    return FOREGROUND.deciding()


def paced(steps: Iterable[T]) -> Iterator[T]:
    return FOREGROUND.paced(steps)


def at_work(within_s: float) -> bool:
    return FOREGROUND.at_work(within_s)
