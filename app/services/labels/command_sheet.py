"""The command-barcode sheet (Qt-free): every ``CMD:`` barcode the bench understands, printed on
the label printer so a packer with only a scanner can ACK, PARK, CANCEL... (the commands of
``app.services.station.classify.COMMANDS``; supervisor commands once per configured supervisor).

Each entry is a Code 128 barcode drawn module by module at whole dots (at least 2 dots = 0.25 mm
per module at 203 dpi, 10 modules of quiet zone on each side, 10 mm tall), its title in the
packer's language above it (``app.messages``) and the payload in small print below. Entries are
laid out in rows, as many as fit, on pages of the printer's label size; the sheet is turned 90
degrees when that takes fewer pages or when a long supervisor barcode only fits across the label.

A supervisor's name goes into the barcode as it is written in ``[station] supervisors``, so it
must be something a barcode (and a scanner typing in either keyboard layout) carries; names that
cannot be printed are left out and reported by ``unprintable_supervisors``.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from barcode.codex import Code128
from PIL import Image, ImageDraw

from app.devices.printers.bitmap import Bitmap
from app.devices.printers.profile import PrinterProfile, mm_to_dots
from app.messages import text
from app.services.labels.order_label import clip, fit_font, font

log = logging.getLogger("packdesk.labels.commands")

PREFIX = "CMD:"
# Commands in the order they are printed; supervisor commands follow, per supervisor.
PLAIN_COMMANDS = ("ACK", "PARK", "NEXT-BOX", "CANCEL", "SHORT", "LOGOUT")
BADGE_COMMAND = "LOGIN"  # on each person's badge (``badge_entry``), not on the sheet
SUPERVISOR_COMMANDS = ("OVERRIDE-WEIGHT", "TEACH")
# What a supervisor's name may hold: the characters the station reads back even when the scanner
# types in the Russian layout (classify's layout fix), and no ":" (it separates arguments).
_NAME = re.compile(r"[A-Za-z0-9%\-./+_*$]+")
CJK_LANGUAGES = ("zh",)  # titles drawn with a font that has Chinese

MODULE_MM = 0.25  # narrowest bar: 10 mil, what any scanner reads (2 dots at 203 dpi, 3 at 300)
QUIET_MODULES = 10  # Code 128's minimum quiet zone on each side
BAR_MM = 10.0
MARGIN_MM = 2.0
TITLE_MM, TITLE_MIN_MM = 4.5, 3.0
SMALL_MM = 2.5
ROW_GAP_MM = 2.0


@dataclass(frozen=True)
class CommandEntry:
    payload: str  # what the barcode holds, e.g. "CMD:OVERRIDE-WEIGHT:anna"
    command: str  # the command's name, e.g. "OVERRIDE-WEIGHT"
    supervisor: str | None = None


def _supervisor_names(supervisors: Sequence[str]) -> list[str]:
    """Configured names, trimmed, empty ones dropped, each once (the station compares casefolded)."""
    seen: set[str] = set()
    names = []
    for raw in supervisors:
        name = (raw or "").strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def command_sheet_entries(supervisors: Sequence[str]) -> list[CommandEntry]:
    """The sheet's barcodes: the plain commands, then OVERRIDE-WEIGHT and TEACH for each supervisor
    whose name a barcode can carry (the others: ``unprintable_supervisors``)."""
    entries = [CommandEntry(PREFIX + name, name) for name in PLAIN_COMMANDS]
    for name in _supervisor_names(supervisors):
        if not _NAME.fullmatch(name):
            log.warning("supervisor %r gets no command barcode: the name has characters no barcode carries", name)
            continue
        entries += [CommandEntry(f"{PREFIX}{command}:{name}", command, name) for command in SUPERVISOR_COMMANDS]
    return entries


def badge_entry(name: str, badge: str) -> CommandEntry:
    """A person's badge: ``CMD:LOGIN:<badge>`` titled with their name (``app.services.people``)."""
    return CommandEntry(f"{PREFIX}{BADGE_COMMAND}:{badge}", BADGE_COMMAND, name)


