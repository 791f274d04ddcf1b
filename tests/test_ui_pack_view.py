"""The pack view shows what the station reports: the open posting's deadline, delivery and scheme,
its lines with a tick when complete, and the scale's live reading."""
import ctypes
from datetime import datetime, timedelta

import pytest

from app.ui.pack import PackView

NOW = datetime.now().replace(second=0, microsecond=0)  # the view reads the real clock: "left" needs a future date


def snapshot(counted: int) -> dict:
    return {"state": "packing", "posting": "12345678-0001-1",
            "info": {"shipment_date": NOW + timedelta(hours=30), "delivery_method": "Ozon courier",
                     "scheme": "rFBS", "warehouse": "Main", "express": False},
            "lines": [{"line": 1, "sku": 1, "name": "Blue mug", "offer_id": "mug-1", "quantity": 2,
                       "counted": counted, "barcodes": ["4600000000001"]},
                      {"line": 2, "sku": 2, "name": "Tea", "offer_id": "tea-9", "quantity": 1, "counted": 0,
                       "barcodes": []}]}


def shown_at_bench_size(qtbot, width: int = 760, height: int = 700) -> PackView:
    from app.ui.feedback.style import apply_style

    view = PackView(now=lambda: NOW)
    qtbot.addWidget(view)
    apply_style(view)  # the bench's fonts (the app sets them on the application)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_lines_show_article_barcode_counts_and_a_tick_when_complete(qtbot):
    view = PackView(now=lambda: NOW)
    qtbot.addWidget(view)
    view.show_snapshot(snapshot(counted=1))
    row = [view.lines.item(0, c).text() for c in range(5)]
    assert row == ["Blue mug", "mug-1", "4600000000001", "1", "2"]
    view.show_snapshot(snapshot(counted=2))
    assert view.lines.item(0, 0).text() == "✔ Blue mug"
    assert view.lines.item(0, 3).background().color().name() != view.lines.item(1, 3).background().color().name()
    assert not view.lines.item(1, 0).text().startswith("✔")
    view.show_snapshot(snapshot(counted=0))  # put back: the tick and the colour go
    assert view.lines.item(0, 0).text() == "Blue mug"
    assert view.lines.item(0, 3).background() == view.lines.item(1, 3).background()


def test_the_posting_line_tells_deadline_delivery_and_scheme(qtbot):
    clock = [NOW]
    view = PackView(now=lambda: clock[0])
    qtbot.addWidget(view)
    view.show_snapshot(snapshot(counted=0))
    text = view.info.text()
    assert "Ozon courier" in text and "rFBS" in text and "Main" in text and "(30 h 0 min left)" in text
    clock[0] = NOW + timedelta(hours=31)
    view._clock.timeout.emit()  # the line moves on with the clock, with no scan
    assert "(late by 1 h 0 min)" in view.info.text()
    view.show_snapshot({"state": "idle", "posting": None, "lines": [], "info": {}})
    assert view.info.text() == ""


def test_time_left_and_late(qtbot):
    view = PackView(now=lambda: NOW)
    qtbot.addWidget(view)
    assert view.time_left(NOW + timedelta(minutes=200), NOW) == "3 h 20 min left"
    assert view.time_left(NOW + timedelta(minutes=5), NOW) == "5 min left"
    assert view.time_left(NOW - timedelta(minutes=25), NOW) == "late by 25 min"
    assert view.time_left(NOW + timedelta(minutes=61)) == "1 h 1 min left"  # the view's own clock


def test_the_live_weight(qtbot):
    view = PackView()
    qtbot.addWidget(view)
    assert "no reading" in view.weight.text()
    view.show_weight(1234.0, "stable")
    assert "1\u00a0234 g" in view.weight.text() and "stable" in view.weight.text()  # never broken between
    view.show_weight(80.0, "moving")
    assert "settling" in view.weight.text()


def test_a_packed_posting_turns_the_banner_green_until_the_next_scan(qtbot):
    from app.services.station.results import StationResult

    view = PackView()
    qtbot.addWidget(view)
    view.show_result(StationResult(True, "weight_accepted", "12345678-0001-1", "idle",
                                   {"measured_g": 500.0, "expected_g": 498.0}))
    assert view.banner.text() == "Packed: 12345678-0001-1"
    assert view.banner.colours == ("#ffffff", "#2e7d32")
    assert view.banner.palette().color(view.banner.foregroundRole()).name() == "#ffffff"
    view.show_result(StationResult(True, "posting_opened", "22345678-0001-1", "packing", {}))
    assert view.banner.text().startswith("Packing 22345678-0001-1")


