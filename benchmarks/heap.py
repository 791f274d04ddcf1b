"""What the window's process holds as a long run goes (``bench_ui.py --memory-every N``): its resident
size, C's heap in use (glibc's ``mallinfo2``: Qt's and SQLite's allocations, and Python's larger
objects) and the objects Python's garbage collector tracks. A shift's worth of scans should leave
them flat once the caches are full: what grows with every scan stays all shift.

In the window's process: ``line(scans)``, printed as ``memory <scans> <rss_kB> <heap_kB> <objects>``;
in the benchmark's: ``report(lines)``.
"""
from __future__ import annotations

import ctypes
import gc
from pathlib import Path


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _heap_kb() -> int:
    """C's heap in use, kB (0 where glibc's mallinfo2 is missing)."""
    mallinfo2 = getattr(ctypes.CDLL(None), "mallinfo2", None)
    if mallinfo2 is None:
        return 0
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) // 1024


def _rss_kb() -> int:
    status = Path("/proc/self/status")
    if not status.exists():
        return 0
    return next(int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmRSS:"))


def line(scans: int) -> str:
    return f"memory {scans} {_rss_kb()} {_heap_kb()} {len(gc.get_objects())}"


def report(lines: list[str]) -> None:
    """The samples, and the growth from the half-way sample to the last, per scan."""
    samples = [tuple(int(x) for x in one.split()[1:]) for one in lines]
    if len(samples) < 3:
        return
    print("memory as the run goes (the window's process): scans, resident MB, C's heap in use MB, "
          "Python objects tracked")
    for scans, rss, heap, objects in samples:
        print(f"  {scans:7d} {rss / 1024:8.1f} {heap / 1024:8.1f} {objects:9d}")
    (s0, r0, h0, o0), (s1, r1, h1, o1) = samples[len(samples) // 2], samples[-1]
    per = max(1, s1 - s0)
    print(f"  from {s0} to {s1} scans, a scan: resident {(r1 - r0) * 1024 / per:+.0f} bytes, C's heap "
          f"{(h1 - h0) * 1024 / per:+.0f} bytes, Python objects {(o1 - o0) / per:+.3f} (the benchmark's own "
          "lists of times included: about 40 bytes of C's heap a scan)")
