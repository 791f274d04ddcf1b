"""Desktop bench figures: cold start to the first painted window, and scan → repainted pack view.

    .venv/bin/python benchmarks/bench_ui.py [--runs 5] [--scans 200] [--gap-ms 5] [--ozon process|inline]
        [--no-rehearsal] [--split] [--memory-every N]

Cold start: a fresh process does what ``packdesk demo`` does (simulator, sim:// devices, the main
window) and reports when the window's first paint event arrives, counted from just before the
process was started. The runs share one data dir: the first creates the cache (the schema's
migrations run), the later ones open it as a bench does at the start of each shift.

Scan → repaint: in the running demo, the scanner filter's ``scanned`` signal (the end of a burst)
is emitted with the codes a packer would scan (open a posting, count its units but the last, put
it back with CMD:CANCEL). The clock stops when the window's first repaint that shows all of the
station's answer has been painted and handed to the display server (a zero-timer queued when that
repaint begins runs once it is done): the banner, the new message, and the lines when a cell in
view changed or lines came or went; while the station holds an error, the red flash over the
window. A repaint that shows the banner while the message or the lines are still to come does not
stop it. "That repaint begins" is also printed, and the time the scan's database commits took
(WAL write + sync at synchronous=FULL: the part the disk decides). Nothing is repainted for the
bench's sake: only what the answer changed, as at a real bench. ``--gap-ms``: the next scan that
long after the repaint: 5 (the default) scans back to back, so what one answer set off (the
evidence video, Ozon's re-read, 50 ms later) meets the next scans; 300 is a packer's pace (a scan
at most every ~0.3 s).
Opening a posting includes the station's re-read of it from Ozon: the simulator, by default in a
process of its own (``packdesk ozon-sim``), as Ozon is another machine; ``--ozon inline`` runs it
in the app's process, as ``packdesk demo`` does (its threads then share the app's interpreter).
``--split`` also prints where each scan's time goes, on both threads: to the station's thread; from
there until the window takes the answer (the decision, its commit, the pack view's lines read with it,
its log line, the answer sent), with that thread's CPU time beside; the window's handling of the
answer; to the repaint's start; the repaint; for all scans and for each kind. Timed by wrapping the
station worker's two methods that carry a scan and its answer (``app.ui.adapters.station_worker``)
before the window is built. Beside them, from the scan to the repaint's end, the window thread's
CPU time (the bench's own steps included) and, on Linux, its time ready to run but waiting for a CPU
(``/proc/thread-self/schedstat``): on 2 cores the station's thread, the display server, the camera's
recorder and a sync pass all want one around a scan. ``--memory-every N``: what the window's process
holds every N scans and its growth a scan over the run's second half (``heap.py``).
Runs offscreen by default (QT_QPA_PLATFORM=offscreen); under xvfb-run set QT_QPA_PLATFORM=xcb.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import heap
from percentiles import percentile

REPO = Path(__file__).resolve().parent.parent
FIRST = 5  # the shift's first scans, printed one by one (the station rehearses as it starts)
SPLIT_PARTS = ("to the station's thread", "its decision until the window takes it", "the window's handling",
               "to the repaint's start", "the repaint", "(the station thread's CPU time in the 2nd)",
               "(the window thread's CPU time, all of it)", "(the window thread ready, waiting for a CPU)")

CHILD = r'''
import functools, os, sys, time
from pathlib import Path
T0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from app.cli.demo import DEMO_API_KEY, demo_config
from app.config import Config
from app.ui.app import build, make_app, settle_heap
from app.ui.refcount_guard import RefcountGuard

SCANS = int(os.environ["BENCH_SCANS"])
if os.environ.get("BENCH_NO_REHEARSAL"):  # --no-rehearsal: the station thread starts cold
    from app.services.station import rehearsal
    rehearsal.rehearse = lambda station: []
GAP_MS = int(os.environ.get("BENCH_GAP_MS", "5"))
MEMORY_EVERY = int(os.environ.get("BENCH_MEMORY_EVERY", "0"))  # --memory-every: benchmarks/heap.py
if MEMORY_EVERY:
    sys.path.insert(0, os.path.join(os.getcwd(), "benchmarks"))
    import heap
SPLIT = {}  # --split: the scan in flight's instants (perf_counter) and its station thread's CPU ms
SCHEDSTAT = Path("/proc/thread-self/schedstat")  # Linux: the thread's time ready but waiting for a CPU


def window_thread_clock():
    """The window thread's CPU seconds and, on Linux, its seconds waiting for a CPU so far."""
    queued = int(SCHEDSTAT.read_text().split()[1]) / 1e9 if SCHEDSTAT.exists() else 0.0
    return time.thread_time(), queued


