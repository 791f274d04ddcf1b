"""The percentile the station's and the window's benchmarks print (the sample at rank ``int(n * q)``,
the last for ``q`` near 1), in one place so their p99s are read the same way. No app import: the window's
benchmark imports it in its parent process, which runs no packdesk code."""
from __future__ import annotations


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]
