"""What a seller reads from ``packdesk postings``, ``track`` and ``handover status|receipt``
without ``--json``: statuses and states in their language (never Ozon's or the bench's codes), in
columns that line up in Chinese too. ``--json`` keeps the codes (CONTRACT.md)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from app.cli.handover import receipt_text, status_text
from app.cli.postings import table
from app.cli.table import bench_time, columns, width
from app.cli.track import lines

CODES = ("awaiting_packaging", "awaiting_deliver", "handed_over", "in_progress", "not_scanned_by_ozon",
         "posting_not_in_carriage", "requested", "done")


@pytest.mark.parametrize("cell, columns_taken", [
    ("", 0), ("abc", 3), ("货件", 4), ("Ozon 状态", 9), ("отгружено", 9), ("e\u0301", 1), ("ＡＢ", 4),
])
def test_a_cells_width_is_the_columns_a_terminal_gives_it(cell, columns_taken):
    assert width(cell) == columns_taken


def test_columns_line_up_by_terminal_width_and_leave_no_trailing_blanks():
    got = columns([["货件", "件数", "x"], ["1-1", "3", ""], ["22-22", "10", "y"]], right=frozenset({1}))
    assert got == ["货件   件数  x",
                   "1-1       3",
                   "22-22    10  y"]
    assert {width(line[:line.index(end) + len(end)]) for line, end in zip(got, ("件数", "3", "10"))} == {11}
    assert columns([]) == []


def listing(status="awaiting_packaging", state="waiting", problem=None):
    return {"posting_number": "12345678-0001-1", "status": status, "local_state": state,
            "shipment_date": "2026-12-07T10:00:00Z", "problem": problem,
            "items": [{"quantity": 2}, {"quantity": 1}]}


@pytest.mark.parametrize("lang, header, words", [
    ("ru", "Отправление", ["ожидает упаковки", "не начато"]),
    ("zh", "货件", ["等待打包", "未开始"]),
    ("en", "Posting", ["awaiting packaging", "not started"]),
])
def test_the_postings_table_says_statuses_in_the_sellers_language(lang, header, words):
    got = table([listing(), listing("awaiting_deliver", "labelled")], lang, timezone.utc)
    assert got[0].startswith(header) and len(got) == 3
    assert all(word in got[1] for word in words)
    assert got[1].endswith("2026-12-07 10:00     3") or got[1].endswith("2026-12-07 10:00      3")
    assert not any(code in line for line in got for code in CODES)


@pytest.mark.parametrize("value, zone, seconds, said", [
    ("2026-12-07T10:00:00Z", ZoneInfo("Europe/Moscow"), False, "2026-12-07 13:00"),
    ("2026-12-07T10:00:00+00:00", ZoneInfo("Asia/Shanghai"), False, "2026-12-07 18:00"),
    ("2026-12-07T20:30:00", ZoneInfo("Asia/Shanghai"), False, "2026-12-08 04:30"),  # no offset: UTC, as stored
    ("2026-12-07T09:30:00.123456", ZoneInfo("Europe/Moscow"), True, "2026-12-07 12:30:00"),
    (datetime(2026, 12, 7, 10, 0), timezone(timedelta(hours=-5)), False, "2026-12-07 05:00"),
    (datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/Moscow")), timezone.utc, False, "2026-12-07 07:00"),
    (None, timezone.utc, False, ""), ("", timezone.utc, False, ""),
])
def test_a_stored_moment_is_said_in_the_benchs_zone(value, zone, seconds, said):
    assert bench_time(value, seconds=seconds, zone=zone) == said


def test_the_ship_by_time_is_the_benchs_not_utc():
    """Ozon's ship-by is stored in UTC; a seller in Shenzhen reading it as local time would ship late."""
    got = table([listing()], "zh", ZoneInfo("Asia/Shanghai"))
    assert "2026-12-07 18:00" in got[1] and "10:00" not in got[1]


def test_a_cases_notes_are_dated_in_the_benchs_zone():
    from app.cli.case import _details

    case = {"id": 4, "posting_number": "1-1-1", "type": "damaged", "state": "open", "resolution": None,
            "notes": [{"at": "2026-12-07T22:15:00", "by": "Anna", "text": "corner crushed"}], "attachments": []}
    assert _details(case, "en", ZoneInfo("Europe/Moscow")).split("\n")[1] == "  2026-12-08 01:15  Anna: corner crushed"


