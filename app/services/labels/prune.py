"""Old label PDFs leave the disk: a bench printing a thousand labels a day keeps gigabytes of
them otherwise. A label printed more than ``KEEP_DAYS`` ago loses its kept PDF (the row stays,
with its history); a reprint after that fetches the label from Ozon again, as it does when a PDF
is lost. The row forgets the file first, then the file goes: a crash in between leaves a file
nobody names, never a row naming a missing file.

    removed = prune_label_files(db, data_dir, now=now)
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from app.services.labels import files
from app.store import labels as store_labels

log = logging.getLogger("packdesk.labels.prune")

KEEP_DAYS = 120  # past any dispute window a seller is likely to meet
BATCH = 500


def prune_label_files(db, data_dir: Path, *, now: datetime, keep_days: int = KEEP_DAYS,
                      station: str | None = None) -> int:
    """Remove the PDFs of labels printed before ``now - keep_days`` (of ``station`` only, when
    given: a room's benches each keep their own files); returns how many went."""
    cutoff = now - timedelta(days=keep_days)
    removed = 0
    while True:
        forgotten, rows = db.writer.call(store_labels.forget_old_pdfs, cutoff, limit=BATCH, station=station)
        for stored in forgotten:
            try:
                files.resolve(data_dir, stored).unlink(missing_ok=True)
            except OSError as exc:  # a file we cannot remove is left behind, and said so
                log.warning("old label file %s not removed: %s", stored, exc)
                continue
            removed += 1
        if rows < BATCH:
            break
    if removed:
        log.info("removed %d label PDF(s) printed before %s", removed, cutoff.date().isoformat())
    return removed
