"""``QueuesPanel``: five tabs over the cache, reloaded off the GUI thread after each sync pass.

Double-clicking a posting number or an item barcode in the awaiting queue scans it (``scanRequested``),
which is how the demo is tried without a scanner. Failed prints have a reprint button. A packed or
printed posting's menu (right click) asks for its dispute bundle (``bundleRequested``). "Needs a
person" lists the postings parked as a problem (short, refused by Ozon or by a carrier...), each
with what is wrong in the packer's language; double-clicking one scans it. The rFBS
parcels held at the seller's own carrier have a page of their own when given (``held``: app/ui/carriers).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu,
                               QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget)

from app.ui.adapters.tasks import run_task
from app.ui.queues.data import QueueSnapshot, load_queues, request_reprint
from app.ui.queues.model import (ACCOUNT_COLUMN, FAILED_COLUMNS, LABEL_COLUMNS, POSTING_COLUMNS, PROBLEM_COLUMNS,
                                 ROW_ROLE, QueueFilter, RowsModel, prepare_rows)

log = logging.getLogger("packdesk.ui.queues")

SCANNABLE = ("posting_number", "barcode")
SIZE_BY_ROWS = 50


def _rows(snapshot: QueueSnapshot) -> tuple[list[dict], ...]:
    """The snapshot's rows in the order of ``QueuesPanel._models``."""
    return (snapshot.awaiting, snapshot.packed, snapshot.printed_today, snapshot.failed, snapshot.problems)


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    # sized to the contents when rows first arrive and when the language changes, not at every
    # reload (that re-measures on the GUI thread after each sync pass); the packer may drag them
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setResizeContentsPrecision(SIZE_BY_ROWS)  # not every one of 5,000 rows
    view.horizontalHeader().setStretchLastSection(True)
    return view


