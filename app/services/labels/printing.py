"""Printing this station's labels: PDF page → bitmap at the printer's dpi (render.py) → printer.

At-least-once: a label is marked printed (``copies`` + 1) only after the printer took the job,
so a crash between the two prints it once more; otherwise a label prints once, and again only
when someone asks (``reprint``). A printer error leaves the label ``failed`` with the reason and
the error kind (the UI translates the kind); failed labels are tried again on later passes, at
most ``MAX_PRINT_ATTEMPTS`` times, then ``parked``. A PDF that does not render fails the same way
and never crashes the bench.

``LabelPrinter`` is not thread-safe: one thread owns it and its printer (``PrintWorker``).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app.devices.printers import Bitmap, Printer, PrinterError, PrinterProfile
from app.services.labels import files
from app.services.labels.order_label import OrderItem, render_order_label
from app.services.labels.render import LabelRenderError, render_pdf_page
from app.services.labels.round_progress import RoundProgress
from app.services.progress import ProgressFn, no_progress
from app.store import labels as store_labels
from app.store import lookups
from app.store.models import LABEL_FAILED, LABEL_PARKED, LABEL_PRINTED, LABEL_WAITING

log = logging.getLogger("packdesk.labels.print")

MAX_PRINT_ATTEMPTS = 4
RETRY_S = (5.0, 15.0, 30.0)  # waits before the 2nd, 3rd, 4th try
RENDER_KIND = "render"  # error_kind of a PDF that does not render (printer errors use PrinterError.kind)
MISSING_KIND = "missing"
ELSEWHERE_KIND = "elsewhere"  # a reprint asked at a bench the label does not belong to: not printed here

Renderer = Callable[[bytes, int, PrinterProfile], Bitmap]


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class PrintResult:
    posting_number: str
    printed: bool
    state: str
    error: str | None = None
    kind: str | None = None  # printer error kind, "render", "missing" or "elsewhere"


@dataclass(frozen=True)
class PrinterProbe:
    state: str | None  # "connected", a printer error kind, or None: this printer cannot be asked


@dataclass
class PrintStats:
    printed: int = 0
    failed: int = 0
    parked: int = 0

    def add(self, result: PrintResult) -> None:
        if result.printed:
            self.printed += 1
        elif result.state == LABEL_PARKED:
            self.parked += 1
        elif result.state == LABEL_FAILED:
            self.failed += 1


@dataclass(frozen=True)
class SheetPrintResult:
    """Pages that belong to no posting (the command-barcode sheet): how many printed of how many."""
    what: str
    pages: int
    printed: int
    error: str | None = None
    kind: str | None = None  # PrinterError.kind of the page that did not print

    @property
    def failed(self) -> int:
        return self.pages - self.printed


@dataclass(frozen=True)
class _Job:
    id: int
    posting_number: str
    pdf_path: str | None
    pdf_page: int
    attempts: int
    kind: str = store_labels.OZON


def _job(row) -> _Job:
    return _Job(row.id, row.posting_number, row.pdf_path, row.pdf_page or 0, row.attempts, row.kind)


class LabelPrinter:
    def __init__(self, db, printer: Printer, *, station: str, data_dir: Path,
                 now: Callable[[], datetime] = utcnow, render: Renderer = render_pdf_page):
        self.db, self.printer, self.station, self.data_dir = db, printer, station, Path(data_dir)
        self.now, self.render = now, render
        self._owner: threading.Thread | None = None
        self.progress: ProgressFn = no_progress  # a wave's labels printed n of m (the GUI's bar)

    @property
    def uri(self) -> str:
        return self.printer.name

    def _check_thread(self) -> None:
        current = threading.current_thread()
        if self._owner is None:
            self._owner = current
        elif self._owner is not current:
            raise RuntimeError(f"LabelPrinter for {self.uri} is owned by thread {self._owner.name}, "
                               f"called from {current.name}")

    def probe(self) -> PrinterProbe:
        """Ask the printer how it is (at the bench's start: a printer that is off is said before the
        first label fails)."""
        self._check_thread()
        return PrinterProbe(self.printer.probe())

    # --- what the sync pass and the bench call ---------------------------------------------
    def print_due(self, limit: int = 50) -> PrintStats:
        """Print this station's fetched labels (and failed ones due again). Stops at the first
        printer error: the next labels wait for the printer instead of failing one by one."""
        self._check_thread()
        stats = PrintStats()
        with self.db.read() as session:
            jobs = [_job(r) for r in store_labels.due_to_print(session, self.station, self.now(), limit=limit)]
        told = RoundProgress(self.db, [job.posting_number for job in jobs], self.progress) if jobs else None
        if told is not None:
            told.start()
        for job in jobs:
            if not self.db.writer.call(store_labels.claim_for_print, job.id, now=self.now()):
                log.info("the label of %s is being printed by another process of %s", job.posting_number,
                         self.station)
                continue
            result = self._print(job)
            stats.add(result)
            told.printed(job.posting_number, result.printed)
            if not result.printed and result.kind not in (RENDER_KIND, MISSING_KIND):
                break
        return stats

    def reprint(self, posting_number: str) -> PrintResult:
        """Someone asked for the Ozon label again: print it now (one more copy). LookupError when
        the posting has no label row; a label not fetched yet goes back to waiting for the sync.
        A label of another station (the bench that packed it) is not printed here: nothing changes
        and the result names that station (``ELSEWHERE_KIND``)."""
        self._check_thread()
        try:
            row = self.db.writer.call(store_labels.request_reprint, posting_number, station=self.station)
        except store_labels.PrintsElsewhere as exc:
            log.warning("the label of %s was asked for at %s; it prints at %s, which packed it",
                        posting_number, self.station, exc.station)
            return PrintResult(posting_number, False, exc.state, str(exc), ELSEWHERE_KIND)
        if row.state == LABEL_WAITING:
            return PrintResult(posting_number, False, LABEL_WAITING, "the label is not fetched from Ozon yet")
        return self._print(_job(row))

    def print_order_label(self, posting_number: str) -> PrintResult:
        """Print the station's own order label now (on demand). LookupError for an unknown posting."""
        self._check_thread()
        bitmap = self._order_label(posting_number)
        now = self.now()
        self.db.writer.call(store_labels.ensure, [posting_number], station=self.station, now=now,
                            kind=store_labels.OWN, state=LABEL_FAILED)
        with self.db.read() as session:
            row = store_labels.get(session, posting_number, store_labels.OWN)
        return self._send(_job(row), bitmap, retry=False)

    def print_bitmaps(self, bitmaps: Sequence[Bitmap], what: str) -> SheetPrintResult:
        """Print ready pages that belong to no posting (``what`` names them in the log): no label
        row is made or changed, nothing is retried; stops at the first printer error."""
        self._check_thread()
        for printed, bitmap in enumerate(bitmaps):
            try:
                self.printer.print_bitmap(bitmap)
            except PrinterError as exc:
                log.warning("%s did not print (%s) after %d of %d page(s): %s", what, exc.kind, printed,
                            len(bitmaps), exc)
                return SheetPrintResult(what, len(bitmaps), printed, str(exc), exc.kind)
        log.info("printed %s (%d page(s)) on %s", what, len(bitmaps), self.uri)
        return SheetPrintResult(what, len(bitmaps), len(bitmaps))

    def close(self) -> None:
        self.printer.close()

    def _order_label(self, posting_number: str) -> Bitmap:
        with self.db.read() as session:
            posting = lookups.get_posting(session, posting_number)
            if posting is None:
                raise LookupError(f"posting {posting_number} is not in the cache")
            items = [OrderItem(i.name, i.offer_id, i.quantity) for i in posting.items]
        return render_order_label(posting_number, items, self.printer.profile)

    # --- one label ------------------------------------------------------------------------
    def _print(self, job: _Job) -> PrintResult:
        if job.kind == store_labels.OWN:  # queued by the bench on pack (order_label = "on_pack")
            try:
                return self._send(job, self._order_label(job.posting_number))
            except LookupError as exc:
                return self._failed(job, str(exc), MISSING_KIND)
        if not job.pdf_path:
            return self._refetch(job, "no label PDF kept")
        try:
            pdf = files.read_pdf(self.data_dir, job.pdf_path)
        except OSError as exc:
            return self._refetch(job, f"label file {job.pdf_path} cannot be read: {exc.strerror or exc}")
        try:
            bitmap = self.render(pdf, job.pdf_page, self.printer.profile)
        except LabelRenderError as exc:
            return self._failed(job, f"the label PDF does not render: {exc}", RENDER_KIND)
        return self._send(job, bitmap)

    def _send(self, job: _Job, bitmap: Bitmap, *, retry: bool = True) -> PrintResult:
        try:
            self.printer.print_bitmap(bitmap)
        except PrinterError as exc:
            return self._failed(job, str(exc), exc.kind, retry=retry)
        self.db.writer.call(store_labels.mark_printed, job.id, printer=self.uri, now=self.now())
        log.info("printed the label of %s on %s", job.posting_number, self.uri)
        return PrintResult(job.posting_number, True, LABEL_PRINTED)

    def _failed(self, job: _Job, error: str, kind: str, *, retry: bool = True) -> PrintResult:
        attempts = job.attempts + 1
        if retry and attempts >= MAX_PRINT_ATTEMPTS:
            reason = f"printing failed {attempts} times: {error}"
            self.db.writer.call(store_labels.mark_parked, job.id, reason, kind=kind)
            log.warning("label of %s parked: %s", job.posting_number, reason)
            return PrintResult(job.posting_number, False, LABEL_PARKED, reason, kind)
        delay = RETRY_S[min(attempts, len(RETRY_S)) - 1]
        not_before = self.now() + timedelta(seconds=delay) if retry else None
        self.db.writer.call(store_labels.mark_retry, job.id, error=error, not_before=not_before,
                            state=LABEL_FAILED, kind=kind)
        log.warning("label of %s did not print (%s): %s", job.posting_number, kind, error)
        return PrintResult(job.posting_number, False, LABEL_FAILED, error, kind)

    def _refetch(self, job: _Job, reason: str) -> PrintResult:
        if job.kind == store_labels.CARRIER:  # a carrier's label: asked of the carrier again (the outbox)
            from app.services.carriers.refetch import queue_refetch

            def write(session) -> None:
                store_labels.mark_refetch(session, job.id, reason)
                queue_refetch(session, job.posting_number, station=self.station, now=self.now(), reason=reason)
            self.db.writer.call(write)
        else:
            self.db.writer.call(store_labels.mark_refetch, job.id, reason)
        log.warning("label of %s will be fetched again: %s", job.posting_number, reason)
        return PrintResult(job.posting_number, False, LABEL_WAITING, reason, MISSING_KIND)
