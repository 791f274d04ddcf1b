"""The sync engine: one pass = drain the outbox, pull Ozon's state, drain again, fetch and
print labels; each of these stages runs and fails on its own (``app.services.sync.summary``).

``SyncEngine.run_pass`` is synchronous and Qt-free (the CLI calls it directly);
``SyncService`` runs passes on its own thread, periodically and on demand, for the GUI and
for ``packdesk sync`` without ``--once``.

In a room of benches on one PostgreSQL only the account's sync leader (``leader``:
``app.services.room.leader``) runs the stages that concern the whole account: the outbox, reference
data, the key check, postings, products and the parts' own stages. The other benches' passes leave
them to it (``skipped``, and the pass still counts as finished) and fetch, print and prune their own
labels. Without a leader (one bench on SQLite) a pass runs every stage.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Callable

from app.services.labels.fetch import LabelFetcher
from app.services.labels.prune import prune_label_files
from app.services.labels.stock import printer_task_type
from app.services.ozon.errors import OzonAuthError
from app.services.progress import ProgressFn, no_progress
from app.services.sync.outbox import OutboxDrainer
from app.services.sync.parts import PART_MAKERS, PartMaker
from app.services.sync.pull import Puller
from app.services.sync.summary import STAGES, UNREACHABLE, PassSummary, StageFailed, StageResult
from app.store import labels as store_labels
from app.store import outbox as store_outbox
from app.store import sync_state

log = logging.getLogger("packdesk.sync")

REFERENCE_EVERY = timedelta(hours=1)
PRUNE_EVERY = timedelta(days=1)  # old label PDFs leave the disk (app.services.labels.prune)
KEY_CHECK_EVERY = timedelta(hours=12)
CHANGE_OVERLAP = timedelta(minutes=5)  # incremental windows overlap: clocks differ, changes land late


def prune_mark(station: str) -> str:
    """The sync state key of a station's last pruning of its label files (each bench its own)."""
    return f"labels.pruned_at {station}"[:64]


