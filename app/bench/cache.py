"""The bench's cache: a SQLite file in the data dir, or a PostgreSQL shared by a room of benches."""
from __future__ import annotations

import errno

from app.bench.problem import BenchProblem
from app.config import Config


def open_cache(config: Config):
    """The cache of this configuration, its schema brought up to date. A cache a newer packdesk
    migrated is a ``BenchProblem`` (``cache_schema_newer``): this one cannot use it, and says so.
    So is a database the machine keeps closed (``app.store.db.cannot_open``): the shared server
    down or out of reach, the disk full, the file locked: said, not a bug."""
    from app.store.db import cannot_open, open_database, unavailable
    from app.store.migrate import SchemaNewer

    try:
        config.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a full disk, a read-only or missing mount
        if exc.errno == errno.ENOSPC:
            raise BenchProblem("disk_full", str(config.data_dir), config=False, unavailable=True) from None
        raise BenchProblem("database_cannot_open", str(exc), config=False, unavailable=True) from None
    try:
        return open_database(config.database_url)
    except SchemaNewer as newer:
        raise BenchProblem("cache_schema_newer", newer.found, config=False) from None
    except Exception as exc:
        if not unavailable(exc):
            raise
        raise BenchProblem(*cannot_open(exc, config.database_url), config=False, unavailable=True) from None
