"""The dispute bundle's PDF summary (fpdf2): the posting, its items, the timeline of every entry,
the files and the evidence log entries that seal them — in Russian by default (Ozon's support reads
it), Chinese or English on request. Fonts: ``fonts.py`` (and what happens when one is missing)."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from app import __version__
from app.messages import CATALOGUE, text
from app.messages.return_states import ozon_return_state
from app.messages.statuses import status_word, substatus_word
from app.services.evidence.fonts import FontChoice, find_fonts
from app.services.evidence.notes import UNIT_CODES, masked
from app.services.evidence.timeline import TimelineEntry
from app.services.station.results import StationResult

log = logging.getLogger("packdesk.evidence.summary")


@dataclass
class SummaryFacts:
    posting: str
    station: str
    made_at: datetime
    fields: list[tuple[str, str]] = field(default_factory=list)      # (label key, value)
    items: list[tuple[str, str]] = field(default_factory=list)       # (item, quantity)
    entries: list[TimelineEntry] = field(default_factory=list)
    files: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # (name, state, detail, sha)
    chain: list[dict] = field(default_factory=list)
    chain_note: tuple[str, dict] = ("evsum_chain_intact", {"entries": 0})


def local(at: datetime) -> str:
    value = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def zone_name() -> str:
    offset = datetime.now().astimezone().strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def describe(entry: TimelineEntry, lang: str, posting: str | None = None) -> str:
    """One timeline entry in words."""
    data, code = entry.data, entry.code
    if entry.area == "camera":
        state = _state_text(data.get("state", ""), data.get("detail", ""), lang)
        if code == "clip" and data.get("purpose") in ("return", "handover"):
            seconds = f"{(data.get('duration_ms') or 0) / 1000:.1f}"
            return text(f"evidence_tl_{data['purpose']}_clip", lang, seconds=seconds, state=state)
        if code == "photo" and data.get("purpose") == "handover_act":
            return text("evidence_tl_handover_act_photo", lang, state=state)
        if code == "clip":
            box = text("evidence_tl_box", lang, box=data["box"]) if data.get("box") else ""
            seconds = f"{(data.get('duration_ms') or 0) / 1000:.1f}"
            return text("evidence_tl_clip", lang, box_text=box, seconds=seconds, state=state)
        return text("evidence_tl_photo", lang, state=state)
    if code in ("ozon_status", "ozon_status_changed"):  # Ozon's codes, said in the summary's language
        before = {"before": _status(data["before"], data.get("before_substatus", ""), lang)} if "before" in data else {}
        return text(f"evidence_tl_{code}", lang, status=_status(data["status"], data.get("substatus", ""), lang),
                    **before)
    if code == "return_listed":  # Ozon's state in the summary's language
        data = {**data, "state": ozon_return_state(data, lang)}
    key = f"evidence_tl_{code}"
    if key in CATALOGUE:
        return text(key, lang, **_Params(data))
    if f"station_{code}" in CATALOGUE:
        said = StationResult(True, code, posting, "", data).message(lang)
        scanned = masked(data) or (f"[{data['barcode']}]" if code in UNIT_CODES and data.get("barcode") else "")
        return f"{said} {scanned}".strip()
    details = ", ".join(f"{k}={v}" for k, v in data.items() if not isinstance(v, (dict, list)))[:200]
    return text("evidence_tl_other", lang, code=code, details=details)


def _status(status: str, substatus: str, lang: str) -> str:
    """Ozon's status with its substatus in words, as ``packdesk track`` says them."""
    return status_word(status, lang) + (f" / {substatus_word(substatus, lang)}" if substatus else "")


def _state_text(state: str, detail: str, lang: str) -> str:
    key = f"evsum_state_{state}"
    return text(key, lang, detail=detail) if key in CATALOGUE else state


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return ""