if os.environ.get("BENCH_SPLIT"):
    from app.ui.adapters import station_worker

    def wrap_run(run):
        def timed(engine, call):  # on the station's thread: the scan's decision and its answers sent
            SPLIT.setdefault("station", time.perf_counter())
            SPLIT.setdefault("cpu_from", time.thread_time())
            run(engine, call)
        return timed

    def wrap_answer(answer):
        def timed(engine, outcome):  # on the station's thread: an answer sent (the first is the scan's)
            answer(engine, outcome)
            if "cpu_from" in SPLIT:
                SPLIT.setdefault("cpu_ms", (time.thread_time() - SPLIT["cpu_from"]) * 1000)
        return timed

    def wrap_answered(answered):
        @Slot(object, object)
        @functools.wraps(answered)  # the worker's slot by its name: still queued to the GUI thread
        def timed(worker, snapshot, result):  # on the GUI thread: the window takes the answer
            began = time.perf_counter()
            answered(worker, snapshot, result)
            SPLIT.setdefault("taken", began)
            SPLIT.setdefault("handled", time.perf_counter())
        return timed

    station_worker._Engine._run = wrap_run(station_worker._Engine._run)
    station_worker._Engine._answer = wrap_answer(station_worker._Engine._answer)
    station_worker.StationWorker._answered = wrap_answered(station_worker.StationWorker._answered)


class OnEvent(QObject):
    def __init__(self, kind, call):
        super().__init__()
        self.kind, self.call = kind, call

    def eventFilter(self, obj, event):
        if event.type() == self.kind:
            self.call()
        return False


class Remote:  # the simulator in a process of its own, as Ozon is (BENCH_OZON_URL)
    base_url = os.environ.get("BENCH_OZON_URL", "")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


if Remote.base_url:
    ozon = Remote()
else:  # --ozon inline, as packdesk demo runs it (in its own process, the window's never imports it)
    from app.sim.ozon import OzonSimulator, WorldConfig
    ozon = OzonSimulator(WorldConfig(postings=40, seed=7))
