"""A room of benches for the tests: a fresh, migrated PostgreSQL database of its own per test (the
session's throwaway cluster, ``store_helpers.pg_url``), benches as separate ``Database`` objects
(each its own engine, connections and writer lane, as separate processes have), and the
environment a ``packdesk`` process of the room runs with.

Test modules import the fixtures they use: ``from room_helpers import room_url  # noqa: F401`` and
``from store_helpers import pg_url  # noqa: F401``.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.store import open_database
from store_helpers import fresh_pg_database

PY = sys.executable


@pytest.fixture
def room_url(pg_url: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A migrated, empty database of its own (advisory locks and budgets do not leak between tests)."""
    with fresh_pg_database(pg_url, "packdesk_room") as url:
        open_database(url).close()
        yield url


def room_env(sim, db_url: str) -> dict[str, str]:
    """The environment of a ``packdesk`` process of the room: the simulator's account, the shared database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    env.update(PACKDESK_OZON_BASE_URL=sim.base_url, PACKDESK_OZON_CLIENT_ID="100000",
               PACKDESK_OZON_API_KEY="demo-key", PACKDESK_DB_URL=db_url,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    return env


def bench_config(path: Path, station: str, *, interval_s: float = 30.0, printer: str = "sim://") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    config = path / "packdesk.toml"
    config.write_text(f'[station]\nname = "{station}"\n[sync]\ninterval_s = {interval_s}\n'
                      f'[devices]\nscale = "sim://"\nprinter = "{printer}"\n', encoding="utf-8")
    return config


def packdesk(config: Path, data_dir: Path, *args: str) -> list[str]:
    return [PY, "-m", "app", "--config", str(config), "--data-dir", str(data_dir), "--lang", "en", *args]


def wait_for(condition: Callable[[], Any], *, timeout: float, what: str, every: float = 0.05) -> Any:
    """Poll ``condition`` until it is truthy (returns it) or fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:g} s: {what}")
        time.sleep(every)


def at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls on threads of their own, released together; their results in order (an
    exception is raised here)."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i, c), name=f"bench-{i + 1}") for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    if errors:
        raise errors[0]
    return results
