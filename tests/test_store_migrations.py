"""The versioned schema: from empty, from revision 0001 with data, equal to the models, and
opened by several stations at once."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.store import default_sqlite_url, open_database
from app.store import migrate
from app.store.db import create_engine_for
from app.store.models import Base
from app.store.outbox import due
from app.store.lookups import get_posting
from store_helpers import BACKENDS, NOW, fresh_pg_database, pg_url  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all, on each backend."""
    if request.param == "sqlite":
        yield default_sqlite_url(tmp_path)
    else:
        with fresh_pg_database(request.getfixturevalue("pg_url"), "packdesk_migrations") as url:
            yield url


def _revision(database) -> str | None:
    with database.engine.connect() as conn:
        return migrate.current_revision(conn)


def test_head_revision_is_the_newest_migration():
    assert migrate.head_revision() == "0022"
    # a new migration moves SCHEMA_HEAD too: databases at it are opened without Alembic
    assert migrate.SCHEMA_HEAD == migrate.head_revision()


def test_a_database_at_head_is_opened_without_alembic(empty_url):
    with open_database(empty_url):
        pass  # migrated from empty: Alembic ran
    opened = subprocess.run(
        [sys.executable, "-c", "import sys; from app.store import open_database; "
         f"open_database({empty_url!r}).close(); print(sorted(m for m in sys.modules if m.startswith('alembic')))"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.strip() == "[]"


def test_a_database_behind_head_is_migrated_and_one_from_a_newer_packdesk_refused(empty_url):
    with open_database(empty_url) as database:
        migrate.downgrade(database.engine, "0017")
    with open_database(empty_url) as database:
        assert _revision(database) == migrate.SCHEMA_HEAD
        with database.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine = create_engine_for(empty_url)
    try:
        assert not migrate.at_head(engine)
        with pytest.raises(migrate.SchemaNewer) as refused:
            migrate.upgrade(engine)
        assert refused.value.found == "0099"
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == "0099"  # nothing changed
    finally:
        engine.dispose()


def test_a_command_on_a_cache_of_a_newer_packdesk_says_so_in_the_packers_language(tmp_path):
    with open_database(default_sqlite_url(tmp_path)) as database, database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    ran = subprocess.run([sys.executable, "-m", "app", "--lang", "ru", "--data-dir", str(tmp_path), "postings"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
    assert ran.returncode == 2
    assert "более новая версия packdesk (схема 0099)" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_from_empty_to_head(empty_url):
    with open_database(empty_url) as database:
        assert _revision(database) == migrate.head_revision()
        tables = set(inspect(database.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_migrated_schema_equals_the_models(empty_url):
    with open_database(empty_url) as database, database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def _partial_indexes(engine) -> dict[str, str]:
    # the definitions of the indexes with a WHERE (Alembic's comparison leaves their terms out)
    query = ("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'"
             if engine.dialect.name == "sqlite" else
             "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '% WHERE %'")
    with engine.connect() as conn:
        return {name: " ".join(sql.replace('"', "").split()) for name, sql in conn.execute(text(query))}


def test_migrated_partial_indexes_keep_the_models_terms(empty_url, tmp_path, request):
    with open_database(empty_url) as database:
        migrated = _partial_indexes(database.engine)
    with ExitStack() as stack:
        if empty_url.startswith("sqlite"):
            url = default_sqlite_url(tmp_path / "models")
        else:
            url = stack.enter_context(fresh_pg_database(request.getfixturevalue("pg_url"), "packdesk_models"))
        engine = create_engine_for(url)
        stack.callback(engine.dispose)
        Base.metadata.create_all(engine)
        modelled = _partial_indexes(engine)
    assert {"ix_postings_packable", "ix_packed_units_mark"} <= set(modelled)
    assert migrated == modelled


def test_a_cache_at_0001_with_data_is_upgraded_and_keeps_it(empty_url):
    engine = create_engine_for(empty_url)
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as conn:
            assert migrate.current_revision(conn) == "0001"
            columns = {c["name"] for c in inspect(conn).get_columns("postings")}
            assert "claimed_by" not in columns and "problem" not in columns
            _write_0001_data(conn)
    finally:
        engine.dispose()

    with open_database(empty_url) as database:
        assert _revision(database) == migrate.head_revision()
        with database.read() as session:
            posting = get_posting(session, "111-0001-1")
            (command,) = due(session, NOW)
    assert posting.status == "awaiting_packaging" and posting.local_state == "in_progress"
    assert posting.available_actions == ["ship"]
    assert [(i.sku, i.quantity) for i in posting.items] == [(501, 2), (502, 1)]
    assert posting.claimed_by is None and posting.problem is None
    assert (command.dedupe_key, command.payload, command.result) == ("ship:111-0001-1", {"n": 1}, {})


def _write_0001_data(conn) -> None:
    conn.execute(text(
        "INSERT INTO postings (posting_number, status, available_actions, requirements, "
        "is_multibox, multi_box_qty, is_express, local_state) "
        "VALUES ('111-0001-1', 'awaiting_packaging', :actions, '{}', false, 1, false, 'in_progress')"
    ), {"actions": json.dumps(["ship"])})
    conn.execute(text(
        "INSERT INTO posting_items (posting_number, line_no, sku, offer_id, name, quantity) "
        "VALUES ('111-0001-1', 1, 501, 'A', 'a', 2), ('111-0001-1', 2, 502, 'B', 'b', 1)"
    ))
    conn.execute(text(
        "INSERT INTO outbox (kind, posting_number, payload, dedupe_key, state, attempts, "
        "created_at, updated_at) VALUES ('ship', '111-0001-1', :payload, 'ship:111-0001-1', "
        "'pending', 0, :now, :now)"
    ), {"payload": json.dumps({"n": 1}), "now": NOW})


def test_sqlite_downgrade_and_upgrade_keep_items_of_rebuilt_tables(tmp_path):
    """Batch mode rebuilds ``postings`` on SQLite; its items must not cascade away."""
    url = default_sqlite_url(tmp_path)
    engine = create_engine_for(url)
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as conn:
            _write_0001_data(conn)
        migrate.upgrade(engine)
        migrate.downgrade(engine, "0001")
        migrate.upgrade(engine)
        with engine.connect() as conn:
            items = conn.execute(text("SELECT count(*) FROM posting_items")).scalar()
            foreign_keys = conn.execute(text("PRAGMA foreign_keys")).scalar()
    finally:
        engine.dispose()
    assert items == 2
    assert foreign_keys == 1  # switched back on after the migration


def test_stations_opening_a_new_database_at_once_migrate_it_once(empty_url):
    barrier = threading.Barrier(4)
    errors: list[str] = []

    def open_and_close() -> None:
        try:
            barrier.wait(timeout=10)
            open_database(empty_url).close()
        except BaseException:  # noqa: BLE001 - reported below, with where it came from
            errors.append(traceback.format_exc())

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, "\n".join(errors)
    engine = create_engine_for(empty_url)
    try:
        with engine.connect() as conn:
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()
    assert versions == [(migrate.head_revision(),)]


def test_processes_opening_one_sqlite_file_at_once(tmp_path):
    url = default_sqlite_url(tmp_path)
    script = (
        "import sys; from app.store import open_database; "
        "from app.store.sync_state import set_state; from datetime import datetime; "
        "db = open_database(sys.argv[1]); db.call(set_state, sys.argv[2], 'x', datetime(2026, 1, 1)); "
        "db.close()"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, url, f"proc-{n}"], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(3)
    ]
    outcomes = []
    for proc in procs:
        _out, err = proc.communicate(timeout=60)
        outcomes.append((proc.returncode, err[-500:]))
    assert [code for code, _ in outcomes] == [0, 0, 0], outcomes
    with open_database(url) as database, database.read() as session:
        keys = session.execute(text("SELECT key FROM sync_state ORDER BY key")).scalars().all()
    assert keys == ["proc-0", "proc-1", "proc-2"]