def test_a_new_answer_of_a_line_or_two_never_moves_the_lines(qtbot):
    """The banner, the posting line and the message keep room for their usual texts: a new answer
    repaints them, not the whole view below them; a longer message still gets its room."""
    from PySide6.QtWidgets import QApplication

    from app.services.station.results import StationResult

    view = shown_at_bench_size(qtbot)  # the banner's "Packing …" takes two lines here, its "Stop" one
    view.show_snapshot(snapshot(counted=0))
    view.show_result(StationResult(True, "posting_opened", "12345678-0001-1", "packing", {"total": 3, "verified": 0}))
    QApplication.processEvents()  # the layout is done when the event loop turns
    top = view.lines.geometry().top()
    view.show_result(StationResult(False, "wrong_item", "12345678-0001-1", "error", {"barcode": "4600000000001"}))
    QApplication.processEvents()
    assert view.lines.geometry().top() == top
    view.detail.setText(" ".join(["a message far too long for two lines of the view"] * 12))
    qtbot.waitUntil(lambda: view.lines.geometry().top() > top)  # never cut off: it grows


def test_columns_fit_each_posting_and_keep_a_width_set_by_hand_while_it_is_open(qtbot):
    view = PackView(now=lambda: NOW)
    qtbot.addWidget(view)
    view.show_snapshot(snapshot(counted=0))
    fitted = view.lines.columnWidth(2)
    view.lines.setColumnWidth(2, fitted + 80)  # the packer widens the barcode column
    view.show_snapshot(snapshot(counted=1))    # a unit counted: the same posting
    assert view.lines.columnWidth(2) == fitted + 80
    other = snapshot(counted=0)
    other["lines"] = [dict(other["lines"][0], sku=7, barcodes=["46000000000010000000000042"])]
    view.show_snapshot(other)                  # another posting, a longer barcode: fitted to it
    assert view.lines.columnWidth(2) > fitted


def test_a_language_switch_fits_the_columns_to_the_new_headers(qtbot):
    view = PackView(now=lambda: NOW)
    qtbot.addWidget(view)
    view.show_snapshot(snapshot(counted=0))
    before = view.lines.columnWidth(3)
    view.tr = lambda text: {"Counted": "Counted by the packer so far"}.get(text, text)
    view.retranslate()
    assert view.lines.columnWidth(3) > before


def test_opening_a_posting_and_putting_it_back_never_moves_the_lines(qtbot):
    """The posting line keeps room for two lines (a Russian one wraps at a bench's width): an open
    or a put back repaints it, not the lines, messages and buttons below it."""
    from PySide6.QtWidgets import QApplication

    view = shown_at_bench_size(qtbot)
    idle = {"state": "idle", "posting": None, "lines": [], "info": {}}
    view.show_snapshot(idle)
    QApplication.processEvents()
    top = view.lines.geometry().top()
    opened = snapshot(counted=0)
    opened["info"].update(delivery_method="Ozon Логистика самостоятельно, Химки", warehouse="Склад Химки FBS")
    view.show_snapshot(opened)
    QApplication.processEvents()
    width = view.info.contentsRect().width()
    assert view.info.fontMetrics().horizontalAdvance(view.info.text()) > width  # it does wrap
    assert view.lines.geometry().top() == top
    view.show_snapshot(idle)
    QApplication.processEvents()
    assert view.lines.geometry().top() == top


def test_more_lines_than_fit_leave_the_columns_as_wide_as_they_were(qtbot):
    """The scroll bar's room is kept: a long posting does not narrow the lines (and repaint them
    all a second time) when it opens."""
    from PySide6.QtWidgets import QApplication

    view = shown_at_bench_size(qtbot, height=500)
    short = snapshot(counted=0)
    short["lines"] = short["lines"][:1]
    view.show_snapshot(short)
    QApplication.processEvents()
    assert view.lines.verticalScrollBar().maximum() == 0  # all fit
    width = view.lines.viewport().width()
    long = snapshot(counted=0)
    long["lines"] = [dict(long["lines"][1], line=n, sku=100 + n) for n in range(30)]
    view.show_snapshot(long)
    QApplication.processEvents()
    assert view.lines.verticalScrollBar().maximum() > 0  # more than fit
    assert view.lines.viewport().width() == width