def utcnow() -> datetime:
    """Naive UTC, as the store keeps time."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class SyncEngine:
    def __init__(self, client, db, config, *, now: Callable[[], datetime] = utcnow,
                 print_labels: Callable[[], object] | None = None,
                 part_makers: Sequence[PartMaker] = PART_MAKERS, leader=None, account: str | None = None):
        """``print_labels``: called at the end of every pass to print the labels that are due
        (``LabelPrinter.print_due`` in the CLI, ``PrintWorker.print_due`` in the GUI).
        ``part_makers``: the areas after packing that add commands and stages (``parts``).
        ``leader``: in a room, who leads the account's sync (``leading``, ``holder()``); None: this one.
        ``account``: on a bench with several Ozon accounts, the Client-Id this engine syncs (its postings,
        commands, labels and marks only: ``app.services.sync.accounts``); None: the bench's one account."""
        self.client, self.db, self.config, self.now, self.account = client, db, config, now, account
        self.leader = leader
        self._leading = False
        self.on_progress: ProgressFn = no_progress  # long work of a pass (the GUI's SyncWorker sets it)
        self.puller = Puller(client, db, config, now=now, account=account, progress=lambda p: self.on_progress(p))
        self.drainer = OutboxDrainer(client, db, now=now, account=account)
        self.parts = [make(client, db, config, now) for make in part_makers]
        for part in self.parts:
            clash = set(part.commands) & set(self.drainer.handlers)
            if clash:
                raise ValueError(f"outbox command kinds handled twice: {', '.join(sorted(clash))}")
            self.drainer.handlers.update(part.commands)
            if part.before_ship is not None:
                self.drainer.ship_gates.append(part.before_ship)
        self.fetcher = LabelFetcher(client, db, data_dir=config.data_dir, station=config.station.name, now=now,
                                    task_type=printer_task_type(config.devices.printer),  # labels print there
                                    account=account)
        self.print_labels = print_labels
        self._recovered = False
        # called (short, on the sync's thread) after each pass, and after a stage that finished (by its
        # name): e.g. the returns a bench opens by a scan, known as soon as their stage wrote them
        self.after_pass: list[Callable[[], object]] = []
        self.after_stage: dict[str, list[Callable[[], object]]] = {}

    @property
    def stages(self) -> tuple[str, ...]:
        """The stages of a pass in the order it runs them: ``STAGES`` with the parts' own after
        the products."""
        at = STAGES.index("products") + 1
        return STAGES[:at] + tuple(p.stage for p in self.parts if p.pull is not None) + STAGES[at:]

    def run_pass(self) -> PassSummary:
        """One pass: every stage of ``STAGES``, each run and failed on its own (``PassSummary.run``).
        Raises OzonAuthError (nothing can work); other failures end up in the summary."""
        summary = PassSummary(started_at=self.now())
        led_by = self._led_by()

        def whole_account(name: str, stage: Callable[..., object], *args, needs_ozon: bool = True) -> None:
            if led_by is None:
                summary.run(name, stage, *args, needs_ozon=needs_ozon)
            else:
                summary.delegate(name, led_by)

        whole_account("outbox", self._drain_first, summary)
        whole_account("reference", self._pull_reference)
        whole_account("key", self._check_key, summary)
        if led_by is None:
            self._pull_postings(summary)
        else:
            summary.delegate("postings", led_by)
            summary.delegate("reconcile", led_by)
        whole_account("products", self.puller.pull_missing_products, summary.pull)
        for part in self.parts:
            if part.pull is None:
                continue
            if part.whole_account and led_by is not None:
                summary.delegate(part.stage, led_by)
            elif summary.run(part.stage, part.pull, needs_ozon=part.needs_ozon):
                self._call(self.after_stage.get(part.stage, ()), f"the sync stage {part.stage}")
        whole_account("outbox_again", self._drain, summary)
        summary.run("labels", self._fetch_labels, summary)
        summary.run("printing", self._print_labels, needs_ozon=False)  # whatever else failed
        summary.run("prune", self._prune, needs_ozon=False)
        summary.close()
        if not summary.finished:
            log.warning("sync pass did not finish: %s", summary.error)
        with self.db.read() as session:
            summary.outbox_open = store_outbox.open_count(session)
            summary.outbox_parked = len(store_outbox.parked(session))
            summary.labels_open = store_labels.open_count(session, self.config.station.name)
        self.db.writer.call(sync_state.set_state, "sync.last_pass", summary.started_at.isoformat()
                            + (" ok" if summary.finished else " incomplete"), now=self.now())
        self._call(self.after_pass, "the sync pass")
        return summary

    @staticmethod
    def _call(hooks, after: str) -> None:
        for hook in hooks:
            try:
                hook()
            except Exception:  # what ran is done and recorded: a hook's bug must not undo it
                log.exception("a hook after %s failed", after)

    def _led_by(self) -> str | None:
        """None when this pass leads the account's sync; else why its Ozon-wide stages are skipped.
        Taking the lead over, the first drain reads back what the last leader left in flight."""
        if self.leader is None:
            return None
        if self.leader.leading:
            if not self._leading:
                self._leading, self._recovered = True, False
            return None
        self._leading = False
        return f"done by the account's sync leader ({self.leader.holder() or 'being elected'})"

    # --- the stages ----------------------------------------------------------------------
    def _drain_first(self, summary: PassSummary) -> None:
        if not self._recovered:
            recovered = self.drainer.recover()
            if recovered:
                log.warning("%d command(s) were in flight at the last stop; reading them back first", recovered)
            self._recovered = True
        self._drain(summary)

    def _drain(self, summary: PassSummary) -> None:
        part = self.drainer.drain()
        summary.outbox.done += part.done
        summary.outbox.parked += part.parked
        summary.outbox.retried += part.retried
        if part.bugs:  # every other command was sent: now the stage names the bug
            raise part.bugs[0]

    def _pull_reference(self) -> None:
        if self._due(self._key("reference.pulled_at"), REFERENCE_EVERY):
            self.puller.pull_reference()

    def _pull_postings(self, summary: PassSummary) -> None:
        """A full read of every open posting now and then; in between only what changed. The
        stages ``postings`` and ``reconcile``: vanished postings are looked for only in a complete
        list, and each mark moves on only when its stage finished (else the next pass does it again)."""
        started = summary.started_at
        with self.db.read() as session:
            mark = sync_state.get_state(session, self._key("postings.changed_mark"))
        full_every = timedelta(seconds=self.config.sync.full_pass_interval_s)
        summary.full = mark is None or self._due(self._key("postings.full_pass_at"), full_every)
        seen: set[str] = set()

        def pull_list() -> None:
            if summary.full:
                seen.update(self.puller.pull_open_postings(summary.pull))
            else:
                self.puller.pull_changed_postings(datetime.fromisoformat(mark) - CHANGE_OVERLAP, summary.pull)
            self._mark(self._key("postings.changed_mark"), started)

        def reconcile() -> None:
            self.puller.reconcile_vanished(seen, summary.pull)
            self._mark(self._key("postings.full_pass_at"), started)

        listed = summary.run("postings", pull_list)
        if not summary.full:
            summary.stages["reconcile"] = StageResult("reconcile")  # only full passes look for vanished ones
        elif listed:
            summary.run("reconcile", reconcile)
        else:
            summary.skip("reconcile", UNREACHABLE if summary.unreachable else "the postings list did not finish")

    def _check_key(self, summary: PassSummary) -> None:
        with self.db.read() as session:
            summary.key_expires_at = sync_state.get_state(session, self._key("key.expires_at")) or None
        if not self._due(self._key("key.checked_at"), KEY_CHECK_EVERY):
            return
        info = self.client.roles()
        expires = info.expires_at.isoformat() if info.expires_at else ""
        now = self.now()

        def write(session):
            sync_state.set_state(session, self._key("key.expires_at"), expires, now=now)
            sync_state.set_state(session, self._key("key.checked_at"), now.isoformat(), now=now)

        self.db.writer.call(write)
        summary.key_expires_at = expires or None

    def _fetch_labels(self, summary: PassSummary) -> None:
        summary.labels = self.fetcher.fetch_due()
        if summary.labels.error:  # the fetcher went as far as it could; the rest waits for the next pass
            raise StageFailed(summary.labels.error)

    def _print_labels(self) -> None:
        if self.print_labels is not None:
            self.print_labels()

    def _prune(self) -> None:
        """This bench's old label files (its data dir's): in a room each bench prunes its own."""
        key = prune_mark(self.config.station.name)
        if self._due(key, PRUNE_EVERY):
            prune_label_files(self.db, self.config.data_dir, now=self.now(), station=self.config.station.name)
            self._mark(key, self.now())

    # --- marks ---------------------------------------------------------------------------
    def _key(self, key: str) -> str:
        """A sync state key, per account on a bench with several."""
        return key if self.account is None else f"{key} {self.account}"[:64]

    def _mark(self, key: str, when: datetime) -> None:
        self.db.writer.call(sync_state.set_state, key, when.isoformat(), now=self.now())

    def _due(self, key: str, every: timedelta) -> bool:
        with self.db.read() as session:
            value = sync_state.get_state(session, key)
        if not value:
            return True
        try:
            return self.now() - datetime.fromisoformat(value.split()[0]) >= every
        except ValueError:
            return True


class SyncService:
    """Runs sync passes on one background thread until stopped.

    ``on_fatal`` gets what the GUI must hear of: a refused key (background sync stops), and each
    bug, whether it crashed a whole pass or only one stage (then before ``on_pass`` of that pass).
    """

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
        """Run the next pass now (e.g. a command was queued); in a room, the leader's pass too."""
        self._wake.set()
        leader = self.engine.leader
        if leader is not None and not leader.leading:
            leader.nudge()

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
            if summary is not None:
                for bug in summary.bugs:  # logged by the stage; the pass went on without it
                    if self.on_fatal:
                        self.on_fatal(bug)
                if self.on_pass:
                    self.on_pass(summary)
            self._wake.wait(self.interval_s)
            self._wake.clear()
