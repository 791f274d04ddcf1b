"""Domestic tracking numbers of cross-border parcels: the forwarder's numbers (e.g. China-side), one
or more per posting, kept at the bench for the seller's forwarder and exported as CSV. Ozon never
gets them (its own tracking number comes from the delivery partner).

    new = record(db, "12345678-0001-1", ["YT2412345678901", "SF1234567890"], forwarder="yunexpress", ...)
    count = export_csv(db, Path("domestic.csv"))
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from app.store import lookups
from app.store import tracking as store
from app.store.models_handover import KIND_DOMESTIC, TRACK_CAPTURED

NUMBER = re.compile(r"^[A-Za-z0-9-]{6,40}$")
COLUMNS = ("posting_number", "domestic_tracking_number", "forwarder", "recorded_at", "ozon_status",
           "ozon_tracking_number")


class DomesticError(ValueError):
    """A number or posting that cannot be recorded: ``code`` and ``params`` for the messages."""

    def __init__(self, code: str, **params) -> None:
        super().__init__(code)
        self.code, self.params = code, params


def record(db, posting: str, numbers: Iterable[str], *, forwarder: str, station: str, now: datetime) -> list[str]:
    """Record the numbers for the posting (those recorded already are not twice); returns the new ones."""
    cleaned = [n.strip().upper() for n in numbers if n.strip()]
    for number in cleaned:
        if not NUMBER.match(number):
            raise DomesticError("domestic_invalid", number=number)
    if not cleaned:
        raise DomesticError("domestic_invalid", number="")

    def write(session) -> list[str]:
        if lookups.get_posting(session, posting) is None:
            raise DomesticError("track_step_unknown", posting=posting)
        return store.add_domestic(session, posting=posting, numbers=cleaned, carrier=forwarder or "forwarder",
                                  kind=KIND_DOMESTIC, state=TRACK_CAPTURED, station=station, now=now)

    return db.writer.call(write)


def export_csv(db, path: Path) -> int:
    """Every domestic number with its posting's Ozon status and Ozon tracking number (UTF-8 with a
    BOM, so spreadsheet programs read the Chinese and Russian right); returns the rows written."""
    with db.read() as session:
        rows = store.domestic_rows(session, KIND_DOMESTIC)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([row["posting_number"], row["tracking_number"], row["carrier"],
                             row["captured_at"].isoformat(timespec="seconds") if row["captured_at"] else "",
                             row["status"] or "", row["ozon_tracking_number"] or ""])
    return len(rows)