def test_a_posting_with_a_problem_gets_the_problem_column():
    got = table([listing(), listing("awaiting_packaging", "problem", "Ozon status cancelled")], "ru")
    assert got[0].endswith("Проблема") and got[2].endswith("3  в Ozon статус «отменено»") and "проблема" in got[2]


def test_a_status_ozon_adds_later_is_listed_as_ozon_says_it():
    assert "some_new_status" in table([listing("some_new_status")], "ru")[1]


def parcel(number, status, substatus, days, flag=None, tracking=None):
    return SimpleNamespace(posting_number=number, status=status, substatus=substatus, days=days, flag=flag,
                           tracking_number=tracking)


def test_track_says_each_parcel_in_words_and_what_to_do_under_a_flagged_one():
    got = lines([parcel("1-1-1", "awaiting_deliver", "posting_not_in_carriage", 3, flag="not_scanned_by_ozon"),
                 parcel("2-2-2", "delivering", "", None, tracking="RA123456789RU")], "ru")
    assert got[0].split() == ["1-1-1", "ожидает", "отгрузки", "/", "не", "добавлено", "в", "перевозку", "3", "дн.", "-"]
    assert got[1] == ("    ! Ozon не отсканировал: Ozon не отсканировал посылку после передачи: найдите акт и "
                      "откройте спор (packdesk handover arbitrate 1-1-1).")
    assert got[2].startswith("2-2-2  доставляется") and got[2].endswith("-  RA123456789RU")


BOARD = {
    "day": "2026-12-07",
    "ready": [{"delivery_method_id": 7, "method": "Ozon Логистика", "parcels": 4,
               "ozon": {"errors": [{"code": "not_packaged", "description": "Не все собраны"}]}}],
    "open": None,
    "last": {"id": 3, "method": "Ozon Логистика", "scanned": 5, "carriage_id": 850, "close_step": "refused",
             "carriage_status": "new", "act_pdf": None, "close_error": "CARRIAGE_NOT_FOUND"},
    "flagged": [{"posting": "1-1-1", "flag": "not_scanned_by_ozon", "status": "awaiting_deliver",
                 "arbitration": "requested"}],
}


def test_the_hand_over_board_is_said_in_the_sellers_language():
    got = status_text(BOARD, "zh").split("\n")
    assert got[0] == "2026-12-07 的交接"
    assert got[1] == "待交接：Ozon Логистика：4 个包裹。扫描 CMD:HANDOVER:7 开始。"
    assert got[2].startswith("    Ozon") and "not_packaged" in got[2]  # Ozon's code verbatim, then the hint
    assert got[3] == "上一次：#3 Ozon Логистика：5 个包裹，运输单 850（被 Ozon 拒绝），交接单 无。"
    assert got[4].startswith("Ozon 拒绝了运输单：") and "CARRIAGE_NOT_FOUND" in got[4]
    assert got[5] == "需要人工处理：1-1-1：Ozon 未扫描（Ozon：等待发运）；争议：已申请。"


def test_an_empty_board_says_there_is_nothing_to_hand_over():
    got = status_text({"day": "2026-12-07", "ready": [], "open": None, "last": None, "flagged": []}, "ru")
    assert got == "Передачи за 2026-12-07\nПередавать нечего."


def test_a_receipt_is_a_labelled_line_a_field_with_times_in_the_benchs_zone(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Moscow")
    import time
    time.tzset()
    try:
        got = receipt_text({"handover": 3, "packer": None, "closed_at": "2026-12-07T09:30:00.123456",
                            "deferred": ["1-1-1", "2-2-2"]}, "ru").split("\n")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert got == ["Передача:                 3",
                   "Передал:                  —",
                   "Закрыта:                  2026-12-07 12:30:00",
                   "Ждут следующей отгрузки:  1-1-1, 2-2-2"]


def test_returns_list_says_where_each_return_is_at_the_bench():
    from app.cli.returns import lines as return_lines

    found = [{"id": 12, "scheme": "rfbs", "posting_number": "1-1-1", "state_name": "На пути к продавцу",
              "group_state": "", "state": "x", "local_state": "new", "actions": [{"id": 3, "name": "Принять"}]},
             {"id": 9, "scheme": "fbs", "posting_number": "22-2-2", "state_name": "", "state": "Delivered",
              "group_state": "", "local_state": "closed", "actions": []}]
    assert return_lines(found, "zh") == ["#12  RFBS  1-1-1   На пути к продавцу  待处理  3=Принять",
                                         "#9   FBS   22-2-2  Delivered           已核对"]
