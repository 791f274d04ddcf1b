"""Fetching Ozon's label PDFs for the postings this station shipped (Qt-free).

Each sync pass takes the waiting labels whose ``not_before`` has come, up to 20 per batch, oldest
first, and asks Ozon for them through its label tasks (``OzonClient.fetch_labels``: create the
tasks, take the one of the printer's label size — ``task_type`` — wait for it, download its file).
The file holds a page per posting Ozon printed, in request order: it is written once under
``<data_dir>/labels/`` and every printed row keeps its page index, so each label prints alone and
survives restarts. The pass runs on the sync thread (the task's short polling never reaches the GUI).

- A completed task may leave postings in ``unprinted_postings``: "aren't ready" ones wait with the
  not-ready backoff below; any other message counts as a refusal of that posting (below).
- "The next postings aren't ready" for a whole batch: labels become ready in shipping order, so the
  older half of the batch is tried alone; when even that is not ready the rest waits too. Each row
  backs off on its own (15 s, doubling, at most 2 min) and is parked after ``GIVE_UP_ATTEMPTS`` tries.
- Any other refusal of a batch (INVALID_ARGUMENT: a posting not awaiting delivery) is split until
  the postings behind it stand alone; such a posting is read back from Ozon: cancelled → parked
  "cancelled", handed over → parked, awaiting registration by the partner carrier → not ready yet,
  anything else → tried again later, then parked.
- Network trouble, 5xx, rate limits, a task that does not finish in time, a file link that fails:
  the rows stay waiting; the pass stops fetching and the next pass tries again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.services.labels import files
from app.services.ozon.errors import (
    OzonAuthError, OzonBusinessError, OzonError, OzonLabelNotReady, OzonNotFound, is_not_ready_message,
)
from app.services.ozon.models import BIG_LABEL, LabelBatch, Posting
from app.services.sync.mapping import item_rows, posting_row
from app.statuses import AWAITING_REGISTRATION, CANCELLED_STATUSES, HANDED_OVER_STATUSES
from app.store import labels as store_labels
from app.store import postings as store_postings

log = logging.getLogger("packdesk.labels.fetch")

BATCH = 20  # Ozon's limit per label task
NOT_READY_FIRST_S = 15.0
NOT_READY_MAX_S = 120.0
REFUSED_RETRY_S = 60.0
GIVE_UP_ATTEMPTS = 30  # about an hour of "not ready" before a person is asked to look
REFUSED_ATTEMPTS = 5


@dataclass
class FetchStats:
    fetched: int = 0
    not_ready: int = 0
    parked: int = 0
    calls: int = 0
    error: str | None = None


@dataclass(frozen=True)
class _Due:
    id: int
    posting_number: str
    attempts: int


def not_ready_delay_s(attempts: int) -> float:
    """Seconds until the next try after ``attempts`` earlier "not ready" answers."""
    return min(NOT_READY_MAX_S, NOT_READY_FIRST_S * 2.0 ** min(attempts, 8))


class LabelFetcher:
    """``task_type``: the label size the printer's stock takes (``app.services.labels.stock``)."""

    def __init__(self, client, db, *, data_dir: Path, station: str, now: Callable[[], datetime],
                 task_type: str = BIG_LABEL, account: str | None = None):
        """``account``: fetch only that Ozon account's labels (the client is that account's)."""
        self.client, self.db, self.data_dir, self.station, self.now = client, db, Path(data_dir), station, now
        self.task_type, self.account = task_type, account

    def fetch_due(self, limit: int = 200) -> FetchStats:
        """Fetch what is due now. Raises OzonAuthError only; other Ozon errors end up in the stats."""
        stats = FetchStats()
        created = self.db.writer.call(store_labels.ensure_for_shipped, self.station, self.now())
        if created:
            log.info("%d shipped posting(s) of %s had no label row yet", created, self.station)
        with self.db.read() as session:
            due = [_Due(r.id, r.posting_number, r.attempts)
                   for r in store_labels.due_to_fetch(session, self.station, self.now(), limit=limit,
                                                      account=self.account)]
        for start in range(0, len(due), BATCH):
            try:
                self._fetch(due[start:start + BATCH], stats)
            except OzonAuthError:
                raise
            except OzonError as exc:
                stats.error = str(exc)
                log.warning("label fetch stopped for this pass: %s", exc)
                break
        return stats

    def fetch_now(self, posting_number: str) -> None:
        """Fetch one posting's label now, whatever its row says (a row of this station is made
        when there is none). Raises the client's errors unchanged; OzonLabelNotReady (or
        OzonBusinessError with Ozon's message) when Ozon left it unprinted."""
        batch = self.client.fetch_labels([posting_number], self.task_type)
        for _, message in batch.unprinted:
            text = f"Ozon did not print the label of {posting_number}: {message}"
            error = OzonLabelNotReady if is_not_ready_message(message) else OzonBusinessError
            raise error(text, ozon_code=message or "UNPRINTED", http_status=200)
        self.db.writer.call(store_labels.ensure, [posting_number], station=self.station, now=self.now())
        with self.db.read() as session:
            row = store_labels.get(session, posting_number)
        self._store([_Due(row.id, posting_number, row.attempts)], batch)

    # --- one call, split when a posting spoils it --------------------------------------------
    def _fetch(self, batch: Sequence[_Due], stats: FetchStats) -> bool:
        """Fetch ``batch``; False when (some of) it was not ready and waits."""
        stats.calls += 1
        try:
            got = self.client.fetch_labels([d.posting_number for d in batch], self.task_type)
        except OzonLabelNotReady as exc:
            if len(batch) == 1:
                self._not_ready(batch, str(exc), stats)
                return False
            older, newer = batch[:len(batch) // 2], batch[len(batch) // 2:]
            if self._fetch(older, stats):
                return self._fetch(newer, stats)
            self._not_ready(newer, str(exc), stats)
            return False
        except (OzonBusinessError, OzonNotFound) as exc:
            if len(batch) == 1:
                self._refused(batch[0], str(exc), stats)
                return True
            older, newer = batch[:len(batch) // 2], batch[len(batch) // 2:]
            first = self._fetch(older, stats)
            return self._fetch(newer, stats) and first
        by_number = {d.posting_number: d for d in batch}
        if got.printed:
            self._store([by_number[n] for n in got.printed], got)
            stats.fetched += len(got.printed)
        not_ready = [by_number[n] for n, message in got.unprinted if is_not_ready_message(message)]
        self._not_ready(not_ready, "label not ready yet", stats)
        for number, message in got.unprinted:
            if not is_not_ready_message(message):
                self._refused(by_number[number], f"Ozon did not print the label: {message}", stats)
        return not not_ready

    def _store(self, printed: Sequence[_Due], batch: LabelBatch) -> None:
        """Write the batch's PDF once; ``printed`` are its postings in page order."""
        stem = printed[0].posting_number + (f"+{len(printed) - 1}" if len(printed) > 1 else "")
        path = files.write_pdf(self.data_dir, stem, batch.pdf)
        now = self.now()

        def write(session):
            for page, due in enumerate(printed):
                store_labels.mark_fetched(session, due.id, pdf_path=path, page=page, now=now)

        self.db.writer.call(write)
        log.info("fetched %d %s(s) into %s", len(printed), batch.task_type, path)

    def _not_ready(self, batch: Sequence[_Due], why: str, stats: FetchStats) -> None:
        if not batch:
            return
        now = self.now()

        def write(session):
            for due in batch:
                if due.attempts + 1 >= GIVE_UP_ATTEMPTS:
                    store_labels.mark_parked(session, due.id, f"Ozon has not issued the label after "
                                                              f"{due.attempts + 1} tries: {why}")
                    stats.parked += 1
                    continue
                delay = not_ready_delay_s(due.attempts)
                store_labels.mark_retry(session, due.id, error="label not ready yet",
                                        not_before=now + timedelta(seconds=delay))
                stats.not_ready += 1

        self.db.writer.call(write)

    def _refused(self, due: _Due, why: str, stats: FetchStats) -> None:
        """Ozon refused this one posting's label: decide from its state on Ozon."""
        posting: Posting | None = None
        try:
            posting = self.client.get_posting(due.posting_number)
        except OzonNotFound:
            reason = "Ozon does not know this posting"
        else:
            reason = _park_reason(posting)
        if posting is not None:
            self.db.writer.call(store_postings.upsert_postings, [posting_row(posting)],
                                {posting.posting_number: item_rows(posting)}, now=self.now())
            if posting.status == AWAITING_REGISTRATION:  # partner delivery: the carrier registers it first
                self._not_ready([due], "label not ready yet", stats)
                return
        if reason is None and due.attempts + 1 >= REFUSED_ATTEMPTS:
            reason = f"Ozon refuses the label: {why}"
        now = self.now()

        def write(session):
            if reason is None:
                store_labels.mark_retry(session, due.id, error=why,
                                        not_before=now + timedelta(seconds=REFUSED_RETRY_S))
            else:
                store_labels.mark_parked(session, due.id, reason)

        self.db.writer.call(write)
        if reason is not None:
            stats.parked += 1
            log.warning("label of %s parked: %s", due.posting_number, reason)


def _park_reason(posting: Posting) -> str | None:
    if posting.status in CANCELLED_STATUSES:
        return "cancelled"
    if posting.status in HANDED_OVER_STATUSES:
        return f"posting is {posting.status} on Ozon: its label is no longer issued"
    return None
