"""A carriage's documents as the simulator makes them: the shipping list with the waybill (one
multi-page A4 PDF listing every posting) and the carriage barcode as a PNG."""
from __future__ import annotations

import struct
import time
import zlib

from app.sim.ozon import pdf

A4 = (595.0, 842.0)  # points
ROWS_PER_PAGE = 32


def act_pdf(carriage_id: int, method_name: str, departure_date: str, rows: list[tuple[str, int]],
            barcode_text: str, made_at: float) -> bytes:
    """``rows``: (posting number, units) in the carriage. Latin text: the tiny PDF writer has no
    Cyrillic font (the method's name is transliterated where it cannot be drawn)."""
    chunks = [rows[i:i + ROWS_PER_PAGE] for i in range(0, len(rows), ROWS_PER_PAGE)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, 1):
        page = pdf.Page(*A4)
        page.text(40, 50, 16, "Shipping list / Waybill (simulated)", bold=True)
        page.text(40, 72, 10, f"Carriage {carriage_id}   departure {departure_date}   "
                              f"made {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(made_at))}")
        page.text(40, 88, 10, f"Delivery method: {_latin(method_name)}")
        page.text(40, 104, 10, f"Carriage barcode: {barcode_text}   postings: {len(rows)}")
        page.text(40, 130, 10, "No.", bold=True)
        page.text(80, 130, 10, "Posting", bold=True)
        page.text(300, 130, 10, "Units", bold=True)
        page.rect(40, 134, 515, 0.8)
        first = (number - 1) * ROWS_PER_PAGE
        for row, (posting, units) in enumerate(chunk):
            top = 152 + row * 20
            page.text(40, top, 10, str(first + row + 1))
            page.text(80, top, 10, posting)
            page.text(300, top, 10, str(units))
        if number == len(chunks):
            page.text(40, 800, 10, "Handed over by: ____________________    Accepted by: ____________________")
        page.text(480, 825, 8, f"page {number} of {len(chunks)}")
        pages.append(page)
    return pdf.build(pages)


def barcode_png(text: str, *, height: int = 60, module: int = 2) -> bytes:
    """A black-and-white PNG with a bar per bit of ``text`` (a stand-in picture of the carriage
    barcode; the bench draws the real symbol from ``get-barcode/text``)."""
    bits = "".join(f"{byte:08b}" for byte in text.encode("ascii", "replace"))
    pattern = "0" * 10 + bits + "0" * 10
    width = len(pattern) * module
    row = bytearray()
    for bit in pattern:
        row += (b"\x00" if bit == "1" else b"\xff") * module
    raw = b"".join(b"\x00" + bytes(row) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                      "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


def _latin(text: str) -> str:
    out = []
    for char in text:
        lower = char.lower()
        if lower in _CYRILLIC:
            latin = _CYRILLIC[lower]
            out.append(latin.capitalize() if char != lower else latin)
        else:
            out.append(char)
    return "".join(out)
