"""What an endpoint handler gets (the world, faults, stats) and what it may answer besides JSON."""
from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from app.sim.ozon.faults import Faults
from app.sim.ozon.world import World


class Stats:
    """Request counts per path and answers per status, for tests that count client calls."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._requests: Counter[str] = Counter()
            self._answers: defaultdict[str, Counter[str]] = defaultdict(Counter)
            self._ship_calls: Counter[str] = Counter()

    def request(self, path: str) -> None:
        with self._lock:
            self._requests[path] += 1

    def answer(self, path: str, status: int | str) -> None:
        with self._lock:
            self._answers[path][str(status)] += 1

    def ship_call(self, posting_number: str) -> None:
        with self._lock:
            self._ship_calls[posting_number] += 1

    def requests(self, path: str) -> int:
        with self._lock:
            return self._requests[path]

    def ship_calls(self, posting_number: str) -> int:
        with self._lock:
            return self._ship_calls[posting_number]

    def as_dict(self) -> dict:
        with self._lock:
            return {
                "total": sum(self._requests.values()),
                "requests": dict(self._requests),
                "answers": {path: dict(counts) for path, counts in self._answers.items()},
                "ship_calls": dict(self._ship_calls),
            }


@dataclass
class Context:
    world: World
    faults: Faults
    stats: Stats
    client_id: str = "100000"


@dataclass(frozen=True)
class Raw:
    """A non-JSON answer (the label PDF)."""

    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
