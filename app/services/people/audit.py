"""Who did what, where and when: the event log read for people (the Audit tab, ``packdesk people audit``).

Read by time (``events (at)`` is indexed), filtered by person, station, kind and posting; the newest
first, at most ``limit`` rows for a screen. ``write_csv`` writes what a filter selects (no limit) to a
file: UTF-8 with a BOM so a spreadsheet opens Russian and Chinese text right, the event's data as
JSON in one column. Nothing here may run on the GUI thread: the screen hands it to a pool thread.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.store.bulk import naive_utc
from app.store.models import EventRow

COLUMNS = ("at", "station", "packer", "kind", "posting_number", "data")
_e = EventRow.__table__


@dataclass(frozen=True)
class AuditFilter:
    since: datetime | None = None   # inclusive, UTC
    until: datetime | None = None   # exclusive, UTC
    packer: str = ""                # exact name; "" = anyone
    station: str = ""
    kind: str = ""                  # an event code, e.g. weight_override; "" = any
    posting: str = ""               # a posting number, or its beginning

    def where(self):
        clauses = []
        if self.since is not None:
            clauses.append(_e.c.at >= naive_utc(self.since))
        if self.until is not None:
            clauses.append(_e.c.at < naive_utc(self.until))
        for column, value in ((_e.c.packer, self.packer), (_e.c.station, self.station), (_e.c.kind, self.kind)):
            if value.strip():
                clauses.append(column == value.strip())
        if self.posting.strip():
            clauses.append(_e.c.posting_number.startswith(self.posting.strip(), autoescape=True))
        return clauses


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    station: str
    packer: str | None
    kind: str
    posting_number: str | None
    data: dict

    def cells(self) -> tuple[str, ...]:
        return (self.at.isoformat(sep=" ", timespec="seconds"), self.station, self.packer or "", self.kind,
                self.posting_number or "", json.dumps(self.data or {}, ensure_ascii=False, sort_keys=True))


def _query(flt: AuditFilter):
    return select(*(_e.c[name] for name in COLUMNS)).where(*flt.where()).order_by(_e.c.at.desc(), _e.c.id.desc())


def read(db, flt: AuditFilter, limit: int | None = 1000) -> list[AuditRow]:
    query = _query(flt) if limit is None else _query(flt).limit(limit)
    with db.read() as session:
        return [AuditRow(*row) for row in session.execute(query)]


def choices(db) -> dict[str, list[str]]:
    """The people, stations and kinds the log holds, for the filter's lists."""
    with db.read() as session:
        return {name: sorted(v for v in session.scalars(select(column).distinct()) if v)
                for name, column in (("packer", _e.c.packer), ("station", _e.c.station), ("kind", _e.c.kind))}


def write_csv(db, flt: AuditFilter, path: Path) -> int:
    """Every event ``flt`` selects, newest first, to ``path`` (replaced whole: written beside it,
    then moved); returns the number of rows."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    count = 0
    with db.read() as session, partial.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in session.execute(_query(flt).execution_options(yield_per=500)):
            writer.writerow(AuditRow(*row).cells())
            count += 1
    partial.replace(path)
    return count