def unprintable_supervisors(supervisors: Sequence[str], profile: PrinterProfile | None = None) -> list[str]:
    """Supervisors without (all of) their barcodes on the sheet: names a barcode cannot carry and,
    given the printer's ``profile``, names whose barcodes are too long for its label."""
    entries = command_sheet_entries(supervisors)
    printable = {entry.supervisor for entry in entries}
    if profile is not None:
        sheets = _sheets(profile, "en")
        printable -= {entry.supervisor for entry in entries if not any(s.fits(entry) for s in sheets)}
    return [name for name in _supervisor_names(supervisors) if name not in printable]


def command_title(entry: CommandEntry, language: str) -> str:
    """The big title above ``entry``'s barcode, in ``language`` (ru, zh or en)."""
    code = "command_" + entry.command.lower().replace("-", "_")
    return text(code, language, supervisor=entry.supervisor or "")


def code128_modules(payload: str) -> str:
    """The payload's Code 128 symbol as modules ("1" = bar), start to stop, no quiet zone."""
    return Code128(payload).build()[0]


def barcode_image(payload: str, module: int, height: int) -> Image.Image:
    """A mode "1" Code 128 image: ``module`` dots per module, quiet zones included, ``height`` tall."""
    modules = code128_modules(payload)
    quiet = QUIET_MODULES * module
    image = Image.new("1", (len(modules) * module + 2 * quiet, height), 1)
    draw = ImageDraw.Draw(image)
    for match in re.finditer("1+", modules):
        left = quiet + match.start() * module
        draw.rectangle((left, 0, left + (match.end() - match.start()) * module - 1, height - 1), fill=0)
    return image


def render_command_sheet(entries: Sequence[CommandEntry], profile: PrinterProfile, language: str) -> list[Bitmap]:
    """The sheet as labels of the profile's size, titles in ``language`` (ru, zh, en). A barcode
    too long for the label is left off with the supervisor's other one (a supervisor has both or
    none; logged, and ``unprintable_supervisors`` tells beforehand)."""
    sheets = _sheets(profile, language)
    too_long = [entry for entry in entries if not any(sheet.fits(entry) for sheet in sheets)]
    for entry in too_long:
        log.warning("command barcode %s is too long for a %gx%g mm label; left off the sheet",
                    entry.payload, *profile.size_mm)
    dropped = {entry.supervisor for entry in too_long if entry.supervisor}
    fitting = [entry for entry in entries if entry not in too_long and entry.supervisor not in dropped]
    if not fitting:
        return []
    # Entries share their height, and the wider way round takes every barcode the narrower one
    # takes, so at least one way holds them all; min() keeps the upright one on a tie.
    layouts = [(sheet, sheet.pages(fitting)) for sheet in sheets if all(sheet.fits(e) for e in fitting)]
    sheet, pages = min(layouts, key=lambda layout: len(layout[1]))
    return [sheet.draw(page, number, len(pages)) for number, page in enumerate(pages, 1)]


def _sheets(profile: PrinterProfile, language: str) -> tuple[_Sheet, _Sheet]:
    return _Sheet(profile, language), _Sheet(profile, language, turned=True)


