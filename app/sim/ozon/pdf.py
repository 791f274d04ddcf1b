"""A tiny PDF writer: pages with Helvetica text and filled rectangles, nothing else.

Uncompressed content streams and a plain cross-reference table (PDF 1.4), enough for the
simulator's shipping labels to open in any viewer, QtPdf or pdftoppm included.
"""
from __future__ import annotations

MM = 72.0 / 25.4  # points per millimetre

_FONTS = {"regular": "F1", "bold": "F2"}


def _num(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class Page:
    """One page; coordinates are in points from the TOP-left corner."""

    def __init__(self, width: float, height: float):
        self.width = width
        self.height = height
        self._ops: list[bytes] = []

    def text(self, x: float, top: float, size: float, text: str, *, bold: bool = False) -> None:
        """Text whose baseline sits ``top`` points below the page's top edge."""
        font = _FONTS["bold" if bold else "regular"]
        self._ops.append(
            f"BT /{font} {_num(size)} Tf {_num(x)} {_num(self.height - top)} Td ".encode()
            + _pdf_string(text) + b" Tj ET"
        )

    def rect(self, x: float, top: float, width: float, height: float) -> None:
        """A filled black rectangle whose upper edge is ``top`` points below the page's top."""
        self._ops.append(
            f"{_num(x)} {_num(self.height - top - height)} {_num(width)} {_num(height)} re f".encode()
        )

    def frame(self, x: float, top: float, width: float, height: float, line: float = 1.0) -> None:
        """An unfilled rectangle outline."""
        self._ops.append(
            f"{_num(line)} w {_num(x)} {_num(self.height - top - height)} {_num(width)} {_num(height)} re S"
            .encode()
        )

    def content(self) -> bytes:
        return b"0 g 0 G\n" + b"\n".join(self._ops) + b"\n"


def text_width(text: str, size: float) -> float:
    """A rough width of Helvetica text (average glyph 0.55 em), for centring."""
    return len(text) * size * 0.55


def build(pages: list[Page]) -> bytes:
    """The PDF file holding ``pages`` in order."""
    if not pages:
        raise ValueError("a PDF needs at least one page")
    objects: list[bytes] = []  # object n is objects[n - 1]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # the page tree, filled in once the page numbers are known
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids = []
    for page in pages:
        stream = page.content()
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
        content_no = len(objects)
        objects.append(
            (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_num(page.width)} {_num(page.height)}] "
             f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content_no} 0 R >>").encode()
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)
