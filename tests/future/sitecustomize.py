"""Moves the wall clock of every Python process of a test run, when ``TEST_CLOCK`` asks for it.

``make test-future`` puts this directory and a private copy of ``time-machine`` on ``PYTHONPATH``;
Python imports ``sitecustomize`` at start-up, so pytest and every ``python -m app`` a test starts
see the same moved clock. ``TEST_CLOCK`` values (UTC):

    +400d          the wall clock 400 days ahead (also ``-365d``, ``+36h``, ``+90m``, ``+30s``)
    @23:30         the next 23:30 UTC (a day boundary a few minutes into the run)
    +400d@23:30    400 days ahead, at 23:30 UTC that day

Only wall-clock time moves (``time.time()``, ``datetime.now()``, ``date.today()``);
``time.monotonic()``, sleeps and timeouts stay real. The first process turns the value into a
plain offset in seconds (``+34560000.000s``) for the processes it starts, so they all share one
clock. Without ``TEST_CLOCK`` this file does nothing; with a ``TEST_CLOCK`` it cannot follow (a
bad value, time-machine missing) the process stops at once: a run that was asked to move the
clock never passes on the real one.
"""
import os
import re
import sys
import time

_SPEC = re.compile(r"^(?:(?P<shift>[+-]\d+(?:\.\d+)?)(?P<unit>[dhms]))?(?:@(?P<hour>\d\d):(?P<minute>\d\d))?$")
_UNIT_S = {"d": 86_400.0, "h": 3_600.0, "m": 60.0, "s": 1.0}


def clock_offset(spec: str, now: float) -> float:
    """Seconds to add to the real clock for a ``TEST_CLOCK`` value."""
    found = _SPEC.match(spec.strip())
    if not found or not spec.strip():
        raise ValueError(f"TEST_CLOCK={spec!r}: expected e.g. +400d, @23:30 or +400d@23:30")
    offset = float(found["shift"]) * _UNIT_S[found["unit"]] if found["shift"] else 0.0
    if found["hour"] is not None:
        if int(found["hour"]) > 23 or int(found["minute"]) > 59:
            raise ValueError(f"TEST_CLOCK={spec!r}: no such time of day")
        moved = now + offset
        target = moved - moved % 86_400.0 + int(found["hour"]) * 3_600.0 + int(found["minute"]) * 60.0
        if target < moved:
            target += 86_400.0
        offset = target - now
    return offset


def _travel() -> None:
    spec = os.environ.get("TEST_CLOCK", "").strip()
    if not spec:
        return
    try:
        import time_machine  # installed by `make test-future` into build/, not into the venv

        now = time.time()
        offset = clock_offset(spec, now)
    except (ImportError, ValueError) as exc:
        sys.stderr.write(f"sitecustomize: cannot move the clock as TEST_CLOCK={spec!r} asks: {exc}\n")
        os._exit(2)  # an exception here would only be printed, and the run would go on at today's date
    time_machine.travel(now + offset, tick=True).start()
    os.environ["TEST_CLOCK"] = f"{offset:+.3f}s"  # the processes this one starts share its clock


if __name__ == "sitecustomize":  # not when a test imports this file to check clock_offset
    _travel()
