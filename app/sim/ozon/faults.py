"""Faults on demand: rate limits, server errors, slow or broken answers, failed ships.

Set the fields directly (``sim.faults.rate_429 = 0.2``) or through ``/_sim/faults``. The
probabilities are drawn from a seeded RNG so a run with the same seed and the same requests
sees the same faults.
"""
from __future__ import annotations

import random
import threading
from dataclasses import dataclass

# Fields settable over HTTP, with their types.
SETTABLE = {
    "rate_429": float,  # probability of a 429 rate-limit answer (request not applied)
    "retry_after_s": int,  # value of the retry-after header on 429
    "rate_500": float,  # probability of a 500 Internal error (request not applied)
    "latency_s": float,  # extra delay before every answer
    "rate_malformed": float,  # probability of a truncated JSON body (request applied)
    "rate_reset": float,  # probability of closing the connection without answer (request applied)
}


@dataclass
class FailRule:
    path: str
    remaining: int
    status: int  # HTTP status to answer; 0 closes the connection without an answer
    apply: bool  # True: the request takes effect and only its answer is lost or replaced


@dataclass(frozen=True)
class Decision:
    latency_s: float = 0.0
    before: int | None = None  # answer this status instead of handling the request
    after: int | str | None = None  # handle it, then answer this status, "malformed" or "reset"


class Faults:
    def __init__(self, seed: int = 0):
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self._rules: list[FailRule] = []
        self._ship_failed: set[str] = set()
        self.reset()

    def reset(self) -> None:
        """No faults at all (the RNG keeps its sequence)."""
        with self._lock:
            self.rate_429 = 0.0
            self.retry_after_s = 1
            self.rate_500 = 0.0
            self.latency_s = 0.0
            self.rate_malformed = 0.0
            self.rate_reset = 0.0
            self._rules.clear()
            self._ship_failed.clear()

    def update(self, values: dict) -> None:
        """Set several fields at once; ValueError on unknown fields or bad values."""
        parsed = {}
        for name, value in values.items():
            kind = SETTABLE.get(name)
            if kind is None:
                raise ValueError(f"unknown fault field {name!r}")
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{name} must be a number")
            number = kind(value)
            if number < 0 or (name.startswith("rate_") and number > 1):
                raise ValueError(f"{name} out of range: {value!r}")
            parsed[name] = number
        with self._lock:
            for name, number in parsed.items():
                setattr(self, name, number)

    def as_dict(self) -> dict:
        with self._lock:
            return {
                **{name: getattr(self, name) for name in SETTABLE},
                "fail_next": [vars(rule).copy() for rule in self._rules],
                "ship_failed": sorted(self._ship_failed),
            }

    def fail_next(self, path: str, count: int = 1, status: int = 500, apply: bool = False) -> None:
        """Fail the next ``count`` requests to ``path`` with ``status`` (0: drop the connection).

        With ``apply`` the request is carried out first and only its answer is replaced: the
        client cannot know whether its mutation happened.
        """
        if count < 1 or not (status == 0 or 400 <= status <= 599):
            raise ValueError("count must be >= 1 and status 0 or 4xx/5xx")
        with self._lock:
            self._rules.append(FailRule(path, count, status, apply))

    def ship_failed_next(self, posting_number: str) -> None:
        """The next accepted ship of this posting ends in ``ship_failed``."""
        with self._lock:
            self._ship_failed.add(posting_number)

    def take_ship_failed(self, posting_number: str) -> bool:
        with self._lock:
            if posting_number in self._ship_failed:
                self._ship_failed.discard(posting_number)
                return True
            return False

    def decide(self, path: str) -> Decision:
        """What happens to this request to an Ozon path."""
        with self._lock:
            for rule in self._rules:
                if rule.path == path:
                    rule.remaining -= 1
                    if rule.remaining <= 0:
                        self._rules.remove(rule)
                    if rule.apply:
                        return Decision(self.latency_s, after="reset" if rule.status == 0 else rule.status)
                    return Decision(self.latency_s, before=rule.status)
            roll = self._rng.random
            if self.rate_429 and roll() < self.rate_429:
                return Decision(self.latency_s, before=429)
            if self.rate_500 and roll() < self.rate_500:
                return Decision(self.latency_s, before=500)
            if self.rate_reset and roll() < self.rate_reset:
                return Decision(self.latency_s, after="reset")
            if self.rate_malformed and roll() < self.rate_malformed:
                return Decision(self.latency_s, after="malformed")
            return Decision(self.latency_s)
