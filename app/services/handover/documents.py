"""A carriage's documents at the bench: the act stored under the data dir (atomically, like label
PDFs) and printed on the document printer; the carriage barcode as a label for the label printer.

The GUI opens the act when no document printer is configured (``act_printed`` is "saved").
"""
from __future__ import annotations

import logging
from pathlib import Path

from app.devices.documents import DocumentPrinter, DocumentPrintError, open_document_printer
from app.devices.printers.bitmap import Bitmap
from app.devices.printers.profile import mm_to_dots
from app.devices.uri import DeviceUriError
from app.services.labels import files

log = logging.getLogger("packdesk.handover.documents")

ACT_DIR = "acts"
SAVED = "saved"  # no document printer: the act waits in the data dir (the window opens it)


def document_printer(config) -> DocumentPrinter | None:
    """``[devices] document_printer`` (None when empty; a wrong URI is logged and treated as none)."""
    try:
        return open_document_printer(config.devices.document_printer, sim_dir=config.data_dir / "printed")
    except DeviceUriError as exc:
        log.warning("the document printer cannot be used: %s", exc)
        return None


def store_act(data_dir: Path, carriage_id: int, pdf: bytes) -> str:
    """Write the act (whole or not at all); returns its path relative to the data dir."""
    return files.write_pdf(data_dir, f"carriage-{carriage_id}-act", pdf, folder=ACT_DIR)


def act_path(data_dir: Path, stored: str | None) -> Path | None:
    return files.resolve(data_dir, stored) if stored else None


def print_act(printer: DocumentPrinter | None, data_dir: Path, stored: str) -> str:
    """Print the stored act; where it went, "saved" without a printer, or why it did not print."""
    if printer is None:
        return SAVED
    try:
        return printer.print_pdf(files.resolve(data_dir, stored), title="packdesk act of hand-over")
    except DocumentPrintError as exc:
        log.warning("the act %s did not print: %s", stored, exc)
        return f"{SAVED} (not printed: {exc})"


def barcode_label(text: str, caption: str, profile) -> Bitmap:
    """The carriage barcode as a label of the printer's size: Code 128 as wide as it fits, its text
    and ``caption`` (e.g. the carriage number) under it, for the courier or the drop-off point."""
    from PIL import Image, ImageDraw

    from app.services.labels.command_sheet import QUIET_MODULES, barcode_image, code128_modules
    from app.services.labels.order_label import fit_font

    width, height = profile.label_dots
    margin = mm_to_dots(3, profile.dpi)
    module = max(1, (width - 2 * margin) // (len(code128_modules(text)) + 2 * QUIET_MODULES))
    bars = barcode_image(text, module, max(40, height // 3))
    page = Image.new("1", (width, height), 1)
    page.paste(bars, ((width - bars.width) // 2, margin))
    draw = ImageDraw.Draw(page)
    draw.fontmode = "1"
    top = margin + bars.height + margin
    for line in (text, caption):
        face = fit_font(draw, line, width - 2 * margin, mm_to_dots(5, profile.dpi), mm_to_dots(2.5, profile.dpi))
        draw.text(((width - draw.textlength(line, font=face)) // 2, top), line, font=face, fill=0)
        top += face.getbbox(line)[3] + margin
    return Bitmap.from_image(page)


def print_carriage_barcode(label_printer, text: str, caption: str):
    """On the print thread (``PrintWorker.submit(print_carriage_barcode, text, caption)``)."""
    bitmap = barcode_label(text, caption, label_printer.printer.profile)
    return label_printer.print_bitmaps([bitmap], f"the carriage barcode {text}")


def print_handover_commands(label_printer, language: str):
    """On the print thread: the hand-over's command barcodes (``CMD:HANDOVER``, ``CMD:HANDOVER-CLOSE``)
    on the label printer, titled in ``language``, for a bench driven by the scanner alone."""
    from app.services.labels.command_sheet import CommandEntry, render_command_sheet
    from app.services.station.classify import MODE_COMMANDS

    entries = [CommandEntry("CMD:" + name, name) for name in MODE_COMMANDS]
    return label_printer.print_bitmaps(render_command_sheet(entries, label_printer.printer.profile, language),
                                       "the hand-over command barcodes")
