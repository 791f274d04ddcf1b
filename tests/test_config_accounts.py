"""[[ozon.accounts]]: several Ozon accounts on one bench, and the single [ozon] form as the one-account case."""
from pathlib import Path

import pytest

from app.config import ConfigError, load_config
from app.config_accounts import OzonAccount, resolve_account_key


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return path


TWO = """
[ozon]
requests_per_second = 10
[[ozon.accounts]]
client_id = "111"
name = "Main shop"
warehouse_ids = [7, 8]
[[ozon.accounts]]
client_id = 222
requests_per_second = 4
"""


@pytest.mark.parametrize("body, expected", [
    ('[ozon]\nclient_id = "123456"\nwarehouse_ids = [5]\n',
     (OzonAccount("123456", "", [5], single=True),)),
    ("", (OzonAccount("", "", [], single=True),)),
    (TWO, (OzonAccount("111", "Main shop", [7, 8]), OzonAccount("222", "", [], 4.0))),
])
def test_accounts_are_parsed(tmp_path, body, expected):
    assert load_config(write(tmp_path, body), env={}).accounts == expected


@pytest.mark.parametrize("body, key", [
    ('[[ozon.accounts]]\nclient_id = "abc"\n', "ozon.accounts[0].client_id"),
    ('[[ozon.accounts]]\nname = "no id"\n', "ozon.accounts[0].client_id"),
    ('[[ozon.accounts]]\nclient_id = "1"\n[[ozon.accounts]]\nclient_id = "1"\n', "ozon.accounts[1].client_id"),
    ('[[ozon.accounts]]\nclient_id = "1"\napi_key = "secret"\n', "ozon.accounts[0].api_key"),
    ('[[ozon.accounts]]\nclient_id = "1"\ncolour = "red"\n', "ozon.accounts[0].colour"),
    ('[[ozon.accounts]]\nclient_id = "1"\nwarehouse_ids = ["x"]\n', "ozon.accounts[0].warehouse_ids"),
    ('[[ozon.accounts]]\nclient_id = "1"\nrequests_per_second = 80\n', "ozon.accounts[0].requests_per_second"),
    ('[ozon]\nclient_id = "9"\n[[ozon.accounts]]\nclient_id = "1"\n', "ozon.client_id"),
    ('[ozon]\naccounts = "1"\n', "ozon.accounts"),
])
def test_bad_accounts_name_file_and_key(tmp_path, body, key):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, body), env={})
    assert caught.value.key == key and str(write(tmp_path, body)) in str(caught.value)
    assert "secret" not in str(caught.value)


def test_the_environment_key_serves_only_the_single_account(monkeypatch):
    import keyring

    store = {("packdesk", "111"): "key-of-111"}
    monkeypatch.setattr(keyring, "get_password", lambda service, user: store.get((service, user)))
    env = {"PACKDESK_OZON_API_KEY": "env-key"}
    assert resolve_account_key(OzonAccount("5", single=True), env) == "env-key"
    assert resolve_account_key(OzonAccount("111"), env) == "key-of-111"
    assert resolve_account_key(OzonAccount("222"), env) is None
