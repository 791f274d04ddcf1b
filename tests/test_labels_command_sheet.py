"""The command-barcode sheet: which barcodes, how they are laid out on the label, and that a
scanner reads every one back from the pixels a TSPL, ZPL or ESC/POS printer would print."""
from __future__ import annotations

import re

import pytest
import zxingcpp
from sqlalchemy import func, select

from app.devices.printers import PrinterProfile, mm_to_dots, open_printer
from app.devices.printers.decode import decode_job
from app.messages import CATALOGUE, LANGUAGES
from app.services.labels.command_sheet import (
    MARGIN_MM,
    CommandEntry,
    badge_entry,
    code128_modules,
    command_sheet_entries,
    command_title,
    render_command_sheet,
    unprintable_supervisors,
)
from app.services.labels.order_label import font, font_path
from app.services.labels.printing import LabelPrinter
from app.services.labels.worker import PrintWorker
from app.services.station.classify import COMMANDS, classify
from app.store.models import LabelRow
from store_helpers import sqlite_db, sqlite_template  # noqa: F401

SUPERVISORS = ["anna", "B.Kuznetsov", "Иванов", " anna ", "", "a:b"]
PRINTABLE = ["anna", "B.Kuznetsov"]
PLAIN = ["CMD:ACK", "CMD:PARK", "CMD:NEXT-BOX", "CMD:CANCEL", "CMD:SHORT", "CMD:LOGOUT"]


def read_barcodes(bitmap) -> list[str]:
    """What a scanner reads off a printed label (Code 128 only, as printed: not inverted)."""
    found = zxingcpp.read_barcodes(bitmap.to_image().convert("L"), formats=zxingcpp.BarcodeFormat.Code128,
                                   try_invert=False)
    return [barcode.text for barcode in found]


def dot_rows(bitmap) -> list[str]:
    """The bitmap's rows as strings of "1" (black) and "0" (white)."""
    return ["".join(f"{byte:08b}" for byte in row)[:bitmap.width] for row in bitmap.rows()]


def payloads(entries) -> list[str]:
    return [entry.payload for entry in entries]


# --- which barcodes ---------------------------------------------------------------------------
def test_plain_commands_then_override_and_teach_for_each_supervisor_once():
    assert payloads(command_sheet_entries(SUPERVISORS)) == PLAIN + [
        "CMD:OVERRIDE-WEIGHT:anna", "CMD:TEACH:anna", "CMD:OVERRIDE-WEIGHT:B.Kuznetsov", "CMD:TEACH:B.Kuznetsov"]
    assert payloads(command_sheet_entries([])) == PLAIN


def test_every_station_command_is_on_the_sheet_and_the_station_reads_each_payload_as_it():
    entries = command_sheet_entries(PRINTABLE)
    assert {entry.command for entry in entries} == set(COMMANDS) - {"LOGIN"}  # LOGIN: each person's badge
    for entry in entries + [badge_entry("Anna", "K7M2P9Q4R8T3")]:
        scan = classify(entry.payload)
        assert (scan.kind, scan.command) == ("command", entry.command), entry
        assert scan.args == ((entry.payload.rsplit(":", 1)[1],) if entry.supervisor else ())


@pytest.mark.parametrize("name,printable", [
    ("anna", True), ("B.Kuznetsov", True), ("olga_k-2", True), ("Иванов", False), ("a:b", False),
    ("anna maria", False), ("zoë", False), ("王芳", False),
])
def test_a_supervisor_gets_barcodes_only_when_a_barcode_carries_the_name(name, printable):
    on_sheet = [entry.supervisor for entry in command_sheet_entries([name]) if entry.supervisor]
    assert on_sheet == ([name, name] if printable else [])
    assert unprintable_supervisors([name]) == ([] if printable else [name])


def test_a_name_too_long_for_the_label_is_reported_and_left_off_the_sheet(caplog):
    profile = PrinterProfile()
    long_name = "a" * 30
    assert unprintable_supervisors(["anna", long_name]) == []
    assert unprintable_supervisors(["anna", long_name], profile) == [long_name]
    with caplog.at_level("WARNING", logger="packdesk.labels.commands"):
        with_long = render_command_sheet(command_sheet_entries(["anna", long_name]), profile, "en")
    assert with_long == render_command_sheet(command_sheet_entries(["anna"]), profile, "en")
    assert f"CMD:OVERRIDE-WEIGHT:{long_name}" in caplog.text


