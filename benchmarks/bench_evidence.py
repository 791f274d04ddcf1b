"""Evidence benchmark: does the packing video cost a scan anything? Station decisions (scan in →
result out, its commit included) timed with the packing camera recording and without it, in the
same run, in alternating rounds (so the machine's other work falls on both alike).

"With": the evidence service follows the station (``Station.listen``) and the real recorder program
records ``sim://`` frames (640x480, 15 fps, the overlay burned in) into a clip per posting, with a
photo at each weighing and the records sealed in the evidence log. "Without": the same station, the
follower not called. The packer's pace is compressed to ``--gap-ms`` between scans (not timed), so
the camera is recording through every "with" round, as it is during real packing.

    .venv/bin/python benchmarks/bench_evidence.py [--postings 20000] [--rounds 30] [--per-round 10]
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_station import build, report  # noqa: E402
from bench_store import cpu_model  # noqa: E402

from app.devices.camera import RecorderLink, parse_camera_uri  # noqa: E402
from app.services.evidence import Evidence, PackingFollower  # noqa: E402
from app.services.station import Station  # noqa: E402
from app.store import default_sqlite_url, open_database  # noqa: E402
from app.store import evidence as store_evidence  # noqa: E402
from app.store import lookups  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--products", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--per-round", type=int, default=10, help="postings packed per round")
    parser.add_argument("--gap-ms", type=float, default=40.0, help="pause between scans (not timed)")
    parser.add_argument("--camera", default="sim://")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    load_at_start = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}; Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory(prefix="packdesk-bench-") as tmp:
        db = open_database(default_sqlite_url(Path(tmp)))
        spec = parse_camera_uri(args.camera)
        evidence = Evidence(db, Path(tmp), station="bench-1", camera_uri=args.camera,
                            camera_factory=lambda on_event: RecorderLink(spec, on_event).start()).start()
        try:
            packable, barcodes = build(db, rng, args.postings, args.products)
            print(f"cache: {args.postings:,} postings; camera {args.camera} (recorder in its own process)")
            station = Station(db, "bench-1", packer="bench")
            follower = PackingFollower(evidence, station_name="bench-1", lang="ru", packer=lambda: "bench")
            recording = [False]
            station.listen(lambda result: follower(result) if recording[0] else None)
            evidence.wait_idle(30)
            time.sleep(1.0)  # the recorder program is up
            timings: dict[str, list[float]] = {"warm-up": [], "without recording": [], "with recording": []}
            chosen = iter(rng.sample(packable, (args.rounds + 1) * args.per_round))
            for round_no in range(-1, args.rounds):  # round -1 warms the caches up: not reported
                recording[0] = round_no % 2 == 1
                samples = timings["warm-up" if round_no < 0 else
                                  "with recording" if recording[0] else "without recording"]
                for _ in range(args.per_round):
                    number = next(chosen)
                    with db.read() as session:
                        lines = [(x.sku, x.quantity) for x in lookups.get_posting(session, number).items]
                    scans = [number] + [barcodes[sku][0] for sku, q in lines for _ in range(q)]
                    for text in scans:
                        t = time.perf_counter()
                        station.scan(text)
                        samples.append((time.perf_counter() - t) * 1000)
                        time.sleep(args.gap_ms / 1000)
                    t = time.perf_counter()
                    outcome = station.weigh(200.0 * sum(q for _, q in lines))
                    samples.append((time.perf_counter() - t) * 1000)
                    if outcome.code != "weight_accepted":
                        raise SystemExit(f"unexpected {outcome.code} for {number}")
                    time.sleep(args.gap_ms / 1000)
            evidence.wait_idle(60)
            with db.read() as session:
                sealed = store_evidence.files_in_state(session, "sealed")
                failed = store_evidence.files_in_state(session, "failed")
            clips = [f for f in sealed if f["kind"] == "clip"]
            print(f"scan -> decision, {args.rounds} alternating rounds of {args.per_round} postings "
                  f"(SQLite, synchronous=FULL):")
            for label in ("without recording", "with recording"):
                report(label, timings[label])
            seconds = sum(f["duration_ms"] or 0 for f in clips) / 1000
            print(f"recorded: {len(clips)} clips sealed ({seconds:.1f} s of video, "
                  f"{sum(f['frames'] or 0 for f in clips)} frames), "
                  f"{sum(1 for f in sealed if f['kind'] == 'photo')} photos, {len(failed)} failed")
            print("load average (1, 5, 15 min) at start %.2f %.2f %.2f, at end %.2f %.2f %.2f"
                  % (*load_at_start, *os.getloadavg()))
        finally:
            evidence.close()
            db.close()


if __name__ == "__main__":
    main()
