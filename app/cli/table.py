"""Columns for a terminal: cells padded by the width a terminal gives them (a Chinese character
takes two columns), so a table in any of the three languages lines up; times in the bench's zone."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone, tzinfo


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


def bench_time(value: str | datetime | None, *, seconds: bool = False, zone: tzinfo | None = None) -> str:
    """A moment the bench stores in UTC (ISO text or a datetime; without an offset: UTC), said in the
    bench's zone (this computer's, as the window says it): "2026-12-07 13:00". A seller in Moscow or
    Shenzhen reading Ozon's ship-by time in UTC would be three or eight hours off."""
    if value is None or value == "":
        return ""
    at = datetime.fromisoformat(value) if isinstance(value, str) else value
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
