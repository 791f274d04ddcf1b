"""``PackView``: a big state banner, the open posting's lines, the last messages, a scan field.

It only shows what the station reports (``show_result``, ``show_snapshot``) and asks for scans
(``scanRequested``): typing a code and pressing Enter, or double-clicking a line's barcode.
"""
from __future__ import annotations

from collections import OrderedDict
from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImage
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.ui.feedback.sound import NullSounder, sound_for
from app.ui.queues.model import local_time
from app.ui.pack.actions import PackActions
from app.ui.pack.messages import MessageList
from app.ui.pack.photos import PHOTO_PX, icon_of, placeholder
from app.ui.pack.roomy_label import RoomyLabel
from app.ui.pack.state_banner import StateBanner
from app.ui.scale_words import reading
from app.ui.size_fence import SizeFence

PACKED_CODES = ("weight_accepted",)  # also after a supervisor's override
NAME, OFFER, BARCODE_COLUMN, COUNTED, NEEDED = range(5)
DONE_BACKGROUND = QColor("#dcedc8")
MAX_PHOTOS = 300  # photos kept in memory (the least recently shown go; their files stay cached on disk)
PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1  # on a line's name: "photo:<sku>" or "placeholder:<sku>"
# photos are asked for once the answer has been painted: read and decoded at the same time on the
# pool's threads, they took the two cores from that repaint (benchmarks/bench_ui.py)
PHOTOS_AFTER_MS = 30


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class PackView(QWidget):
    scanRequested = Signal(str)
    photosWanted = Signal(object)  # a list of SKUs of the open posting whose photos are not here yet (``PhotoLoader``)
    stateChanged = Signal(str, str)  # station state ("idle", "packing", "weighing", "error"), message

    def __init__(self, *, sounder=None, language=lambda: "en", now: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        """``now``: naive UTC, as the station's snapshots give deadlines (default: this computer's clock)."""
        super().__init__(parent)
        self.sounder = sounder or NullSounder()
        self.language = language
        self.now = now or _utcnow
        self.state, self.posting, self.last = "idle", None, None
        self.snapshot: dict = {}
        self.banner = StateBanner(2, objectName="stateBanner")
        self.detail = RoomyLabel(2, objectName="stateDetail")
        # the posting's deadline, delivery and warehouse: room for two lines (a Russian one wraps),
        # so opening a posting or putting it back never moves the lines and messages below
        self.info = RoomyLabel(2, objectName="postingInfo")
        self.weight = QLabel(objectName="liveWeight", alignment=Qt.AlignmentFlag.AlignCenter)
        self.reading: tuple[float, str] | None = None
        self._clock = QTimer(self)  # "time left" moves on even when nothing is scanned
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._show_info)
        self._clock.start()
        self.lines = QTableWidget(0, 5)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setIconSize(QSize(PHOTO_PX, PHOTO_PX))
        self.lines.verticalHeader().setDefaultSectionSize(PHOTO_PX + 6)
        # the scroll bar's room is kept: a posting with more lines than fit does not narrow the columns
        # (and repaint the table a second time) when it opens
        self.lines.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.photos: OrderedDict[int, QIcon] = OrderedDict()  # sku -> its photo (``show_photo``), LRU
        self._placeholder = QIcon(placeholder())
        self._wanted: list[int] = []
        self._photos_soon = QTimer(self, singleShot=True, interval=PHOTOS_AFTER_MS)
        self._photos_soon.timeout.connect(self._ask_photos)
        header = self.lines.horizontalHeader()  # the columns fit a posting's lines when it opens (not per scan)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self._fitted: tuple = ()  # the lines (SKUs) the columns were last fitted to
        self.lines.cellDoubleClicked.connect(self._line_double_clicked)
        self.messages = MessageList(objectName="lastMessages")
        self.scan_field = QLineEdit(objectName="manualScan")
        self.scan_field.returnPressed.connect(self._manual_scan)
        self.scan_button = QPushButton()
        self.scan_button.clicked.connect(self._manual_scan)
        self.messages_title = QLabel()
        self.actions = PackActions()
        entry = QHBoxLayout()
        entry.addWidget(self.scan_field, 1)
        entry.addWidget(self.scan_button)
        body = QHBoxLayout()
        body.addWidget(self.lines, 3)
        side = QVBoxLayout()
        side.addWidget(SizeFence(self.weight))
        side.addWidget(self.messages_title)
        side.addWidget(self.messages)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        for label in (self.banner, self.info, self.detail):  # new words each scan, in the room they had
            layout.addWidget(SizeFence(label))
        layout.addLayout(body, 1)
        layout.addLayout(entry)
        layout.addWidget(self.actions)
        self.retranslate()

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.scan_field.setPlaceholderText(self.tr("Type or scan a barcode, then Enter"))
        self.scan_button.setText(self.tr("Scan"))
        self.messages_title.setText(self.tr("Last messages"))
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Article"), self.tr("Barcode"),
                                              self.tr("Counted"), self.tr("Needed")])
        self._fit_columns()  # the headers' words in the new language
        self._show_banner()
        self._show_info()
        self.show_weight(*(self.reading or (None, "")))
        if self.last is not None:
            self.detail.setText(self.last.message(self.language()))
            if self.state == "error":  # the red flash says it in the new language too
                self.stateChanged.emit(self.state, self.last.message(self.language()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def banner_text(self) -> str:
        if self.state == "packing":
            return self.tr("Packing %1: scan every item").replace("%1", self.posting or "")
        if self.state == "weighing":
            return self.tr("Put the parcel on the scale")
        if self.state == "error":
            return self.tr("Stop: look at the message")
        if self.state == "handover":
            return self.tr("Hand-over: scan each parcel into the courier's bag")
        if self.state == "return":
            return self.tr("Return: scan each unit that came back, then Close return")
        if self.packed():
            return self.tr("Packed: %1").replace("%1", self.last.posting or "")
        return self.tr("Scan a posting or an item")

    def packed(self) -> bool:
        """The last answer packed a posting (and the bench is free again)."""
        return self.state == "idle" and self.last is not None and self.last.code in PACKED_CODES

    def _show_banner(self) -> None:
        self.banner.setText(self.banner_text())
        self.banner.show_state("done" if self.packed() else self.state)

    # --- the station's answers --------------------------------------------------------------
    def show_result(self, result) -> None:
        """A ``StationResult`` (from the station worker, on the GUI thread)."""
        self.last = result
        message = result.message(self.language())
        self.state, self.posting = result.state, result.posting
        self.detail.setText(message)
        self.messages.add(("✔ " if result.ok else "✖ ") + message)
        sound = sound_for(result.code, result.ok)
        if sound:
            self.sounder.play(sound)
        self._show_banner()
        self.actions.set_state(self.state)
        self.stateChanged.emit(self.state, message)
        self._lay_out_now()
        self._show_line(result.data)

    def _show_line(self, data: dict) -> None:
        """The line an answer names (a unit counted; over-scanned, a marking code asked: by its
        product) scrolled into view: on a posting with more lines than fit, its count and tick are on
        the screen. Nothing moves when it is in view already, or the answer names no line of it."""
        line_no, sku = data.get("line"), data.get("sku")
        if line_no is None and sku is None:
            return
        for row, line in enumerate(self.snapshot.get("lines") or []):
            if line.get("line") == line_no if line_no is not None else line.get("sku") == sku:
                self.lines.scrollTo(self.lines.model().index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
                return

    def show_snapshot(self, snapshot: dict) -> None:
        self.snapshot = snapshot
        lines = snapshot.get("lines") or []
        self.lines.setRowCount(len(lines))
        for row, line in enumerate(lines):
            barcodes = line.get("barcodes") or []
            done = line.get("counted", 0) >= line.get("quantity", 0) > 0
            name = line.get("name") or line.get("offer_id") or str(line.get("sku"))
            cells = (("✔ " if done else "") + name, line.get("offer_id") or "", barcodes[0] if barcodes else "",
                     str(line.get("counted", 0)), str(line.get("quantity", 0)))
            for column, text in enumerate(cells):
                item = self.lines.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.lines.setItem(row, column, item)
                if item.text() != text:  # a scan changes one line: repaint that one
                    item.setText(text)
                background = QBrush(DONE_BACKGROUND) if done else QBrush()
                if item.background() != background:  # setting it, even unchanged, repaints the cell
                    item.setBackground(background)
        fitted = tuple(line.get("sku") for line in lines)
        # another posting: its lines' widths (a count never widens a column much); no lines (put back,
        # packed): the columns stay, so the header is not repainted for nothing to show
        if fitted and fitted != self._fitted:
            self._fitted = fitted
            self._fit_columns()
        self._show_photos(lines)
        self._show_info()
        if self.last is None:  # first look after start: show the stored state
            self.state, self.posting = snapshot.get("state", "idle"), snapshot.get("posting")
            self._show_banner()
            self.actions.set_state(self.state)
        self._lay_out_now()

    def _lay_out_now(self) -> None:
        """New lines or a new message: laid out now, so the repaint that shows the banner shows them.
        An item view lays out rows that came or went on a zero timer, and timers come after the
        window's repaint: the lines and the message were painted one repaint after the banner."""
        self.lines.executeDelayedItemsLayout()
        self.messages.executeDelayedItemsLayout()

    def _fit_columns(self) -> None:
        for column in (OFFER, BARCODE_COLUMN, COUNTED, NEEDED):
            self.lines.resizeColumnToContents(column)

    def show_photo(self, sku: int, image: QImage) -> None:
        """A product's photo came (``PhotoLoader``, on the GUI thread); a null image: it has none."""
        if image.isNull() or sku in self.photos:
            return
        self.photos[sku] = icon_of(image, self.devicePixelRatioF())
        while len(self.photos) > MAX_PHOTOS:
            self.photos.popitem(last=False)
        self._show_photos(self.snapshot.get("lines") or [])

    def _show_photos(self, lines: list[dict]) -> None:
        """Each line's photo on its name, the placeholder while it has none; asks for the missing ones."""
        wanted = []
        for row, line in enumerate(lines):
            item, sku = self.lines.item(row, NAME), line.get("sku")
            photo = self.photos.get(sku)
            if photo is not None:
                self.photos.move_to_end(sku)
            shown = f"{'photo' if photo is not None else 'placeholder'}:{sku}"
            if item.data(PHOTO_ROLE) != shown:  # setting an icon repaints: only on a change
                item.setIcon(photo if photo is not None else self._placeholder)
                item.setData(PHOTO_ROLE, shown)
            if photo is None and sku is not None:
                wanted.append(int(sku))
        self._wanted = wanted  # those of the lines shown last
        if wanted and not self._photos_soon.isActive():  # never pushed back by the next scans
            self._photos_soon.start()

    def _ask_photos(self) -> None:
        if self._wanted:
            self.photosWanted.emit(self._wanted)

    def show_weight(self, grams: float | None, state: str = "") -> None:
        """The scale's live reading (from the scale's thread, via the bridge)."""
        self.reading = None if grams is None else (grams, state)
        if grams is None:
            self.weight.setText(self.tr("Scale: no reading"))
            return
        self.weight.setText(reading(grams, state))

    def _show_info(self) -> None:
        info = self.snapshot.get("info") or {}
        if not info:
            self.info.setText("")
            return
        parts = [info["account"]] if info.get("account") else []  # a bench of several Ozon accounts
        deadline = info.get("shipment_date")
        if deadline is not None:
            parts.append(self.tr("Ship by %1 (%2)").replace("%1", local_time(deadline))
                         .replace("%2", self.time_left(deadline)))
        parts += [p for p in (info.get("delivery_method"), info.get("scheme"), info.get("warehouse")) if p]
        if info.get("express"):
            parts.append(self.tr("express"))
        self.info.setText("  ·  ".join(parts))

    def time_left(self, deadline: datetime, now: datetime | None = None) -> str:
        now = now or self.now()
        minutes = int((deadline - now).total_seconds() // 60)
        span = abs(minutes)
        text = (self.tr("%1 h %2 min").replace("%1", str(span // 60)).replace("%2", str(span % 60))
                if span >= 60 else self.tr("%1 min").replace("%1", str(span)))
        return (self.tr("%1 left") if minutes >= 0 else self.tr("late by %1")).replace("%1", text)

    # --- scanning by hand -------------------------------------------------------------------
    def _manual_scan(self) -> None:
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        if text:
            self.scanRequested.emit(text)

    def _line_double_clicked(self, row: int, column: int) -> None:
        item = self.lines.item(row, BARCODE_COLUMN)
        if item is not None and item.text():
            self.scanRequested.emit(item.text())
