"""Returns benchmark: what ``ReturnMode.opens`` costs a packing scan with many open returns.

Plain script (not a test); prints figures. Synthetic data only. The router asks ``opens(code)`` of every
packing scan that is none of the bench's own codes. Until the list was refreshed after each sync pass,
a scan coming more than a second after the last read re-read the open barcodes from the database
(``before``: that read plus the lookup, which is what such a scan paid); now a scan asks memory only
(``after``), and the read (``refresh``) runs once per sync pass on the sync thread.

    .venv/bin/python benchmarks/bench_returns.py [--returns 2500] [--scans 2000]
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from app.services.returns.mode import ReturnMode
from app.store import open_database
from app.store.models import PostingRow
from app.store.models_returns import ReturnRow

NOW = datetime(2026, 12, 1, 9, 0)


def seed(db, count: int) -> None:
    def write(session):
        for n in range(count):
            number = f"{20_000_000 + n}-0001-1"
            session.add(PostingRow(posting_number=number, status="delivered"))
            session.add(ReturnRow(scheme="fbs", ozon_id=n + 1, posting_number=number, barcode=f"ii{n:010d}",
                                  kind="ClientReturn", sku=1, offer_id="A", name="Kettle", quantity=1,
                                  state="returned_to_seller", state_name="", reason="", actions=[],
                                  rejection_reasons=[], notes=[], created_at=NOW, local_state="new"))
    db.writer.call(write)


def pct(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def timed(call, scans: list[str]) -> list[float]:
    times = []
    for code in scans:
        start = time.perf_counter()
        call(code)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--returns", type=int, default=2500)
    parser.add_argument("--scans", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'packdesk.db'}")
        try:
            seed(db, args.returns)
            mode = ReturnMode(db, "bench-1")
            scans = [f"46{n:011d}" for n in range(args.scans)]  # product barcodes: none opens a return
            mode.refresh()

            def before(code: str) -> bool:  # a scan > 1 s after the last read: read again, then look
                return code in mode.refresh()

            rows = [("before (read per scan)", timed(before, scans)),
                    ("after (memory)", timed(mode.opens, scans)),
                    ("refresh (per sync pass)", timed(lambda _code: mode.refresh(), scans[:200]))]
            assert not any(mode.opens(code) for code in scans) and mode.opens("ii0000000007")
        finally:
            db.close()
    print(f"ReturnMode.opens, {args.returns} open returns, {args.scans} packing scans "
          f"({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cpu)")
    for name, times in rows:
        print(f"  {name:26s} median {statistics.median(times) * 1000:8.4f} ms  p99 {pct(times, 0.99):8.4f} ms")


if __name__ == "__main__":
    main()