with ozon as sim:
    tmp = os.environ["BENCH_DATA_DIR"]  # the runs' one data dir: the first creates the cache
    app = make_app()
    guard = RefcountGuard(app)  # as run_gui does: without it a long run ends in bool_dealloc
    controller = build(app, demo_config(Config(), sim.base_url, Path(tmp)), lang="ru", api_key=DEMO_API_KEY,
                       demo=True)
    window, pack = controller.window, controller.pack_view
    state = {"shown": False, "sent": None, "answered": False, "to_paint": set(), "painted": set(), "times": [],
             "begins": [], "codes": [], "kinds": [], "committing": None, "commit_ms": 0.0, "commits": [],
             "splits": []}

    # the database commits made while a scan is in flight (the station's decision; a sync write that
    # came between), timed on the thread writing by the writer lane's marks: their WAL write + sync
    def commit_mark(mark):
        if mark == "committing" and state["sent"] is not None:
            state["committing"] = time.perf_counter()
        elif mark == "committed":
            began, state["committing"] = state["committing"], None
            if began is not None and state["sent"] is not None:
                state["commit_ms"] += (time.perf_counter() - began) * 1000

    controller.parts.db.writer.watch(commit_mark)

    def window_painted():
        if not state["shown"]:
            state["shown"] = True
            window.removeEventFilter(window_filter)  # from here on only the repaint filter sees its events
            window.installEventFilter(repaint_filter)
            print(f"first_paint_s {time.time() - T0:.3f}", flush=True)
            QTimer.singleShot(1500, next_scan)  # let the first sync fill the cache

    # what the answer changed that the packer can see: a new message; the lines, when a visible cell
    # changed or lines came or went (a count on a line scrolled out of view is not waited for)
    parts = {"lines": pack.lines.viewport(), "messages": pack.messages.viewport()}

    def part_painted(part):
        if state["sent"] is not None:
            state["painted"].add(part)

    def changed(part):
        if state["sent"] is not None:
            state["to_paint"].add(part)
            state["painted"].discard(part)  # painted before this change does not count

    def cells_changed(top_left, bottom_right, roles=()):
        if state["sent"] is None or ("lines" in state["to_paint"] and "lines" not in state["painted"]):
            return  # the lines' repaint is awaited already: the bench's own work kept off the answer
        view = pack.lines
        if any(view.visualRect(view.model().index(row, column)).intersects(view.viewport().rect())
               for row in range(top_left.row(), bottom_right.row() + 1)
               for column in range(top_left.column(), bottom_right.column() + 1)):
            changed("lines")

    pack.lines.model().dataChanged.connect(cells_changed)
    pack.lines.model().rowsInserted.connect(lambda *_: changed("lines"))
    pack.lines.model().rowsRemoved.connect(lambda *_: changed("lines"))
    pack.messages.model().rowsInserted.connect(lambda *_: changed("messages"))

    def repaint_begins():
        if state["sent"] is None or not state["answered"]:
            return
        began = time.perf_counter()

        def painted():  # queued as the repaint began: runs once it is done
            covered = window.flash.isVisible()  # a held error: the red flash over the window is what shows
            if state["sent"] is None or not (covered or state["to_paint"] <= state["painted"]):
                return  # what the answer changed is not all on the screen yet: a later repaint shows it
            sent, state["sent"] = state["sent"], None
            state["begins"].append((began - sent) * 1000)
            state["times"].append((time.perf_counter() - sent) * 1000)
            state["kinds"].append(state["codes"][-1])
            state["commits"].append(state["commit_ms"])
            if SPLIT:
                state["splits"].append(split_of(sent, began))
            QTimer.singleShot(GAP_MS, next_scan)
        QTimer.singleShot(0, painted)

    def split_of(sent, began):
        """The scan's parts, ms (the station thread's call may end after the window took its answer)."""
        at = [sent, SPLIT.get("station", sent), SPLIT.get("taken", began), SPLIT.get("handled", began), began,
              time.perf_counter()]
        window = [(b - a) * 1000 for a, b in zip(SPLIT.get("window_from", (0.0, 0.0)), window_thread_clock())]
        return [(b - a) * 1000 for a, b in zip(at, at[1:])] + [SPLIT.get("cpu_ms", 0.0), *window]

    original = pack.show_result

    def show_result(result):
        original(result)
        state["answered"] = True
        state["codes"].append(result.code)

    pack.show_result = show_result
    codes = []

    def next_scan():
        if MEMORY_EVERY and len(state["times"]) % MEMORY_EVERY == 0:
            print(heap.line(len(state["times"])), flush=True)
        if len(state["times"]) >= SCANS:
            print("scan_to_paint_ms " + " ".join(f"{k}={t:.2f}" for k, t in zip(state["kinds"], state["times"])),
                  flush=True)
            print("scan_to_repaint_begins_ms " + " ".join(f"{k}={t:.2f}" for k, t in zip(state["kinds"], state["begins"])),
                  flush=True)
            print("scan_commits_ms " + " ".join(f"{k}={t:.2f}" for k, t in zip(state["kinds"], state["commits"])),
                  flush=True)
            if state["splits"]:
                print("scan_split_ms " + " ".join(f"{k}=" + ",".join(f"{t:.3f}" for t in ts)
                                                  for k, ts in zip(state["kinds"], state["splits"])), flush=True)
            app.quit()
            return
        if not codes:  # a realistic cycle per posting: open it, count all units but the last, put it back
            from app.store import lookups
            from app.store import products as store_products
            with controller.parts.db.read() as session:
                rows = lookups.list_postings(session, status="awaiting_packaging")
                barcodes = store_products.barcodes_by_sku(session, {i.sku for p in rows for i in p.items})
            for row in rows:
                units = [barcodes[i.sku][0] for i in row.items if barcodes.get(i.sku) for _ in range(i.quantity)]
                codes.extend([row.posting_number, *units[:-1], "CMD:CANCEL"])
        state["answered"], state["to_paint"], state["painted"], state["commit_ms"] = False, set(), set(), 0.0
        SPLIT.clear()
        if os.environ.get("BENCH_SPLIT"):
            SPLIT["window_from"] = window_thread_clock()
        state["sent"] = time.perf_counter()
        controller.scan_filter.scanned.emit(codes.pop(0))

    window_filter = OnEvent(QEvent.Type.Paint, window_painted)
    repaint_filter = OnEvent(QEvent.Type.UpdateRequest, repaint_begins)  # the window's repaint starts
    part_filters = {part: OnEvent(QEvent.Type.Paint, lambda part=part: part_painted(part)) for part in parts}
    for part, widget in parts.items():
        widget.installEventFilter(part_filters[part])
    window.installEventFilter(window_filter)
    window.resize(1280, 800)
    window.show()
    settle_heap()  # as run_gui does
    controller.start()
    QTimer.singleShot(120_000 + SCANS * (GAP_MS + 50), app.quit)  # a run that hangs still ends
    app.exec()
    controller.shutdown()
