"""A small shop in a SQLite cache for the station tests: products, postings, a station factory.

``shop`` (fixture) writes the catalogue and postings below straight through the store's bulk
upserts; ``Shop.station()`` makes a ``Station`` on it (a second one, another process's, the same
way). Times run on a settable clock.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.services.station import Station
from app.services.station.classify import gs1_check_ok
from app.store import events as store_events
from app.store import lookups
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store import products as store_products
from app.store.db import Database, open_database
from app.store.models import PackedUnitRow, StationRow

NOW = datetime(2026, 5, 10, 9, 0)
GS = "\x1d"


def ean13(body12: str) -> str:
    for digit in "0123456789":
        if gs1_check_ok(body12 + digit):
            return body12 + digit
    raise AssertionError("no check digit")


MUG, CABLE, SHOES, TEA, NOWEIGHT = 101, 102, 103, 104, 105
EAN = {MUG: ean13("460000000001"), CABLE: ean13("460000000002"), SHOES: ean13("460000000003"),
       TEA: ean13("460000000004"), NOWEIGHT: ean13("460000000005")}
PRODUCTS = [
    {"sku": MUG, "offer_id": "MUG-1", "name": "Mug", "weight_g": 400.0},
    {"sku": CABLE, "offer_id": "CBL-1", "name": "Cable", "weight_g": 50.0},
    {"sku": SHOES, "offer_id": "SNK-1", "name": "Sneakers", "weight_g": 900.0},
    {"sku": TEA, "offer_id": "TEA-1", "name": "Tea", "weight_g": 100.0},
    {"sku": NOWEIGHT, "offer_id": "NW-1", "name": "Mystery box", "weight_g": None},
]

# number -> (lines [(sku, qty)], hours until shipment_date, extra posting fields)
POSTINGS = {
    "10000001-0001-1": ([(MUG, 1), (CABLE, 2)], 5, {}),       # multi-unit line
    "10000002-0001-1": ([(MUG, 1)], 2, {}),                    # ships before -0001-1: idle MUG scan opens it
    "10000003-0001-1": ([(SHOES, 2)], 8, {"requirements": {"products_requiring_mandatory_mark": [str(SHOES)]}}),
    "10000004-0001-1": ([(TEA, 1)], 9, {"status": "cancelled", "cancel_reason": "buyer"}),
    "10000005-0001-1": ([(NOWEIGHT, 1)], 10, {}),
    "10000006-0001-1": ([(TEA, 2), (CABLE, 1)], 11, {}),
    "10000007-0001-1": ([(TEA, 1)], 12, {"status": "awaiting_deliver"}),
}


def mark_code(ean: str, serial: str = "AbC123def4567") -> str:
    return f"010{ean}21{serial}{GS}91EE07{GS}92" + "A" * 44


@dataclass
class Shop:
    db: Database
    path: Path
    clock: list = field(default_factory=lambda: [NOW])

    def now(self) -> datetime:
        return self.clock[0]

    def station(self, name: str = "bench-1", **kw) -> Station:
        kw.setdefault("supervisors", ["boss"])
        return Station(self.db, name, packer=kw.pop("packer", "anna"), now=self.now, **kw)

    def posting(self, number: str):
        with self.db.read() as session:
            return lookups.get_posting(session, number)

    def units(self, number: str) -> list[tuple[int, int, str | None]]:
        with self.db.read() as session:
            rows = session.query(PackedUnitRow).filter_by(posting_number=number).order_by(PackedUnitRow.id)
            return [(u.sku, u.box_no, u.mark) for u in rows]

    def station_row(self, name: str = "bench-1"):
        with self.db.read() as session:
            return session.get(StationRow, name)

    def commands(self, number: str | None = None):
        with self.db.read() as session:
            if number is not None:
                return store_outbox.for_posting(session, number)
            return list(session.query(store_outbox.OutboxRow).order_by(store_outbox.OutboxRow.id))

    def events(self, number: str | None = None):
        with self.db.read() as session:
            if number is not None:
                return store_events.events_for(session, number)
            return list(reversed(store_events.recent_events(session, 1000)))

    def set_status(self, number: str, status: str) -> None:
        """What a sync pass writes when Ozon shows the posting in ``status``."""
        row = self.posting(number)
        self.db.writer.call(store_postings.upsert_postings, [{
            "posting_number": number, "status": status, "shipment_date": row.shipment_date,
        }], {number: [{"sku": x.sku, "quantity": x.quantity, "offer_id": x.offer_id, "name": x.name}
                      for x in row.items]}, now=self.now())


def write_shop(db: Database) -> None:
    def write(session):
        store_products.upsert_products(
            session, PRODUCTS, {p["sku"]: [EAN[p["sku"]], f"OZN{p['sku']}"] for p in PRODUCTS}, now=NOW)
        names = {p["sku"]: p["name"] for p in PRODUCTS}
        postings, items = [], {}
        for n, (number, (lines, hours, extra)) in enumerate(POSTINGS.items()):
            postings.append({"posting_number": number, "status": "awaiting_packaging",
                             "shipment_date": NOW + timedelta(hours=hours),
                             "upper_barcode": f"%101%{900 + n}", "lower_barcode": f"50000000000{900 + n}",
                             "scanit": f"ii3052511{7000 + n}",
                             **extra})
            items[number] = [{"sku": sku, "quantity": qty, "offer_id": f"o{sku}", "name": names[sku]}
                             for sku, qty in lines]
        store_postings.upsert_postings(session, postings, items, now=NOW)

    db.writer.call(write)


@pytest.fixture
def shop(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'packdesk.db'}")
    write_shop(db)
    yield Shop(db, tmp_path)
    db.close()


def codes(results) -> list[str]:
    return [r.code for r in results]
