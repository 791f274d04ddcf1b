"""A room under load: 20 bench processes (``packdesk replay``) replaying shifts at once against one
PostgreSQL and one Ozon simulator (``packdesk ozon-sim``), with pairs of benches scanning the same
postings at the same moments.

Prints: whether every packed posting was shipped exactly once (ship calls per posting, counted by
the simulator) and none was packed twice; claims refused to the second bench; decision latency
under that load (text in → result out, Ozon's re-read through the room's rate budget and the
commit included: the time between two lines of a replay's output); the room's Ozon requests per
second (max, from the simulator's per-second log) against the configured rate; labels printed at
the bench that packed them. The benchmark starts its own throwaway PostgreSQL, as the tests do
(tests/store_helpers.py).

Plain script (not a test). The replays go as fast as the room lets them (no packer is that quick):
what it measures is the room at its limit.

    .venv/bin/python benchmarks/bench_room.py [--benches 20] [--postings 8] [--contended 3] [--rps 20]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from bench_store import cpu_model  # noqa: E402
from store_helpers import PgCluster, pg_unavailable_reason  # noqa: E402

from app.store import lookups  # noqa: E402
from app.store import open_database  # noqa: E402
from app.store import products as store_products  # noqa: E402
from app.store.models import EventRow, LabelRow, PostingRow  # noqa: E402

PY = sys.executable


def packdesk(config: Path, data_dir: Path, *args: str) -> list[str]:
    return [PY, "-m", "app", "--config", str(config), "--data-dir", str(data_dir), "--lang", "en", *args]


def write_config(path: Path, station: str, rps: float) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    config = path / "packdesk.toml"
    config.write_text(f'[ozon]\nrequests_per_second = {rps}\n[station]\nname = "{station}"\n'
                      '[sync]\ninterval_s = 2\n[devices]\nscale = "sim://"\nprinter = "sim://"\n', encoding="utf-8")
    return config


def start_sim(args) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([PY, "-m", "app", "ozon-sim", "--postings", str(args.world), "--products",
                             str(args.world * 12), "--seed", str(args.seed), "--label-delay", "0.5",
                             "--ship-delay", "0.2"], stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline().strip()
    if not first.startswith("listening on "):
        raise SystemExit(f"the simulator did not start: {first!r}")
    return proc, first.removeprefix("listening on ")


def shop(db) -> tuple[dict[str, list[tuple[str, int]]], dict[str, float], set[str]]:
    """Packable postings with their units (barcode, quantity) and weight; and those whose products no
    other packable posting has (a bench refused one of them finds nothing else to open with its units)."""
    with db.read() as session:
        postings = [p for p in lookups.list_postings(session, status="awaiting_packaging", local_state="waiting")
                    if not (p.requirements or {}).get("products_requiring_mandatory_mark")]
        skus = {line.sku for p in postings for line in p.items}
        barcodes = store_products.barcodes_by_sku(session, skus)
        weights = store_products.weights_by_sku(session, skus)
    units, weight, used = {}, {}, Counter()
    for p in postings:
        if not p.items or any(not barcodes.get(line.sku) for line in p.items):
            continue
        units[p.posting_number] = [(barcodes[line.sku][0], line.quantity) for line in p.items]
        weight[p.posting_number] = sum((weights.get(line.sku) or 0) * line.quantity for line in p.items)
        used.update({line.sku for line in p.items})
    alone = {p.posting_number for p in postings if p.posting_number in units
             and all(used[line.sku] == 1 for line in p.items)}
    return units, weight, alone


def scripts(args, units, weight, alone) -> tuple[list[list[dict]], set[str]]:
    """Each bench its own postings; each pair of benches also the same ``contended`` postings at the
    same places in their shifts (both scan them at about the same moment)."""
    shared = sorted(alone)[: (args.benches // 2) * args.contended]
    own = [n for n in units if n not in set(shared)]
    need = args.benches * args.postings
    if len(own) < need or len(shared) < (args.benches // 2) * args.contended:
        raise SystemExit(f"the world is too small: {len(own)} postings for {need}, {len(alone)} alone")
    out = []
    for bench in range(args.benches):
        mine = own[bench * args.postings:(bench + 1) * args.postings]
        pair = bench // 2
        theirs = shared[pair * args.contended:(pair + 1) * args.contended] if bench // 2 < args.benches // 2 else []
        spots = [round(i * len(mine) / max(1, len(theirs))) for i in range(len(theirs))]
        order = list(mine)
        for spot, number in sorted(zip(spots, theirs), reverse=True):
            order.insert(spot, number)
        events = []
        for number in order:
            events.append({"scan": number})
            events += [{"scan": code} for code, quantity in units[number] for _ in range(quantity)]
            events.append({"weight_g": weight[number]})
        out.append(events)
    return out, set(shared)


def run_benches(args, root: Path, env: dict, shifts: list[list[dict]]):
    procs, lines = [], defaultdict(list)  # bench -> [(monotonic, line)]

    def read(index: int, proc: subprocess.Popen) -> None:
        for raw in proc.stdout:
            lines[index].append((time.monotonic(), json.loads(raw)))

    readers = []
    for index, events in enumerate(shifts):
        station = f"bench-{index + 1:02d}"
        config = write_config(root / station, station, args.rps)
        script = root / station / "shift.jsonl"
        script.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
        proc = subprocess.Popen(packdesk(config, root / station, "replay", str(script), "--drain-timeout", "600"),
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        procs.append(proc)
        reader = threading.Thread(target=read, args=(index, proc), daemon=True)
        reader.start()
        readers.append(reader)
    codes = []
    for proc in procs:
        proc.wait()
        codes.append(proc.returncode)
    for reader in readers:
        reader.join(30)
    errors = [p.stderr.read() for p, code in zip(procs, codes) if code != 0]
    return codes, lines, errors


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benches", type=int, default=20)
    parser.add_argument("--postings", type=int, default=8, help="own postings per bench")
    parser.add_argument("--contended", type=int, default=3, help="postings each pair of benches both scans")
    parser.add_argument("--rps", type=float, default=20.0, help="[ozon] requests_per_second of every bench")
    parser.add_argument("--world", type=int, default=600, help="postings in the simulator")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    reason = pg_unavailable_reason()
    if reason:
        raise SystemExit(f"bench_room needs a PostgreSQL server: {reason}")
    load_at_start = os.getloadavg()
    cluster = PgCluster()
    cluster.start()
    sim, base_url = start_sim(args)
    try:
        with tempfile.TemporaryDirectory(prefix="packdesk-room-") as tmp:
            root = Path(tmp)
            env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
            env.update(PACKDESK_OZON_BASE_URL=base_url, PACKDESK_OZON_CLIENT_ID="100000",
                       PACKDESK_OZON_API_KEY="demo-key", PACKDESK_DB_URL=cluster.url, QT_QPA_PLATFORM="offscreen",
                       PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", LANG="C.UTF-8")
            seed = write_config(root / "seed", "seed", args.rps)
            subprocess.run(packdesk(seed, root / "seed", "sync", "--once"), env=env, check=True,
                           capture_output=True, timeout=600)
            db = open_database(cluster.url)
            try:
                units, weight, alone = shop(db)
                shifts, shared = scripts(args, units, weight, alone)
                requests.post(base_url + "/_sim/stats/reset", timeout=10)
                started = time.monotonic()
                codes, lines, errors = run_benches(args, root, env, shifts)
                wall = time.monotonic() - started
                stats = requests.get(base_url + "/_sim/stats", timeout=10).json()
                report(args, db, shifts, shared, codes, lines, errors, stats, wall, load_at_start)
            finally:
                db.close()
    finally:
        sim.terminate()
        sim.wait(30)
        cluster.stop()


def report(args, db, shifts, shared, codes, lines, errors, stats, wall, load_at_start) -> None:
    with db.read() as session:
        packed_events = Counter(number for (number,) in session.query(EventRow.posting_number)
                                .filter(EventRow.kind == "packed"))
        packed_by = dict(session.query(PostingRow.posting_number, PostingRow.packed_by)
                         .filter(PostingRow.packed_by.is_not(None)))
        labels = session.query(LabelRow.posting_number, LabelRow.station, LabelRow.state).filter(
            LabelRow.kind == "ozon").all()
    ship_calls = Counter(stats["ship_calls"])
    accepted = Counter(line["posting"] for bench in lines.values() for _, line in bench
                       if line["code"] == "weight_accepted")
    refused = Counter(line["data"].get("reason") for bench in lines.values() for _, line in bench
                      if line["code"] == "posting_not_packable")
    contended_won = Counter(accepted[n] for n in shared)
    latencies, by_kind = [], defaultdict(list)
    for bench in lines.values():
        for (before, _), (after, line) in zip(bench, bench[1:]):
            ms = (after - before) * 1000
            latencies.append(ms)
            event = line["event"]
            kind = "weigh" if "weight_g" in event else "posting scan" if "-" in str(event.get("scan", "")) else "item scan"
            by_kind[kind].append(ms)
    per_second = stats["per_second"]
    busy = [n for n in per_second.values()]
    planned = sum(1 for shift in shifts for e in shift if "weight_g" in e)
    print(f"{args.benches} bench processes replaying at once on one PostgreSQL ({cluster_version()}) and one "
          f"simulator; {planned} posting blocks in their shifts, {len(shared)} of them scanned by two benches each")
    print(f"machine: {os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}; load average "
          "(1, 5, 15 min) at start %.2f %.2f %.2f, at end %.2f %.2f %.2f" % (*load_at_start, *os.getloadavg()))
    print(f"replays: {Counter(codes)} exit codes in {wall:.1f} s" + (f"; stderr of a failed one: {errors[0][-800:]}"
                                                                     if errors else ""))
    print(f"packed: {len(packed_events)} postings; packed twice: {sum(1 for n in packed_events.values() if n > 1)}; "
          f"weight_accepted twice for one posting: {sum(1 for n in accepted.values() if n > 1)}")
    shipped_once = sum(1 for n in packed_events if ship_calls.get(n) == 1)
    print(f"shipped (ship calls on the simulator): {sum(1 for n in ship_calls.values() if n)} postings; packed and "
          f"shipped exactly once: {shipped_once} of {len(packed_events)}; ship calls > 1: "
          f"{sum(1 for n in ship_calls.values() if n > 1)}; shipped but not packed: "
          f"{len(set(ship_calls) - set(packed_events))}")
    print(f"postings two benches scanned: packed by exactly one bench {contended_won.get(1, 0)}, by none "
          f"{contended_won.get(0, 0)}, by both {sum(v for k, v in contended_won.items() if k > 1)}; "
          f"refusals told to the second bench: {dict(refused)}")
    print(f"labels: {sum(1 for _, _, state in labels if state == 'printed')} printed of {len(labels)}; at a bench "
          f"other than the one that packed: {sum(1 for n, station, _ in labels if station != packed_by.get(n))}")
    print(f"decisions: {len(latencies)}, median {statistics.median(latencies):.1f} ms, p90 "
          f"{percentile(latencies, 90):.1f} ms, p99 {percentile(latencies, 99):.1f} ms, max {max(latencies):.1f} ms")
    for kind, samples in sorted(by_kind.items()):
        print(f"  {kind:<13} n={len(samples):<5} median {statistics.median(samples):7.1f} ms   p99 "
              f"{percentile(samples, 99):7.1f} ms")
    print(f"Ozon requests of the room: {stats['total']} in {len(busy)} s with any; max {stats['max_per_second']} "
          f"in one second (configured {args.rps:g}/s for everything using the key); mean "
          f"{statistics.mean(busy):.1f}/s over those seconds")


def cluster_version() -> str:
    from store_helpers import PG_BIN

    return f"PostgreSQL {PG_BIN.parent.name}"


if __name__ == "__main__":
    main()
