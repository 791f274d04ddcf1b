"""One Ozon rate budget for a whole room of benches: the database's, shared by every client of an
account on every bench (STYLE.md: one limiter per Client-Id, shared by the room).

``RoomLimiters`` is what ``app.services.ozon.ratelimit.AccountLimiters`` is for one process, for
the room: ``app.bench`` hands it to the clients it builds when the cache is a shared PostgreSQL.
Each Ozon request first takes a slot from the account's row (``app.store.room.reserve``: one
statement, a few hundred microseconds on a local network), then sleeps until its slot. So the
configured ``requests_per_second`` holds for the room as a whole, whichever bench sends, and a 429
answered to one bench holds every bench back.

The station's look-ups wait for a slot at most ``wait_at_most(seconds)``: a scan goes on with the
cache rather than queue behind the sync's pages (``RoomBudgetBusy``, an ``OzonRateLimited``).
The database out of reach is ``RoomBudgetUnavailable`` (an ``OzonTransportError``, nothing sent).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy.exc import DBAPIError

from app.services.ozon.errors import OzonRateLimited, OzonTransportError
from app.services.ozon.ratelimit import DEFAULT_RPS, account_host
from app.store import room as store_room

log = logging.getLogger("packdesk.room.budget")

Sleep = Callable[[float], None]


class RoomBudgetUnavailable(OzonTransportError):
    """The shared database cannot be asked for a slot: the request was not sent."""


class RoomBudgetBusy(OzonRateLimited):
    """No slot of the room's budget within the caller's patience: the request was not sent."""


def account_key(base_url: str, client_id: str) -> str:
    """The budget's row of an account: ``api-seller.ozon.ru/123456``."""
    return f"{account_host(base_url)}/{str(client_id).strip()}"


class RoomLimiter:
    """The limiter seam of ``OzonClient`` (``acquire(path)``, ``pause(seconds)``, ``paused_until``)
    on the room's budget row of one account."""

    def __init__(self, engine, account: str, *, sleep: Sleep = time.sleep, max_wait_s: float | None = None):
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self.account, self._sleep, self.max_wait_s = account, sleep, max_wait_s

    def wait_at_most(self, seconds: float) -> RoomLimiter:
        """The same budget for a caller that would rather not send than wait longer (``RoomBudgetBusy``)."""
        return RoomLimiter(self._engine, self.account, sleep=self._sleep, max_wait_s=seconds)

    def acquire(self, path: str) -> float:
        """Wait for the account's next slot; return the seconds waited."""
        wait = self._run(path, store_room.reserve, self.max_wait_s)
        if wait is None:
            raise RoomBudgetBusy(f"{path}: the room's Ozon budget has no slot within {self.max_wait_s:g} s",
                                 endpoint=path, retry_after=self.max_wait_s)
        if wait > 0:
            self._sleep(wait)
        return wait

    def pause(self, seconds: float) -> None:
        """Hold every bench of the room for ``seconds`` (Ozon answered 429)."""
        self._run(None, store_room.pause, seconds)

    @property
    def paused_until(self) -> float:
        """When the next slot is free, on this process's ``time.monotonic()``."""
        return time.monotonic() + self._run(None, store_room.paused_for)

    def _run(self, path: str | None, step, *args):
        try:
            with self._engine.connect() as conn:
                return step(conn, self.account, *args)
        except DBAPIError as exc:
            raise RoomBudgetUnavailable(f"{path or 'rate budget'}: the room's Ozon budget cannot be read "
                                        f"from the database: {type(exc.orig).__name__}",
                                        endpoint=path, maybe_applied=False) from None


class RoomLimiters:
    """``AccountLimiters.for_account`` on the room's database: the account's budget row is made
    (or its rate set) when a bench first asks; a rate differing from the row's is said in the log
    (the room uses the last one set: configure every bench alike)."""

    def __init__(self, db, *, sleep: Sleep = time.sleep):
        self._engine, self._sleep = db.engine, sleep
        self._lock = threading.Lock()
        self._limiters: dict[str, RoomLimiter] = {}

    def for_account(self, base_url: str, client_id: str, *, rps: float | None = None) -> RoomLimiter:
        key = account_key(base_url, client_id)
        with self._lock:
            limiter = self._limiters.get(key)
            if limiter is None:
                rate = DEFAULT_RPS if rps is None else float(rps)
                with self._engine.connect() as conn, conn.begin():
                    before = store_room.set_rate(conn, key, rate)
                if before is not None and before != rate:
                    log.warning("the room's Ozon budget of %s was %g requests/s; this bench sets %g "
                                "(give every bench the same [ozon] requests_per_second)", key, before, rate)
                limiter = self._limiters[key] = RoomLimiter(self._engine, key, sleep=self._sleep)
            return limiter
