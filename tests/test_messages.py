import string

import pytest

from app.messages import CATALOGUE, LANGUAGES, system_language, text
from app.messages.statuses import cancelled_detail


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_message_has_every_language_with_the_same_placeholders(code):
    fields = {lang: {f for _, f, _, _ in string.Formatter().parse(CATALOGUE[code][lang]) if f}
              for lang in LANGUAGES}
    assert set(CATALOGUE[code]) == set(LANGUAGES)
    assert fields["ru"] == fields["en"] == fields["zh"], fields
    assert CATALOGUE[code]["ru"] != CATALOGUE[code]["en"]
    assert CATALOGUE[code]["zh"] != CATALOGUE[code]["en"]


@pytest.mark.parametrize("env,expected", [
    ({"LANG": "ru_RU.UTF-8"}, "ru"), ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "ru_RU.UTF-8"}, "zh"),
])
def test_system_language(monkeypatch, env, expected):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert system_language() == expected


def test_text_falls_back_to_english_for_unknown_language():
    assert text("no_postings", "de") == CATALOGUE["no_postings"]["en"]


def test_a_code_two_modules_define_stops_the_import_rather_than_one_text_silently_winning():
    from app.messages import _join

    with pytest.raises(RuntimeError, match="station_bad_scan"):
        _join({"station_bad_scan": {"en": "x", "ru": "y", "zh": "z"}})


@pytest.mark.parametrize(("by", "detail", "in_ozon_words", "lang", "said"), [
    ("buyer", "Покупатель отменил заказ", True, "en", "by the buyer: Покупатель отменил заказ"),
    ("buyer", "Покупатель отменил заказ", True, "zh", "买家取消：Покупатель отменил заказ"),
    ("buyer", "Покупатель отменил заказ", True, "ru", "Покупатель отменил заказ"),  # Ozon's words say it
    ("delivery", "отменено", False, "ru", "отменено службой доставки"),  # no reason from Ozon: a status word
    ("ozon", "cancelled", False, "en", "by Ozon: cancelled"),
    ("nobody-we-know", "cancelled", False, "en", "cancelled"),
])
def test_a_cancellation_says_who_beside_ozons_reason(by, detail, in_ozon_words, lang, said):
    assert cancelled_detail(by, detail, lang, in_ozon_words=in_ozon_words) == said
