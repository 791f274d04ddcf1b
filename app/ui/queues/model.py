"""Table models over queue rows (plain dicts from ``data.load_queues``), with the awaiting queue's
filter (warehouse, delivery method, free-text search) and sorting done in Python on the raw values:
deadlines sort as datetimes, undated last.

A queue may hold thousands of rows and is reloaded after every sync pass, so the work is split:
``prepare_rows`` (any thread) sorts the rows and formats every cell once; the model on the GUI
thread only filters the prepared rows and hands out those strings.

    table = prepare_rows(POSTING_COLUMNS, rows, model.sort_state())   # on a pool thread
    model.set_prepared(table)                                          # on the GUI thread
    model.set_filter(QueueFilter(warehouse_id=7, search="mug"))
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QT_TRANSLATE_NOOP

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
SEARCHED = ("posting_number", "items", "barcode")
_EPOCH = datetime(1970, 1, 1)
_LAST = 1e18  # undated: last


def local_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.replace(tzinfo=timezone.utc).astimezone().strftime("%d.%m %H:%M")


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # marked with QT_TRANSLATE_NOOP("Queues", ...), translated when shown
    show: Callable[[Any], str] = lambda v: "" if v is None else str(v)


POSTING_COLUMNS = (
    Column("shipment_date", QT_TRANSLATE_NOOP("Queues", "Deadline"), local_time),
    Column("posting_number", QT_TRANSLATE_NOOP("Queues", "Posting")),
    Column("warehouse", QT_TRANSLATE_NOOP("Queues", "Warehouse")),
    Column("delivery_method", QT_TRANSLATE_NOOP("Queues", "Delivery method")),
    Column("units", QT_TRANSLATE_NOOP("Queues", "Units")),
    Column("barcode", QT_TRANSLATE_NOOP("Queues", "Item barcode")),
    Column("items", QT_TRANSLATE_NOOP("Queues", "Items")),
)
ACCOUNT_COLUMN = Column("account", QT_TRANSLATE_NOOP("Queues", "Ozon account"))  # a bench of several
LABEL_COLUMNS = (
    Column("posting_number", QT_TRANSLATE_NOOP("Queues", "Posting")),
    Column("printed_at", QT_TRANSLATE_NOOP("Queues", "Printed"), local_time),
    Column("printer", QT_TRANSLATE_NOOP("Queues", "Printer")),
    Column("copies", QT_TRANSLATE_NOOP("Queues", "Copies")),
)
PROBLEM_COLUMNS = (  # postings waiting for a person: what is wrong, in the packer's words
    Column("shipment_date", QT_TRANSLATE_NOOP("Queues", "Deadline"), local_time),
    Column("posting_number", QT_TRANSLATE_NOOP("Queues", "Posting")),
    Column("status_said", QT_TRANSLATE_NOOP("Queues", "On Ozon")),
    Column("units", QT_TRANSLATE_NOOP("Queues", "Units")),
    Column("problem", QT_TRANSLATE_NOOP("Queues", "What is wrong")),
)
FAILED_COLUMNS = (
    Column("posting_number", QT_TRANSLATE_NOOP("Queues", "Posting")),
    Column("state_said", QT_TRANSLATE_NOOP("Queues", "State")),
    Column("error_said", QT_TRANSLATE_NOOP("Queues", "Problem")),
    Column("error", QT_TRANSLATE_NOOP("Queues", "Details")),
)


def sort_key(key: str) -> Callable[[dict], tuple]:
    """Sort key of a column: dates as dates (undated last), numbers as numbers, text casefolded."""
    dated = key.endswith(("_date", "_at"))

    def of(row: dict) -> tuple:
        value = row.get(key)
        if isinstance(value, datetime) or (value is None and dated):
            return (0, (value - _EPOCH).total_seconds() if value else _LAST, "")
        if isinstance(value, (int, float)):
            return (0, value, "")
        return (1, 0, "" if value is None else str(value).casefold())
    return of


class Prepared(NamedTuple):
    row: dict
    cells: tuple[str, ...]
    haystack: str  # what the free-text search looks in, casefolded


def prepare_rows(columns: tuple[Column, ...], rows: list[dict], sort: tuple[int, Any] = (-1, ASCENDING)
                 ) -> list[Prepared]:
    """Rows sorted by ``sort`` (column index, Qt sort order; -1 keeps their order), each with its
    cells formatted. Pure Python, safe on any thread."""
    column, order = sort
    if 0 <= column < len(columns):
        rows = sorted(rows, key=sort_key(columns[column].key), reverse=order == DESCENDING)
    return [Prepared(row, tuple(c.show(row.get(c.key)) for c in columns),
                     " ".join(str(row.get(k, "")) for k in SEARCHED).casefold()) for row in rows]


@dataclass(frozen=True)
class QueueFilter:
    """Warehouse (id or None for all), delivery method (name or "" for all), search text."""
    warehouse_id: int | None = None
    method: str = ""
    search: str = ""

    def matches(self, entry: Prepared) -> bool:
        row = entry.row
        if self.warehouse_id is not None and row.get("warehouse_id") != self.warehouse_id:
            return False
        if self.method and row.get("delivery_method") != self.method:
            return False
        needle = self.search.strip().casefold()
        return not needle or needle in entry.haystack


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: tuple[Column, ...], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._all: list[Prepared] = []
        self._shown: list[Prepared] = []
        self._filter = QueueFilter()
        self._sort: tuple[int, Any] = (-1, ASCENDING)

    @property
    def rows(self) -> list[dict]:
        """The rows shown, in order."""
        return [entry.row for entry in self._shown]

    @property
    def all_rows(self) -> list[dict]:
        """Every row loaded, shown or filtered out."""
        return [entry.row for entry in self._all]

    def total(self) -> int:
        return len(self._all)

    def sort_state(self) -> tuple[int, Any]:
        return self._sort

    def set_rows(self, rows: list[dict]) -> None:
        self.set_prepared(prepare_rows(self.columns, rows, self._sort))

    def set_prepared(self, table: list[Prepared]) -> None:
        self.beginResetModel()
        self._all = table
        self._shown = self._filtered()
        self.endResetModel()

    def set_filter(self, row_filter: QueueFilter) -> None:
        if row_filter == self._filter:
            return
        self.beginResetModel()
        self._filter = row_filter
        self._shown = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Prepared]:
        if self._filter == QueueFilter():
            return self._all
        return [entry for entry in self._all if self._filter.matches(entry)]

    def sort(self, column: int, order=ASCENDING) -> None:
        """The view's header asks; Python's sort with a key (a proxy model's pairwise lessThan calls
        into Python n·log n times: 300 ms for 5,000 rows)."""
        self._sort = (column, order)
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        key = sort_key(self.columns[column].key)
        self._all = sorted(self._all, key=lambda entry: key(entry.row), reverse=order == DESCENDING)
        self._shown = self._filtered()
        self.layoutChanged.emit()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[index.row()].cells[index.column()]
        if role == ROW_ROLE:
            return self._shown[index.row()].row
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Queues", self.columns[section].title)
        return None

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
