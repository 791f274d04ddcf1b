"""Asking Ozon about one posting while a packer waits: off the calling thread, with a short timeout.

Offline, slow or failing, the answer is ``Lookup(found=None)`` and the station goes on with its
cache; ``found=False`` is only Ozon saying it does not know the posting. ``posting_soon`` asks
without waiting (a bench that opened a posting from its cache checks Ozon's answer when it comes).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from app.services.ozon.errors import OzonError, OzonNotFound
from app.services.ozon.models import Posting

log = logging.getLogger("packdesk.station.remote")

DEFAULT_TIMEOUT_S = 1.5


@dataclass(frozen=True)
class Lookup:
    posting: Posting | None = None
    found: bool | None = None  # None: unknown (offline, timeout, error)
    detail: str = ""
    account: str = ""  # several Ozon accounts: the Client-Id that found it (station.accounts)


class Remote:
    """``get_posting(number)`` / ``get_by_barcode(code)`` (e.g. an ``OzonClient``'s) run on a small
    pool; each answer is awaited at most ``timeout_s``. Callables raise ``OzonNotFound`` for an
    unknown posting (or return None)."""

    def __init__(self, get_posting: Callable[[str], Posting | None] | None,
                 get_by_barcode: Callable[[str], Posting | None] | None = None,
                 *, timeout_s: float = DEFAULT_TIMEOUT_S, workers: int = 2) -> None:
        self._get_posting, self._get_by_barcode = get_posting, get_by_barcode
        self.timeout_s = timeout_s
        self.account_of: Callable[[str], str] | None = None
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="packdesk-station-ozon")

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
        ``Lookup`` too, never an exception); the client's own timeouts bound it."""
        try:
            return self._pool.submit(self._answer, self._get_posting, number)
        except RuntimeError:  # closed
            done: Future = Future()
            done.set_result(Lookup(detail="offline"))
            return done

    def _answer(self, call: Callable[[str], Posting | None] | None, key: str) -> Lookup:
        if call is None:
            return Lookup(detail="offline")
        try:
            return self._found(call(key))
        except Exception as exc:  # noqa: BLE001 - said as the Lookup, as _ask says it
            return self._failed(key, exc)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

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
