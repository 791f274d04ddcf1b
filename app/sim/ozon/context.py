"""What an endpoint handler gets (the world, faults, stats, label tasks) and what it may answer besides JSON."""
from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from app.sim.ozon.faults import Faults
from app.sim.ozon.label_tasks import LabelTasks
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
            self._files = {"requests": 0, "with_credentials": 0}

    def request(self, path: str) -> None:
        with self._lock:
            self._requests[path] += 1

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
