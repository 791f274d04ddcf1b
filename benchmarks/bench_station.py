"""Station benchmark: one decision per scan (text in → result out, its writer transaction and
commit included) with a cache of 100,000 postings. Ozon is not asked (offline station): the
figures are the station's own cost.

Each decision's time is also split where it goes, from the writer lane's marks (``WriterLane.watch``,
noted on the thread writing; no statement is slowed): to its turn to write (the decision runs on
the caller's thread, after the write running now: ``WriterLane.call_first``) and its ``BEGIN
IMMEDIATE``; the decision's own work (its reads, writes and Python); the commit (SQLite writing and
syncing the WAL); the answer back to the caller (the hooks after the commit, the station's log line).
Then what the deciding thread did with each decision's time (``ThreadClock``): on a CPU (user and
system time), ready but waiting for a CPU (Linux's scheduler statistics), blocked (the sync, a lock).

The disk's floor is printed beside, taken after each decision: a transaction that only writes one
event line and commits (the fsync at synchronous=FULL), through the writer lane as a decision is; and
the bare floor after it, the same on Python's sqlite3 alone (no packdesk, no SQLAlchemy: what any
commit costs on this machine, ``bench_store.BareFloor``). ``--gap-ms`` leaves a pause before each
decision and each floor, as a packer's pace does: on some disks a flush after a pause costs more
than back to back (the default, comparable with earlier figures), and on some VMs memory itself is
slower after a pause (a paced run also prints how long touching 64 MB takes, warm and after one).
``--busy-wait`` spends each pause spinning on the clock instead of sleeping: the CPU never idles, which
tells what the CPU's idle states cost a paced decision from what its caches, gone cold meanwhile, cost.
``--writer-cache-mib`` gives the writer's connection a page cache of that size instead of SQLite's own
2 MB: 64 shows what a big one costs (about one commit in a hundred walks the whole cache,
``app/store/sqlite_conn.py``).
``--churn K`` runs K different statements on the writer's connection before each idle item scan, as a
sync's pages landing between two scans do (one ``IN (...)`` list per page length, 1 to K): with more
than its connection's statement cache holds (``--statement-cache N``, packdesk's 512 by default; the
sqlite3 module's own is 128), the scan prepares its statements again.

Plain script (not a test); prints figures. Synthetic data, built with the store's bulk upserts.

    .venv/bin/python benchmarks/bench_station.py [--postings 100000] [--pack 300] [--idle 1000] [--seed 1]
        [--gap-ms 0] [--busy-wait] [--no-rehearsal] [--writer-cache-mib N] [--churn K] [--statement-cache N]

As the window's station thread does when it starts, the station first rehearses its usual
decisions and undoes them (``app.services.station.rehearsal``); ``--no-rehearsal`` leaves that out,
and the shift's first decisions, printed one by one, then compile their statements.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import BARE, BASE, FLOOR, BareFloor, cpu_model, disk_floor, make_catalogue, make_postings  # noqa: E402
from percentiles import percentile  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app.services.station import Station  # noqa: E402
from app.services.station.rehearsal import rehearse  # noqa: E402
from app.store import default_sqlite_url, open_database  # noqa: E402
from app.store import lookups  # noqa: E402
from app.store import postings as store_postings  # noqa: E402
from app.store import products as store_products  # noqa: E402
from app.store import sqlite_conn  # noqa: E402

FIRST = 12  # a shift's first decisions, printed one by one (its first posting or two, from the scan to the weighing)
SPLIT = ("its turn + BEGIN", "the decision's work", "commit (WAL write + sync)", "answer back")
THREAD = ("on a CPU (user + system)", "ready, waiting for a CPU", "blocked (sync, lock)")


class Split:
    """The instants a decision's transaction begins, is about to commit and has committed, noted
    on the writing thread by the writer lane (``WriterLane.watch``); ``take`` turns them into the
    four parts of one decision timed from ``t0`` to ``t1`` (None when it was not one transaction)."""

    def __init__(self, lane) -> None:
        self.marks: list[tuple[str, float]] = []
        lane.watch(self.note)

    def note(self, mark: str) -> None:
        self.marks.append((mark, time.perf_counter()))

    def take(self, t0: float, t1: float) -> tuple[float, ...] | None:
        marks, self.marks = self.marks, []
        # a write of the lane's running when the decision asks for its turn ends first: its commit
        # marks come before the decision's, and its time counts as waiting for the turn
        names = [name for name, _ in marks]
        if names.count("begun") != 1 or names[names.index("begun"):] != ["begun", "committing", "committed"]:
            return None
        (_, begun), (_, committing), (_, committed) = marks[-3:]
        return tuple((b - a) * 1000 for a, b in ((t0, begun), (begun, committing),
                                                  (committing, committed), (committed, t1)))


def build(db, rng: random.Random, count: int, products: int) -> tuple[list[str], dict[int, list[str]]]:
    catalogue, barcodes = make_catalogue(rng, products)
    for product in catalogue:
        product["weight_g"] = 200.0  # every sku weighs the same: the weigh step is deterministic
    db.call(store_products.upsert_products, catalogue, barcodes, BASE)
    skus = [p["sku"] for p in catalogue]
    done = 0
    while done < count:
        batch = min(10_000, count - done)
        postings, items = make_postings(rng, done, batch, skus)
        db.call(store_postings.upsert_postings, postings, items, BASE)
        done += batch
    with db.read() as session:
        packable = [p.posting_number for p in lookups.list_postings(
            session, status="awaiting_packaging", with_items=False)]
    return packable, barcodes


class ThreadClock:
    """What the calling thread did with a decision's wall time (a decision runs on the caller's
    thread): its CPU time (user + system, ``time.thread_time``) and, on Linux, the time it was ready
    to run but waited for a CPU (``/proc/thread-self/schedstat``'s second field). The rest of the
    wall time the thread was blocked: the WAL's sync, a lock. ``take`` answers (cpu, waiting for a
    CPU, blocked) in ms."""

    PATH = Path("/proc/thread-self/schedstat")

    def __init__(self) -> None:
        self.linux = self.PATH.exists()

    def _queued_ns(self) -> int:
        return int(self.PATH.read_text().split()[1]) if self.linux else 0

    def start(self) -> None:
        """Just before the decision's clock starts: the CPU clock read last, so that reading the
        scheduler's file is not counted as the decision's CPU time."""
        self._queued = self._queued_ns()
        self._cpu = time.thread_time()

    def take(self, wall_ms: float) -> tuple[float, float, float]:
        """Just after the decision's clock stops: the CPU clock read first."""
        cpu = (time.thread_time() - self._cpu) * 1000
        queued = (self._queued_ns() - self._queued) / 1e6
        return cpu, queued, max(0.0, wall_ms - cpu - queued)


