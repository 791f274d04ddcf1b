"""What an endpoint handler gets (the world, faults, stats, label tasks) and what it may answer besides JSON."""
from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.sim.ozon.faults import Faults
from app.sim.ozon.label_tasks import LabelTasks
from app.sim.ozon.world import World


class Stats:
    """Request counts per path and answers per status, for tests that count client calls; and the
    requests of each wall-clock second (Ozon's limit is per second and Client-Id: a room of benches
    must stay under it together)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._per_second: Counter[int] = Counter()
            self._requests: Counter[str] = Counter()
            self._answers: defaultdict[str, Counter[str]] = defaultdict(Counter)
            self._ship_calls: Counter[str] = Counter()
            self._files = {"requests": 0, "with_credentials": 0}

    def request(self, path: str) -> None:
        second = int(self._clock())
        with self._lock:
            self._requests[path] += 1
            self._per_second[second] += 1

    def per_second(self) -> dict[int, int]:
        """Requests to Ozon's paths in each second (Unix time, whole seconds) that had any."""
        with self._lock:
            return dict(sorted(self._per_second.items()))

    def answer(self, path: str, status: int | str) -> None:
        with self._lock:
            self._answers[path][str(status)] += 1

    def file_request(self, with_credentials: bool) -> None:
        """A request to the file host (the CDN of label files); ``with_credentials``: it carried
        Client-Id or Api-Key, which must never happen."""
        with self._lock:
            self._files["requests"] += 1
            self._files["with_credentials"] += with_credentials

    def files(self) -> dict[str, int]:
        with self._lock:
            return dict(self._files)

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
                "files": dict(self._files),
                "per_second": {str(second): n for second, n in sorted(self._per_second.items())},
                "max_per_second": max(self._per_second.values(), default=0),
            }


@dataclass(frozen=True)
class Binary:
    """An answer that is not JSON (a PDF, a PNG)."""

    content_type: str
    data: bytes


@dataclass
class Context:
    world: World
    faults: Faults
    stats: Stats
    labels: LabelTasks
    client_id: str = "100000"
    carriages: Any = None       # app.sim.ozon.carriages.Carriages
    status_changes: Any = None  # app.sim.ozon.own_carrier.StatusChanges
    chats: Any = None           # app.sim.ozon.chat.Chats