# --- titles -----------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_come_from_the_catalogue_in_the_packers_language(language):
    for entry in command_sheet_entries(PRINTABLE):
        code = "command_" + entry.command.lower().replace("-", "_")
        title = command_title(entry, language)
        assert title == CATALOGUE[code][language].format(supervisor=entry.supervisor or "")
        if language != "en":  # nothing left in English: only the supervisor's name is Latin
            assert not re.search("[A-Za-z]", title.replace(entry.supervisor or "", "")), title


def test_each_language_draws_its_own_titles():
    entries = command_sheet_entries([])
    sheets = {language: render_command_sheet(entries, PrinterProfile(), language) for language in LANGUAGES}
    assert sheets["ru"] != sheets["en"] and sheets["zh"] != sheets["en"] and sheets["ru"] != sheets["zh"]
    for pages in sheets.values():
        assert sorted(text for page in pages for text in read_barcodes(page)) == sorted(PLAIN)


def test_chinese_titles_are_drawn_with_chinese_glyphs_not_boxes():
    if font_path(cjk=True) is None:
        pytest.skip("no font with Chinese installed (Debian: fonts-wqy-microhei)")
    face = font(36, cjk=True)
    glyphs = {char: bytes(face.getmask(char, mode="1")) for char in "清除错误缺货"}
    assert len(set(glyphs.values())) == len(glyphs)  # a missing glyph draws the same box for all


# --- layout -----------------------------------------------------------------------------------
PROFILES = [
    pytest.param(PrinterProfile(), id="tspl-203-75x120"),
    pytest.param(PrinterProfile(lang="zpl", dpi=300), id="zpl-300-75x120"),
    pytest.param(PrinterProfile(lang="escpos", head_dots=576), id="escpos-576-75x120"),
    pytest.param(PrinterProfile(size_mm=(100.0, 150.0)), id="tspl-203-100x150"),
    pytest.param(PrinterProfile(size_mm=(58.0, 40.0)), id="tspl-203-58x40"),
]


@pytest.mark.parametrize("profile", PROFILES)
def test_every_page_is_the_label_and_every_barcode_on_it_reads_back(profile):
    entries = command_sheet_entries(PRINTABLE)
    pages = render_command_sheet(entries, profile, "ru")
    width, height = profile.label_dots
    printable_width = min(width, profile.head_dots) if profile.lang == "escpos" else width
    margin = mm_to_dots(MARGIN_MM, profile.dpi)
    assert pages
    for page in pages:
        assert (page.width, page.height) == (width, height)
        left, top, right, bottom = page.bbox()
        assert left >= margin and top >= margin and right <= printable_width - margin and bottom <= height - margin
    read = [text for page in pages for text in read_barcodes(page)]
    assert len(read) == len(set(read))
    skipped = set(unprintable_supervisors(PRINTABLE, profile))
    assert sorted(read) == sorted(e.payload for e in entries if e.supervisor not in skipped)


def test_a_75x120_label_holds_the_plain_commands_on_one_upright_page():
    pages = render_command_sheet(command_sheet_entries([]), PrinterProfile(), "ru")
    assert len(pages) == 1


@pytest.mark.parametrize("dpi,module", [(203, 2), (300, 3)])
@pytest.mark.parametrize("language,supervisors", [("en", []), ("zh", []), ("ru", PRINTABLE)])
def test_bars_are_whole_dots_with_quiet_zones_and_at_least_10_mm_tall(dpi, module, language, supervisors):
    profile = PrinterProfile(dpi=dpi)
    entries = command_sheet_entries(supervisors)
    pages = render_command_sheet(entries, profile, language)
    rows = [row for page in pages for turn in (0, 270) for row in dot_rows(page.rotated(turn))]
    for entry in entries:
        bars = "".join(bit * module for bit in code128_modules(entry.payload))
        quiet = "0" * (10 * module)  # Code 128: at least 10 modules of white each side
        tall = sum(1 for row in rows if quiet + bars + quiet in row)
        assert tall >= mm_to_dots(10, dpi), (entry.payload, tall)


