"""The writer lane's statements, sent straight to SQLite's driver the second time they run.

At a scan SQLAlchemy's execution of a Core statement (cache lookup, execution context, result
set-up, events) costs several times SQLite's own work for it: reading the station's row by key
takes SQLite ~20,000 instructions and SQLAlchemy ~115,000 more. :class:`DirectStatements` keeps,
per statement and set of parameter names, what SQLAlchemy would do, worked out once:

- the SQL, compiled by SQLAlchemy for the connection's dialect (the text the ordinary path sends);
- the parameters in the compiled order, each through its type's bind processor (JSON, DateTime...),
  the statement's own fixed values processed once;
- for a SELECT, each column through its type's result processor, under the keys the statement's
  first (ordinary) run gave, handed back as SQLAlchemy ``Row``s in a result read as a ``Result`` is
  (:class:`Rows`); for an INSERT, UPDATE or DELETE a result with the driver's ``rowcount`` and
  ``lastrowid``;
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

from collections.abc import Callable, Iterator, Mapping
from operator import itemgetter
from typing import Any
from weakref import WeakKeyDictionary, ref

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect, IteratorResult, Row
from sqlalchemy.engine.result import SimpleResultMetaData, result_tuple
from sqlalchemy.exc import DBAPIError, ResourceClosedError


class DoneResult:
    """What an INSERT, UPDATE or DELETE run here answers: its row count (and SQLite's last rowid)."""

    __slots__ = ("rowcount", "lastrowid")
    returns_rows = False

    def __init__(self, rowcount: int, lastrowid: int | None) -> None:
        self.rowcount, self.lastrowid = rowcount, lastrowid

    def close(self) -> None:
        pass


class Rows:
    """What a SELECT run here answers: its rows, read as SQLAlchemy's ``Result`` reads. ``first``,
    ``all``, ``scalar`` and iteration are answered here in a step or two (an ``IteratorResult`` takes
    a dozen, and a scan reads four); any other use (``scalars``, ``one``, ``mappings``, ``keys``...)
    gets an ``IteratorResult`` of the rows not read yet, made once, which then answers everything.
    As a Result's, each answer consumes the rows it gave, and ``first`` and ``scalar`` close it."""

    __slots__ = ("_meta", "_make", "_rows", "_result")

    def __init__(self, meta: SimpleResultMetaData, make: Callable[[tuple], Row], rows: list[tuple]) -> None:
        self._meta, self._make, self._rows, self._result = meta, make, rows, None

    def _take(self, *, close: bool) -> list[tuple]:
        rows = self._rows
        if rows is None:
            raise ResourceClosedError("This result object is closed.")
        self._rows = None if close else []
        return rows

    def first(self) -> Row | None:
        if self._result is not None:
            return self._result.first()
        rows = self._take(close=True)
        return self._make(rows[0]) if rows else None

    def all(self) -> list[Row]:
        if self._result is not None:
            return self._result.all()
        return list(map(self._make, self._take(close=False)))

    def scalar(self) -> Any:
        if self._result is not None:
            return self._result.scalar()
        rows = self._take(close=True)
        return rows[0][0] if rows else None

    def __iter__(self) -> Iterator[Row]:
        if self._result is not None:
            return iter(self._result)
        return map(self._make, self._take(close=False))

    def __getattr__(self, name: str) -> Any:  # only what the slots and methods above are not
        if self._result is None:
            closed = self._rows is None
            self._result = IteratorResult(self._meta, iter(self._rows or ()))
            self._rows = []
            if closed:
                self._result.close()
        return getattr(self._result, name)


class _Form:
    """One statement with one set of parameter names, as SQLAlchemy would run it."""

    __slots__ = ("sql", "_pick", "_fixed", "_bind", "_read", "meta", "make", "arguments", "rows")

    def __init__(self, sql: str, params: list[tuple[str | None, Any, Callable | None]],
                 processors: list[Callable | None] | None, meta: SimpleResultMetaData | None) -> None:
        self.sql, self.meta = sql, meta
        self.make = None if meta is None else result_tuple(list(meta.keys))  # a row's Row, by position and name
        names = [name for name, _, _ in params if name is not None]
        # the given values in compiled order; the statement's own (fixed) values spliced in; the
        # positions whose type converts a value (JSON, DateTime...); the same for a row's columns
        pick = itemgetter(*names) if names else (lambda _given: ())
        self._pick = pick if len(names) != 1 else (lambda given: (given[names[0]],))
        self._fixed = [(n, value) for n, (name, value, _) in enumerate(params) if name is None]
        self._bind = [(n, process) for n, (_, _, process) in enumerate(params) if process is not None]
        self._read = [(n, process) for n, process in enumerate(processors or ()) if process is not None]
        # arguments(given) -> the driver's values; rows(rows) -> the rows with their values converted.
        # Where nothing is spliced in or converted, the picking itself and nothing at all (a scan's
        # reads and a few of its writes: a call each saved)
        self.arguments = self._pick if not (self._fixed or self._bind) else self._arguments
        self.rows = self._rows if self._read else None

    def _arguments(self, given: Mapping[str, Any]) -> tuple:
        values = list(self._pick(given))
        for n, value in self._fixed:
            values.insert(n, value)
        for n, process in self._bind:
            values[n] = process(values[n])
        return tuple(values)

    def _rows(self, rows: list[tuple]) -> list[tuple]:
        processed = []
        for row in rows:
            row = list(row)
            for n, process in self._read:
                row[n] = process(row[n])
            processed.append(row)
        return processed


class DirectStatements:
    """Compiled forms of the statements one connection's dialect runs (see the module's doc)."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self._error = dialect.loaded_dbapi.Error
        # statement -> (its result keys, {parameter names: _Form, or None: the ordinary way})
        self._seen: WeakKeyDictionary[Any, tuple[list[str], dict[tuple[str, ...], _Form | None]]] = \
            WeakKeyDictionary()
        self._seen_by_ref = self._seen.data.get  # its dict, by weak reference: a look-up with no Python call

    def run(self, connection: Connection, statement: Any, params: Mapping[str, Any] | None = None,
            driver: Any = None) -> Any:
        """``connection.execute(statement, params)``, straight on its driver connection (``driver``
        when the caller has it at hand) when it can. The caller asks :func:`listened` (once a
        transaction: it costs more than the rest) and runs the ordinary way while someone listens."""
        seen = self._seen_by_ref(ref(statement))
        if seen is None or not (params is None or type(params) is dict or isinstance(params, Mapping)):
            result = connection.execute(statement, params)
            if seen is None and (statement.is_select or statement.is_dml):  # its first run: noted
                self._seen[statement] = (list(result.keys()) if statement.is_select else [], {})
            return result
        keys, forms = seen
        names = tuple(params) if params else ()  # as the caller wrote them: the same order each time
        form = forms.get(names, forms)  # forms: not compiled yet
        if form is forms:
            form = forms[names] = self._compile(statement, names, keys)
        if form is None:
            return connection.execute(statement, params)
        arguments = form.arguments(params) if params else form.arguments({})
        try:
            cursor = (driver or connection.connection.driver_connection).execute(form.sql, arguments)
            rows = cursor.fetchall() if form.meta is not None else None
        except self._error as exc:
            raise DBAPIError.instance(form.sql, arguments, exc, self._error, dialect=self.dialect) from exc
        if form.meta is None:
            return DoneResult(cursor.rowcount, cursor.lastrowid)
        return Rows(form.meta, form.make, rows if form.rows is None else form.rows(rows))

    def _compile(self, statement: Any, names: tuple[str, ...], keys: list[str]) -> _Form | None:
        dialect = self.dialect
        compiled = statement.compile(dialect=dialect, column_keys=sorted(names))
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
        return _Form(compiled.string, params, processors, SimpleResultMetaData(keys))


def run_sql(connection: Connection, sql: str, driver: Any = None) -> None:
    """A statement with no parameters and no rows (``BEGIN IMMEDIATE``), straight to the driver
    unless someone listens (``driver``: the caller knows nobody does, and has it at hand); a driver
    error raised as SQLAlchemy raises it."""
    if driver is None and listened(connection):
        connection.exec_driver_sql(sql)
        return
    error = connection.dialect.loaded_dbapi.Error
    try:
        (driver or connection.connection.driver_connection).execute(sql)
    except error as exc:
        raise DBAPIError.instance(sql, (), exc, error, dialect=connection.dialect) from exc


def listened(connection: Connection) -> bool:
    """Someone listens to the statements of ``connection``'s engine (or it echoes them). (Not
    the connection's own listeners: asking its joined dispatcher costs more than the statement.)"""
    engine = connection.engine
    dispatch = engine.dispatch
    return bool(dispatch.before_execute or dispatch.after_execute or dispatch.before_cursor_execute
                or dispatch.after_cursor_execute or engine.echo)
