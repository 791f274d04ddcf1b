"""Fixtures and helpers for the store tests: databases on SQLite and on a throwaway PostgreSQL.

The PostgreSQL cluster (platform-notes.md §7) is started once per test session, on a free port
with its socket in a private temp dir, fsync off; it is stopped and removed at the end. Without
the server binaries (a developer machine running pytest by hand) the PostgreSQL cases are skipped,
saying why; under ``make test`` (``PACKDESK_TEST_POSTGRES=required``, as CI runs it) they fail instead:
a suite that passes there has run them.

Test modules import the fixtures they use: ``from store_helpers import db, pg_url, sqlite_template  # noqa: F401``
(``db`` asks for the other two by name, so they must be visible in the module).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.store import Database, default_sqlite_url, open_database
from app.store.models import Base

def _pg_bin() -> Path:
    """The newest PostgreSQL server's binaries Debian/Ubuntu installed (15 on Debian 12, 16 on
    Ubuntu 24.04...), or PACKDESK_PG_BIN."""
    if os.environ.get("PACKDESK_PG_BIN"):
        return Path(os.environ["PACKDESK_PG_BIN"])
    found = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb") if p.parent.parent.name.isdigit()]
    return max(found, key=lambda p: int(p.parent.name), default=Path("/usr/lib/postgresql/15/bin"))


PG_BIN = _pg_bin()
PG_DBNAME = "packdesk_test"
NOW = datetime(2026, 5, 10, 9, 0)

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


# -- the PostgreSQL cluster ---------------------------------------------------------------------

class PgCluster:
    """initdb + pg_ctl in a temp dir; as root, the server runs as the ``postgres`` user."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="packdesk-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self._as_owner: list[str] = []
        if _is_root():
            import pwd  # noqa: PLC0415 - POSIX only

            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self._as_owner = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{PG_DBNAME}"

    def start(self) -> None:
        self._run(self._as_owner + [str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust",
                                    "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"])
        for attempt in range(3):  # the free port may be taken between probe and start
            self.port = _free_port()
            options = (f"-k {self.root} -p {self.port} -c listen_addresses=127.0.0.1 "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            started = subprocess.run(
                self._as_owner + [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                                  "-w", "-o", options, "start"],
                capture_output=True, text=True, check=False,
            )
            if started.returncode == 0:
                break
            if attempt == 2:
                raise RuntimeError(f"PostgreSQL did not start: {started.stderr}\n{self._log_tail()}")
        self._run([str(PG_BIN / "createdb"), "-h", str(self.root), "-p", str(self.port),
                   "-U", "postgres", PG_DBNAME])

    def stop(self) -> None:
        try:
            if self.port:
                self._run(self._as_owner + [str(PG_BIN / "pg_ctl"), "-D", str(self.data),
                                            "-m", "fast", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, argv: list[str]) -> None:
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{argv[-1]!r} failed ({done.returncode}): {done.stderr}\n{self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pg_unavailable_reason() -> str | None:
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL server binaries not found in {PG_BIN} (set PACKDESK_PG_BIN)"
    if _is_root():
        import pwd  # noqa: PLC0415 - POSIX only

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
    try:
        import psycopg  # noqa: F401, PLC0415
    except ImportError:
        return "psycopg is not installed (pip install 'psycopg[binary]')"
    return None


# test modules may each import the session fixture: one cluster serves them all
_cluster_lock = threading.Lock()
_cluster: PgCluster | None = None
_cluster_users = 0


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of a throwaway PostgreSQL database (the cluster lives for the test session)."""
    global _cluster, _cluster_users
    reason = pg_unavailable_reason()
    if reason and os.environ.get("PACKDESK_TEST_POSTGRES") == "required":
        pytest.fail(f"the PostgreSQL cases cannot run: {reason} (make test installs the "
                    "'postgresql' package when run as root; otherwise: sudo apt-get install -y postgresql)",
                    pytrace=False)
    if reason:
        pytest.skip(reason)
    with _cluster_lock:
        if _cluster is None:
            cluster = PgCluster()
            try:
                cluster.start()
            except BaseException:
                cluster.stop()
                raise
            _cluster = cluster
        _cluster_users += 1
        url = _cluster.url
    try:
        yield url
    finally:
        with _cluster_lock:
            _cluster_users -= 1
            if _cluster_users == 0 and _cluster is not None:
                _cluster.stop()
                _cluster = None


@contextmanager
def fresh_pg_database(base_url: str, name: str) -> Iterator[str]:
    """An empty database next to ``base_url``'s, dropped afterwards."""
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(base_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def truncate_all(database: Database) -> None:
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with database.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


# -- databases for the tests --------------------------------------------------------------------

@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite cache file to copy (migrating each test's own costs ~0.1 s)."""
    data_dir = tmp_path_factory.mktemp("sqlite-template")
    open_database(default_sqlite_url(data_dir)).close()  # last close checkpoints the WAL away
    return data_dir / "packdesk.db"


def copied_sqlite(template: Path, data_dir: Path) -> Database:
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, data_dir / template.name)
    return open_database(default_sqlite_url(data_dir))


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An open, migrated, empty cache on each backend."""
    if request.param == "sqlite":
        database = copied_sqlite(request.getfixturevalue("sqlite_template"), tmp_path)
    else:
        database = open_database(request.getfixturevalue("pg_url"))
        truncate_all(database)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = copied_sqlite(sqlite_template, tmp_path)
    try:
        yield database
    finally:
        database.close()


# -- data ---------------------------------------------------------------------------------------

def posting(number: str, status: str = "awaiting_packaging", **fields: Any) -> dict[str, Any]:
    """A posting dict as the sync hands it over (Ozon fields only)."""
    row: dict[str, Any] = {
        "posting_number": number,
        "order_id": 1000,
        "order_number": number.rsplit("-", 1)[0],
        "status": status,
        "shipment_date": NOW + timedelta(days=1),
        "delivery_method_id": 21,
        "delivery_method_name": "Ozon Logistics",
        "warehouse_id": 7,
        "available_actions": ["ship"],
    }
    row.update(fields)
    return row


def item(sku: int, quantity: int = 1, **fields: Any) -> dict[str, Any]:
    return {"sku": sku, "offer_id": f"OFF-{sku}", "name": f"Product {sku}", "quantity": quantity,
            **fields}


def product(sku: int, **fields: Any) -> dict[str, Any]:
    return {"sku": sku, "product_id": sku + 1, "offer_id": f"OFF-{sku}", "name": f"Product {sku}",
            "weight_g": 250.0, **fields}