def report(label: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p99 = percentile(samples, 0.99)
    print(f"  {label:<30} n={len(samples):5d}  median {statistics.median(samples):6.3f} ms   "
          f"p99 {p99:6.3f} ms   max {samples[-1]:6.3f} ms")


def report_parts(by_kind: dict[str, list[tuple[float, ...]]], labels: tuple[str, ...]) -> list[tuple[float, ...]]:
    """Each part of the decisions' time over all of them, then each kind's median / p99 per part;
    returns all the decisions' parts."""
    every = [one for ones in by_kind.values() for one in ones]
    for n, label in enumerate(labels):
        report(label, [one[n] for one in every])
    print("  by kind, median / p99 ms: " + ", ".join(labels))
    for kind, ones in by_kind.items():
        print(f"    {kind:<30} " + "   ".join(
            "%.2f / %.2f" % (statistics.median(x), percentile(x, 0.99))
            for x in ([one[n] for one in ones] for n in range(len(labels)))))
    return every


def pause(seconds: float, *, busy: bool) -> None:
    """Sleep, or (``busy``) spin on the clock for as long: the CPU kept running, never idle."""
    if not busy:
        time.sleep(seconds)
        return
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def memory_touch_ms(pause_s: float, times: int = 9, *, busy: bool = False) -> tuple[float, float]:
    """A plain loop touching 64 MB of this process's memory (a byte a page), median ms back to back and
    after a pause of ``pause_s`` (asleep, or spinning with ``busy``): on some VMs memory itself is slow
    after a pause, which a paced run meets."""
    buf = bytearray(64 << 20)

    def touch() -> float:
        t = time.perf_counter()
        for i in range(0, len(buf), 4096):
            buf[i] = (buf[i] + 1) & 255
        return (time.perf_counter() - t) * 1000

    touch()
    warm = [touch() for _ in range(times)]
    after = []
    for _ in range(times):
        pause(pause_s, busy=busy)
        after.append(touch())
    return statistics.median(warm), statistics.median(after)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=5_000)
    parser.add_argument("--pack", type=int, default=300, help="postings packed from scan to weight")
    parser.add_argument("--idle", type=int, default=1000, help="item scans with nothing open (find + open)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gap-ms", type=float, default=0.0,
                        help="pause before each decision and before each floor transaction (a packer's pace)")
    parser.add_argument("--busy-wait", action="store_true",
                        help="spend each pause spinning on the clock instead of sleeping (the CPU never idles)")
    parser.add_argument("--no-rehearsal", dest="rehearse", action="store_false",
                        help="skip the station's rehearsal (app.services.station.rehearsal) before the first scan")
    parser.add_argument("--writer-cache-mib", type=int, default=None,
                        help="the writer connection's page cache (default: SQLite's own, 2 MB)")
    parser.add_argument("--churn", type=int, default=0,
                        help="different statements the writer runs before each idle item scan (a sync's pages)")
    parser.add_argument("--statement-cache", type=int, default=sqlite_conn.STATEMENT_CACHE,
                        help="prepared statements each connection keeps (the sqlite3 module's own: 128)")
    args = parser.parse_args()
    sqlite_conn.CONNECT_ARGS["cached_statements"] = args.statement_cache  # before the engines connect
    rng = random.Random(args.seed)
    load_at_start = os.getloadavg()  # other work on the machine shows in the tail: printed with the figures
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}; Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp:
        db = open_database(default_sqlite_url(Path(tmp)))
        try:
            if args.writer_cache_mib is not None:  # the lane keeps its one connection: set once
                db.call(lambda s: s.execute(text(f"PRAGMA cache_size = -{args.writer_cache_mib * 1024}")))
            print("writer's page cache: %.1f MiB" % (-db.call(
                lambda s: s.execute(text("PRAGMA cache_size")).scalar()) / 1024)
                  + f"; {args.statement_cache} prepared statements kept a connection")
            t0 = time.perf_counter()
            packable, barcodes = build(db, rng, args.postings, args.products)
            print(f"cache: {args.postings:,} postings ({len(packable):,} awaiting packaging) "
                  f"built in {time.perf_counter() - t0:.1f} s")
            station = Station(db, "bench-1", packer="bench")
            if args.rehearse:
                t0 = time.perf_counter()
                rehearsed = rehearse(station)  # as the window's station thread does when it starts
                print(f"rehearsal (the station's usual decisions, made and undone): {len(rehearsed)} decisions "
                      f"in {(time.perf_counter() - t0) * 1000:.0f} ms")
            else:
                print("no rehearsal (--no-rehearsal): the first decisions compile their statements")
            in_order: list[float] = []
            timings: dict[str, list[float]] = {}
            floors: list[float] = []
            bare, bare_floor = [], BareFloor(Path(tmp))
            split, parts, unsplit = Split(db.writer), {}, 0
            clock, thread = ThreadClock(), {}
            gap_s = args.gap_ms / 1000

            def wait() -> None:
                pause(gap_s, busy=args.busy_wait)

            def timed(kind: str, call, *a, **kw):
                nonlocal unsplit
                wait()
                split.marks.clear()
                clock.start()
                t = time.perf_counter()
                outcome = call(*a, **kw)
                t1 = time.perf_counter()
                thread.setdefault(kind, []).append(clock.take((t1 - t) * 1000))
                timings.setdefault(kind, []).append((t1 - t) * 1000)
                in_order.append((t1 - t) * 1000)
                one = split.take(t, t1)
                if one is None:
                    unsplit += 1
                else:
                    parts.setdefault(kind, []).append(one)
                wait()
                floors.append(disk_floor(db, "bench-1"))
                split.marks.clear()
                wait()
                bare.append(bare_floor())
                return outcome

            for number in rng.sample(packable, min(args.pack, len(packable))):
                timed("posting scan (open)", station.scan, number)
                with db.read() as session:
                    lines = [(x.sku, x.quantity) for x in lookups.get_posting(session, number).items]
                for sku, quantity in lines:
                    for _ in range(quantity):
                        timed("item scan (count)", station.scan, barcodes[sku][0])
                timed("wrong item", station.scan, barcodes[rng.choice(list(barcodes))][0])
                timed("unknown barcode", station.scan, "2999999999999")
                timed("bad scan (control char)", station.scan, "ab\x07")
                outcome = timed("weigh + pack (ship queued)", station.weigh,
                                200.0 * sum(q for _, q in lines))
                if outcome.code != "weight_accepted":
                    raise SystemExit(f"unexpected {outcome.code} for {number}")
            idle = rng.sample(packable, min(args.idle, len(packable)))
            churn = [text("SELECT posting_number FROM postings WHERE posting_number IN (%s)"
                          % ", ".join(f":n{i}" for i in range(k))) for k in range(1, args.churn + 1)]

            def sync_pages(session) -> None:  # --churn: one IN list per page length, as a sync's pages
                for k, statement in enumerate(churn, 1):
                    session.execute(statement, {f"n{i}": "-" for i in range(k)}).all()

            for number in idle:
                with db.read() as session:
                    sku = lookups.get_posting(session, number).items[0].sku
                if churn:
                    db.call(sync_pages)
                timed("idle item scan (find+open)", station.scan, barcodes[sku][1])
                station.release()
            pace = f"{args.gap_ms:g} ms pause before each" if args.gap_ms else "back to back"
            if args.gap_ms and args.busy_wait:
                pace += ", spent spinning"
            if churn:
                pace += f"; {args.churn} different statements on the writer before each idle item scan"
            print(f"station decisions at {args.postings:,} cached postings (SQLite, synchronous=FULL; {pace}):")
            everything = []
            for kind, samples in timings.items():
                report(kind, samples)
                everything += samples
            report("ALL scans and weighs", everything)
            report(FLOOR, floors)
            report(BARE, bare)
            bare_floor.close()
            first = in_order[:FIRST]
            print(f"  the shift's first {FIRST} decisions: " + " ".join(f"{ms:.1f}" for ms in first)
                  + f" ms (sum {sum(first):.0f} ms)")
            print(f"where a decision's time goes ({sum(map(len, parts.values())):,} decisions; "
                  f"{unsplit} not one transaction of their own, left out):")
            every = report_parts(parts, SPLIT)
            slowest = sorted(every, key=sum, reverse=True)[:max(1, len(every) // 100)]
            print(f"  the slowest 1 % ({len(slowest)}), mean ms: " + ", ".join(
                f"{label} {statistics.fmean(one[n] for one in slowest):.3f}" for n, label in enumerate(SPLIT)))
            where = "" if clock.linux else " (no schedstat here: waiting counts as blocked)"
            print(f"what the deciding thread did meanwhile{where} ({sum(map(len, thread.values())):,} decisions):")
            report_parts(thread, THREAD)
            if gap_s:
                warm, after = memory_touch_ms(gap_s, busy=args.busy_wait)
                print(f"memory (a loop touching 64 MB, a byte a page; median of 9): back to back {warm:.1f} ms, "
                      f"after a {args.gap_ms:g} ms pause {after:.1f} ms")
            print("load average (1, 5, 15 min) at start %.2f %.2f %.2f, at end %.2f %.2f %.2f"
                  % (*load_at_start, *os.getloadavg()))
        finally:
            db.close()


if __name__ == "__main__":
    main()
