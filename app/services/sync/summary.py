"""What one sync pass did, stage by stage.

A pass is a row of stages (``STAGES``); each runs and fails on its own, so a refused reference
call still leaves postings synced and labels printed. ``PassSummary.run`` runs one stage:

- an ``OzonAuthError`` still stops the whole pass (with a refused key nothing can work);
- any other ``OzonError``, or ``StageFailed`` (a stage that went on but could not do all its
  work), marks the stage ``error`` with the text, logged as a warning;
- anything else is our bug: logged with its traceback, the stage marked ``bug``, the exception
  kept in ``bugs`` (the GUI shows its crash dialog; nothing else stops).

One failure does hold the stages after it back: when a stage could not reach Ozon's host at all
(a connection never made), the later stages that need Ozon are ``skipped`` instead of each
spending its own retries on a dead line; printing and pruning still run.

``finished`` is true only when every stage finished.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from app.services.labels.fetch import FetchStats
from app.services.ozon.errors import OzonAuthError, OzonError, OzonTransportError
from app.services.sync.outbox import DrainStats
from app.services.sync.pull import PullStats

log = logging.getLogger("packdesk.sync")

# in the order a pass runs them
STAGES = ("outbox", "reference", "key", "postings", "reconcile", "products", "outbox_again", "labels",
          "printing", "prune")

OK, ERROR, BUG, SKIPPED = "ok", "error", "bug", "skipped"
UNREACHABLE = "Ozon cannot be reached"


class StageFailed(Exception):
    """A stage ran to its end but could not do all of its work (e.g. Ozon gave no labels)."""


@dataclass(frozen=True)
class StageResult:
    name: str
    state: str = OK  # ok | error | bug | skipped (not run: a stage it needs did not finish)
    error: str | None = None
    delegated: bool = False  # skipped because another process does it (the room's sync leader)

    @property
    def ok(self) -> bool:
        return self.state == OK

    def as_text(self) -> str:
        """``ok``, ``error: ...``, ``bug: ...`` or ``skipped: ...`` (``packdesk sync --json``)."""
        return self.state if self.error is None else f"{self.state}: {self.error}"


@dataclass
class PassSummary:
    started_at: datetime
    finished: bool = False
    full: bool = False  # a full read of all open postings (else: only changed ones)
    error: str | None = None  # what went wrong, stage by stage (None when the pass finished)
    pull: PullStats = field(default_factory=PullStats)
    outbox: DrainStats = field(default_factory=DrainStats)
    outbox_open: int = 0
    outbox_parked: int = 0
    labels: FetchStats = field(default_factory=FetchStats)
    labels_open: int = 0
    key_expires_at: str | None = None
    stages: dict[str, StageResult] = field(default_factory=dict)
    bugs: list[BaseException] = field(default_factory=list)  # our bugs met in this pass (not in as_dict)
    unreachable: bool = False  # a stage could not connect to Ozon: the later Ozon stages are skipped

    # --- running --------------------------------------------------------------------------
    def run(self, name: str, stage: Callable[..., object], *args, needs_ozon: bool = True) -> bool:
        """Run one stage and record how it ended; True when it finished."""
        if needs_ozon and self.unreachable:
            self.skip(name, UNREACHABLE)
            return False
        try:
            stage(*args)
        except OzonAuthError:
            raise
        except (OzonError, StageFailed) as exc:
            log.warning("sync stage %s did not finish: %s", name, exc)
            self.stages[name] = StageResult(name, ERROR, str(exc) or type(exc).__name__)
            self.unreachable |= isinstance(exc, OzonTransportError) and not exc.maybe_applied
            return False
        except Exception as exc:  # our bug: the log gets the traceback, the other stages still run
            log.exception("sync stage %s crashed", name)
            self.stages[name] = StageResult(name, BUG, f"{type(exc).__name__}: {exc}")
            self.bugs.append(exc)
            return False
        self.stages[name] = StageResult(name)
        return True

    def skip(self, name: str, reason: str) -> None:
        self.stages[name] = StageResult(name, SKIPPED, reason)

    def delegate(self, name: str, reason: str) -> None:
        """Not run here because another process does it (a room's sync leader): skipped, and the
        pass can still finish."""
        self.stages[name] = StageResult(name, SKIPPED, reason, delegated=True)

    def close(self) -> None:
        """After the last stage: ``finished`` and ``error`` (what failed; skipped stages follow from
        it; delegated ones are done elsewhere)."""
        unfinished = [s for s in self.stages.values() if not s.ok and not s.delegated]
        failed = [s for s in unfinished if s.state != SKIPPED] or unfinished
        self.finished = not unfinished
        self.error = "; ".join(f"{s.name}: {s.error}" for s in failed) or None

    # --- reading --------------------------------------------------------------------------
    @property
    def failed_stages(self) -> list[str]:
        """Stages that failed by themselves (skipped ones are not: the stage they need is named)."""
        return [s.name for s in self.stages.values() if s.state in (ERROR, BUG)]

    def as_dict(self) -> dict:
        return {
            "finished": self.finished, "full": self.full, "error": self.error,
            "started_at": self.started_at.isoformat() + "Z",
            "postings": self.pull.postings, "changed": self.pull.changed, "skipped": self.pull.skipped,
            "reconciled": self.pull.reconciled, "not_found": self.pull.not_found, "new_products": self.pull.products,
            "commands_done": self.outbox.done, "commands_parked": self.outbox.parked,
            "outbox_open": self.outbox_open, "outbox_parked": self.outbox_parked,
            "labels_fetched": self.labels.fetched, "labels_not_ready": self.labels.not_ready,
            "labels_parked": self.labels.parked, "labels_open": self.labels_open,
            "key_expires_at": self.key_expires_at,
            "stages": {s.name: s.as_text() for s in self.stages.values()},
            "failed_stages": self.failed_stages,
            "delegated_stages": [s.name for s in self.stages.values() if s.delegated],  # the room's leader does them
        }


_WORST = {OK: 0, SKIPPED: 1, ERROR: 2, BUG: 3}


def merge_summaries(passes: list[tuple[str, "PassSummary | BaseException"]]) -> PassSummary:
    """One summary of a pass per Ozon account (``app.services.sync.accounts``): counts added up, each
    stage as the worst of the accounts' with their names in its text, ``finished`` only when every
    account's pass finished. (label, exception): that account's pass stopped (a refused key)."""
    summaries = [s for _, s in passes if isinstance(s, PassSummary)]
    merged = PassSummary(min((s.started_at for s in summaries), default=None) or datetime.now(timezone.utc).replace(tzinfo=None))
    for stats in ("pull", "outbox", "labels"):
        target = getattr(merged, stats)
        for summary in summaries:
            source = getattr(summary, stats)
            for name, value in vars(source).items():
                if isinstance(value, bool) or not isinstance(value, (int, list, set)):
                    continue
                current = getattr(target, name)
                setattr(target, name, current + value if not isinstance(value, set) else current | value)
    for summary in summaries:  # whole-cache counts: the last pass's are the freshest
        merged.outbox_open, merged.outbox_parked, merged.labels_open = (
            summary.outbox_open, summary.outbox_parked, summary.labels_open)
        merged.full |= summary.full
        merged.unreachable |= summary.unreachable
        merged.bugs += summary.bugs
        if summary.key_expires_at and (not merged.key_expires_at or summary.key_expires_at < merged.key_expires_at):
            merged.key_expires_at = summary.key_expires_at
    several = len(passes) > 1
    for label, summary in passes:
        if not isinstance(summary, PassSummary):
            merged.stages[f"account {label}"] = StageResult(f"account {label}", ERROR,
                                                           f"{type(summary).__name__}: {summary}")
            continue
        for name, result in summary.stages.items():
            if result.ok and name in merged.stages:
                continue
            if not result.ok and several:
                result = StageResult(name, result.state, f"{label}: {result.error}", result.delegated)
            kept = merged.stages.get(name)
            if kept is None or kept.ok or _WORST[result.state] > _WORST[kept.state]:
                merged.stages[name] = result
            elif not result.ok:  # as bad as the one kept: both named
                merged.stages[name] = StageResult(name, kept.state, f"{kept.error}; {result.error}",
                                                  kept.delegated and result.delegated)
    merged.close()
    return merged
