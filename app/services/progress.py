"""Progress of long work, told Qt-free: the first sync of thousands of postings, a wave's labels, a
report. The service calls ``progress(Progress(...))`` on its own thread; the GUI's adapter hands it to
the GUI thread, where a bar only shows it.

    Progress("postings", done=1200, total=4000)      # postings pulled of Ozon's count
    Progress("postings", done=1200, total=0)          # total not known: a busy indicator
    Progress("wave_labels", done=3, total=50, subject="7")   # wave 7: 3 of its 50 labels printed
    Progress("report", done=2, total=3)

``finished`` is True once ``done`` reaches a known ``total``; work that stops early simply stops
reporting (the GUI hides the bar when the pass or job ends).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

TASKS = ("postings", "labels", "wave_labels", "report")


@dataclass(frozen=True, slots=True)
class Progress:
    task: str  # one of TASKS
    done: int
    total: int = 0  # 0: not known
    subject: str = ""  # e.g. the wave's id

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"unknown progress task {self.task!r}")

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done >= self.total


ProgressFn = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """The default listener: nobody is watching (the CLI's sync, tests)."""
