"""Pulling Ozon's state into the cache: postings, the products they contain, reference data.

Each page is written in its own transaction (the cache is never half-written: a page is
in or out), through the writer lane, while the next page is being fetched.
"""
from __future__ import annotations

import logging
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterable

from app.messages.problems import problem
from app.foreground import at_work, paced
from app.services.ozon.errors import OzonNotFound
from app.services.ozon.models import Posting
from app.services.progress import Progress, ProgressFn, no_progress
from app.services.sync.mapping import item_rows, posting_row, product_row
from app.statuses import LocalState
from app.store import lookups
from app.store import postings as store_postings
from app.store import products as store_products
from app.store import reference as store_reference
from app.store import sync_state

log = logging.getLogger("packdesk.sync.pull")

RECONCILE_LIMIT = 200  # postings re-read one by one per pass when they vanished from the open list
# the reason kept on a vanished posting Ozon does not know (``packdesk postings`` shows it)
NOT_FOUND_PROBLEM = problem("vanished")
OPEN_LOCAL_STATES = (LocalState.WAITING, LocalState.IN_PROGRESS, LocalState.PACKED)
# Postings per write while someone packs: a scan's decision waits for the write the lane is running
# (writer.py), so a page of 100 is written in four. With nobody at the bench (no decision for
# AT_WORK_S) a page is one write: a first sync of 10,000 postings took 23 % longer in fours.
# benchmarks/bench_scan_during_sync.py and bench_sync.py.
WRITE_CHUNK = 25
AT_WORK_S = 60.0
HISTORY_DAYS = 180  # how far back incremental passes look for postings whose status changed (Ozon: <= 1 year)


@dataclass
class PullStats:
    postings: int = 0
    changed: int = 0
    skipped: int = 0
    products: int = 0
    reconciled: int = 0
    not_found: int = 0  # vanished postings Ozon no longer knows (404 when re-read): marked ``problem``
    skus: set[int] = field(default_factory=set)  # every SKU seen this pass, to fetch the unknown ones


