"""The moved wall clock of `make test` (tests/future/sitecustomize.py): what TEST_CLOCK values mean,
and that a run asked to move the clock really runs at the moved time, in its child processes too."""
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("future_clock", HERE / "future" / "sitecustomize.py")
future_clock = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(future_clock)

DAY = 86_400.0
NOON = 1_796_385_600.0  # 2026-12-04T12:00:00Z


@pytest.mark.parametrize("spec,offset", [
    ("+400d", 400 * DAY),
    ("-365d", -365 * DAY),
    ("+36h", 36 * 3_600.0),
    ("+90m", 90 * 60.0),
    ("+34560000.000s", 34_560_000.0),  # what the first process hands to the ones it starts
    ("@23:30", 11.5 * 3_600),  # the next 23:30 UTC: today's
    ("@11:30", DAY - 1_800),  # already past today: tomorrow's
    ("@12:00", 0.0),
    ("+400d@23:30", 400 * DAY + 11.5 * 3_600),
])
def test_clock_offsets(spec, offset):
    assert future_clock.clock_offset(spec, NOON) == offset


@pytest.mark.parametrize("spec", ["", "400d", "+400", "+400y", "@24:00", "@12:60", "tomorrow", "+1d@9:30"])
def test_a_value_it_cannot_follow_is_refused(spec):
    with pytest.raises(ValueError):
        future_clock.clock_offset(spec, NOON)


def _kernel_now(tmp_path: Path) -> float:
    """The real wall clock, from the file system (time-machine moves only what Python reads)."""
    probe = tmp_path / "probe"
    probe.write_bytes(b"")
    return probe.stat().st_mtime


def test_this_run_and_its_children_read_the_clock_test_clock_asks_for(tmp_path):
    spec = os.environ.get("TEST_CLOCK")
    offset = future_clock.clock_offset(spec, 0.0) if spec else 0.0  # the runner turned it into +Ns
    assert abs(time.time() - _kernel_now(tmp_path) - offset) < 60
    child = subprocess.run([sys.executable, "-c", "import time; print(time.time())"], cwd=tmp_path,
                           capture_output=True, text=True, check=True)  # also from another directory
    assert abs(float(child.stdout) - _kernel_now(tmp_path) - offset) < 60