def test_the_line_a_unit_was_counted_on_is_scrolled_into_view(qtbot):
    from PySide6.QtWidgets import QApplication

    from app.services.station.results import StationResult

    view = shown_at_bench_size(qtbot, height=500)
    long = snapshot(counted=0)
    long["lines"] = [dict(long["lines"][1], line=n + 1, sku=100 + n, name=f"Item {n + 1}") for n in range(30)]
    view.show_snapshot(long)
    QApplication.processEvents()

    def in_view(row: int) -> bool:
        rect = view.lines.visualRect(view.lines.model().index(row, 0))
        return view.lines.viewport().rect().contains(rect)

    assert in_view(0) and not in_view(24)
    long["lines"][24]["counted"] = 1
    view.show_snapshot(long)
    view.show_result(StationResult(True, "item_accepted", "12345678-0001-1", "packing",
                                   {"line": 25, "sku": 124, "counted": 1, "total": 30}))
    QApplication.processEvents()
    assert in_view(24) and view.lines.item(24, 0).text() == "✔ Item 25"
    top = view.lines.verticalScrollBar().value()
    view.show_result(StationResult(False, "over_scan", "12345678-0001-1", "error", {"sku": 124, "quantity": 30}))
    QApplication.processEvents()
    assert view.lines.verticalScrollBar().value() == top  # in view already: nothing moves
    view.show_result(StationResult(False, "mark_required", "12345678-0001-1", "error", {"sku": 102}))
    QApplication.processEvents()
    assert in_view(2)  # named by its product: that line
    top = view.lines.verticalScrollBar().value()
    view.show_result(StationResult(False, "unknown_barcode", "12345678-0001-1", "error", {"barcode": "4600"}))
    QApplication.processEvents()
    assert view.lines.verticalScrollBar().value() == top  # no line named: nothing moves


