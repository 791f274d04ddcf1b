"""The schema's versions: Alembic migrations in ``app/store/migrations``, run from code.

No alembic.ini is needed: :func:`alembic_config` builds the configuration. Opening the cache
calls :func:`upgrade`, which holds a database-wide lock while it migrates, so two stations (or
processes) opening the same database at once migrate it once; the second finds it at head.

A database already at the newest revision is seen with one query, without Alembic: importing it
and reading the migration scripts took ~0.25 s of every start of the window and of every command
(``packdesk postings`` on a kept cache: 1.59 s before, 1.32 s after; 2.0 GHz core). That revision is
:data:`SCHEMA_HEAD`; a new migration moves it (a test checks it names the scripts' head).

A new migration, for developers (autogenerate compares ``app.store.models`` with a database
brought to head first)::

    .venv/bin/python -c "from alembic import command; from app.store.migrate import alembic_config; \\
        command.revision(alembic_config(url='sqlite:////tmp/rev.db'), 'what changed', autogenerate=True)"
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, exc, text

from app.store import sqlite_conn

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("packdesk.store.migrations")

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
HEAD = "head"
SCHEMA_HEAD = "0022"  # the newest script's revision: a new migration moves it
# how long a second opener waits for the first one's migration (SQLite)
MIGRATION_BUSY_TIMEOUT_MS = 120_000
# pg_advisory_xact_lock key: "packdesk" in ASCII, read as a number
PG_LOCK_KEY = 0x7061636B6465736B


class MigrationError(RuntimeError):
    """The schema could not be brought up to date."""


class SchemaNewer(MigrationError):
    """The database is at a revision this packdesk has no script for: a newer packdesk migrated it
    (a bench of the room updated before this one). Nothing is changed; ``found`` is its revision."""

    def __init__(self, found: str) -> None:
        super().__init__(f"the database's schema {found} is newer than this packdesk's {SCHEMA_HEAD}")
        self.found = found


def alembic_config(connection: Connection | None = None, *, url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision among the migration scripts (Alembic reads them)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise MigrationError("no migrations found in " + str(MIGRATIONS_DIR))
    return head


def _known(revision: str) -> bool:
    """A migration script of this packdesk has ``revision``."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = HEAD) -> None:
    """Bring the schema to ``revision`` (default: the newest), under a database-wide lock. A
    database at :data:`SCHEMA_HEAD` already is left as it is, without Alembic or the lock."""
    if revision == HEAD and at_head(engine):
        return
    from alembic import command

    _locked(engine, lambda cfg: command.upgrade(cfg, revision))


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` (developers and tests; the app only upgrades)."""
    from alembic import command

    _locked(engine, lambda cfg: command.downgrade(cfg, revision))


def at_head(engine: Engine) -> bool:
    """The database's recorded revision is :data:`SCHEMA_HEAD` (one query; an empty database, or
    one of an older or a newer packdesk, is not)."""
    with engine.connect() as connection:
        try:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except (exc.OperationalError, exc.ProgrammingError):  # SQLite's and PostgreSQL's "no such table"
            return False  # a new database; any other failure, the migration's own path reports it
    return found == [SCHEMA_HEAD]


def _locked(engine: Engine, step: Callable[[Config], None]) -> None:
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            _sqlite_locked(connection, step)
        else:
            _server_locked(connection, step)


def _server_locked(connection: Connection, step: Callable[[Config], None]) -> None:
    with connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
        _run(connection, step)


def _sqlite_locked(connection: Connection, step: Callable[[Config], None]) -> None:
    # Foreign keys off while tables may be rebuilt (batch mode drops and renames tables: with
    # foreign keys on, dropping `postings` would cascade to its items); checked before commit.
    # These pragmas work only outside a transaction, so they go straight to the driver.
    raw = connection.connection.driver_connection
    busy_timeout = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute(f"PRAGMA busy_timeout = {MIGRATION_BUSY_TIMEOUT_MS}")
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        # EXCLUSIVE: a second opener waits here, then finds the schema already at head
        with connection.execution_options(**{sqlite_conn.BEGIN_OPTION: "EXCLUSIVE"}).begin():
            _run(connection, step)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationError(f"migration left rows without their parent: {broken[:5]}")
    finally:
        raw.execute("PRAGMA foreign_keys = ON")
        raw.execute(f"PRAGMA busy_timeout = {int(busy_timeout)}")


def _run(connection: Connection, step: Callable[[Config], None]) -> None:
    before = current_revision(connection)
    if before is not None and not _known(before):
        raise SchemaNewer(before)
    step(alembic_config(connection))
    after = current_revision(connection)
    if before != after:
        log.info("cache schema migrated from %s to %s", before or "empty", after)
