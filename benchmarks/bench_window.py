"""The window's own work for each of the station's answers: its slots, layouts and repaint.

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python benchmarks/bench_window.py [--answers 400] [--rounds 3]

``bench_ui.py`` times a scan from end to end, with the station's thread, the database's commits,
the camera's recorder and the display server all wanting one of the machine's cores: its tail
moves with whatever else the machine does. This one keeps the window's own part apart, so a
change to the window can be compared with little noise: the demo's window (as ``packdesk demo``
builds it, not started: no station thread, no sync), and the answers the station gives to a
packer's scans (open a posting, count its units but the last, put it back: the bench_ui.py cycle),
decided beforehand on this thread (what a decision sets off afterwards, its log line, the camera's
clip, Ozon's re-read, is left out). Each answer is then handed to the window as the station's
worker hands it (``StationWorker._answered``) and the event loop is turned until nothing is left
to do (its layouts, the repaint, the item views' delayed layouts). Timed: the window thread's CPU
time and wall time for each answer, by kind. ``--rounds``: the answers are shown this many times
(the first round is not counted: fonts, style and caches warm up).

Run it with the packdesk to measure as the current directory (``PYTHONPATH=.``): it imports
``app`` from there, so two checkouts can be compared with one script.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from percentiles import percentile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from app.cli.demo import DEMO_API_KEY, demo_config
    from app.config import Config
    from app.sim.ozon import OzonSimulator, WorldConfig
    from app.ui.app import build, make_app, settle_heap
    from app.ui.refcount_guard import RefcountGuard

    with OzonSimulator(WorldConfig(postings=40, seed=7)) as sim, \
            tempfile.TemporaryDirectory(prefix="packdesk-bench-window-") as tmp:
        app = make_app()
        guard = RefcountGuard(app)  # noqa: F841 (as run_gui keeps it)
        controller = build(app, demo_config(Config(), sim.base_url, Path(tmp)), lang="ru", api_key=DEMO_API_KEY,
                           demo=True)
        controller.parts.engine.run_pass()  # the cache filled, as the first pass does
        answers = decided(controller, args.answers)
        window = controller.window
        window.resize(1280, 800)
        window.show()
        settle()
        settle_heap()
        times: dict[str, list[tuple[float, float]]] = {}
        for round_ in range(args.rounds):
            for snapshot, result in answers:
                cpu, wall = time.thread_time(), time.perf_counter()
                controller.station_worker._answered(snapshot, result)
                settle()
                if round_:
                    times.setdefault(result.code, []).append(((time.thread_time() - cpu) * 1000,
                                                              (time.perf_counter() - wall) * 1000))
        report(times, args)
        controller.shutdown()


def decided(controller, count: int) -> list:
    """The station's answers to a packer's scans, with the view each was read with."""
    from app.store import lookups
    from app.store import products as store_products

    engine = controller.station_worker._engine
    with controller.parts.db.read() as session:
        rows = lookups.list_postings(session, status="awaiting_packaging")
        barcodes = store_products.barcodes_by_sku(session, {i.sku for p in rows for i in p.items})
    codes = []
    while len(codes) < count:
        for row in rows:
            units = [barcodes[i.sku][0] for i in row.items if barcodes.get(i.sku) for _ in range(i.quantity)]
            codes.extend([row.posting_number, *units[:-1], "CMD:CANCEL"])
    engine.station.follow_up = lambda step: None  # its log line, the camera's clip, Ozon's re-read: not here
    answers = []
    for code in codes[:count]:
        engine.station.take_view()
        result = engine.scanner.scan(code)
        taken = engine.station.take_view()
        answers.append((engine._moded(taken) if taken is not None else engine._snapshot(), result))
    return answers


def settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(4):  # the answer's layouts post the repaint; the item views lay out on a zero timer
        QApplication.processEvents()


def report(times: dict, args) -> None:
    print(f"platform: {os.environ['QT_QPA_PLATFORM']}, {os.cpu_count()} cores; {args.answers} answers shown "
          f"{args.rounds - 1} times (after one round not counted); load average at end "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    every = [t for kind in times.values() for t in kind]
    for kind, samples in sorted(times.items(), key=lambda kv: -len(kv[1])) + [("all answers", every)]:
        cpu = sorted(t[0] for t in samples)
        wall = sorted(t[1] for t in samples)
        print(f"  {kind:<18} n={len(samples):4d}  the window thread's CPU median {statistics.median(cpu):5.2f} ms, "
              f"p99 {percentile(cpu, 0.99):5.2f} ms;  wall median {statistics.median(wall):5.2f} ms, "
              f"p99 {percentile(wall, 0.99):5.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