class _Sheet:
    """Sizes and layout of the sheet on one label, upright or turned 90 degrees."""

    def __init__(self, profile: PrinterProfile, language: str, *, turned: bool = False) -> None:
        self.profile, self.language, self.turned = profile, language, turned
        dpi = profile.dpi
        width, height = profile.label_dots
        if profile.lang == "escpos":
            width = min(width, profile.head_dots)  # the head prints no more
        self.width, self.height = (height, width) if turned else (width, height)
        self.margin = mm_to_dots(MARGIN_MM, dpi)
        self.module = max(2, mm_to_dots(MODULE_MM, dpi))
        self.bar = mm_to_dots(BAR_MM, dpi)
        self.title_size, self.title_min = mm_to_dots(TITLE_MM, dpi), mm_to_dots(TITLE_MIN_MM, dpi)
        self.small = mm_to_dots(SMALL_MM, dpi)
        self.gap = max(2, mm_to_dots(1, dpi))
        self.row_gap = mm_to_dots(ROW_GAP_MM, dpi)
        self._measure = ImageDraw.Draw(Image.new("1", (1, 1)))
        self.cjk = language in CJK_LANGUAGES
        self.line = sum(font(self.title_size, cjk=self.cjk).getmetrics())
        self.small_line = max(sum(font(self.small, cjk=cjk).getmetrics()) for cjk in {False, self.cjk})
        self.entry_height = self.line + self.gap + self.bar + self.gap + self.small_line
        self.top = self.margin + self.small_line + self.gap

    @property
    def inner(self) -> int:
        return self.width - 2 * self.margin

    def barcode_width(self, entry: CommandEntry) -> int:
        return (len(code128_modules(entry.payload)) + 2 * QUIET_MODULES) * self.module

    def fits(self, entry: CommandEntry) -> bool:
        return (self.barcode_width(entry) <= self.inner
                and self.top + self.entry_height <= self.height - self.margin)

    def entry_width(self, entry: CommandEntry) -> int:
        quiet = QUIET_MODULES * self.module
        title = self._measure.textlength(command_title(entry, self.language),
                                         font=font(self.title_size, cjk=self.cjk))
        payload = self._measure.textlength(entry.payload, font=font(self.small))
        return min(self.inner, max(self.barcode_width(entry), int(title) + 2 * quiet, int(payload) + 2 * quiet))

    def pages(self, entries: Sequence[CommandEntry]) -> list[list[tuple[CommandEntry, int, int]]]:
        """Entries placed in rows, left to right, top to bottom: per page, (entry, x, y)."""
        pages: list[list[tuple[CommandEntry, int, int]]] = [[]]
        x, y = self.margin, self.top
        for entry in entries:
            width = self.entry_width(entry)
            if x > self.margin and x + width > self.width - self.margin:
                x, y = self.margin, y + self.entry_height + self.row_gap
            if y + self.entry_height > self.height - self.margin:
                pages.append([])
                x, y = self.margin, self.top
            pages[-1].append((entry, x, y))
            x += width
        return pages

    def draw(self, placed: Sequence[tuple[CommandEntry, int, int]], number: int, count: int) -> Bitmap:
        image = Image.new("1", (self.width, self.height), 1)
        draw = ImageDraw.Draw(image)
        draw.fontmode = "1"  # no anti-aliasing: black or white dot by dot
        small_cjk = font(self.small, cjk=self.cjk)
        header = text("command_sheet_header", self.language, page=number, pages=count)
        draw.text((self.margin, self.margin), clip(draw, header, small_cjk, self.inner), font=small_cjk, fill=0)
        quiet = QUIET_MODULES * self.module
        for entry, x, y in placed:
            width = self.entry_width(entry) - 2 * quiet
            title = command_title(entry, self.language)
            face = fit_font(draw, title, width, self.title_size, self.title_min, cjk=self.cjk)
            draw.text((x + quiet, y), clip(draw, title, face, width), font=face, fill=0)
            image.paste(barcode_image(entry.payload, self.module, self.bar), (x, y + self.line + self.gap))
            small = font(self.small)  # the payload is ASCII
            draw.text((x + quiet, y + self.line + self.gap + self.bar + self.gap),
                      clip(draw, entry.payload, small, width), font=small, fill=0)
        bitmap = Bitmap.from_image(image)
        if self.turned:
            bitmap = bitmap.rotated(90)
        return bitmap.fit(*self.profile.label_dots)
