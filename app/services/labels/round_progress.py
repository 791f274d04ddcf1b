"""The progress of a round of label printing (``LabelPrinter.print_due``), told Qt-free: for a wave's
labels, printed n of the wave's m (those printed in earlier rounds counted); for a round of other labels
longer than one, n of the round. A round of a single ordinary label tells nothing (no bar for it).
"""
from __future__ import annotations

from collections.abc import Sequence

from app.services.progress import Progress, ProgressFn
from app.store import waves as store_waves


class RoundProgress:
    def __init__(self, db, numbers: Sequence[str], progress: ProgressFn):
        """``numbers``: the postings whose labels this round prints, in order."""
        self.progress = progress
        with db.read() as session:
            self.wave_of = {n: wave for n, (wave, _) in store_waves.pick_orders(session, numbers).items()}
            self.counts = {w: list(c) for w, c in store_waves.label_counts(session, set(self.wave_of.values())).items()}
        self.others = sum(1 for n in numbers if n not in self.wave_of)
        self.done = 0

    def start(self) -> None:
        """Before the first label: the bars appear at what was already printed."""
        for wave, (printed, total) in self.counts.items():
            self.progress(Progress("wave_labels", printed, total, subject=str(wave)))
        if self.others > 1:
            self.progress(Progress("labels", 0, self.others))

    def printed(self, number: str, ok: bool) -> None:
        """A label of the round went to the printer (``ok``) or did not."""
        wave = self.wave_of.get(number)
        if wave is None:
            self.done += 1
            if self.others > 1:
                self.progress(Progress("labels", self.done, self.others))
        elif ok:
            count = self.counts[wave]
            count[0] = min(count[0] + 1, count[1])
            self.progress(Progress("wave_labels", count[0], count[1], subject=str(wave)))
