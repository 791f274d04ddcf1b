"""A carrier's refusal as the packer reads it when scanning the parked parcel: the carrier's own words
and a hint per kind, in Russian, Chinese and English; the configuration's [carriers.*] tables."""
import pytest

from app.config import ConfigError, load_config
from app.services.carriers.base import BAD_ADDRESS, WEIGHT, parse_refusal, refusal_problem
from app.services.station import results as r


@pytest.mark.parametrize("kind, carrier, shown, hint", [
    (BAD_ADDRESS, "cdek", "СДЭК (CDEK)", {"ru": "адрес покупателя", "zh": "买家地址", "en": "buyer's address"}),
    (WEIGHT, "russian_post", "Почта России (Russian Post)", {"ru": "Взвесьте", "zh": "重新称重", "en": "Weigh"}),
])
def test_a_refused_parcel_scanned_shows_the_carriers_words_and_a_hint_in_each_language(kind, carrier, shown, hint):
    words = "Недопустимый индекс получателя: 999999"
    reason = parse_refusal(refusal_problem(carrier, kind, words))
    assert reason == {"reason": f"carrier_{kind}", "carrier": shown, "message": words}
    result = r.result(r.POSTING_NOT_PACKABLE, "70001-0001-1", "idle", **reason)
    for lang, text in hint.items():
        message = result.message(lang)
        assert words in message and shown in message and "70001-0001-1" in message and text in message


def test_other_problems_are_not_carrier_refusals():
    assert parse_refusal("ship refused: HAS_INCORRECT_STATUS") is None and parse_refusal(None) is None


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_carriers_map_delivery_methods_and_take_secrets_only_from_env_or_keyring(tmp_path):
    config = load_config(write(tmp_path, '[carriers.cdek]\nbase_url = "http://127.0.0.1:9/v2"\naccount = "acc"\n'
                                         'delivery_methods = [11, 12]\n[carriers.russian_post]\nlogin = "me"\n'
                                         'delivery_methods = [13]\n'), env={})
    assert config.carriers.for_method(12).name == "cdek" and config.carriers.for_method(13).name == "russian_post"
    assert config.carriers.for_method(14) is None
    cdek = config.carriers.get("cdek")
    assert cdek.login == "acc" and cdek.options["tariff_code"] == 136
    assert cdek.secret("secret", {"PACKDESK_CDEK_SECRET": "s3"}) == "s3"


@pytest.mark.parametrize("text, key", [
    ('[carriers.cdek]\nsecret = "s3"\n', "carriers.cdek.secret"),
    ('[carriers.russian_post]\npassword = "p"\n', "carriers.russian_post.password"),
    ('[carriers.dhl]\n', "carriers.dhl"),
    ('[carriers.cdek]\nbase_url = "http://api.cdek.ru/v2"\n', "carriers.cdek.base_url"),
    ('[carriers.cdek]\ndelivery_methods = [1]\n[carriers.russian_post]\ndelivery_methods = [1]\n',
     "carriers.russian_post.delivery_methods"),
])
def test_bad_carrier_tables_are_refused_by_key(tmp_path, text, key):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text), env={})
    assert caught.value.key == key
