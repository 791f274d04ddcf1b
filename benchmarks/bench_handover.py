"""Hand-over benchmark: a parcel scan during a hand-over of 1,000 parcels, text in → answer out with
its writer transaction and commit (through the bench's router, as the window and replay scan), in
a cache of 100,000 postings.

The floor is printed beside, taken between the scans: transactions that only write one event line
and commit (the disk's fsync at synchronous=FULL; on a shared machine it is most of the p99).

Two ways: Ozon not asked (offline: the bench's own cost; one transaction a scan), and with the
re-read before a parcel counts answered at once from memory (two transactions a scan, the network
left out: what the bench adds to Ozon's answer time).

Plain script (not a test); prints figures. Synthetic data, built with the store's bulk upserts.

    .venv/bin/python benchmarks/bench_handover.py [--postings 100000] [--parcels 1000] [--seed 1]
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import BASE, FLOOR, cpu_model, disk_floor, make_catalogue, make_postings  # noqa: E402

from app.services.handover.mode import HandoverMode  # noqa: E402
from app.services.modes import ScanRouter  # noqa: E402
from app.services.ozon.models import Posting  # noqa: E402
from app.services.station import Station  # noqa: E402
from app.services.station.remote import Lookup  # noqa: E402
from app.store import default_sqlite_url, open_database  # noqa: E402
from app.store import postings as store_postings  # noqa: E402
from app.store import products as store_products  # noqa: E402

METHOD = 31_000_001


class AtOnce:
    """Ozon's re-read of a posting, answered from memory (no network)."""

    def __init__(self, postings: dict[str, Posting]) -> None:
        self.postings = postings

    def posting(self, number: str) -> Lookup:
        return Lookup(posting=self.postings[number], found=True)


def build(db, rng: random.Random, count: int, parcels: int) -> tuple[list[dict], dict[str, Posting]]:
    catalogue, barcodes = make_catalogue(rng, 2_000)
    db.call(store_products.upsert_products, catalogue, barcodes, BASE)
    skus = [p["sku"] for p in catalogue]
    done = 0
    while done < count:
        batch = min(10_000, count - done)
        postings, items = make_postings(rng, done, batch, skus)
        db.call(store_postings.upsert_postings, postings, items, BASE)
        done += batch
    ready, items = make_postings(rng, count, parcels, skus)
    for row in ready:  # shipped and labelled, one method of Ozon logistics, due today
        row.update(status="awaiting_deliver", delivery_method_id=METHOD, tpl_integration_type="ozon",
                   delivery_method_name="Ozon courier", shipment_date=datetime.now(timezone.utc).replace(tzinfo=None))
    db.call(store_postings.upsert_postings, ready, items, BASE)
    fresh = {row["posting_number"]: Posting(posting_number=row["posting_number"], status="awaiting_deliver",
                                            delivery_method_id=METHOD, tpl_integration_type="ozon")
             for row in ready}
    return ready, fresh


def report(label: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    print(f"  {label:<34} n={len(samples):5d}  median {statistics.median(samples):6.3f} ms   "
          f"p99 {p99:6.3f} ms   max {samples[-1]:6.3f} ms")


def run(db, name: str, ready: list[dict], remote, rng: random.Random) -> dict[str, list[float]]:
    station = Station(db, name)
    mode = HandoverMode(db, name, remote=remote, close_wait_s=0.0)
    router = ScanRouter(db, station, [mode])
    timings: dict[str, list[float]] = {}

    def timed(kind: str, text: str, expect: str) -> None:
        t = time.perf_counter()
        result = router.scan(text)
        timings.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
        if result.code != expect:
            raise SystemExit(f"{kind}: {result.code} for {text!r}, expected {expect}")

    timed("start (CMD:HANDOVER)", f"CMD:HANDOVER:{METHOD}", "handover_started")
    order = list(ready)
    rng.shuffle(order)
    for index, row in enumerate(order):
        by_label = index % 2 == 1
        timed("parcel scan (label)" if by_label else "parcel scan (number)",
              row["upper_barcode"] if by_label else row["posting_number"], "parcel_accepted")
        if index % 10 == 0:
            timed("duplicate", row["posting_number"], "parcel_duplicate")
            timed("item barcode (not counted)", "4600000000123", "not_a_parcel")
        timings.setdefault(FLOOR, []).append(disk_floor(db, name))
    timed("close (carriage queued)", "CMD:HANDOVER-CLOSE", "handover_closed")
    mode.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--parcels", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    load_at_start = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}; Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    for label, with_ozon in (("Ozon not asked (offline)", False), ("Ozon's re-read answered at once", True)):
        rng = random.Random(args.seed)
        with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp:
            db = open_database(default_sqlite_url(Path(tmp)))
            try:
                t0 = time.perf_counter()
                ready, fresh = build(db, rng, args.postings, args.parcels)
                print(f"cache: {args.postings:,} postings + {args.parcels:,} parcels ready, built in "
                      f"{time.perf_counter() - t0:.1f} s")
                timings = run(db, "bench-1", ready, AtOnce(fresh) if with_ozon else None, rng)
            finally:
                db.close()
        print(f"hand-over of {args.parcels:,} parcels, {label} (SQLite, synchronous=FULL):")
        for kind, samples in timings.items():
            report(kind, samples)
        report("ALL parcel scans", timings["parcel scan (number)"] + timings["parcel scan (label)"])
    print("load average (1, 5, 15 min) at start %.2f %.2f %.2f, at end %.2f %.2f %.2f"
          % (*load_at_start, *os.getloadavg()))


if __name__ == "__main__":
    main()
