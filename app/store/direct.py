"""The writer lane's statements, sent straight to SQLite's driver the second time they run.

At a scan SQLAlchemy's execution of a Core statement (cache lookup, execution context, result
set-up, events) costs several times SQLite's own work for it: reading the station's row by key
takes SQLite ~20,000 instructions and SQLAlchemy ~115,000 more. :class:`DirectStatements` keeps,
per statement and set of parameter names, what SQLAlchemy would do, worked out once:

- the SQL, compiled by SQLAlchemy for the connection's dialect (the text the ordinary path sends);
- the parameters in the compiled order, each through its type's bind processor (JSON, DateTime...),
  the statement's own fixed values processed once;
- for a SELECT, each column through its type's result processor, under the keys the statement's
  first (ordinary) run gave, handed back as an SQLAlchemy ``Result`` of ``Row``s; for an INSERT,
  UPDATE or DELETE a result with the driver's ``rowcount`` and ``lastrowid``;
- a driver error raised as SQLAlchemy raises it (``DBAPIError.instance``: ``IntegrityError``,
  ``OperationalError``...), so ``db.unavailable`` still tells a locked or full disk from a bug.

Whatever it cannot do the same way takes the ordinary way: a statement's first run (statements
built at each call are never compiled here), ORM statements, ``text``, IN lists (expanding
parameters), RETURNING, Python-side column defaults, several parameter sets at once, and every
run while someone listens to the connection's statement events or echoes them, so such a
listener sees every statement. The lane uses it on SQLite only; on a server the round trip
outweighs SQLAlchemy's share.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect, IteratorResult
from sqlalchemy.engine.result import SimpleResultMetaData
from sqlalchemy.exc import DBAPIError

class DoneResult:
    """What an INSERT, UPDATE or DELETE run here answers: its row count (and SQLite's last rowid)."""

    __slots__ = ("rowcount", "lastrowid")
    returns_rows = False

    def __init__(self, rowcount: int, lastrowid: int | None) -> None:
        self.rowcount, self.lastrowid = rowcount, lastrowid

    def close(self) -> None:
        pass


class _Form:
    """One statement with one set of parameter names, as SQLAlchemy would run it."""

    __slots__ = ("sql", "params", "processors", "meta")

    def __init__(self, sql: str, params: list[tuple[str | None, Any, Callable | None]],
                 processors: list[Callable | None] | None, meta: SimpleResultMetaData | None) -> None:
        self.sql, self.params, self.processors, self.meta = sql, params, processors, meta

    def arguments(self, given: Mapping[str, Any]) -> tuple:
        values = []
        for name, fixed, process in self.params:
            value = fixed if name is None else given[name]
            values.append(value if process is None else process(value))
        return tuple(values)


class DirectStatements:
    """Compiled forms of the statements one connection's dialect runs (see the module's doc)."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self._error = dialect.loaded_dbapi.Error
        # statement -> (its result keys, {parameter names: _Form, or None: the ordinary way})
        self._seen: WeakKeyDictionary[Any, tuple[list[str], dict[tuple[str, ...], _Form | None]]] = \
            WeakKeyDictionary()

    def run(self, connection: Connection, statement: Any, params: Mapping[str, Any] | None = None) -> Any:
        """``connection.execute(statement, params)``, straight on its driver connection when it can."""
        seen = self._seen.get(statement)
        if seen is None or not isinstance(params, Mapping | None) or _listened(connection):
            result = connection.execute(statement, params)
            if seen is None and (statement.is_select or statement.is_dml):  # its first run: noted
                self._seen[statement] = (list(result.keys()) if statement.is_select else [], {})
            return result
        keys, forms = seen
        names = tuple(sorted(params)) if params else ()
        form = forms.get(names, forms)  # forms: not compiled yet
        if form is forms:
            form = forms[names] = self._compile(statement, names, keys)
        if form is None:
            return connection.execute(statement, params)
        arguments = form.arguments(params or {})
        try:
            cursor = connection.connection.driver_connection.execute(form.sql, arguments)
            rows = cursor.fetchall() if form.meta is not None else None
        except self._error as exc:
            raise DBAPIError.instance(form.sql, arguments, exc, self._error, dialect=self.dialect) from exc
        if form.meta is None:
            return DoneResult(cursor.rowcount, cursor.lastrowid)
        if form.processors is not None:
            rows = [tuple(value if process is None else process(value)
                          for value, process in zip(row, form.processors)) for row in rows]
        return IteratorResult(form.meta, iter(rows))

    def _compile(self, statement: Any, names: tuple[str, ...], keys: list[str]) -> _Form | None:
        dialect = self.dialect
        compiled = statement.compile(dialect=dialect, column_keys=list(names))
        if (not compiled.positional or compiled.post_compile_params or compiled.literal_execute_params
                or compiled.escaped_bind_names or compiled.effective_returning
                or compiled.insert_prefetch or compiled.update_prefetch):
            return None
        params: list[tuple[str | None, Any, Callable | None]] = []
        for name in compiled.positiontup:
            bind = compiled.binds[name]
            if bind.callable is not None or bind.expanding:
                return None
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if name in names:
                params.append((name, None, process))
            elif not bind.required:
                value = bind.effective_value
                params.append((None, value if process is None else process(value), None))
            else:
                return None  # a value nobody gives: the ordinary way says so
        if not statement.is_select:
            return _Form(compiled.string, params, None, None)
        columns = list(statement.selected_columns)
        if len(columns) != len(keys):
            return None
        processors = [c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns]
        return _Form(compiled.string, params, processors if any(processors) else None,
                     SimpleResultMetaData(keys))


def run_sql(connection: Connection, sql: str) -> None:
    """A statement with no parameters and no rows (``BEGIN IMMEDIATE``), straight to the driver
    unless someone listens; a driver error raised as SQLAlchemy raises it."""
    if _listened(connection):
        connection.exec_driver_sql(sql)
        return
    error = connection.dialect.loaded_dbapi.Error
    try:
        connection.connection.driver_connection.execute(sql)
    except error as exc:
        raise DBAPIError.instance(sql, (), exc, error, dialect=connection.dialect) from exc


def _listened(connection: Connection) -> bool:
    """Someone listens to this connection's statements (or its engine echoes them)."""
    dispatch = connection.dispatch
    return bool(dispatch.before_execute or dispatch.after_execute or dispatch.before_cursor_execute
                or dispatch.after_cursor_execute or connection.engine.echo)


