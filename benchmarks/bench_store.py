"""Store benchmark: bulk upsert into an empty SQLite cache, then the three scan lookups at 100k.

Plain script (not a test); prints figures. Synthetic data only.

    .venv/bin/python benchmarks/bench_store.py [--postings 100000] [--lookups 2000] [--seed 1]
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app.store import default_sqlite_url, open_database
from app.store import events as store_events
from app.store import lookups
from app.store import postings as store_postings
from app.store import products as store_products

BASE = datetime(2026, 5, 1, 8, 0)
# Ozon statuses with rough shares in a seller's history (most postings are long delivered)
STATUSES = (
    ("delivered", 70), ("cancelled", 8), ("delivering", 6), ("awaiting_deliver", 6),
    ("awaiting_packaging", 8), ("awaiting_registration", 2),
)


def make_catalogue(rng: random.Random, count: int) -> tuple[list[dict], dict[int, list[str]]]:
    products, barcodes = [], {}
    for n in range(count):
        sku = 100_000_000 + n
        products.append({"sku": sku, "product_id": 5_000_000 + n, "offer_id": f"OFF-{n:05d}",
                         "name": f"Product {n}", "weight_g": rng.randint(50, 3000)})
        barcodes[sku] = [f"46{n:011d}", f"OZN{sku}"]
    return products, barcodes


def make_postings(rng: random.Random, start: int, count: int, skus: list[int]) -> tuple[list[dict], dict]:
    names, weights = zip(*STATUSES)
    postings, items = [], {}
    for n in range(start, start + count):
        number = f"{10_000_000 + n // 3}-{n:07d}-{n % 3 + 1}"
        postings.append({
            "posting_number": number,
            "order_id": 900_000_000 + n,
            "order_number": f"{10_000_000 + n // 3}-{n:07d}",
            "status": rng.choices(names, weights)[0],
            "shipment_date": BASE + timedelta(minutes=rng.randint(-60 * 24 * 90, 60 * 24 * 3)),
            "in_process_at": BASE - timedelta(days=rng.randint(0, 90)),
            "delivery_method_id": 21_000_000 + rng.randint(1, 5),
            "delivery_method_name": "Ozon Logistics",
            "warehouse_id": 1_020_000_000 + rng.randint(1, 3),
            "available_actions": ["ship"],
            "requirements": {"products_requiring_gtd": []},
            "upper_barcode": f"%{n:012d}%",
            "lower_barcode": f"{n:020d}",
        })
        items[number] = [
            {"sku": sku, "offer_id": f"OFF-{sku - 100_000_000:05d}", "name": "Product",
             "quantity": rng.randint(1, 3), "price": "499.00"}
            for sku in rng.sample(skus, rng.randint(1, 4))
        ]
    return postings, items


def time_lookups(db, label: str, codes: list[str], fn: Callable) -> None:
    samples = []
    found = 0
    with db.read() as session:
        for code in codes:
            t0 = time.perf_counter()
            row = fn(session, code)
            samples.append((time.perf_counter() - t0) * 1000)
            found += row is not None
            session.expunge_all()  # measure the query, not the identity map
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    print(f"  {label:<26} median {statistics.median(samples):6.3f} ms   p99 {p99:6.3f} ms"
          f"   ({found}/{len(codes)} found)")


FLOOR = "floor: one event line + commit"


def disk_floor(db, station: str) -> float:
    """The disk's part of a decision, in ms: a writer transaction that writes one event line and
    commits (what any decision pays at synchronous=FULL), run as a decision runs (``call_first``, on
    this thread). Taken between the decisions, so both meet the same load and the same pace (a
    disk's flush may cost more after a pause than back to back)."""
    t = time.perf_counter()
    db.writer.call_first(lambda session: store_events.append_event(session, kind="bench", station=station,
                                                                 now=datetime.now(timezone.utc)))
    return (time.perf_counter() - t) * 1000


BARE = "bare floor: sqlite3 alone"


class BareFloor:
    """The platform's part of any commit, with no packdesk and no SQLAlchemy in it: Python's
    sqlite3 alone, on a file of its own beside the cache with the cache's pragmas (WAL,
    synchronous=FULL, no automatic checkpoint), ``BEGIN IMMEDIATE``, one row of an event line's
    size, ``COMMIT``. Called between the decisions, it meets the same pace: what a decision cannot
    go below on this machine. Its WAL is checkpointed every 100 rows, outside the timing."""

    def __init__(self, directory: Path) -> None:
        self._db = sqlite3.connect(directory / "bare-floor.db", isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "wal_autocheckpoint = 0"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute("CREATE TABLE IF NOT EXISTS lines (id INTEGER PRIMARY KEY, at TEXT, data TEXT)")
        self._rows = 0

    def __call__(self) -> float:
        t = time.perf_counter()
        self._db.execute("BEGIN IMMEDIATE")
        self._db.execute("INSERT INTO lines (at, data) VALUES (?, ?)",
                         (datetime.now(timezone.utc).isoformat(), '{"counted": 1, "total": 4}' * 4))
        self._db.execute("COMMIT")
        ms = (time.perf_counter() - t) * 1000
        self._rows += 1
        if self._rows % 100 == 0:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return ms

    def close(self) -> None:
        self._db.close()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--first-batch", type=int, default=10_000)
    parser.add_argument("--products", type=int, default=5_000)
    parser.add_argument("--lookups", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}; Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")

    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp:
        db = open_database(default_sqlite_url(Path(tmp)))
        try:
            products, barcodes = make_catalogue(rng, args.products)
            db.call(store_products.upsert_products, products, barcodes, BASE)
            skus = [p["sku"] for p in products]

            postings, items = make_postings(rng, 0, args.first_batch, skus)
            t0 = time.perf_counter()
            db.call(store_postings.upsert_postings, postings, items, BASE)
            first = time.perf_counter() - t0
            n_items = sum(len(v) for v in items.values())
            print(f"upsert {len(postings):,} new postings ({n_items:,} items) into an empty cache: "
                  f"{first:.2f} s ({len(postings) / first:,.0f} postings/s)")

            t0 = time.perf_counter()
            db.call(store_postings.upsert_postings, postings, items, BASE)
            print(f"upsert the same {len(postings):,} again (all updates): {time.perf_counter() - t0:.2f} s")

            t0 = time.perf_counter()
            done = args.first_batch
            while done < args.postings:
                batch = min(10_000, args.postings - done)
                more, more_items = make_postings(rng, done, batch, skus)
                db.call(store_postings.upsert_postings, more, more_items, BASE)
                done += batch
            print(f"grown to {done:,} postings in {time.perf_counter() - t0:.1f} s "
                  f"(generation included)")

            picks = [rng.randrange(done) for _ in range(args.lookups)]
            numbers = [f"{10_000_000 + n // 3}-{n:07d}-{n % 3 + 1}" for n in picks]
            labels = [f"%{n:012d}%" if rng.random() < 0.5 else f"{n:020d}" for n in picks]
            item_codes = [rng.choice(barcodes[rng.choice(skus)]) for _ in picks]
            print(f"lookups at {done:,} postings ({args.lookups:,} random each):")
            time_lookups(db, "posting number", numbers, lookups.get_posting)
            time_lookups(db, "label barcode", labels, lookups.find_by_label_barcode)
            time_lookups(db, "item barcode (packable)", item_codes,
                         lookups.find_packable_by_item_barcode)
            time_lookups(db, "products by barcode", item_codes, store_products.products_by_barcode)
        finally:
            db.close()


if __name__ == "__main__":
    main()