def render(facts: SummaryFacts, lang: str, fonts: FontChoice | None = None) -> tuple[bytes, list[str]]:
    """The summary PDF, and what it could not do (missing fonts) for the caller to say."""
    fonts = fonts or find_fonts()
    written = lang
    if fonts.regular is None or (lang == "zh" and fonts.cjk is None):
        written = "en"
    t = lambda key, **kw: text(key, written, **kw)  # noqa: E731
    timeline = [(t("evsum_col_time"), t("evsum_col_what"), t("evsum_col_who"))]
    for entry in facts.entries:
        who = " / ".join(x for x in (entry.station, entry.packer) if x)
        timeline.append((local(entry.at), describe(entry, written, facts.posting), who))
    files = [(t("evsum_col_file"), t("evsum_col_state"), "SHA-256"),
             *[(name, _state_text(state, detail, written), sha or "—") for name, state, detail, sha in facts.files]]
    chained = [("#", "", "SHA-256"), *[(str(e["seq"]), f"{local(_parse(e['at']))} {e['kind']}", e["entry_hash"])
                                       for e in facts.chain]]
    items = [(t("evsum_col_item"), t("evsum_col_qty")), *facts.items]
    fields = [(t(label), value) for label, value in facts.fields]
    words = [value for rows in (timeline, files, items, fields) for row in rows for value in row]
    # the Chinese font (megabytes) only when something needs it
    cjk = lang == "zh" or any(ord(ch) >= 0x2E80 for word in words for ch in word)
    problems = [name for name, needed in (("latin-cyrillic", True), ("chinese", cjk)) if needed and name in fonts.missing]
    pdf = _Pdf(fonts, cjk=cjk)
    pdf.add_page()
    pdf.heading(t("evsum_title", posting=facts.posting), 15)
    pdf.para(t("evsum_made", time=local(facts.made_at), station=facts.station, version=__version__,
               zone=zone_name()))
    if written != lang:
        pdf.para(text("evsum_font_note", lang))
    pdf.heading(t("evsum_posting"))
    pdf.rows(fields, widths=(45, 135))
    if facts.items:
        pdf.heading(t("evsum_items"))
        pdf.rows(items, widths=(160, 20), head=True)
    pdf.heading(t("evsum_timeline"))
    pdf.rows(timeline, widths=(34, 116, 30), head=True)
    if facts.files:
        pdf.heading(t("evsum_files"))
        pdf.rows(files, widths=(60, 40, 80), head=True, small=True)
    pdf.heading(t("evsum_chain"))
    key, params = facts.chain_note
    pdf.para(t(key, **params))
    pdf.rows(chained, widths=(12, 58, 110), head=True, small=True)
    pdf.para(t("evsum_how"))
    return bytes(pdf.output()), problems


def _parse(value) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value.rstrip("Z")).replace(tzinfo=timezone.utc)


class _Pdf(FPDF):
    def __init__(self, fonts: FontChoice, *, cjk: bool) -> None:
        super().__init__(format="A4")
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, 15)
        self.covered = None
        if fonts.regular is not None:
            self.add_font("body", "", str(fonts.regular))
            self.add_font("body", "B", str(fonts.bold or fonts.regular))
            faces = [fonts.regular]
            if fonts.cjk is not None and cjk:
                self.add_font("cjk", "", str(fonts.cjk))
                self.add_font("cjk", "B", str(fonts.cjk))
                self.set_fallback_fonts(["cjk"], exact_match=False)
                faces.append(fonts.cjk)
            self.family = "body"
            self.covered = _coverage(tuple(str(f) for f in faces))
        else:
            self.family = "helvetica"
        self.set_font(self.family, size=9)

    def clean(self, value: str) -> str:
        value = str(value)
        if self.covered is None:
            return value.encode("latin-1", "replace").decode("latin-1")
        return "".join(ch if ord(ch) in self.covered or ch in "\n\t" else "?" for ch in value)

    def heading(self, words: str, size: int = 11) -> None:
        self.ln(2)
        self.set_font(self.family, "B", size)
        self.multi_cell(0, size * 0.55, self.clean(words), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 9)

    def para(self, words: str) -> None:
        self.multi_cell(0, 4.6, self.clean(words), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def rows(self, rows: Iterable[tuple[str, ...]], *, widths: tuple[int, ...], head: bool = False,
             small: bool = False) -> None:
        self.set_font(self.family, "", 7 if small else 8.5)
        with self.table(col_widths=widths, first_row_as_headings=head, line_height=3.6 if small else 4.4,
                        text_align="LEFT", padding=0.8) as table:
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(self.clean(value))
        self.set_font(self.family, "", 9)


@lru_cache(maxsize=4)
def _coverage(paths: tuple[str, ...]) -> frozenset[int]:
    from fontTools.ttLib import TTCollection, TTFont

    covered: set[int] = set()
    for path in paths:
        if Path(path).suffix.lower() == ".ttc":
            collection = TTCollection(path)
            try:
                covered |= set(collection.fonts[0].getBestCmap() or {})
            finally:
                collection.close()
        else:
            with TTFont(path, lazy=True) as font:
                covered |= set(font.getBestCmap() or {})
    return frozenset(covered)
