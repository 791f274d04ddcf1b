"""What a room of benches shares on one PostgreSQL besides the cache: the rate budget of each Ozon
account, the sync leader's lock, and the nudge that wakes the leader (``app.services.room`` uses them).

Each function takes a SQLAlchemy ``Connection`` in autocommit mode and runs one statement: the
budget's row lock is held for that statement only. PostgreSQL only (``shared(db)``): a single bench
on SQLite keeps its in-process limiter and is its own sync leader.

The budget is a token bucket in GCRA form, one row per account (``models_room.RateBudgetRow``):
``reserve`` hands out the next free slot — at the earliest now, at the latest ``max_wait_s`` from
now — and moves ``tat`` one interval on; the caller sleeps until its slot. Slots are one interval
apart for the whole room, so no second holds more than the configured rate; the interval is
``1 / (rate × SHARE)``: a request held up between its slot and leaving the bench (a busy machine,
up to 1/SHARE - 1 s, about 110 ms) cannot crowd one more request into a second. Times are the database
server's (``clock_timestamp()``): the benches' clocks may disagree, the server's is one.
"""
from __future__ import annotations

import hashlib

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

SHARE = 0.9  # of the configured rate the room's slots use: the margin for a request's way out
CHANNEL = "packdesk_sync"  # LISTEN/NOTIFY channel the sync leader listens on (payload: the account)

_NOW = "EXTRACT(EPOCH FROM clock_timestamp())"
_INTERVAL = "(1.0 / (rate * :share))"

_SET_RATE = text("""
    INSERT INTO rate_budgets (account, rate, tat) VALUES (:account, :rate, 0)
    ON CONFLICT (account) DO UPDATE SET rate = EXCLUDED.rate
""")
_RATE = text("SELECT rate FROM rate_budgets WHERE account = :account")
_RESERVE = (f"UPDATE rate_budgets SET tat = GREATEST(tat, {_NOW}) + {_INTERVAL} WHERE account = :account"
            "{within} RETURNING GREATEST(tat - " + _INTERVAL + f" - {_NOW}, 0)")
_RESERVE_ANY = text(_RESERVE.format(within=""))
_RESERVE_WITHIN = text(_RESERVE.format(within=f" AND tat - {_NOW} <= :max_wait"))
_PAUSE = text(f"UPDATE rate_budgets SET tat = GREATEST(tat, {_NOW} + :seconds) WHERE account = :account")
_PAUSED_FOR = text(f"SELECT GREATEST(tat - {_NOW}, 0) FROM rate_budgets WHERE account = :account")


def shared(dialect: str) -> bool:
    """True for a database a room of benches can share (PostgreSQL)."""
    return dialect == "postgresql"


# -- the rate budget ----------------------------------------------------------------------------

def set_rate(conn: Connection, account: str, rate: float) -> float | None:
    """Make the account's budget row (or set its rate); returns the rate it had (None: new)."""
    before = conn.execute(_RATE, {"account": account}).scalar()
    conn.execute(_SET_RATE, {"account": account, "rate": float(rate)})
    return before


def reserve(conn: Connection, account: str, max_wait_s: float | None = None) -> float | None:
    """Take the account's next free slot: the seconds to wait for it (0: go now). With
    ``max_wait_s``, a slot further away is not taken: None (the budget is spent for now)."""
    if max_wait_s is None:
        wait = conn.execute(_RESERVE_ANY, {"account": account, "share": SHARE}).scalar_one_or_none()
        if wait is None:
            raise LookupError(f"no rate budget for {account}")
        return float(wait)
    wait = conn.execute(_RESERVE_WITHIN, {"account": account, "share": SHARE,
                                          "max_wait": float(max_wait_s)}).scalar_one_or_none()
    return None if wait is None else float(wait)


def pause(conn: Connection, account: str, seconds: float) -> None:
    """No slot of the account before ``seconds`` from now (Ozon answered 429 to one bench)."""
    conn.execute(_PAUSE, {"account": account, "seconds": max(0.0, float(seconds))})


def paused_for(conn: Connection, account: str) -> float:
    """Seconds until the account's next free slot (0: free now)."""
    return float(conn.execute(_PAUSED_FOR, {"account": account}).scalar() or 0.0)


# -- the sync leader ----------------------------------------------------------------------------

LEADER_APPLICATION_NAME = "packdesk sync leader"  # how the lock's session shows in pg_stat_activity


class ConnectionLost(Exception):
    """The leader's own connection failed (the server went away, the network dropped): with it
    went the lock, if it was held."""


def leader_engine(url) -> Engine:
    """An engine for the lock's own connection: never pooled (closing it is what lets the lock
    go), autocommit (LISTEN and the lock belong to the session, not to a transaction)."""
    return create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT",
                         connect_args={"application_name": LEADER_APPLICATION_NAME})

def leader_key(account: str) -> int:
    """The advisory lock key of an account's sync leader: a signed 64-bit number of its name (a
    hash, so it never meets the migration lock's key or another account's)."""
    digest = hashlib.sha256(f"packdesk sync leader {account}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def try_lead(conn: Connection, key: int) -> bool:
    """Take the leader's lock for this connection's session, unless another session holds it
    (then also: False). The lock goes with the session: a leader that dies lets it go.
    Once taken, the session listens for nudges (``wait_for_nudge``)."""
    with _losing():
        if not conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}).scalar():
            return False
        conn.execute(text(f"LISTEN {CHANNEL}"))
        return True


def wait_for_nudge(conn: Connection, timeout_s: float) -> bool:
    """On the leader's connection: wait up to ``timeout_s`` for nudges; True when one came. A
    connection that failed (and the lock with it) raises ConnectionLost."""
    with _losing():
        nudged = any(True for _ in conn.connection.driver_connection.notifies(timeout=timeout_s))
        conn.execute(text("SELECT 1"))  # a dead connection says so now, not at the next nudge
        return nudged


class _losing:
    """Database and driver errors on the lock's connection as ConnectionLost (psycopg's own
    ``notifies`` errors are not wrapped by SQLAlchemy)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None:
            return False
        if isinstance(exc, DBAPIError) or _driver_error(exc):
            raise ConnectionLost(f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
                                 ) from exc
        return False


def _driver_error(exc: BaseException) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a room needs psycopg
        return False
    return isinstance(exc, psycopg.Error)


def nudge(conn: Connection, account: str) -> None:
    """Wake the account's sync leader (a new command waits, a follower asks for a pass)."""
    conn.execute(text("SELECT pg_notify(:channel, :account)"), {"channel": CHANNEL, "account": account})
