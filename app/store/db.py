"""Opening the cache: the engine, its sessions, the writer lane, and the schema brought up to date.

SQLite (one bench) runs in WAL mode with ``synchronous=FULL`` (a committed scan survives a power
cut), foreign keys on and a busy timeout, set on every new connection (``sqlite_conn``); its WAL
checkpoints run on the ``Checkpointer``'s thread, never inside a commit. Any other
SQLAlchemy URL, ``postgresql+psycopg://…`` for several stations sharing one database, is used as
given.
"""
from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from app.store import migrate, sqlite_conn
from app.store.checkpoint import Checkpointer
from app.store.writer import WriterClosed, WriterLane

log = logging.getLogger("packdesk.store")

DB_FILENAME = "packdesk.db"

T = TypeVar("T")


class ReadOnlySessionError(RuntimeError):
    """Something tried to write through a read session; writes go through the writer lane."""


def default_sqlite_url(data_dir: Path) -> str:
    """The SQLite cache file inside the data dir."""
    path = Path(data_dir).expanduser().absolute() / DB_FILENAME
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


class Database:
    """The engine, a short read session on demand, and the one writer lane."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        self._readers: sessionmaker[Session] = sessionmaker(
            engine, expire_on_commit=False, autoflush=False
        )
        event.listen(self._readers, "do_orm_execute", _refuse_writes)
        event.listen(self._readers, "before_flush", _refuse_flush)
        if self.dialect == "sqlite":
            # the lane's own engine, with no connection events, and one connection it keeps; its
            # statements go to the driver once they ran (direct.py); it begins IMMEDIATE (sqlite_conn)
            self.writer_engine = sqlite_conn.writer_engine(engine)
            self.writer = WriterLane(self.writer_engine, keep_connection=True, direct=True,
                                     on_begin=sqlite_conn.begin_immediate)
            # WAL checkpoints between commits, never inside one (checkpoint.py)
            self.checkpointer: Checkpointer | None = Checkpointer(engine, self.writer)
        else:
            self.writer_engine = engine
            self.writer = WriterLane(engine)
            self.checkpointer = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        """The URL without its password, fit for a log line."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session; objects stay readable after the block (not refreshed)."""
        session = self._readers()
        try:
            yield session
        finally:
            session.close()  # ends the transaction (rollback), returns the connection

    def submit(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> Future[T]:
        return self.writer.submit(fn, *args, **kw)

    def call(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> T:
        return self.writer.call(fn, *args, **kw)

    def close(self, timeout: float | None = 30.0) -> None:
        """Finish the queued writes, stop the lane, close all connections."""
        if self.checkpointer is not None:  # first: its last step may be a job of the lane
            self.checkpointer.close()
        self.writer.close(timeout)
        if self.writer_engine is not self.engine:
            self.writer_engine.dispose()
        self.engine.dispose()  # the last SQLite connection to close copies the rest of the WAL

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Connect to the cache at ``url`` and (by default) migrate its schema to the newest revision."""
    engine = create_engine_for(url)
    try:
        if upgrade:
            migrate.upgrade(engine)
        database = Database(engine)
    except BaseException:
        engine.dispose()
        raise
    log.info("cache open: %s", database.url)
    return database


def create_engine_for(url: str) -> Engine:
    """An engine with the packdesk connection settings for that backend (no migration)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    database = parsed.database or ""
    if database in ("", ":memory:") or parsed.query.get("mode") == "memory":
        raise ValueError(
            f"SQLite cache must be a plain file path (got {url!r}): the writer lane and the "
            "readers use separate connections"
        )
    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args=dict(sqlite_conn.CONNECT_ARGS), **sqlite_conn.JSON_TEXT)
    sqlite_conn.install(engine)
    return engine


# SQLite's operational errors that the machine causes (the others, "no such table"..., are ours)
_SQLITE_UNAVAILABLE = ("database is locked", "unable to open database", "disk i/o error", "disk is full",
                       "readonly database")


def unavailable(exc: BaseException) -> bool:
    """True when ``exc`` says the database cannot be used now, a failure a bench can meet and not
    a bug: the server or the network is down, SQLite's file is locked past the busy timeout, the
    disk is full or read-only, or the writer lane is closing with the app."""
    if isinstance(exc, WriterClosed):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    if not isinstance(exc, OperationalError):
        return False
    if isinstance(exc.orig, sqlite3.Error):
        return any(words in str(exc.orig).lower() for words in _SQLITE_UNAVAILABLE)
    return True  # a server's operational error: it went away, refused the connection, timed out


DISK_FULL_BYTES = 1 << 20  # less than this free beside an SQLite file that cannot be used: the disk is full


def cannot_open(exc: BaseException, url: str, *,
                free_bytes: Callable[[Path], int] = lambda path: shutil.disk_usage(path).free) -> tuple[str, str]:
    """Why the database at ``url`` could not be opened (``exc``: ``unavailable`` holds), as an
    ``app.messages`` code and its detail: ``("disk_full", the file's folder)`` when SQLite says its
    disk is full or that disk has less than ``DISK_FULL_BYTES`` free (SQLite then says only "disk
    I/O error": it cannot create its ``-wal`` and ``-shm`` files); else ``("database_cannot_open",
    what the driver said, its first line)``."""
    said = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    detail = said[0].strip() if said else type(exc).__name__
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        folder = Path(parsed.database).expanduser().absolute().parent
        try:
            full = "disk is full" in detail.lower() or free_bytes(folder) < DISK_FULL_BYTES
        except OSError:
            full = False
        if full:
            return "disk_full", str(folder)
    return "database_cannot_open", detail


def _refuse_writes(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        raise ReadOnlySessionError("read sessions cannot write; use the writer lane")


def _refuse_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        raise ReadOnlySessionError("read sessions cannot write; use the writer lane")