class Puller:
    def __init__(self, client, db, config, *, now: Callable[[], datetime], account: str | None = None,
                 progress: ProgressFn = no_progress):
        """``account``: the Client-Id the client reads with; its postings are stamped with it and
        only its open postings are reconciled. None: the one account of a single-account bench.
        ``progress``: told after each page of a list longer than one page (postings pulled of
        Ozon's count, 0 when Ozon does not say), so a first sync of thousands shows a bar."""
        self.client, self.db, self.config, self.now, self.account = client, db, config, now, account
        self.progress = progress

    # --- postings ------------------------------------------------------------------------
    def pull_open_postings(self, stats: PullStats) -> set[str]:
        """Read every not-yet-delivered posting (cursor paging) into the cache."""
        now = self.now()
        horizon = self.config.sync.horizon_days
        pages = self.client.iter_unfulfilled(
            cutoff_from=_aware(now - timedelta(days=30)), cutoff_to=_aware(now + timedelta(days=horizon)),
            warehouse_ids=self.config.ozon.warehouse_ids or None, pace=paced,
        )
        return self._ingest(pages, stats)

    def pull_changed_postings(self, changed_since: datetime, stats: PullStats) -> None:
        """Read only the postings whose status changed since the last pass (new ones included)."""
        now = self.now()
        pages = self.client.iter_list(
            since=_aware(now - timedelta(days=HISTORY_DAYS)), to=_aware(now + timedelta(minutes=5)),
            changed_since=_aware(changed_since), warehouse_ids=self.config.ozon.warehouse_ids or None,
            pace=paced,
        )
        self._ingest(pages, stats)

    def _ingest(self, pages, stats: PullStats) -> set[str]:
        seen: set[str] = set()
        pending: list[Future] = []
        pulled, total, told = 0, 0, None
        for page in pages:
            stats.skipped += page.skipped
            pulled += len(page.postings)
            total = max(page.total or total, pulled) if (page.total or total) else 0
            if page.has_next or told:  # one page is quick: only longer lists are shown
                told = Progress("postings", pulled, total)
                self.progress(told)
            if not page.postings:
                continue
            rows, items = [], {}
            for posting in paced(page.postings):  # a scan decided meanwhile goes first
                rows.append(posting_row(posting))
                items[posting.posting_number] = item_rows(posting)
            seen.update(items)
            stats.postings += len(rows)
            stats.skus.update(it.sku for p in page.postings for it in p.products)
            size = WRITE_CHUNK if at_work(AT_WORK_S) else len(rows)
            for start in range(0, len(rows), size):
                chunk = rows[start:start + size]
                pending.append(self.db.writer.submit(
                    store_postings.upsert_postings, chunk, {row["posting_number"]: items[row["posting_number"]]
                                                            for row in chunk},
                    now=self.now(), account=self.account or ""))
            self._collect(pending, stats, block=False)
        self._collect(pending, stats, block=True)
        if told is not None and not told.finished:  # Ozon did not say how many: now it is known
            done = max(pulled, 1)
            self.progress(Progress("postings", done, done))
        return seen

    @staticmethod
    def _collect(pending: list[Future], stats: PullStats, *, block: bool) -> None:
        while pending and (block or pending[0].done()):
            stats.changed += pending.pop(0).result() or 0

    def reconcile_vanished(self, seen: set[str], stats: PullStats) -> None:
        """Postings we hold as open that Ozon no longer lists (cancelled, delivered…): re-read each.

        One that Ozon does not know any more (404) is marked ``problem`` with the reason, so no
        bench packs or ships it and a person looks at it, and the others are still re-read. Any
        other error stops the re-reading; what was read so far is kept."""
        with self.db.read() as session:
            candidates = lookups.open_posting_numbers(session, local_states=OPEN_LOCAL_STATES,
                                                             account=self.account)
        vanished = [n for n in candidates if n not in seen][:RECONCILE_LIMIT]
        fresh: list[Posting] = []
        unknown: list[str] = []
        try:
            for number in vanished:
                try:
                    fresh.append(self.client.get_posting(number))
                except OzonNotFound as exc:
                    log.warning("posting %s is no longer on Ozon's list and Ozon does not know it (%s): "
                                "marked as a problem", number, exc)
                    unknown.append(number)
        finally:
            if fresh:
                self._write(fresh, stats)
                stats.reconciled += len(fresh)
            if unknown:
                self.db.writer.call(store_postings.set_local_state, unknown, LocalState.PROBLEM,
                                    problem=NOT_FOUND_PROBLEM)
                stats.not_found += len(unknown)

    def refresh(self, numbers: Iterable[str]) -> list[Posting]:
        """Re-read single postings (e.g. when a bench opens one) and store them."""
        fresh = [self.client.get_posting(n) for n in numbers]
        if fresh:
            self._write(fresh, PullStats())
        return fresh

    def _write(self, postings: list[Posting], stats: PullStats) -> None:
        rows = [posting_row(p) for p in postings]
        items = {p.posting_number: item_rows(p) for p in postings}
        stats.skus.update(it.sku for p in postings for it in p.products)
        stats.changed += self.db.writer.call(store_postings.upsert_postings, rows, items, now=self.now(),
                                            account=self.account or "") or 0

    # --- products ------------------------------------------------------------------------
    def pull_missing_products(self, stats: PullStats) -> None:
        with self.db.read() as session:
            missing = sorted(store_products.missing_skus(session, stats.skus)
                             | store_products.photo_links_unknown(session, stats.skus))
        if not missing:
            return
        products = self.client.products(missing)
        rows = [product_row(p) for p in products]
        barcodes = {p.sku: list(p.barcodes) for p in products}
        self.db.writer.call(store_products.upsert_products, rows, barcodes, now=self.now())
        stats.products += len(rows)

    # --- warehouses and delivery methods ---------------------------------------------------
    def pull_reference(self) -> None:
        warehouses = self.client.warehouses()
        methods = self.client.delivery_methods()
        # several accounts share the tables: one account's list never drops another's warehouses
        self.db.writer.call(_write_reference, warehouses, methods, now=self.now(), prune=self.account is None)


def _write_reference(session, warehouses, methods, *, now, prune: bool = True) -> None:
    store_reference.replace_warehouses(session, [
        {"id": w.id, "name": w.name, "is_rfbs": w.is_rfbs, "status": w.status} for w in warehouses], prune=prune)
    store_reference.replace_delivery_methods(session, [
        {"id": m.id, "name": m.name, "warehouse_id": m.warehouse_id, "provider_id": m.provider_id,
         "status": m.status, "cutoff": m.cutoff} for m in methods], prune=prune)
    sync_state.set_state(session, "reference.pulled_at", now.isoformat(), now=now)


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value
