"""``benchmarks/bench_station.py`` still runs and still splits every decision (the README's figures
come from it): a small cache, a few decisions of each kind, paced by spinning."""
import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_station.py"
KINDS = ("posting scan (open)", "item scan (count)", "wrong item", "unknown barcode", "bad scan (control char)",
         "weigh + pack (ship queued)", "idle item scan (find+open)")


def test_the_station_benchmark_times_and_splits_every_kind():
    run = subprocess.run(
        [sys.executable, str(BENCH), "--postings", "600", "--products", "60", "--pack", "3", "--idle", "3",
         "--gap-ms", "1", "--busy-wait"],
        capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "1 ms pause before each, spent spinning" in out
    for kind in KINDS:
        line = re.search(rf"^  {re.escape(kind)}\s+n=\s*(\d+)\s+median\s+([\d.]+) ms", out, re.M)
        assert line is not None, f"{kind!r} missing from:\n{out}"
        assert int(line.group(1)) >= 3 and float(line.group(2)) > 0
    # the lane's marks split every decision into its four parts
    assert re.search(r"where a decision's time goes \([\d,]+ decisions; 0 not one transaction", out), out
    # and what the deciding thread did with each decision's time, every kind on a CPU for some of it
    assert re.search(r"^what the deciding thread did meanwhile.*\(([\d,]+) decisions\):", out, re.M), out
    part = out.split("what the deciding thread did meanwhile", 1)[1]
    for kind in KINDS:
        line = re.search(rf"^    {re.escape(kind)}\s+([\d.]+) / ", part, re.M)
        assert line is not None and float(line.group(1)) > 0, f"{kind!r} missing from:\n{part}"
    assert "after a 1 ms pause" in out  # the memory loop, paced the same way
