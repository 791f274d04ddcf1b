"""Columns for a terminal: cells padded by the width a terminal gives them (a Chinese character
takes two columns), so a table in any of the three languages lines up."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence


def width(cell: str) -> int:
    """The columns a terminal gives ``cell``: two for a wide (CJK) character, none for a combining one."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in cell)


def columns(rows: Iterable[Sequence[str]], *, right: frozenset[int] = frozenset(), gap: str = "  ") -> list[str]:
    """``rows`` as lines, each column as wide as its widest cell; the columns in ``right`` are
    aligned right. The last column is not padded (no trailing blanks)."""
    rows = [list(row) for row in rows]
    if not rows:
        return []
    count = max(len(row) for row in rows)
    widths = [max((width(row[i]) for row in rows if i < len(row)), default=0) for i in range(count)]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            room = " " * (widths[i] - width(cell))
            if i in right:
                cells.append(room + cell)
            elif i < len(row) - 1:
                cells.append(cell + room)
            else:
                cells.append(cell)
        lines.append(gap.join(cells).rstrip())
    return lines
