"""The sync engine: one pass = drain the outbox, pull Ozon's state, drain again.

``SyncEngine.run_pass`` is synchronous and Qt-free (the CLI calls it directly);
``SyncService`` runs passes on its own thread, periodically and on demand, for the GUI and
for ``packdesk sync`` without ``--once``.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable

from app.services.labels.fetch import FetchStats, LabelFetcher
from app.services.labels.prune import prune_label_files
from app.services.labels.stock import printer_task_type
from app.services.ozon.errors import OzonAuthError, OzonError
from app.services.sync.outbox import DrainStats, OutboxDrainer
from app.services.sync.pull import Puller, PullStats
from app.store import labels as store_labels
from app.store import outbox as store_outbox
from app.store import sync_state

log = logging.getLogger("packdesk.sync")

REFERENCE_EVERY = timedelta(hours=1)
PRUNE_EVERY = timedelta(days=1)  # old label PDFs leave the disk (app.services.labels.prune)
KEY_CHECK_EVERY = timedelta(hours=12)
CHANGE_OVERLAP = timedelta(minutes=5)  # incremental windows overlap: clocks differ, changes land late


def utcnow() -> datetime:
    """Naive UTC, as the store keeps time."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass
class PassSummary:
    started_at: datetime
    finished: bool = False
    full: bool = False  # a full read of all open postings (else: only changed ones)
    error: str | None = None
    pull: PullStats = field(default_factory=PullStats)
    outbox: DrainStats = field(default_factory=DrainStats)
    outbox_open: int = 0
    outbox_parked: int = 0
    labels: FetchStats = field(default_factory=FetchStats)
    labels_open: int = 0
    key_expires_at: str | None = None

    def as_dict(self) -> dict:
        return {
            "finished": self.finished, "full": self.full, "error": self.error, "started_at": self.started_at.isoformat() + "Z",
            "postings": self.pull.postings, "changed": self.pull.changed, "skipped": self.pull.skipped,
            "reconciled": self.pull.reconciled, "new_products": self.pull.products,
            "commands_done": self.outbox.done, "commands_parked": self.outbox.parked,
            "outbox_open": self.outbox_open, "outbox_parked": self.outbox_parked,
            "labels_fetched": self.labels.fetched, "labels_not_ready": self.labels.not_ready,
            "labels_parked": self.labels.parked, "labels_open": self.labels_open,
            "key_expires_at": self.key_expires_at,
        }