def test_one_repaint_shows_the_answer_its_lines_and_its_message(qtbot):
    """The lines and the new message are laid out as the answer is shown. An item view lays out
    rows that came or went on a zero timer, and timers come after the window's repaint: that
    repaint drew the messages as they were laid out before, and the next one drew them again."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from app.services.station.results import StationResult

    view = shown_at_bench_size(qtbot)
    names = {view: "repaint", view.banner: "banner", view.lines.viewport(): "lines",
             view.messages.viewport(): "message"}
    events = []

    class Record(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
            kind = QEvent.Type.UpdateRequest if watched is view else QEvent.Type.Paint
            if event.type() == kind:
                events.append(names[watched])
            return False

    record = Record()
    for widget in names:
        widget.installEventFilter(record)
    idle = {"state": "idle", "posting": None, "lines": [], "info": {}}
    for snap, result in ((snapshot(counted=0), StationResult(True, "posting_opened", "12345678-0001-1", "packing",
                                                               {"total": 3, "verified": 0})),
                         (idle, StationResult(True, "posting_released", "12345678-0001-1", "idle", {}))):
        events.clear()
        view.show_snapshot(snap)
        view.show_result(result)
        for _ in range(6):  # the repaint, then whatever the item views left for the next turns
            QApplication.processEvents()
        first = events[events.index("repaint") + 1:]
        first = first[:first.index("repaint")] if "repaint" in first else first
        assert {"banner", "lines", "message"} <= set(first), events
        assert events.count("message") == 1, events


def test_putting_a_posting_back_keeps_the_columns_and_the_next_one_is_fitted(qtbot):
    """No lines, nothing to fit: the header keeps its widths (it would be repainted for nothing)."""
    view = PackView(now=lambda: NOW)
    qtbot.addWidget(view)
    wide = snapshot(counted=0)
    wide["lines"] = [dict(wide["lines"][0], sku=7, barcodes=["46000000000010000000000042"])]
    view.show_snapshot(wide)
    fitted = view.lines.columnWidth(2)
    view.show_snapshot({"state": "idle", "posting": None, "lines": [], "info": {}})
    assert view.lines.rowCount() == 0 and view.lines.columnWidth(2) == fitted
    view.show_snapshot(snapshot(counted=0))  # a posting with a short barcode: fitted to it
    assert view.lines.columnWidth(2) < fitted


def test_every_kept_message_is_laid_out_before_the_repaint_and_measured_once(qtbot):
    """The new message is on top, and every kept one in its place, before any event is handled;
    each keeps the size it was measured at, so the next message measures itself alone."""
    from app.services.station.results import StationResult
    from app.ui.pack.messages import MAX_MESSAGES, SIZE

    view = shown_at_bench_size(qtbot)
    messages = view.messages
    for n in range(MAX_MESSAGES):
        view.show_result(StationResult(False, "unknown_barcode", None, "error", {"barcode": f"46{n:011d}"}))
    kept = {messages.item(row).text(): messages.item(row).data(SIZE) for row in range(MAX_MESSAGES)}
    view.show_result(StationResult(True, "posting_released", "12345678-0001-1", "idle", {}))
    assert messages.count() == MAX_MESSAGES and "12345678-0001-1" in messages.item(0).text()
    rects = [messages.visualItemRect(messages.item(row)) for row in range(MAX_MESSAGES)]
    assert rects[0].top() <= 2 and all(r.isValid() for r in rects)  # on top, before any event is handled
    assert all(below.top() == above.bottom() + 1 for above, below in zip(rects, rects[1:]))  # in their places
    sizes = [messages.item(row).data(SIZE) for row in range(MAX_MESSAGES)]
    assert sizes == [r.size() for r in rects]  # each keeps the size it is shown at
    assert sizes[1:] == [kept[messages.item(row).text()] for row in range(1, MAX_MESSAGES)]  # the old: as they were


def test_the_oldest_message_is_deleted_when_it_goes(qtbot):
    """Not only out of the list: a message dropped but never deleted stays in memory all shift
    (C's heap in use, glibc's ``mallinfo2``: the items are Qt's, not Python objects)."""
    from app.ui.pack.messages import MAX_MESSAGES, MessageList

    class MallInfo(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

    mallinfo2 = getattr(ctypes.CDLL(None), "mallinfo2", None)
    if mallinfo2 is None:
        pytest.skip("needs glibc 2.33+ (mallinfo2) to see C's heap")
    mallinfo2.restype = MallInfo
    messages = MessageList()
    qtbot.addWidget(messages)
    for n in range(2 * MAX_MESSAGES):  # every allocation a full list makes, made once
        messages.add(f"Отправление 12345678-0001-1: проверено {n} из 60 шт.")
    before = mallinfo2().uordblks
    for n in range(3000):
        messages.add(f"Отправление 12345678-0001-1: проверено {n} из 60 шт.")
    grown = mallinfo2().uordblks - before
    assert messages.count() == MAX_MESSAGES and messages.item(MAX_MESSAGES - 1).text().endswith("2980 из 60 шт.")
    assert grown < 3000 * 40, f"{grown / 3000:.0f} bytes kept of each message"  # taken, never deleted: ~340


def test_a_narrower_message_list_measures_its_messages_again(qtbot):
    from app.ui.feedback.style import apply_style
    from app.ui.pack.messages import MAX_MESSAGES, SIZE, MessageList

    messages = MessageList(objectName="lastMessages")
    qtbot.addWidget(messages)
    apply_style(messages)
    messages.resize(480, 300)
    messages.show()
    qtbot.waitExposed(messages)
    for n in range(MAX_MESSAGES):
        messages.add(f"✖ Штрихкод 46{n:011d} не найден ни в одном отправлении: проверьте этикетку товара")
    messages.executeDelayedItemsLayout()
    wide = [messages.item(row).data(SIZE) for row in range(MAX_MESSAGES)]
    messages.resize(300, 300)
    qtbot.waitUntil(lambda: messages.width() == 300)
    messages.executeDelayedItemsLayout()
    narrow = [messages.item(row).data(SIZE) for row in range(MAX_MESSAGES)]
    assert all(n.width() < w.width() and n.height() > w.height() for n, w in zip(narrow, wide))  # more lines each
    assert narrow == [messages.visualItemRect(messages.item(row)).size() for row in range(MAX_MESSAGES)]
