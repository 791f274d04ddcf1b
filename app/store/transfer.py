"""Moving a bench's cache into another database (``packdesk db migrate-to URL``): every table, every
row, counted on both sides; the source is only read.

A SQLite source is first copied with SQLite's backup API from a read-only connection into a
temporary file (a consistent snapshot even while the bench runs; the file itself is never written)
and that copy is brought to the current schema when it is older. The target gets the current
schema (``migrate.upgrade``) and, in ONE transaction, the rows of every table of
``models.Base.metadata`` (the tables every area adds join it), parents first; PostgreSQL's id
sequences then continue after the copied ids. The rows of each table are counted in the target
before the commit and again after it: any difference and nothing is kept.

A target that already holds rows is refused (``TargetNotEmpty``) unless ``replace`` empties it
first: merging two benches' caches would mix their stations' claims and ids.
"""
from __future__ import annotations

import logging
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, Integer, Table, func, insert, make_url, select, text

from app.store import migrate
from app.store.db import create_engine_for, default_sqlite_url
from app.store.models import Base

log = logging.getLogger("packdesk.store.transfer")

BATCH = 2_000


class TransferError(RuntimeError):
    """The copy could not be made or did not add up; the target keeps what it had."""


class TargetNotEmpty(TransferError):
    def __init__(self, held: dict[str, int]) -> None:
        self.held = {name: count for name, count in held.items() if count}
        super().__init__("the target database already holds rows: "
                         + ", ".join(f"{name} {count}" for name, count in self.held.items()))


@dataclass
class Copied:
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows copied (equal on both sides)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def same_database(a: str, b: str) -> bool:
    ua, ub = make_url(a), make_url(b)
    return (ua.get_backend_name(), ua.host, ua.port, ua.database) == (ub.get_backend_name(), ub.host, ub.port,
                                                                      ub.database)


def copy_cache(source_url: str, target_url: str, *, replace: bool = False,
               on_table: Callable[[str, int], None] | None = None) -> Copied:
    """Copy every row of the cache at ``source_url`` into ``target_url``; ``on_table(name, rows)``
    after each table. Raises TargetNotEmpty, TransferError, or the database's own errors."""
    if same_database(source_url, target_url):
        raise TransferError("the target is the source itself")
    with _readable(source_url) as source:
        target = create_engine_for(target_url)
        try:
            migrate.upgrade(target)
            copied = Copied()
            with source.connect() as src, target.begin() as dst:
                _begin_snapshot(src)
                held = _counts(dst)
                if any(held.values()):
                    if not replace:
                        raise TargetNotEmpty(held)
                    _empty(dst)
                for table in Base.metadata.sorted_tables:
                    copied.rows[table.name] = _copy_table(src, dst, table)
                    if on_table is not None:
                        on_table(table.name, copied.rows[table.name])
                _continue_sequences(dst)
                _check(copied, _counts(dst), "before the commit")
            _check(copied, _counts_of(target), "after the commit", at_least=True)  # benches may start meanwhile
            return copied
        finally:
            target.dispose()


# -- the source ---------------------------------------------------------------------------------

@contextmanager
def _readable(url: str) -> Iterator[Engine]:
    """An engine on the source at the current schema, never writing to it."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine_for(url)
        try:
            with engine.connect() as conn:
                found, head = migrate.current_revision(conn), migrate.head_revision()
            if found != head:
                raise TransferError(f"the source database is at schema {found or 'none'}, this packdesk "
                                    f"needs {head}: open it once with this version first")
            yield engine
        finally:
            engine.dispose()
        return
    path = Path(parsed.database or "")
    if not path.is_file():
        raise TransferError(f"no cache at {path}")
    with tempfile.TemporaryDirectory(prefix="packdesk-migrate-") as tmp:
        snapshot = Path(tmp) / path.name
        _sqlite_snapshot(path, snapshot)
        engine = create_engine_for(default_sqlite_url(Path(tmp)))
        try:
            migrate.upgrade(engine)  # the snapshot, not the source
            yield engine
        finally:
            engine.dispose()


def _sqlite_snapshot(path: Path, into: Path) -> None:
    """A consistent copy of a (possibly running) bench's SQLite cache, read through a read-only connection."""
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise TransferError(f"cannot read {path}: {exc}") from None
    copy = sqlite3.connect(into)
    try:
        source.backup(copy)
    except sqlite3.Error as exc:
        raise TransferError(f"cannot read {path}: {exc}") from None
    finally:
        copy.close()
        source.close()


def _begin_snapshot(src: Connection) -> None:
    """Every table read in one snapshot (a running room keeps writing to a PostgreSQL source)."""
    if src.dialect.name == "postgresql":
        src.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))


# -- the copy -----------------------------------------------------------------------------------

def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    order = list(table.primary_key.columns) or list(table.columns)
    rows = src.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
    copied = 0
    for batch in rows.partitions(BATCH):
        dst.execute(insert(table), [dict(row._mapping) for row in batch])
        copied += len(batch)
    return copied


def _empty(dst: Connection) -> None:
    for table in reversed(Base.metadata.sorted_tables):  # children first
        dst.execute(table.delete())
    log.warning("the target's rows were removed before the copy (replace)")


def _continue_sequences(dst: Connection) -> None:
    """PostgreSQL: each serial id's sequence goes on after the largest copied id."""
    if dst.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        column = table.autoincrement_column
        if column is not None and isinstance(column.type, Integer):
            dst.execute(text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), COALESCE(MAX({column.name}), 0) + 1, "
                f"false) FROM {table.name}"), {"table": table.name, "column": column.name})


def _counts(conn: Connection) -> dict[str, int]:
    return {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables}


def _counts_of(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return _counts(conn)


def _check(copied: Copied, found: dict[str, int], when: str, *, at_least: bool = False) -> None:
    wrong = {name: (rows, found.get(name)) for name, rows in copied.rows.items()
             if not (found.get(name, -1) >= rows if at_least else found.get(name) == rows)}
    if wrong:
        raise TransferError(f"row counts differ {when}: " + ", ".join(
            f"{name}: {rows} read, {got} in the target" for name, (rows, got) in wrong.items()))
