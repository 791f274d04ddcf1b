"""`packdesk db migrate-to URL`: a SQLite bench moved onto the test PostgreSQL as a user does it (a
real process): every row of every table arrives, the source is only read, a target that holds data
is refused unless --replace, and the moved cache goes on (ids continue after the copied ones)."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, select

from app.services.people import directory
from app.services.station import Station
from app.store import default_sqlite_url, migrate, open_database
from app.store import events as store_events
from app.store import labels as store_labels
from app.store import reference as store_reference
from app.store import sync_state
from app.store import waves as store_waves
from app.store.db import create_engine_for
from app.store.models import Base, EventRow
from app.store.models_room import RateBudgetRow
from station_helpers import EAN, MUG, NOW, write_shop
from store_helpers import fresh_pg_database, pg_url  # noqa: F401

PY = sys.executable
FILLED = ("postings", "posting_items", "products", "product_barcodes", "warehouses", "delivery_methods",
          "sync_state", "events", "outbox", "packed_units", "stations", "labels", "waves", "wave_postings", "people")


def a_bench_with_a_shift_behind_it(data_dir: Path) -> None:
    db = open_database(default_sqlite_url(data_dir))
    try:
        write_shop(db)
        station = Station(db, "bench-1", packer="anna", now=lambda: NOW)
        assert station.scan(EAN[MUG]).code == "posting_complete"
        assert station.weigh(400).code == "weight_accepted"  # packed, ship queued, events
        assert station.scan("10000006-0001-1").code == "posting_opened"
        station.scan(EAN[MUG])  # a wrong item: one more event

        def rest(session):
            store_labels.ensure(session, ["10000002-0001-1"], station="bench-1", now=NOW)
            store_waves.create_wave(session, station="bench-1", chosen=["10000005-0001-1"],
                                    excluded=[("10000003-0001-1", "marked goods")], delivery_method_id=None,
                                    due_by=None, now=NOW)
            store_reference.replace_warehouses(session, [{"id": 7, "name": "Main"}])
            store_reference.replace_delivery_methods(session, [{"id": 21, "warehouse_id": 7, "name": "Ozon Logistics"}])
            sync_state.set_state(session, "postings.changed_mark", NOW.isoformat(), now=NOW)
            session.execute(insert(RateBudgetRow), {"account": "api-seller.ozon.ru/1", "rate": 20.0, "tat": 0.0})

        db.writer.call(rest)
        directory.add(db, "Anna", "packer", pin="4711", now=lambda: NOW)  # people and their hashes move too
        directory.issue_badge(db, "Anna")
    finally:
        db.close()


def contents(url: str) -> dict[str, list[dict]]:
    engine = create_engine_for(url)
    try:
        with engine.connect() as conn:
            return {table.name: [dict(row._mapping) for row in conn.execute(
                select(table).order_by(*(table.primary_key.columns or table.columns)))]
                for table in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def migrate_to(data_dir: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    config = data_dir / "packdesk.toml"
    config.write_text('[station]\nname = "bench-1"\n', encoding="utf-8")
    return subprocess.run([PY, "-m", "app", "--config", str(config), "--data-dir", str(data_dir), "--lang", "en",
                           "db", "migrate-to", url, *extra], capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def target(pg_url):  # noqa: F811
    with fresh_pg_database(pg_url, "packdesk_moved") as url:
        yield url


@pytest.mark.postgres
def test_a_sqlite_bench_moves_onto_postgresql_with_every_row_and_the_source_untouched(tmp_path, target):
    a_bench_with_a_shift_behind_it(tmp_path)
    source_url, source_file = default_sqlite_url(tmp_path), tmp_path / "packdesk.db"
    before, was = contents(source_url), digest(source_file)
    assert all(before[name] for name in FILLED), [name for name in FILLED if not before[name]]

    done = migrate_to(tmp_path, target)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert f"events: {len(before['events'])} rows" in lines and f"outbox: {len(before['outbox'])} rows" in lines
    assert lines[-1].startswith(f"Copied {sum(map(len, before.values()))} rows of {len(before)} tables to ")
    assert "every row arrived" in lines[-1]
    assert contents(target) == before  # every table, every row, every value
    assert digest(source_file) == was and contents(source_url) == before  # only read

    again = migrate_to(tmp_path, target)  # a re-run: the target holds the bench now
    assert again.returncode == 1 and "already holds data" in again.stderr and "--replace" in again.stderr
    assert contents(target) == before

    replaced = migrate_to(tmp_path, target, "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert contents(target) == before

    with open_database(target) as moved:  # the room goes on from there: new ids after the copied ones
        moved.writer.call(store_events.append_event, kind="note", station="bench-2", now=NOW + timedelta(hours=1))
        with moved.read() as session:
            newest = session.scalars(select(EventRow).order_by(EventRow.id.desc())).first()
    assert newest.kind == "note" and newest.id == max(row["id"] for row in before["events"]) + 1


@pytest.mark.postgres
def test_a_bench_of_an_older_version_moves_too_and_stays_as_it_was(tmp_path, target):
    a_bench_with_a_shift_behind_it(tmp_path)
    source_url = default_sqlite_url(tmp_path)
    engine = create_engine_for(source_url)
    migrate.downgrade(engine, "0005")  # as an older packdesk left it: no rate_budgets table
    engine.dispose()
    with sqlite3.connect(tmp_path / "packdesk.db") as conn:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "rate_budgets" not in tables

    done = migrate_to(tmp_path, target)
    assert done.returncode == 0, done.stderr
    engine = create_engine(source_url)
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == "0005"  # the source was not upgraded
    finally:
        engine.dispose()
    moved = contents(target)
    assert len(moved["events"]) > 0 and moved["rate_budgets"] == []


def test_a_url_that_is_no_database_is_refused_with_the_form_to_use(tmp_path):
    a_bench_with_a_shift_behind_it(tmp_path)
    done = migrate_to(tmp_path, "not a url")
    assert done.returncode == 2
    assert "postgresql+psycopg://USER:PASSWORD@HOST/DATABASE" in done.stderr
