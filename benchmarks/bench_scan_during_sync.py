"""Station decisions while the sync pulls: the same scans with the bench quiet, then while full
pulls of the simulator's postings run back to back on a thread of the same process (as the
window's sync does every ``full_pass_interval_s``).

Python runs one thread at a time: the sync's parsing and its writes take the interpreter and the
writer lane from a scan's decision unless they give way (``app/foreground.py``, and the sync writes
25 postings at a time, ``app/services/sync/pull.py``). ``--as-before`` turns both off in the same
code (background work never waits; a page is one write), for an A/B on one machine.

The simulator runs in a process of its own (``packdesk ozon-sim``), as Ozon is another machine;
the client keeps packdesk's default pace (20 requests/s).

    .venv/bin/python benchmarks/bench_scan_during_sync.py [--postings 3000] [--open 60] [--gap-ms 20] [--as-before]
"""
from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app import foreground  # noqa: E402
from app.config import Config, with_overrides  # noqa: E402
from app.services.ozon.client import OzonClient  # noqa: E402
from app.services.station import Station  # noqa: E402
from app.services.sync import pull  # noqa: E402
from app.services.sync.engine import SyncEngine  # noqa: E402
from app.services.sync.pull import PullStats  # noqa: E402
from app.store import lookups  # noqa: E402
from app.store import products as store_products  # noqa: E402
from app.store.db import open_database  # noqa: E402


def figures(label: str, samples: list[float]) -> None:
    samples = sorted(samples)
    at = lambda q: samples[min(len(samples) - 1, int(len(samples) * q))]  # noqa: E731
    print(f"  {label:<24} n={len(samples):4d}  median {statistics.median(samples):7.2f} ms   p90 {at(0.9):7.2f} ms"
          f"   p99 {at(0.99):7.2f} ms   max {samples[-1]:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=3000, help="the simulator's postings")
    parser.add_argument("--open", type=int, default=60, help="postings opened per phase (3 units and a put back each)")
    parser.add_argument("--gap-ms", type=float, default=20, help="from an answer to the next scan")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--as-before", action="store_true",
                        help="background work never gives way and a page is one write")
    args = parser.parse_args()
    if args.as_before:
        foreground.FOREGROUND.max_wait_s = 0.0
        pull.WRITE_CHUNK = 10**9
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    simulator = subprocess.Popen([sys.executable, "-m", "app", "ozon-sim", "--postings", str(args.postings),
                                  "--seed", str(args.seed)], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    try:
        url = simulator.stdout.readline().split()[-1]  # "listening on http://H:PORT"
        with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp:
            run(args, url, Path(tmp))
    finally:
        simulator.terminate()
        simulator.wait(10)


def run(args, url: str, data_dir: Path) -> None:
    config = with_overrides(Config(data_dir=data_dir), ozon={"base_url": url, "client_id": "100000"})
    db = open_database(config.database_url)
    client = OzonClient(url, "100000", "demo-key", rps=config.ozon.requests_per_second)
    try:
        engine = SyncEngine(client, db, config)
        started = time.perf_counter()
        engine.run_pass()
        print(f"machine: {os.cpu_count()} CPUs; first pass of {args.postings:,} postings "
              f"{time.perf_counter() - started:.1f} s; {'as before' if args.as_before else 'giving way'}")
        with db.read() as session:
            rows = lookups.list_postings(session, status="awaiting_packaging")
            barcodes = store_products.barcodes_by_sku(session, {i.sku for p in rows for i in p.items})
        station = Station(db, "bench-1", packer="bench")
        gc.collect()  # as the window does once started (app/ui/app.py, settle_heap): a full collection
        gc.freeze()   # then walks what the scans and pulls make, not the modules and the bench's own lists
        rng = random.Random(args.seed)

        def scans() -> list[float]:
            times = []
            for posting in rng.sample(rows, min(args.open, len(rows))):
                units = [barcodes[i.sku][0] for i in posting.items if barcodes.get(i.sku)][:3]
                for code in (posting.posting_number, *units, "CMD:CANCEL"):
                    t = time.perf_counter()
                    station.scan(code)
                    times.append((time.perf_counter() - t) * 1000)
                    time.sleep(args.gap_ms / 1000)
            return times

        load = os.getloadavg()
        quiet = scans()
        stop, pulls = threading.Event(), []

        def pulling() -> None:
            while not stop.is_set():
                t = time.perf_counter()
                engine.puller.pull_open_postings(PullStats())
                pulls.append(time.perf_counter() - t)

        puller = threading.Thread(target=pulling, name="bench-sync")
        puller.start()
        try:
            busy = scans()
        finally:
            stop.set()
            puller.join()
        print(f"scan decisions (open, up to 3 units, put back; {args.gap_ms:g} ms apart):")
        figures("bench quiet", quiet)
        figures("during full pulls", busy)
        print(f"full pulls meanwhile: {len(pulls)}, median {statistics.median(pulls):.2f} s each")
        print("load average (1, 5, 15 min) at start %.2f %.2f %.2f, at end %.2f %.2f %.2f" % (*load, *os.getloadavg()))
    finally:
        client.close()
        db.close()


if __name__ == "__main__":
    main()
