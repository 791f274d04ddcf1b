"""Client-side pacing for one Ozon account: a token bucket, per-method limits, 429 pauses, backoff.

Ozon allows 50 requests/s per Client-Id across all methods (plus lower limits on some
methods). A :class:`RateLimiter` keeps one account well under that: every call takes a token
from the account bucket (and from its method's bucket when one is configured); a 429 pauses
the whole account for the ``retry-after`` time. Clocks and sleeps are injectable so tests
run on simulated time.

Ozon counts per Client-Id, not per client object: a bench talks to one account through several
clients (the sync's, the station's quick look-ups, Settings' connection test). They all take
their tokens from the one limiter :class:`AccountLimiters` keeps for the account in this process:

    limiter = ACCOUNTS.for_account("https://api-seller.ozon.ru", "123456", rps=20)
    OzonClient(base_url, client_id, key, limiter=limiter)
"""
from __future__ import annotations

import logging
import random
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

__all__ = ["ACCOUNTS", "AccountLimiters", "TokenBucket", "RateLimiter", "full_jitter_backoff", "DEFAULT_RPS"]

log = logging.getLogger("packdesk.ozon.ratelimit")

DEFAULT_RPS = 20.0
_EPSILON = 1e-9

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class TokenBucket:
    """A thread-safe token bucket (GCRA form): ``rate`` tokens/s, up to ``burst`` at once.

    ``acquire`` reserves the next free slot under the lock and sleeps outside it, so
    concurrent callers queue fairly. ``pause(seconds)`` holds every caller until the pause
    ends and then resumes at the steady rate, without a burst.
    """

    def __init__(self, rate: float, burst: float | None = None, *, clock: Clock = time.monotonic,
                 sleep: Sleep = time.sleep):
        if rate <= 0:
            raise ValueError("rate must be positive")
        burst = rate if burst is None else burst
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.rate = float(rate)
        self.burst = float(burst)
        self._interval = 1.0 / self.rate
        self._tolerance = (self.burst - 1.0) * self._interval
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tat = clock()  # theoretical arrival time of the next token
        self._paused_until = float("-inf")

    @property
    def paused_until(self) -> float:
        with self._lock:
            return self._paused_until

    def _reserve(self) -> float:
        """Take a slot; return the clock time at which the caller may go."""
        with self._lock:
            now = self._clock()
            tat = max(self._tat, now)
            go_at = max(tat - self._tolerance, self._paused_until, now)
            self._tat = max(tat, go_at) + self._interval
            return go_at

    def acquire(self) -> float:
        """Block until a token is available; return the seconds waited (on ``clock``)."""
        go_at = self._reserve()
        waited = 0.0
        while True:
            now = self._clock()
            with self._lock:
                go_at = max(go_at, self._paused_until)
            if go_at - now <= _EPSILON:  # float noise is not worth a sleep
                return waited
            self._sleep(go_at - now)
            waited += go_at - now

    def pause(self, seconds: float) -> None:
        """Hold every caller for ``seconds`` from now (a longer pause already set wins)."""
        with self._lock:
            until = self._clock() + max(0.0, seconds)
            if until > self._paused_until:
                self._paused_until = until
            # Resume at the steady rate: no burst right after being told to slow down.
            self._tat = max(self._tat, self._paused_until + self._tolerance)


class RateLimiter:
    """The pacing of one Ozon account: an account bucket plus optional per-method buckets.

    ``method_rps`` maps a method path (e.g. ``"/v3/posting/fbs/get"``) to its own rate; such
    calls take a token from both buckets. Clients of the same account in one process share one
    limiter (:class:`AccountLimiters`).
    """

    def __init__(self, rps: float = DEFAULT_RPS, *, burst: float | None = None,
                 method_rps: Mapping[str, float] | None = None, clock: Clock = time.monotonic,
                 sleep: Sleep = time.sleep):
        self.account = TokenBucket(rps, burst, clock=clock, sleep=sleep)
        self._methods = {
            path: TokenBucket(rate, 1.0, clock=clock, sleep=sleep) for path, rate in (method_rps or {}).items()
        }

    def acquire(self, path: str) -> float:
        """Wait for the method's bucket (if any) then the account's; return seconds waited."""
        waited = 0.0
        method_bucket = self._methods.get(path)
        if method_bucket is not None:
            waited += method_bucket.acquire()
        return waited + self.account.acquire()

    def pause(self, seconds: float) -> None:
        """Pause the whole account (every method), e.g. after a 429 with ``retry-after``."""
        self.account.pause(seconds)

    @property
    def paused_until(self) -> float:
        return self.account.paused_until


class AccountLimiters:
    """One :class:`RateLimiter` per Ozon account in this process, keyed by (API host, Client-Id).

    Every client of an account built with ``limiter=for_account(...)`` shares its pacing, and a
    429 answered to any of them pauses them all. The account's rate is set by whoever asks first
    (the bench, from ``[ozon] requests_per_second``); a later different ``rps`` keeps it and says
    so in the log. A limiter lives as long as a client holds it.

    The seam for a room of benches sharing one budget: any object with this ``for_account`` that
    returns something with ``acquire(path)``, ``pause(seconds)`` and ``paused_until``.
    """

    def __init__(self, *, clock: Clock = time.monotonic, sleep: Sleep = time.sleep):
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._limiters: weakref.WeakValueDictionary[tuple[str, str], RateLimiter] = weakref.WeakValueDictionary()

    def for_account(self, base_url: str, client_id: str, *, rps: float | None = None) -> RateLimiter:
        """The account's limiter (made now at ``rps``, default ``DEFAULT_RPS``, when it has none)."""
        key = (account_host(base_url), str(client_id).strip())
        with self._lock:
            limiter = self._limiters.get(key)
            if limiter is None:
                limiter = RateLimiter(DEFAULT_RPS if rps is None else rps, clock=self._clock, sleep=self._sleep)
                self._limiters[key] = limiter
            elif rps is not None and rps != limiter.account.rate:
                log.warning("Client-Id %s at %s is already paced at %g requests/s; %g asked for later is not used",
                            key[1], key[0], limiter.account.rate, rps)
            return limiter


def account_host(base_url: str) -> str:
    """The host (and port) Ozon's rate budget belongs to: ``api-seller.ozon.ru``, ``127.0.0.1:8001``."""
    parts = urlsplit(base_url.strip())
    return (parts.netloc or parts.path).lower()


ACCOUNTS = AccountLimiters()  # this process's accounts


def full_jitter_backoff(attempt: int, *, base: float = 0.5, cap: float = 8.0,
                        rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry number ``attempt`` (1-based): uniform in [0, min(cap, base·2^(attempt-1))]."""
    ceiling = min(cap, base * (2 ** max(0, attempt - 1)))
    return ceiling * rng()
