"""One thread owns the printer: every print job runs there, never on the GUI thread.

    worker = PrintWorker(LabelPrinter(db, open_printer(uri, sim_dir=...), station=..., data_dir=...),
                         on_done=callback)          # callback runs on the print thread
    worker.start()                                  # from the main thread: makes Qt's app object
    engine = SyncEngine(client, db, config, print_labels=worker.print_due)
    worker.reprint("12345678-0001-1").result()      # a PrintResult
    worker.print_sample().result()                  # Settings → Test print, on the printer in use
    worker.stop()

The GUI moves ``on_done`` results to its own thread with a signal (app/ui); replay and tests wait
on the returned futures.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import Any

from app.services.labels.command_sheet import badge_entry, command_sheet_entries, render_command_sheet
from app.services.labels.printing import RENDER_KIND, LabelPrinter, SheetPrintResult
from app.services.labels.render import ensure_qt_app
from app.services.labels.sample import sample_bitmap

log = logging.getLogger("packdesk.labels.worker")


class PrintWorker:
    def __init__(self, printer: LabelPrinter, *, on_done: Callable[[Any], None] | None = None,
                 name: str = "packdesk-print"):
        self.printer, self.on_done, self.name = printer, on_done, name
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._due: Future | None = None  # a queued print_due not started yet (requests coalesce)

    def start(self) -> None:
        """Call from the main thread: rendering on the print thread needs Qt's application object."""
        ensure_qt_app()
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.name)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        """Run ``fn(label_printer, *args)`` on the print thread."""
        with self._lock:
            if self._executor is None:
                raise RuntimeError("the print worker is not running")
            return self._executor.submit(self._run, fn, args)

    def print_due(self) -> Future:
        """Print what is due (queued once however often it is asked before it starts)."""
        with self._lock:
            if self._due is not None and not self._due.running() and not self._due.done():
                return self._due
        future = self.submit(self._print_due)
        with self._lock:
            self._due = future
        return future

    def reprint(self, posting_number: str) -> Future:
        return self.submit(LabelPrinter.reprint, posting_number)

    def print_order_label(self, posting_number: str) -> Future:
        return self.submit(LabelPrinter.print_order_label, posting_number)

    def print_command_sheet(self, language: str, supervisors: Sequence[str]) -> Future:
        """Render and print the command-barcode sheet (titles in ``language``) on the print thread:
        a Future of ``SheetPrintResult``. Supervisors that get no barcode: ``unprintable_supervisors``."""
        return self.submit(_print_command_sheet, language, tuple(supervisors))

    def print_badge(self, language: str, name: str, badge: str) -> Future:
        """A person's badge (``CMD:LOGIN:<badge>``, their name above it) on the print thread: a
        Future of ``SheetPrintResult``."""
        return self.submit(_print_badge, language, name, badge)

    def print_sample(self) -> Future:
        """Settings → Test print on the printer this worker owns (never a second handle to it):
        a Future of ``SheetPrintResult``."""
        return self.submit(_print_sample)

    def probe(self) -> Future:
        """Ask the printer how it is, on the print thread: a Future of ``PrinterProbe`` (also told to
        ``on_done``)."""
        return self.submit(LabelPrinter.probe)

    def stop(self) -> None:
        """Finish the queued jobs, stop the thread, close the printer."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
        self.printer.close()

    # --- the print thread ---------------------------------------------------------------------
    def _print_due(self, printer: LabelPrinter):
        return printer.print_due()

    def _run(self, fn: Callable[..., Any], args: tuple) -> Any:
        try:
            result = fn(self.printer, *args)
        except LookupError:
            raise  # an unknown posting: the caller's answer, not a bug
        except Exception:
            log.exception("print job %s failed", getattr(fn, "__name__", fn))
            raise
        if self.on_done is not None:
            try:
                self.on_done(result)
            except Exception:  # a listener's bug must not stop the printer
                log.exception("print result listener failed")
        return result


def _print_sample(printer: LabelPrinter) -> SheetPrintResult:
    return printer.print_bitmaps([sample_bitmap(printer.printer.profile, datetime.now())], "a test label")


def _print_command_sheet(printer: LabelPrinter, language: str, supervisors: Sequence[str]) -> SheetPrintResult:
    what = "the command barcode sheet"
    profile = printer.printer.profile
    pages = render_command_sheet(command_sheet_entries(supervisors), profile, language)
    if not pages:
        width, height = profile.size_mm
        return SheetPrintResult(what, 0, 0, f"a {width:g}x{height:g} mm label is too small for command barcodes",
                                RENDER_KIND)
    return printer.print_bitmaps(pages, what)


def _print_badge(printer: LabelPrinter, language: str, name: str, badge: str) -> SheetPrintResult:
    what = f"the badge of {name}"
    profile = printer.printer.profile
    pages = render_command_sheet([badge_entry(name, badge)], profile, language)
    if not pages:
        width, height = profile.size_mm
        return SheetPrintResult(what, 0, 0, f"a {width:g}x{height:g} mm label is too small for a badge", RENDER_KIND)
    return printer.print_bitmaps(pages, what)
