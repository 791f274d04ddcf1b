"""Ingest benchmark: N postings from the Ozon simulator (no faults) into an empty SQLite cache.

    .venv/bin/python benchmarks/bench_sync.py [--postings 10000] [--rps 45]

Prints the wall time of one full sync pass (postings, products, reference data) and of the
posting pull alone, for the client's default pacing and for a faster one still under Ozon's
50 requests/s.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.config import Config, with_overrides  # noqa: E402
from app.services.ozon.client import OzonClient  # noqa: E402
from app.services.sync.engine import SyncEngine  # noqa: E402
from app.services.sync.pull import PullStats  # noqa: E402
from app.sim.ozon import OzonSimulator, WorldConfig  # noqa: E402
from app.store.db import open_database  # noqa: E402


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def run(postings: int, rps: float, sim: OzonSimulator) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        config = with_overrides(Config(data_dir=Path(tmp)), ozon={"base_url": sim.base_url, "client_id": "100000"})
        db = open_database(config.database_url)
        client = OzonClient(sim.base_url, "100000", "demo-key", rps=rps)
        engine = SyncEngine(client, db, config)
        try:
            started = time.perf_counter()
            stats = PullStats()
            engine.puller.pull_open_postings(stats)
            pull_s = time.perf_counter() - started
        finally:
            client.close()
            db.close()
        # a whole first pass on a fresh cache (reference data, products, key check included)
        db = open_database(config.database_url.replace("packdesk.db", "pass.db"))
        client = OzonClient(sim.base_url, "100000", "demo-key", rps=rps)
        try:
            started = time.perf_counter()
            summary = SyncEngine(client, db, config).run_pass()
            pass_s = time.perf_counter() - started
            assert summary.finished and summary.pull.postings == postings, summary.as_dict()
        finally:
            client.close()
            db.close()
        return pull_s, pass_s, stats.postings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--rps", type=float, nargs="*", default=[20.0, 45.0])
    args = parser.parse_args()
    print(f"machine: {machine()}")
    with OzonSimulator(WorldConfig(postings=args.postings, seed=1, mixed_statuses=False)) as sim:
        for rps in args.rps:
            pull_s, pass_s, count = run(args.postings, rps, sim)
            print(f"rps={rps:>4.0f}: pull of {count} postings {pull_s:.2f} s "
                  f"({count / pull_s:,.0f} postings/s); whole first pass {pass_s:.2f} s")


if __name__ == "__main__":
    main()
