"""Where clips and photos are kept, and the storage rules: a quota and a retention.

Files live under ``<data dir>/evidence/`` (``clips/`` and ``photos/``, a folder per day); the
database keeps their paths relative to it. Only files of postings Ozon reports ``delivered`` may
go, and never those a keep rule holds (a posting with an open case: ``KEEP_RULES``, where the
cases area adds its rule). Files older than the retention go; while the files take more than the
quota, the oldest that may go, go first. A removed file keeps its row and its hash, and the
evidence log records the removal. Files of no posting (a hand-over's clip) go by the retention only.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.services.evidence import chain
from app.statuses import DELIVERED
from app.store import evidence as store
from app.store import returns as store_returns
from app.store.bulk import naive_utc

log = logging.getLogger("packdesk.evidence.storage")

EVIDENCE_DIR = "evidence"
GB = 1_000_000_000

# keep rules: fn(session, posting_numbers) -> the postings among them whose evidence must stay


# a posting with an open case (app.services.returns.cases) keeps its clips and photos
KEEP_RULES: list[Callable[[object, set[str]], set[str]]] = [store_returns.postings_with_open_cases]


def evidence_dir(data_dir: Path) -> Path:
    return Path(data_dir) / EVIDENCE_DIR


def new_path(kind: str, name: str, at: datetime, suffix: str) -> str:
    """A new file's path relative to the evidence dir: ``clips/2026-12-04/<name>-140321.mp4``."""
    safe = re.sub(r"[^0-9A-Za-z._-]+", "_", name).strip("_") or "clip"
    local = at.astimezone()
    return f"{kind}s/{local:%Y-%m-%d}/{safe}-{local:%H%M%S}{suffix}"


@dataclass(frozen=True)
class PruneReport:
    removed: int
    freed: int
    used: int
    over_quota: bool


def prune(db, data_dir: Path, *, quota_bytes: int, retention_days: int, now: datetime,
          station: str | None = None) -> PruneReport:
    """Apply the rules once (on the evidence thread): remove what may and must go."""
    with db.read() as session:
        files = store.kept_files(session)
        postings = {f["posting_number"] for f in files if f["posting_number"]}
        held = set()
        for rule in KEEP_RULES:
            held |= set(rule(session, postings))
    cutoff = naive_utc(now) - timedelta(days=retention_days)
    used = sum(f["size"] or 0 for f in files)
    may_go = [f for f in files if _may_go(f, held)]
    removed, freed = 0, 0
    for f in may_go:
        reason = None
        if f["started_at"] < cutoff:
            reason = f"retention: older than {retention_days} days"
        elif used - freed > quota_bytes and f["posting_number"]:
            reason = f"quota: evidence storage over {quota_bytes / GB:g} GB"
        if reason is None:
            continue
        _remove(db, data_dir, f, reason, now, station)
        removed += 1
        freed += f["size"] or 0
    left = used - freed
    return PruneReport(removed, freed, left, left > quota_bytes)


def _may_go(f: dict, held: set[str]) -> bool:
    if f["posting_number"] is None:
        return True
    return f.get("posting_status") == DELIVERED and f["posting_number"] not in held


def _remove(db, data_dir: Path, f: dict, reason: str, now: datetime, station: str | None) -> None:
    path = evidence_dir(data_dir) / f["path"]
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("evidence file %s could not be removed: %s", path, exc)
        return

    def record(session) -> None:
        store.mark_pruned(session, f["id"], reason)
        chain.append(session, kind="pruned", posting_number=f["posting_number"], station=station, now=now,
                     payload={"file": f["id"], "path": f["path"], "sha256": f["sha256"], "reason": reason})

    db.writer.call(record)
    log.info("evidence file %s removed (%s)", f["path"], reason)


def total_bytes(db) -> int:
    with db.read() as session:
        return store.bytes_kept(session)
