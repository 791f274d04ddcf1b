"""The bench's Ozon account: the sync's client and the station's, on the account's one rate limiter."""
from __future__ import annotations

from app.bench.problem import BenchProblem
from app.config import Config
from app.services.ozon.ratelimit import ACCOUNTS, AccountLimiters

SYNC_TIMEOUT = 5.0  # connect, s; reading waits [ozon] timeout_s
STATION_LOOKUP_TIMEOUT = (1.0, 1.5)  # connect, read: the station's own look-ups, no retry
LOOKUP_BUDGET_WAIT_S = 1.0  # a room: a look-up waits this long for the room's budget, else the cache answers


def room_limiters(db) -> AccountLimiters:
    """The rate limiters of this bench's Ozon clients: the room's budget in a shared database
    (one per account for every bench), else this process's (``ACCOUNTS``)."""
    from app.store.room import shared

    if not shared(db.dialect):
        return ACCOUNTS
    from app.services.room.budget import RoomLimiters

    return RoomLimiters(db)


def sync_client(config: Config, api_key: str, *, limiters: AccountLimiters = ACCOUNTS):
    """The account's client for the sync (and ``packdesk label``): full timeouts, retried reads."""
    from app.services.ozon.client import OzonClient

    return OzonClient(config.ozon.base_url, config.ozon.client_id, api_key, limiter=_limiter(config, limiters),
                      timeout=(SYNC_TIMEOUT, config.ozon.timeout_s))


def lookup_client(config: Config, api_key: str, *, limiters: AccountLimiters = ACCOUNTS):
    """The station's client: a scan waits at most ``STATION_LOOKUP_TIMEOUT`` for Ozon, never a retry."""
    from app.services.ozon.client import OzonClient

    limiter = _limiter(config, limiters)
    if hasattr(limiter, "wait_at_most"):  # the room's budget: a scan does not queue behind the sync
        limiter = limiter.wait_at_most(LOOKUP_BUDGET_WAIT_S)
    return OzonClient(config.ozon.base_url, config.ozon.client_id, api_key, limiter=limiter,
                      timeout=STATION_LOOKUP_TIMEOUT, max_retries=0)


def _limiter(config: Config, limiters: AccountLimiters):
    return limiters.for_account(config.ozon.base_url, config.ozon.client_id, rps=config.ozon.requests_per_second)


def open_account(bench, api_key: str | None, limiters: AccountLimiters) -> None:
    """The one account of ``[ozon]`` (several: ``app.bench.accounts``)."""
    from app.services.ozon.errors import OzonConfigError

    config = bench.config
    if not config.ozon.client_id:
        raise BenchProblem("no_client_id")
    if not api_key:
        raise BenchProblem("no_api_key")
    try:
        bench.client = sync_client(config, api_key, limiters=limiters)
        bench.lookups = lookup_client(config, api_key, limiters=limiters)
    except OzonConfigError as exc:  # a key or Client-Id with characters they cannot have
        raise BenchProblem("config_invalid", str(exc)) from None