def test_a_label_too_small_for_any_barcode_gives_no_pages():
    profile = PrinterProfile(size_mm=(30.0, 20.0))
    assert render_command_sheet(command_sheet_entries(["anna"]), profile, "en") == []
    assert unprintable_supervisors(["anna"], profile) == ["anna"]


# --- printing ---------------------------------------------------------------------------------
def label_rows(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(LabelRow))


def print_sheet(db, tmp_path, uri: str, language: str, supervisors=SUPERVISORS):
    printer = LabelPrinter(db, open_printer(uri, sim_dir=tmp_path / "printed"), station="bench-1",
                           data_dir=tmp_path)
    worker = PrintWorker(printer)
    worker.start()
    try:
        return printer, worker.print_command_sheet(language, supervisors).result(timeout=30)
    finally:
        worker.stop()


@pytest.mark.parametrize("query,language", [
    ("lang=tspl", "ru"), ("lang=zpl&dpi=300", "zh"), ("lang=zpl&zpl=hex", "en"), ("lang=escpos", "en"),
    ("lang=escpos&width=384&size=48x80", "ru"),
])
def test_the_printed_sheet_reads_back_every_payload_exactly(sqlite_db, tmp_path, qapp, query, language):
    capture = tmp_path / "printer.bin"
    printer, result = print_sheet(sqlite_db, tmp_path, f"file:{capture}?{query}", language)
    profile = printer.printer.profile
    labels = decode_job(capture.read_bytes(), profile)
    assert (result.pages, result.printed, result.failed, result.error) == (len(labels), len(labels), 0, None)
    read = [text for label in labels for text in read_barcodes(label)]
    expected = [e.payload for e in command_sheet_entries(SUPERVISORS)
                if e.supervisor not in unprintable_supervisors(SUPERVISORS, profile)]
    assert sorted(read) == sorted(expected)
    assert label_rows(sqlite_db) == 0  # the sheet belongs to no posting


def test_the_sim_printer_saves_the_sheet_as_pngs_a_scanner_reads(sqlite_db, tmp_path, qapp):
    from PIL import Image

    from app.devices.printers import Bitmap

    printer, result = print_sheet(sqlite_db, tmp_path, "sim://?lang=tspl&invert=1", "zh")
    saved = printer.printer.transport.saved
    assert result.printed == result.pages == len(saved) >= 2
    read = [text for path in saved for text in read_barcodes(Bitmap.from_image(Image.open(path)))]
    assert sorted(read) == sorted(payloads(command_sheet_entries(SUPERVISORS)))


def test_a_printer_without_paper_prints_nothing_and_says_why(sqlite_db, tmp_path, qapp):
    printer = LabelPrinter(sqlite_db, open_printer("sim://?lang=tspl"), station="bench-1", data_dir=tmp_path)
    printer.printer.transport.paper_out = True
    pages = render_command_sheet(command_sheet_entries(["anna"]), printer.printer.profile, "ru")
    result = printer.print_bitmaps(pages, "the command barcode sheet")
    assert (result.printed, result.failed, result.kind) == (0, len(pages), "no_paper")
    assert "paper" in result.error
    printer.printer.transport.paper_out = False
    assert printer.print_bitmaps(pages, "the command barcode sheet").printed == len(pages)
    assert printer.printer.transport.printed == pages
    assert label_rows(sqlite_db) == 0


def test_the_worker_reports_a_label_too_small_instead_of_printing_nothing(sqlite_db, tmp_path, qapp):
    capture = tmp_path / "printer.bin"
    _, result = print_sheet(sqlite_db, tmp_path, f"file:{capture}?lang=tspl&size=30x20", "en")
    assert (result.pages, result.printed, result.kind) == (0, 0, "render")
    assert "30x20 mm" in result.error and not capture.exists()


def test_entries_are_plain_values():
    assert CommandEntry("CMD:ACK", "ACK") == command_sheet_entries([])[0]