class QueuesPanel(QWidget):
    scanRequested = Signal(str)
    loaded = Signal()
    reprinted = Signal(str)  # a label was put back in line: wake the printer
    bundleRequested = Signal(str)  # a posting's dispute bundle (the Evidence tab makes it)
    failed = Signal(str)

    def __init__(self, db, station: str | None, parent: QWidget | None = None, *, held: QWidget | None = None,
                 accounts: dict[str, str] | None = None, language=lambda: "en") -> None:
        """``accounts``: a bench of several Ozon accounts, Client-Id -> name (an account column)."""
        super().__init__(parent)
        self.db, self.station, self.held, self.accounts = db, station, held, accounts or None
        self.language = language
        columns = (ACCOUNT_COLUMN, *POSTING_COLUMNS) if self.accounts else POSTING_COLUMNS
        self.awaiting = RowsModel(columns, self)
        self.packed = RowsModel(columns, self)
        self.printed = RowsModel(LABEL_COLUMNS, self)
        self.failed_labels = RowsModel(FAILED_COLUMNS, self)
        self.problems = RowsModel(PROBLEM_COLUMNS, self)
        self._loading = False
        self._said_in: str | None = None  # the language the problems were read in

        self.warehouse = QComboBox()
        self.method = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.warehouse.currentIndexChanged.connect(self._apply_filter)
        self.method.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.warehouse_label, self.method_label = QLabel(), QLabel()
        bar = QHBoxLayout()
        for widget in (self.warehouse_label, self.warehouse, self.method_label, self.method, self.search):
            bar.addWidget(widget)
        self.awaiting_view = _table(self.awaiting)
        self.awaiting_view.setSortingEnabled(True)
        self.awaiting_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.awaiting_view.doubleClicked.connect(self._double_clicked)
        awaiting_page = QWidget()
        box = QVBoxLayout(awaiting_page)
        box.addLayout(bar)
        box.addWidget(self.awaiting_view)

        self.failed_view = _table(self.failed_labels)
        self.reprint_button = QPushButton()
        self.reprint_button.clicked.connect(self._reprint)
        failed_page = QWidget()
        box = QVBoxLayout(failed_page)
        box.addWidget(self.failed_view)
        box.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignRight)

        self.tabs = QTabWidget()
        self.tabs.addTab(awaiting_page, "")
        self.packed_view, self.printed_view = _table(self.packed), _table(self.printed)
        for view in (self.packed_view, self.printed_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._posting_menu(v, pos))
        self.tabs.addTab(self.packed_view, "")
        self.tabs.addTab(self.printed_view, "")
        self.tabs.addTab(failed_page, "")
        if held is not None:
            self.tabs.addTab(held, "")
            held.loaded.connect(self._show_counts)
        self.problems_view = _table(self.problems)
        self.problems_view.setWordWrap(True)
        self.problems_view.doubleClicked.connect(self._double_clicked)
        self.tabs.addTab(self.problems_view, "")
        self._pages = (awaiting_page, self.packed_view, self.printed_view, failed_page, self.problems_view)
        QVBoxLayout(self).addWidget(self.tabs)
        self.retranslate()

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.warehouse_label.setText(self.tr("Warehouse:"))
        self.method_label.setText(self.tr("Delivery:"))
        self.search.setPlaceholderText(self.tr("Search posting, item or barcode"))
        self.reprint_button.setText(self.tr("Reprint selected label"))
        self._show_counts()
        self._fill_choices()
        for model in self._models():
            model.retranslate()
        self._fit_columns(everything=True)

    def _views(self) -> tuple[QTableView, ...]:
        return (self.awaiting_view, self.packed_view, self.printed_view, self.failed_view, self.problems_view)

    def _fit_columns(self, everything: bool = False, fitted: tuple[bool, ...] = ()) -> None:
        for i, view in enumerate(self._views()):
            if everything or (not fitted[i] and view.model().rowCount()):
                view.resizeColumnsToContents()

    def _show_counts(self) -> None:
        titles = (self.tr("Awaiting packaging (%1)"), self.tr("Packed, waiting for label (%1)"),
                  self.tr("Printed today (%1)"), self.tr("Failed prints (%1)"), self.tr("Needs a person (%1)"))
        for page, title, model in zip(self._pages, titles, self._models()):
            self.tabs.setTabText(self.tabs.indexOf(page), title.replace("%1", str(model.total())))
        if self.held is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.held),
                                 self.tr("Held at the carrier (%1)").replace("%1", str(self.held.count())))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._said_in not in (None, self.language()):  # the problems are words read in a language
                self.reload()
        super().changeEvent(event)

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the queues on a pool thread; a reload asked for while one runs is skipped."""
        if self.held is not None:
            self.held.reload()
        if self._loading:
            return
        self._loading = True
        models = self._models()
        sorts = [model.sort_state() for model in models]
        lang = self.language()

        def load() -> tuple[QueueSnapshot, list, str]:
            snapshot = load_queues(self.db, self.station, accounts=self.accounts, lang=lang)
            tables = [prepare_rows(m.columns, r, sort) for m, r, sort in zip(models, _rows(snapshot), sorts)]
            return snapshot, tables, lang

        run_task(load, on_result=lambda loaded: self._show(*loaded), on_error=self._load_failed, owner=self)

    def _models(self) -> tuple[RowsModel, ...]:
        return (self.awaiting, self.packed, self.printed, self.failed_labels, self.problems)

    def _show(self, snapshot: QueueSnapshot, tables: list, lang: str) -> None:
        self._loading = False
        fitted = tuple(model.rowCount() > 0 and self._said_in in (None, lang) for model in self._models())
        self._said_in = lang  # read in a new language: the words' columns are fitted to them again
        for model, table in zip(self._models(), tables):
            model.set_prepared(table)
        self._fit_columns(fitted=fitted)
        self._show_counts()
        self._fill_choices()
        self.loaded.emit()
        if lang != self.language():  # the language changed while these were read: read them again
            self.reload()

    def _load_failed(self, exc: Exception) -> None:
        self._loading = False
        log.warning("queues could not be read: %s", exc)
        self.failed.emit(str(exc))

    # --- filter -----------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        rows = self.awaiting.all_rows
        # several Ozon accounts: their warehouses may share a name, so each says whose it is
        def named(r: dict) -> str:
            return f"{r['account']} · {r['warehouse']}" if self.accounts else r["warehouse"]

        warehouses = sorted({(r["warehouse_id"], named(r)) for r in rows if r.get("warehouse_id")},
                            key=lambda w: str(w[1]))
        methods = sorted({r["delivery_method"] for r in rows if r.get("delivery_method")})
        for combo, items, every in ((self.warehouse, warehouses, self.tr("All warehouses")),
                                    (self.method, [(m, m) for m in methods], self.tr("All methods"))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(every, None)
            for value, name in items:
                combo.addItem(str(name), value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def _apply_filter(self) -> None:
        self.awaiting.set_filter(QueueFilter(warehouse_id=self.warehouse.currentData(),
                                             method=self.method.currentData() or "", search=self.search.text()))

    # --- actions ----------------------------------------------------------------------------
    def _double_clicked(self, index) -> None:
        row = index.data(ROW_ROLE)
        key = index.model().columns[index.column()].key
        text = row.get(key) if key in SCANNABLE else row.get("posting_number")
        if text:
            self.scanRequested.emit(str(text))

    def _posting_menu(self, view: QTableView, pos) -> None:
        menu = self.posting_menu(view, pos)
        if menu is not None:
            menu.popup(view.viewport().mapToGlobal(pos))

    def posting_menu(self, view: QTableView, pos) -> QMenu | None:
        """The menu of the posting at ``pos`` in ``view`` (None where there is none)."""
        index = view.indexAt(pos)
        number = index.data(ROW_ROLE).get("posting_number") if index.isValid() else None
        if not number:
            return None
        self.menu = QMenu(view)
        self.menu.addAction(self.tr("Make dispute bundle…")).triggered.connect(
            lambda: self.bundleRequested.emit(number))
        return self.menu

    def _reprint(self) -> None:
        selected = self.failed_view.selectionModel().selectedRows()
        if not selected:
            return
        number = selected[0].data(ROW_ROLE)["posting_number"]
        run_task(lambda: request_reprint(self.db, number), on_result=lambda _: self._reprinted(number),
                 on_error=lambda exc: self.failed.emit(str(exc)), owner=self)

    def _reprinted(self, number: str) -> None:
        self.reprinted.emit(number)
        self.reload()
