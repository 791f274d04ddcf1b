"""Asking Ozon about one posting while a packer waits: off the calling thread, with a short timeout.

Offline, slow or failing, the answer is ``Lookup(found=None)`` and the station goes on with its
cache; ``found=False`` is only Ozon saying it does not know the posting. ``posting_soon`` asks
without waiting (a bench that opened a posting from its cache checks Ozon's answer when it comes).

The two never share a thread: a question the packer waits for (a posting the cache does not know,
the weighing's last word) must not queue behind re-reads nobody waits for. Those take turns on one
thread of their own, the newest first (the posting on the bench now), at most ``SOON_PENDING``
waiting: an older one is answered ``superseded`` unasked (its posting has been put back or packed
meanwhile, and is asked again when it is opened or weighed). Postings opened faster than Ozon
answers (a burst of scans, Ozon slow or rate-limited) so never pile up requests without end.
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from app.services.ozon.errors import OzonError, OzonNotFound
from app.services.ozon.models import Posting

log = logging.getLogger("packdesk.station.remote")

DEFAULT_TIMEOUT_S = 1.5
SOON_PENDING = 4  # re-reads nobody waits for, waiting for their turn at most (the newest kept)
SUPERSEDED = "superseded"  # a re-read's Lookup.detail when newer ones took its turn


@dataclass(frozen=True)
class Lookup:
    posting: Posting | None = None
    found: bool | None = None  # None: unknown (offline, timeout, error)
    detail: str = ""
    account: str = ""  # several Ozon accounts: the Client-Id that found it (station.accounts)


class Remote:
    """``get_posting(number)`` / ``get_by_barcode(code)`` (e.g. an ``OzonClient``'s) run on a small
    pool; each answer is awaited at most ``timeout_s``. Callables raise ``OzonNotFound`` for an
    unknown posting (or return None). ``posting_soon`` runs on a thread of its own."""

    def __init__(self, get_posting: Callable[[str], Posting | None] | None,
                 get_by_barcode: Callable[[str], Posting | None] | None = None,
                 *, timeout_s: float = DEFAULT_TIMEOUT_S, workers: int = 2) -> None:
        self._get_posting, self._get_by_barcode = get_posting, get_by_barcode
        self.timeout_s = timeout_s
        self.account_of: Callable[[str], str] | None = None
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="packdesk-station-ozon")
        self._soon = ThreadPoolExecutor(max_workers=1, thread_name_prefix="packdesk-station-recheck")
        self._waiting: OrderedDict[str, Future] = OrderedDict()  # posting_soon's, oldest first
        self._draining = self._closed = False  # a turn of _drain is on the recheck thread; close() was called
        self._guard = threading.Lock()

    @classmethod
    def for_client(cls, client, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> Remote:
        remote = cls(client.get_posting, client.get_by_barcode, timeout_s=timeout_s)
        remote.account_of = getattr(client, "account_of", None)  # AccountLookups: whose posting it is
        return remote

    def posting(self, number: str) -> Lookup:
        return self._ask(self._get_posting, number)

    def by_barcode(self, code: str) -> Lookup:
        return self._ask(self._get_by_barcode, code)

    def posting_soon(self, number: str) -> Future:
        """Ozon's word on a posting nobody waits for: a future of its ``Lookup`` (a failure is a
        ``Lookup`` too, never an exception); the client's own timeouts bound it. The same posting
        asked again while it waits shares the one future; the oldest beyond ``SOON_PENDING``
        waiting is answered ``superseded`` at once."""
        future: Future = Future()
        with self._guard:
            if self._closed:
                future.set_result(Lookup(detail="offline"))
                return future
            if number in self._waiting:
                self._waiting.move_to_end(number)
                return self._waiting[number]
            self._waiting[number] = future
            dropped = [self._waiting.popitem(last=False)[1] for _ in range(len(self._waiting) - SOON_PENDING)]
            if not self._draining:  # one turn on the thread at a time, taking them until none waits
                self._draining = True
                self._soon.submit(self._drain)
        for old in dropped:  # outside the lock: their callbacks run here
            old.set_result(Lookup(detail=SUPERSEDED))
        return future

    def _drain(self) -> None:
        while True:
            with self._guard:
                if not self._waiting:
                    self._draining = False
                    return
                number, future = self._waiting.popitem(last=True)  # the newest: the posting on the bench now
            if future.set_running_or_notify_cancel():
                future.set_result(self._answer(self._get_posting, number))

    def _answer(self, call: Callable[[str], Posting | None] | None, key: str) -> Lookup:
        if call is None:
            return Lookup(detail="offline")
        try:
            return self._found(call(key))
        except Exception as exc:  # noqa: BLE001 - said as the Lookup, as _ask says it
            return self._failed(key, exc)

    def close(self) -> None:
        with self._guard:
            self._closed = True
            waiting, self._waiting = list(self._waiting.values()), OrderedDict()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._soon.shutdown(wait=False)
        for future in waiting:  # as a pool's own would be: cancelled, never asked
            future.cancel()

    def _ask(self, call: Callable[[str], Posting | None] | None, key: str) -> Lookup:
        if call is None:
            return Lookup(detail="offline")
        try:
            future: Future = self._pool.submit(call, key)
        except RuntimeError:  # closed
            return Lookup(detail="offline")
        try:
            posting = future.result(timeout=self.timeout_s)
        except FutureTimeout:
            future.cancel()
            log.info("Ozon did not answer about %s within %.1f s; using the cache", key, self.timeout_s)
            return Lookup(detail="timeout")
        except Exception as exc:  # noqa: BLE001
            return self._failed(key, exc)
        return self._found(posting)

    def _found(self, posting: Posting | None) -> Lookup:
        if posting is None:
            return Lookup(found=False, detail="not found on Ozon")
        account = self.account_of(posting.posting_number) if self.account_of is not None else ""
        return Lookup(posting=posting, found=True, account=account)

    @staticmethod
    def _failed(key: str, exc: Exception) -> Lookup:
        if isinstance(exc, OzonNotFound):
            return Lookup(found=False, detail="not found on Ozon")
        if isinstance(exc, OzonError):
            log.info("Ozon lookup of %s failed (%s); using the cache", key, exc)
            return Lookup(detail=str(exc))
        # a bug in the client must not stop the bench
        log.error("Ozon lookup of %s crashed; using the cache", key, exc_info=exc)
        return Lookup(detail="error")
