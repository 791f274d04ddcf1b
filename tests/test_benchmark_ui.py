"""``benchmarks/bench_ui.py`` still runs the demo window, scans into it and splits each scan's time
(the README's scan → repaint figures come from it): one start, a dozen scans, offscreen."""
import os
import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_ui.py"
SCANS = 12
PARTS = ("to the station's thread", "its decision until the window takes it", "the window's handling",
         "to the repaint's start", "the repaint", "(the station thread's CPU time in the 2nd)",
         "(the window thread's CPU time, all of it)", "(the window thread ready, waiting for a CPU)")


def test_the_window_benchmark_repaints_and_splits_every_scan():
    run = subprocess.run(
        [sys.executable, str(BENCH), "--runs", "1", "--scans", str(SCANS), "--gap-ms", "5", "--split"],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert re.search(r"cold start to first painted window, a new cache \(the first run\): [\d.]+ s", out), out
    # a posting opened, units counted, put back: each kind of answer timed, every scan repainted
    for kind in ("posting_opened", "item_accepted", "posting_released"):
        assert re.search(rf"^  {kind}\s+n=\s*\d+ median\s+[\d.]+ ms", out, re.M), f"{kind} missing from:\n{out}"
    assert re.search(rf"^  all scans\s+n=\s*{SCANS} median", out, re.M), out
    split = out.split("where a scan's time goes", 1)[1]
    for part in PARTS:
        line = re.search(rf"^  {re.escape(part)}\s+n=\s*(\d+) median\s+([\d.]+) ms", split, re.M)
        assert line is not None and int(line.group(1)) == SCANS, f"{part!r} missing from:\n{split}"
    # the work itself takes time on both threads
    for part in ("its decision until the window takes it", "(the window thread's CPU time, all of it)"):
        assert float(re.search(rf"^  {re.escape(part)}\s+n=\s*\d+ median\s+([\d.]+)", split, re.M).group(1)) > 0
