"""Why a posting waits for a person: each kind of problem a service stores is recognised by the
template it was written with and said in the packer's language; any other line is shown as written."""
from __future__ import annotations

import pytest

from app.messages.problems import KINDS, SHORT_REASON, problem, problem_words
from app.services.station.results import StationResult

FIELDS = {"counted": 1, "total": 3, "reason": "box torn", "wave": 7, "status": "cancelled", "code": "PARTIAL_SHIP",
          "detail": "Mug #1/2 (0104…): INVALID", "carrier": "CDEK"}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_every_kind_stored_is_said_back_in_each_language(kind, lang):
    stored = problem(kind, **FIELDS)
    said = problem_words(stored, lang)
    expected = KINDS[kind].words[lang].format(**{**FIELDS, "status": {"en": "cancelled", "ru": "отменено",
                                                                       "zh": "已取消"}[lang]})
    assert said == expected


@pytest.mark.parametrize("stored, lang, said", [
    ("Ozon status awaiting_deliver", "ru", "в Ozon статус «ожидает отгрузки»"),
    (f"short: 2 of 5 units found ({SHORT_REASON})", "zh", "缺货：找到 2/5 件（未找到商品）"),
    ("short: 2 of 5 units found (the box: torn (wet)); shipped with wave 12: ship partially or cancel", "ru",
     "не хватает товара: найдено 2 из 5 (the box: torn (wet)); отгружено с волной 12: отгрузите частично или "
     "отмените"),
    ("the delivery partner refused to register it (Ozon: posting_registration_error): write to Ozon support or "
     "cancel the posting", "zh", "配送合作方拒绝登记该货件：请联系 Ozon 客服或取消该货件"),
    ("a packer's own words", "ru", "a packer's own words"),
    ("Ozon status", "ru", "Ozon status"),  # the template's text without its field is no match
    (None, "ru", ""),
])
def test_stored_lines_in_the_packers_words(stored, lang, said):
    assert problem_words(stored, lang) == said


def test_a_parked_posting_scanned_at_the_bench_says_its_problem_in_the_packers_language():
    data = {"reason": "problem", "detail": problem("not_on_ozon")}
    assert StationResult(False, "posting_not_packable", "1-1-1", "error", data).message("ru") == (
        "Отправление 1-1-1 отложено из-за проблемы: Ozon не знает это отправление: проверьте номер в личном "
        "кабинете Ozon.")
