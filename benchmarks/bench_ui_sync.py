"""GUI responsiveness during a big sync: the event loop's longest stall while a 5,000-posting
first sync runs against the simulator and the queues panel reloads from the filled cache.

    .venv/bin/python benchmarks/bench_ui_sync.py [--postings 5000] [--runs 5]

Each run: a fresh cache, the queues panel shown (offscreen unless QT_QPA_PLATFORM says
otherwise), the heap settled and collected as ``packdesk gui`` does, then a 10 ms ``StallMeter`` on the GUI
thread from the start of the sync until the loaded queue has been painted. The simulator runs in
this process at full speed (no request pacing), which makes the contention worse than Ozon would.
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.config import Config, with_overrides  # noqa: E402
from app.services.ozon.client import OzonClient  # noqa: E402
from app.services.sync.engine import SyncEngine, SyncService  # noqa: E402
from app.sim.ozon import OzonSimulator, WorldConfig  # noqa: E402
from app.store.db import open_database  # noqa: E402
from app.ui import gui_collector  # noqa: E402
from app.ui.adapters import SyncWorker  # noqa: E402
from app.ui.app import settle_heap  # noqa: E402
from app.ui.queues.panel import QueuesPanel  # noqa: E402
from app.ui.refcount_guard import RefcountGuard  # noqa: E402
from app.ui.stall_meter import StallMeter  # noqa: E402
from bench_sync import machine  # noqa: E402


def wait_for(signal, timeout_ms: int = 300_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def one_run(sim: OzonSimulator, tmp: Path) -> tuple[float, float, int]:
    config = with_overrides(Config(data_dir=tmp), ozon={"base_url": sim.base_url, "client_id": "100000"})
    db = open_database(config.database_url)
    client = OzonClient(sim.base_url, "100000", "demo-key", rps=1000)
    worker = SyncWorker(SyncService(SyncEngine(client, db, config), interval_s=3600))
    panel = QueuesPanel(db, config.station.name)
    panel.resize(1280, 700)
    panel.show()
    worker.passFinished.connect(lambda summary: panel.reload())
    QApplication.processEvents()
    settle_heap()
    meter = StallMeter(warn_ms=None)
    meter.start()
    started = time.perf_counter()
    worker.start()
    wait_for(panel.loaded)
    loop = QEventLoop()
    QTimer.singleShot(100, loop.quit)  # the loaded table's paint
    loop.exec()
    took = time.perf_counter() - started
    meter.stop()
    worker.stop()
    rows = panel.awaiting.total()
    panel.close()
    panel.deleteLater()
    client.close()
    db.close()
    gc.unfreeze()
    return meter.longest_ms, took, rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    guard = RefcountGuard(app)  # noqa: F841 - as run_gui does (PySide6 6.12.0 counts None/True one short)
    gui_collector.install(app)  # as make_app does: Python's garbage collected on the GUI thread only
    print(f"machine: {machine()}; platform {os.environ['QT_QPA_PLATFORM']}")
    stalls = []
    with OzonSimulator(WorldConfig(postings=args.postings, seed=11)) as sim:
        for run in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                longest, took, rows = one_run(sim, Path(tmp))
            stalls.append(longest)
            print(f"run {run + 1}: sync + queue load {took:.1f} s, {rows} awaiting; longest GUI stall {longest:.0f} ms")
    app.processEvents()
    print(f"longest GUI-thread stall during a {args.postings:,}-posting sync: median {statistics.median(stalls):.0f} ms,"
          f" max {max(stalls):.0f} ms over {len(stalls)} runs")


if __name__ == "__main__":
    main()
