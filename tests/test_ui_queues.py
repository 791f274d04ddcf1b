"""The queues: cached postings read off the GUI thread, sorted by deadline, filtered."""
from PySide6.QtCore import Qt

from app.ui.queues.data import load_queues
from app.ui.queues.model import POSTING_COLUMNS, QueueFilter, RowsModel
from app.ui.queues.panel import QueuesPanel
from ui_helpers import cache_with_postings

NUMBER = [c.key for c in POSTING_COLUMNS].index("posting_number")


def numbers(model) -> list[str]:
    return [model.index(row, NUMBER).data() for row in range(model.rowCount())]


def test_load_queues_gives_awaiting_postings_only(tmp_path):
    db = cache_with_postings(tmp_path)
    try:
        snapshot = load_queues(db, "bench-1")
    finally:
        db.close()
    assert sorted(r["posting_number"] for r in snapshot.awaiting) == ["100-0001-1", "200-0001-1", "300-0001-1",
                                                                      "400-0001-1"]
    assert all(r["barcode"].startswith("46000000000") for r in snapshot.awaiting)
    assert snapshot.printed_today == [] and snapshot.failed == []


def test_model_sorts_by_deadline_undated_last_and_filters(tmp_path):
    db = cache_with_postings(tmp_path)
    try:
        snapshot = load_queues(db)
    finally:
        db.close()
    model = RowsModel(POSTING_COLUMNS)
    model.set_rows(list(reversed(snapshot.awaiting)))
    assert numbers(model) == ["400-0001-1", "300-0001-1", "200-0001-1", "100-0001-1"]  # as given
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert numbers(model) == ["100-0001-1", "200-0001-1", "300-0001-1", "400-0001-1"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert numbers(model) == ["400-0001-1", "300-0001-1", "200-0001-1", "100-0001-1"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_filter(QueueFilter(warehouse_id=7))
    assert numbers(model) == ["200-0001-1", "300-0001-1"]
    model.set_rows(list(reversed(snapshot.awaiting)))  # a reload keeps the sort and the filter
    assert numbers(model) == ["200-0001-1", "300-0001-1"]
    model.set_filter(QueueFilter(method="Courier"))
    assert numbers(model) == ["300-0001-1", "400-0001-1"]
    model.set_filter(QueueFilter(search="MUG 1 "))
    assert numbers(model) == ["100-0001-1"]
    model.set_filter(QueueFilter(search="4600000000002"))
    assert numbers(model) == ["200-0001-1"]
    model.set_filter(QueueFilter())
    assert len(numbers(model)) == 4


def test_panel_reloads_off_the_gui_thread_and_double_click_scans(qtbot, tmp_path):
    db = cache_with_postings(tmp_path)
    panel = QueuesPanel(db, "bench-1")
    qtbot.addWidget(panel)
    try:
        with qtbot.waitSignal(panel.loaded, timeout=5000):
            panel.reload()
        assert panel.awaiting.rowCount() == 4
        assert "(4)" in panel.tabs.tabText(0)
        assert [panel.warehouse.itemData(i) for i in range(panel.warehouse.count())] == [None, 7, 8]
        first = panel.awaiting.index(0, NUMBER)
        with qtbot.waitSignal(panel.scanRequested) as scanned:
            panel.awaiting_view.doubleClicked.emit(first)
        assert scanned.args == ["100-0001-1"]
        panel.warehouse.setCurrentIndex(2)
        assert numbers(panel.awaiting) == ["100-0001-1", "400-0001-1"]
    finally:
        db.close()


def parked_panel(qtbot, tmp_path, kind: str, **fields):
    """The cache with 200-0001-1 parked as a problem of ``kind``, its queues panel and the languages
    it follows (the caller switches back to English and closes the cache)."""
    from PySide6.QtWidgets import QApplication

    from app.messages.problems import problem
    from app.store import postings as store_postings
    from app.ui.i18n import Languages

    db = cache_with_postings(tmp_path)
    db.writer.call(store_postings.set_local_state, "200-0001-1", "problem", problem=problem(kind, **fields))
    languages = Languages(QApplication.instance())
    panel = QueuesPanel(db, "bench-1", language=lambda: languages.current)
    qtbot.addWidget(panel)
    return db, languages, panel


def test_a_posting_parked_as_a_problem_is_listed_for_a_person_in_the_packers_language(qtbot, tmp_path):
    db, languages, panel = parked_panel(qtbot, tmp_path, "short", counted=0, total=1, reason="box torn")
    try:
        with qtbot.waitSignal(panel.loaded, timeout=5000):
            panel.reload()
        assert numbers(panel.awaiting) == ["100-0001-1", "300-0001-1", "400-0001-1"]  # no longer to be packed
        assert panel.tabs.tabText(panel.tabs.indexOf(panel.problems_view)) == "Needs a person (1)"
        row = [panel.problems.index(0, c).data() for c in range(panel.problems.columnCount())]
        assert row[1:] == ["200-0001-1", "awaiting packaging", "1", "short: 0 of 1 units found (box torn)"]
        with qtbot.waitSignal(panel.loaded, timeout=5000):  # the words are read again in the new language
            languages.switch("ru")
        row = [panel.problems.index(0, c).data() for c in range(panel.problems.columnCount())]
        assert row[2:] == ["ожидает упаковки", "1", "не хватает товара: найдено 0 из 1 (box torn)"]
        assert panel.tabs.tabText(panel.tabs.count() - 1) == "Нужен человек (1)"
        with qtbot.waitSignal(panel.scanRequested) as scanned:
            panel.problems_view.doubleClicked.emit(panel.problems.index(0, 4))
        assert scanned.args == ["200-0001-1"]
    finally:
        languages.switch("en")
        db.close()


def test_a_failed_print_says_its_state_and_why_in_the_packers_language():
    from app.ui.queues.data import _failed

    row = {"posting_number": "1-1-1", "state": "failed", "printer": "tcp://10.0.0.7:9100", "printed_at": None,
           "copies": 1, "last_error": "printer 10.0.0.7: paper out", "error_kind": "no_paper", "attempts": 2}
    failed = _failed(row, "zh")
    assert (failed["state_said"], failed["error_said"], failed["error"]) == ("失败", "标签纸用完",
                                                                              "printer 10.0.0.7: paper out")


def test_a_language_change_while_the_queues_are_read_reads_them_again_in_the_new_one(qtbot, tmp_path):
    db, languages, panel = parked_panel(qtbot, tmp_path, "not_on_ozon")
    try:
        with qtbot.waitSignal(panel.loaded, timeout=5000):
            panel.reload()
        panel.reload()  # read in English: still on its way when the language changes
        languages.switch("zh")
        qtbot.waitUntil(lambda: panel.problems.index(0, 2).data() == "等待打包", timeout=5000)
        assert panel.problems.index(0, 4).data().startswith("Ozon 不认识该货件")
    finally:
        languages.switch("en")
        db.close()