'''


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--gap-ms", type=int, default=5, help="the next scan this long after the repaint")
    parser.add_argument("--ozon", choices=("process", "inline"), default="process",
                        help="the simulator in a process of its own (default) or in the app's")
    parser.add_argument("--no-rehearsal", dest="rehearse", action="store_false",
                        help="the station thread skips its rehearsal (app.services.station.rehearsal)")
    parser.add_argument("--split", action="store_true",
                        help="also print where each scan's time goes, on the station's thread and the window's")
    parser.add_argument("--memory-every", type=int, default=0, metavar="N",
                        help="also print what the window's process holds every N scans (benchmarks/heap.py)")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    simulator = None
    if args.ozon == "process":
        simulator = subprocess.Popen([sys.executable, "-m", "app", "ozon-sim", "--postings", "40", "--seed", "7"],
                                     cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
        env["BENCH_OZON_URL"] = simulator.stdout.readline().split()[-1]  # "listening on http://H:PORT"
    if not args.rehearse:
        env["BENCH_NO_REHEARSAL"] = "1"
    if args.split:
        env["BENCH_SPLIT"] = "1"
    if args.memory_every:
        env["BENCH_MEMORY_EVERY"] = str(args.memory_every)
    try:
        measure(args, env)
    finally:
        if simulator is not None:
            simulator.terminate()
            simulator.wait(10)


def measure(args, env: dict) -> None:
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-ui-") as data_dir:
        measure_in(args, {**env, "BENCH_DATA_DIR": data_dir})


def measure_in(args, env: dict) -> None:
    starts, repaints, begins, commits, splits, memory = [], [], [], [], [], []
    load_at_start = os.getloadavg()
    for run in range(args.runs):
        env.update(BENCH_T0=repr(time.time()), BENCH_SCANS=str(args.scans if run == 0 else 0),
                   BENCH_GAP_MS=str(args.gap_ms))
        out = subprocess.run([sys.executable, "-c", CHILD], cwd=REPO, env=env, capture_output=True, text=True,
                             timeout=300 + args.scans * (args.gap_ms + 50) / 1000)
        for line in out.stdout.splitlines():
            if line.startswith("first_paint_s "):
                starts.append(float(line.split()[1]))
            elif line.startswith("scan_to_paint_ms ") and run == 0:
                repaints = [(kind, float(ms)) for kind, ms in (x.split("=") for x in line.split()[1:])]
            elif line.startswith("scan_to_repaint_begins_ms ") and run == 0:
                begins = [(kind, float(ms)) for kind, ms in (x.split("=") for x in line.split()[1:])]
            elif line.startswith("scan_commits_ms ") and run == 0:
                commits = [(kind, float(ms)) for kind, ms in (x.split("=") for x in line.split()[1:])]
            elif line.startswith("scan_split_ms ") and run == 0:
                splits = [[float(ms) for ms in x.split("=")[1].split(",")] for x in line.split()[1:]]
            elif line.startswith("memory ") and run == 0:
                memory.append(line)
        if out.returncode:
            print(out.stderr[-2000:], file=sys.stderr)
    print(f"platform: {env['QT_QPA_PLATFORM']}, {os.cpu_count()} cores, Ozon simulator {args.ozon}, "
          f"{args.gap_ms} ms from a repaint to the next scan; load average (1, 5, 15 min) at start "
          + " ".join(f"{x:.2f}" for x in load_at_start) + ", at end " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if starts:
        print(f"cold start to first painted window, a new cache (the first run): {starts[0]:.2f} s")
    if len(starts) > 1:
        print(f"cold start to first painted window, the cache kept: median {statistics.median(starts[1:]):.2f} s, "
              f"max {max(starts[1:]):.2f} s over {len(starts) - 1} runs")
    for title, samples in (("scan (burst end) -> the window repainted with the station's answer:", repaints),
                           ("scan (burst end) -> that repaint begins:", begins)):
        if not samples:
            continue
        print(title)
        by_kind: dict[str, list[float]] = {}
        for kind, ms in samples:
            by_kind.setdefault(kind, []).append(ms)
        for kind, times in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
            figures(kind, times)
        figures("all scans", [ms for _, ms in samples])
        print(f"  the first {FIRST} scans, in order: " + " ".join(f"{ms:.1f}" for _, ms in samples[:FIRST]) + " ms")
    slowest = sorted(range(len(repaints)), key=lambda i: repaints[i][1], reverse=True)[:max(1, len(repaints) // 100)]
    if commits and len(commits) == len(repaints):
        print("the database commits while a scan was in flight (WAL write + sync; part of the times above):")
        figures("all scans", [ms for _, ms in commits])
        print(f"  the slowest 1 % of scans ({len(slowest)}): mean {statistics.fmean(repaints[i][1] for i in slowest):.1f} ms, "
              f"of which commits {statistics.fmean(commits[i][1] for i in slowest):.1f} ms")
    if splits and len(splits) == len(repaints):
        print("where a scan's time goes (--split; all scans):")
        for n, label in enumerate(SPLIT_PARTS):
            figures(label, [one[n] for one in splits], width=44, digits=2)
        print(f"  the slowest 1 % of scans ({len(slowest)}), mean ms: " + ", ".join(
            f"{label} {statistics.fmean(splits[i][n] for i in slowest):.2f}"
            for n, label in enumerate(SPLIT_PARTS)))
        print("  by kind, median / p99 ms: " + ", ".join(SPLIT_PARTS))
        by_kind: dict[str, list[list[float]]] = {}
        for (kind, _), one in zip(repaints, splits):
            by_kind.setdefault(kind, []).append(one)
        for kind, ones in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
            print(f"    {kind:<18} " + "   ".join(
                "%.2f / %.2f" % (statistics.median(x), percentile(x, 0.99))
                for x in ([one[n] for one in ones] for n in range(len(SPLIT_PARTS)))))
    heap.report(memory)


def figures(label: str, times: list[float], width: int = 20, digits: int = 1) -> None:
    times = sorted(times)
    p99 = percentile(times, 0.99)
    print(f"  {label:<{width}} n={len(times):4d} median {statistics.median(times):5.{digits}f} ms, "
          f"p99 {p99:5.{digits}f} ms, max {times[-1]:5.{digits}f} ms")

if __name__ == "__main__":
    main()
