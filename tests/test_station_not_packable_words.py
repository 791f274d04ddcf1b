"""What the packer reads when a posting cannot be packed because it is packed already: by which
bench, or that none of ours did it (never "station )" with the name left empty); the state and
Ozon's status in the packer's words, never the codes."""
import pytest

from app.services.station.results import StationResult


@pytest.mark.parametrize("holder, lang, said", [
    ("bench-2", "en", "Posting 1-1-1 is already packed (shipped, station bench-2)."),
    ("", "en", "Posting 1-1-1 is already packed (shipped), not at a packdesk bench (in Ozon's seller office, perhaps)."),
    (None, "ru", "Отправление 1-1-1 уже упаковано (отгружено), и не на месте упаковки packdesk (возможно, в личном "
                 "кабинете Ozon)."),
    ("", "zh", "货件 1-1-1 已打包（已发货），不是在 packdesk 工作台上（可能是在 Ozon 卖家后台）。"),
])
def test_already_packed_says_by_which_bench_or_that_none_of_ours(holder, lang, said):
    data = {"reason": "packed", "detail": "shipped", **({} if holder is None else {"holder": holder})}
    assert StationResult(False, "posting_not_packable", "1-1-1", "error", data).message(lang) == said


@pytest.mark.parametrize("data, lang, said", [
    ({"reason": "packed", "detail": "labelled", "holder": "b-2"}, "ru",
     "Отправление 1-1-1 уже упаковано (этикетка напечатана, станция b-2)."),
    ({"reason": "status", "detail": "awaiting_deliver"}, "ru",
     "Отправление 1-1-1 сейчас не ждёт упаковки в Ozon (статус «ожидает отгрузки»)."),
    ({"reason": "status", "detail": "delivering"}, "zh", "货件 1-1-1 在 Ozon 上目前不是待打包状态（当前状态：配送中）。"),
    ({"reason": "status", "detail": "awaiting_approve"}, "en",
     "Posting 1-1-1 is not awaiting packaging on Ozon now (it is awaiting approval)."),
    ({"reason": "cancelled", "detail": "cancelled"}, "ru",
     "СТОП: отправление 1-1-1 ОТМЕНЕНО (отменено). Не отгружайте; верните товар на место."),
    ({"reason": "cancelled", "detail": "Покупатель отменил заказ"}, "ru",
     "СТОП: отправление 1-1-1 ОТМЕНЕНО (Покупатель отменил заказ). Не отгружайте; верните товар на место."),
])
def test_a_state_or_status_inside_the_message_is_in_the_packers_words(data, lang, said):
    assert StationResult(False, "posting_not_packable", "1-1-1", "error", data).message(lang) == said
    assert StationResult(False, "posting_not_packable", "1-1-1", "error", data).as_dict(lang)["data"] == data
