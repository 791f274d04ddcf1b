"""Printer status replies as pure functions: bytes in, PrinterStatus (or None: not a status reply) out.

ESC/POS  DLE EOT 1, 2, 4 -> three bytes (Epson "real-time status"): each has bits 1 and 4 set
         and bits 0 and 7 clear. n=1 bit 3 offline; n=2 bit 2 cover open, bit 5 stopped at paper
         end, bit 6 error; n=4 bits 2+3 paper near end, bits 5+6 paper end.
TSPL     <ESC>!? -> one byte: bit 0 head open, 1 paper jam, 2 out of paper, 3 out of ribbon,
         4 paused, 5 printing, 6 cover open, 7 other error (temperature).
ZPL      ~HS -> three <STX>..<ETX> lines; line 1 field 2 paper out, field 3 paused; line 2 field 3
         head up, field 4 ribbon out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class PrinterStatus:
    problem: str | None = None  # an errors.KINDS code when the printer cannot print now
    detail: str = "ready"  # English, for logs
    busy: bool = False  # printing a job right now (not a problem)
    paper_low: bool = False

    @property
    def ready(self) -> bool:
        return self.problem is None


def _first(checks: list[tuple[bool, str, str]]) -> PrinterStatus | None:
    for hit, problem, detail in checks:
        if hit:
            return PrinterStatus(problem, detail)
    return None


def parse_escpos_status(reply: bytes) -> PrinterStatus | None:
    """The reply to DLE EOT 1, DLE EOT 2, DLE EOT 4 (three bytes, in that order)."""
    if len(reply) != 3 or any(b & 0x93 != 0x12 for b in reply):
        return None
    printer, offline, paper = reply
    found = _first([
        (bool(offline & 0x20) or paper & 0x60 == 0x60, "no_paper", "out of paper"),
        (bool(offline & 0x04), "cover_open", "cover open"),
        (bool(offline & 0x40), "failed", "printer error (cutter jam or overheated head)"),
        (bool(printer & 0x08), "offline", "offline (feed button held or waiting to recover)"),
    ])
    return replace(found or PrinterStatus(), paper_low=paper & 0x0C == 0x0C)


def parse_tspl_status(reply: bytes) -> PrinterStatus | None:
    """The reply to <ESC>!? (one byte)."""
    if len(reply) != 1:
        return None
    bits = reply[0]
    found = _first([
        (bool(bits & 0x04), "no_paper", "out of paper"),
        (bool(bits & 0x41), "cover_open", "print head or cover open"),
        (bool(bits & 0x02), "failed", "paper jam"),
        (bool(bits & 0x08), "failed", "out of ribbon"),
        (bool(bits & 0x80), "failed", "printer error (temperature out of range)"),
        (bool(bits & 0x10), "offline", "paused"),
    ])
    return found or PrinterStatus(busy=bool(bits & 0x20))


_HS_LINE = re.compile(rb"\x02([^\x03]*)\x03")


def parse_zpl_host_status(reply: bytes) -> PrinterStatus | None:
    """The reply to ~HS (three <STX>fields<ETX> lines)."""
    lines = [m.group(1).decode("latin-1").split(",") for m in _HS_LINE.finditer(reply)]
    if len(lines) < 2 or len(lines[0]) < 3 or len(lines[1]) < 4:
        return None
    first, second = lines[0], lines[1]
    found = _first([
        (first[1].strip() == "1", "no_paper", "out of paper"),
        (second[2].strip() == "1", "cover_open", "print head open"),
        (second[3].strip() == "1", "failed", "out of ribbon"),
        (first[2].strip() == "1", "offline", "paused"),
    ])
    return found or PrinterStatus()


def _has(count: int, marker: bytes | None = None):
    if marker is None:
        return lambda reply: len(reply) >= count
    return lambda reply: reply.count(marker) >= count


# language -> (query bytes, reply parser, "reply complete?" test); EPL has no such query
QUERIES = {
    "escpos": (b"\x10\x04\x01\x10\x04\x02\x10\x04\x04", parse_escpos_status, _has(3)),
    "tspl": (b"\x1b!?", parse_tspl_status, _has(1)),
    "zpl": (b"~HS", parse_zpl_host_status, _has(3, b"\x03")),
}
