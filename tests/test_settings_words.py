"""A setting that cannot be used is said in the seller's language (the commands, Settings); the
English detail stays what the log and a file's reader had."""
from pathlib import Path

import pytest

from app.config import SETTINGS, ConfigError, check_base_url, load_config
from app.config_values import EXPECTED
from app.cli.common import config_problem
from app.messages import CATALOGUE, error_text
from app.messages.settings_words import SETTINGS_MESSAGES


def refused(call) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        call()
    return caught.value


def from_file(tmp_path: Path, body: str):
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return lambda: load_config(path, env={})


@pytest.mark.parametrize("make, key, en, ru, zh", [
    (lambda tmp: lambda: SETTINGS["ozon.requests_per_second"].check(0), "ozon.requests_per_second",
     "expected a number from 0.1 to 50, got 0", "нужно число от 0.1 до 50; указано 0",
     "应为 0.1 到 50 之间的数；实际为 0"),
    (lambda tmp: lambda: SETTINGS["sync.interval_s"].check("nan"), "sync.interval_s",
     "expected a finite number, got 'nan'", "нужно конечное число; указано 'nan'", "应为有限的数；实际为 'nan'"),
    (lambda tmp: lambda: SETTINGS["station.order_label"].check("sometimes"), "station.order_label",
     "expected one of never, on_pack, got 'sometimes'", "нужно одно из: never, on_pack; указано 'sometimes'",
     "应为以下之一：never, on_pack；实际为 'sometimes'"),
    (lambda tmp: lambda: check_base_url("http://example.com"), "ozon.base_url",
     "plain http is allowed only for a loopback host (127.0.0.1, ::1, localhost), not 'example.com'; use https",
     "простой http разрешён только для локального адреса", "仅本机地址"),
    (lambda tmp: from_file(tmp, "[nonsense]\n"), "nonsense", "unknown setting", "неизвестная настройка", "未知设置项"),
    (lambda tmp: from_file(tmp, "ozon = 3\n"), "ozon", "must be a table ([ozon])", "должно быть таблицей ([ozon])",
     "必须是表（[ozon]）"),
    (lambda tmp: from_file(tmp, '[[ozon.accounts]]\nclient_id = "abc"\n'), "ozon.accounts[0].client_id",
     "expected the account's numeric Client-Id, got 'abc'", "нужен числовой Client-Id аккаунта; указано 'abc'",
     "应为账户的数字 Client-Id；实际为 'abc'"),
    (lambda tmp: from_file(tmp, '[[ozon.accounts]]\nclient_id = "1"\n[[ozon.accounts]]\nclient_id = "1"\n'),
     "ozon.accounts[1].client_id", "Client-Id 1 is configured twice", "Client-Id 1 задан дважды",
     "Client-Id 1 配置了两次"),
    (lambda tmp: from_file(tmp, "[carriers.pigeon]\n"), "carriers.pigeon", "unknown carrier (known: ",
     "неизвестный перевозчик (известны: ", "未知承运商（可用："),
    (lambda tmp: from_file(tmp, '[carriers.cdek]\nsecret = "s"\n'), "carriers.cdek.secret",
     "secrets never go in the file", "секреты не пишут в файл", "机密信息不能写在文件中"),
    (lambda tmp: from_file(tmp, "[carriers.cdek]\ndelivery_methods = [7]\n[carriers.russian_post]\n"
                                "delivery_methods = [7]\n"), "carriers.russian_post.delivery_methods",
     "delivery method 7 is mapped to cdek already", "способ доставки 7 уже назначен перевозчику cdek",
     "配送方式 7 已分配给 cdek"),
    (lambda tmp: from_file(tmp, "[ozon\nclient_id = 1\n"), "",
     "not valid TOML at line 1, column 6 (Expected ']' at the end of a table declaration)",
     "ошибка в записи TOML: строка 1, столбец 6 (Expected", "TOML 格式错误：第 1 行第 6 列（Expected"),
    (lambda tmp: from_file(tmp, "config_version = 99\n"), "config_version",
     "config_version 99 is newer than this packdesk understands (1): update packdesk",
     "config_version 99 новее, чем понимает эта версия packdesk (1): обновите packdesk",
     "config_version 99 比此版本 packdesk 能识别的更新（1）：请更新 packdesk"),
    (lambda tmp: from_file(tmp, 'config_version = "1"\n'), "config_version", "expected a whole number, got '1'",
     "нужно целое число; указано '1'", "应为整数；实际为 '1'"),
    (lambda tmp: from_file(tmp, '[ozon]\nclient_id = "1"\n[[ozon.accounts]]\nclient_id = "2"\n'), "ozon.client_id",
     "use either [ozon] client_id (one account) or [[ozon.accounts]] tables, not both",
     "укажите либо [ozon] client_id (один аккаунт), либо таблицы [[ozon.accounts]]", "请只使用 [ozon] client_id"),
])
def test_a_refused_setting_is_said_in_each_language(tmp_path, make, key, en, ru, zh):
    error = refused(make(tmp_path))
    def words(lang):
        return error_text(error, lang, error.detail)

    assert error.key == key and error.detail.startswith(en) and words("en") == error.detail
    assert words("ru").startswith(ru) and words("zh").startswith(zh)
    assert config_problem(error, "ru") == f"{error.where}: {words('ru')}"


def test_an_error_without_a_code_keeps_its_english_and_every_code_has_three_languages():
    plain = ConfigError("a setting refused by an older check", key="ozon.api_key")
    assert error_text(plain, "zh", plain.detail) == plain.detail and config_problem(plain, "ru") == str(plain)
    assert set(EXPECTED.values()) <= set(SETTINGS_MESSAGES)
    assert all(set(CATALOGUE[code]) == {"en", "ru", "zh"} for code in SETTINGS_MESSAGES)


def file_refused(path: Path) -> ConfigError:
    return refused(lambda: load_config(path, env={}))


def test_a_file_that_cannot_be_read_is_said_in_each_language(tmp_path):
    folder = tmp_path / "config.toml"
    folder.mkdir()
    error = file_refused(folder)
    assert (error.where, error.detail) == (str(folder), "is a folder, not a file")
    assert config_problem(error, "ru") == f"{folder}: это папка, а не файл"
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[station]\nname = "Станция"\n'.encode("cp1251"))
    error = file_refused(latin)
    assert error.detail == "is not UTF-8 text"
    assert error_text(error, "zh") == "文件不是 UTF-8 文本：请以 UTF-8 编码保存"


def test_a_keyring_that_cannot_store_the_key_is_said_in_each_language(monkeypatch):
    import app.config as config
    from app.keyring_store import KeyringUnavailable

    def no_keyring(user, secret):
        raise KeyringUnavailable("NoKeyringError")

    monkeypatch.setattr(config, "store_secret", no_keyring)
    error = refused(lambda: config.store_api_key("123456", "key"))
    assert error.detail == "the OS keyring cannot store the key (NoKeyringError); set PACKDESK_OZON_API_KEY instead"
    assert error_text(error, "ru") == ("хранилище ОС не может сохранить ключ (NoKeyringError); "
                                       "задайте PACKDESK_OZON_API_KEY")
