"""Helpers for bulk writes: the dialect's INSERT (with ON CONFLICT), chunks, UTC times."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Table, literal_column
from sqlalchemy.orm import Session

T = TypeVar("T")

# rows per executemany / values per IN list: well under SQLite's 32766 variables and
# PostgreSQL's 65535 parameters even for the widest table
CHUNK = 500


def as_list(value: str | Iterable[str]) -> list[str]:
    """One value or many, as a list."""
    return [value] if isinstance(value, str) else list(value)


def one_of_literals(column: ColumnElement, values: Iterable[str]) -> ColumnElement:
    """``column IN ('a', 'b')`` with the values inline: for the bench's own constants only. An
    executemany cannot take "expanding" IN parameters, and a scan's statement needs no list to expand."""
    return column.in_([literal_column(f"'{value}'") for value in sorted(values)])


def chunked(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def dialect_insert(session: Session, table: Table) -> Any:
    """``INSERT`` with ``on_conflict_do_update``/``on_conflict_do_nothing`` for this database."""
    name = session.get_bind().dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        raise NotImplementedError(f"bulk upsert is implemented for SQLite and PostgreSQL, not {name}")
    return insert(table)


def upsert(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    keys: Sequence[str],
    update: Iterable[str] | None = None,
    extra_set: Callable[[Any], dict[str, Any]] | None = None,
) -> None:
    """Insert ``rows`` (all with the same keys); on a key conflict overwrite ``update`` columns
    (plus ``extra_set(stmt)``, which may use ``stmt.excluded``), or keep the old row when
    ``update`` is None."""
    if not rows:
        return
    stmt = dialect_insert(session, table)
    if update is None:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
    else:
        set_ = {name: stmt.excluded[name] for name in update}
        if extra_set is not None:
            set_.update(extra_set(stmt))
        stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_=set_)
    for chunk in chunked(rows):
        session.execute(stmt, list(chunk))


def naive_utc(value: Any) -> Any:
    """Aware datetimes become naive UTC (how the cache stores times); anything else passes."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def last_by_key(rows: Iterable[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Rows with distinct ``key`` values, the last one winning (one row may be upserted once)."""
    return list({row[key]: row for row in rows}.values())


def check_fields(kind: str, row: dict[str, Any], allowed: Iterable[str], required: Iterable[str]) -> None:
    unknown = set(row) - set(allowed)
    if unknown:
        raise ValueError(f"{kind}: unknown fields {sorted(unknown)}")
    missing = [name for name in required if row.get(name) is None]
    if missing:
        raise ValueError(f"{kind}: missing {missing}")