class SyncEngine:
    def __init__(self, client, db, config, *, now: Callable[[], datetime] = utcnow,
                 print_labels: Callable[[], object] | None = None):
        """``print_labels``: called at the end of every pass to print the labels that are due
        (``LabelPrinter.print_due`` in the CLI, ``PrintWorker.print_due`` in the GUI)."""
        self.client, self.db, self.config, self.now = client, db, config, now
        self.puller = Puller(client, db, config, now=now)
        self.drainer = OutboxDrainer(client, db, now=now)
        self.fetcher = LabelFetcher(client, db, data_dir=config.data_dir, station=config.station.name, now=now,
                                    task_type=printer_task_type(config.devices.printer))  # labels print there
        self.print_labels = print_labels
        self._recovered = False

    def run_pass(self) -> PassSummary:
        """One full pass. Raises OzonAuthError (nothing can work); other failures end up in the summary."""
        summary = PassSummary(started_at=self.now())
        try:
            if not self._recovered:
                recovered = self.drainer.recover()
                if recovered:
                    log.warning("%d command(s) were in flight at the last stop; reading them back first", recovered)
                self._recovered = True
            self._add(summary.outbox, self.drainer.drain())
            if self._due("reference.pulled_at", REFERENCE_EVERY):
                self.puller.pull_reference()
            self._pull_postings(summary)
            self.puller.pull_missing_products(summary.pull)
            self._add(summary.outbox, self.drainer.drain())
            summary.labels = self.fetcher.fetch_due()
            summary.key_expires_at = self._check_key()
            summary.finished = True
        except OzonAuthError:
            raise
        except OzonError as exc:
            summary.error = str(exc)
            log.warning("sync pass did not finish: %s", exc)
        if self.print_labels is not None:
            self.print_labels()  # printing needs no Ozon: also after an incomplete pass
        if self._due("labels.pruned_at", PRUNE_EVERY):
            prune_label_files(self.db, self.config.data_dir, now=self.now())
            self.db.writer.call(sync_state.set_state, "labels.pruned_at", self.now().isoformat(), now=self.now())
        with self.db.read() as session:
            summary.outbox_open = store_outbox.open_count(session)
            summary.outbox_parked = len(store_outbox.parked(session))
            summary.labels_open = store_labels.open_count(session, self.config.station.name)
        self.db.writer.call(sync_state.set_state, "sync.last_pass", summary.started_at.isoformat()
                            + (" ok" if summary.finished else " incomplete"), now=self.now())
        return summary

    def _pull_postings(self, summary: PassSummary) -> None:
        """A full read of every open posting now and then; in between only what changed."""
        started = summary.started_at
        with self.db.read() as session:
            mark = sync_state.get_state(session, "postings.changed_mark")
        full_every = timedelta(seconds=self.config.sync.full_pass_interval_s)
        if mark is None or self._due("postings.full_pass_at", full_every):
            seen = self.puller.pull_open_postings(summary.pull)
            self.puller.reconcile_vanished(seen, summary.pull)
            summary.full = True
            keys = ("postings.full_pass_at", "postings.changed_mark")
        else:
            self.puller.pull_changed_postings(datetime.fromisoformat(mark) - CHANGE_OVERLAP, summary.pull)
            keys = ("postings.changed_mark",)

        def write(session):
            for key in keys:
                sync_state.set_state(session, key, started.isoformat(), now=self.now())

        self.db.writer.call(write)

    @staticmethod
    def _add(total: DrainStats, part: DrainStats) -> None:
        total.done += part.done
        total.parked += part.parked
        total.retried += part.retried

    def _due(self, key: str, every: timedelta) -> bool:
        with self.db.read() as session:
            value = sync_state.get_state(session, key)
        if not value:
            return True
        try:
            return self.now() - datetime.fromisoformat(value.split()[0]) >= every
        except ValueError:
            return True

    def _check_key(self) -> str | None:
        with self.db.read() as session:
            known = sync_state.get_state(session, "key.expires_at")
        if not self._due("key.checked_at", KEY_CHECK_EVERY):
            return known or None
        info = self.client.roles()
        expires = info.expires_at.isoformat() if info.expires_at else ""
        now = self.now()

        def write(session):
            sync_state.set_state(session, "key.expires_at", expires, now=now)
            sync_state.set_state(session, "key.checked_at", now.isoformat(), now=now)

        self.db.writer.call(write)
        return expires or None


class SyncService:
    """Runs sync passes on one background thread until stopped."""

    def __init__(self, engine: SyncEngine, *, interval_s: float,
                 on_pass: Callable[[PassSummary], None] | None = None,
                 on_fatal: Callable[[Exception], None] | None = None):
        self.engine, self.interval_s = engine, interval_s
        self.on_pass, self.on_fatal = on_pass, on_fatal
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="packdesk-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Run the next pass now (e.g. a command was queued)."""
        self._wake.set()

    def stop(self, timeout: float | None = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                summary = self.engine.run_pass()
            except OzonAuthError as exc:
                log.error("Ozon refused the API key; background sync stops: %s", exc)
                if self.on_fatal:
                    self.on_fatal(exc)
                return
            except Exception as exc:  # a bug: keep the log, keep the bench alive, try again later
                log.exception("sync pass crashed")
                if self.on_fatal:
                    self.on_fatal(exc)
                summary = None
            if summary is not None and self.on_pass:
                self.on_pass(summary)
            self._wake.wait(self.interval_s)
            self._wake.clear()
