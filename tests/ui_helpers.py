"""Shared bits of the desktop UI tests: a cache with a few postings, key events, a thread check, a
paint counter."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from app.store import postings as store_postings
from app.store import products as store_products
from app.store.db import open_database
from store_helpers import item, posting, product

NOW = datetime(2026, 3, 2, 9, 0)


def is_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


class CountPaints(QObject):
    """An event filter counting the paint events of the widgets it watches."""

    def __init__(self, *watched) -> None:
        super().__init__()
        self.paints = 0
        for widget in watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def key_press(char: str) -> QKeyEvent:
    """A key press as QTest would make it (no native scan code): text ``char``."""
    if char == "\r":
        return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    mods = Qt.KeyboardModifier.ShiftModifier if char.isupper() else Qt.KeyboardModifier.NoModifier
    return QKeyEvent(QEvent.Type.KeyPress, ord(char.upper()), mods, char)


def cache_with_postings(tmp_path: Path):
    """A cache with four awaiting postings in two warehouses / two methods, deadlines out of order."""
    db = open_database(f"sqlite:///{tmp_path / 'packdesk.db'}")
    rows = [
        posting("300-0001-1", shipment_date=NOW + timedelta(hours=5), warehouse_id=7,
                delivery_method_name="Courier"),
        posting("100-0001-1", shipment_date=NOW + timedelta(hours=1), warehouse_id=8,
                delivery_method_name="Pickup"),
        posting("200-0001-1", shipment_date=NOW + timedelta(hours=3), warehouse_id=7,
                delivery_method_name="Pickup"),
        posting("400-0001-1", shipment_date=None, warehouse_id=8, delivery_method_name="Courier"),
        posting("500-0001-1", status="delivering", shipment_date=NOW, warehouse_id=7),
    ]
    items = {p["posting_number"]: [item(11 + i, name=f"Mug {i}")] for i, p in enumerate(rows)}

    def write(session):
        store_postings.upsert_postings(session, rows, items, NOW)
        store_products.upsert_products(session, [product(11 + i) for i in range(len(rows))],
                                       {11 + i: [f"46000000000{i:02d}"] for i in range(len(rows))}, NOW)

    db.writer.call(write)
    return db


def plain_posting(queues, world) -> str:
    """The first posting of the awaiting queue whose products need no marking code (which one
    comes first follows the simulator's deadlines, and so the hour of the day)."""
    for row in queues.awaiting.rows:
        posting = world.peek(row["posting_number"])
        if not any(world.needs_mark[line.sku] for line in posting.lines):
            return row["posting_number"]
    raise AssertionError("no posting in the queue can be packed by its EANs alone")
