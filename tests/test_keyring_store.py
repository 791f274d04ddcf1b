"""The OS keyring behind every secret the bench keeps: one service, a user name per secret, and a
machine without a keyring read as "nothing stored" (stores refused with a message, never a file)."""
import logging

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from app.config import ConfigError, resolve_api_key, store_api_key
from app.config_accounts import OzonAccount, resolve_account_key
from app.config_carriers import parse_carriers
from app.keyring_store import KeyringUnavailable, read_secret, store_secret


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture
def backend(request):
    before = keyring.get_keyring()
    chosen = request.param()
    keyring.set_keyring(chosen)
    yield chosen
    keyring.set_keyring(before)


@pytest.mark.parametrize("backend", [MemoryKeyring], indirect=True)
def test_every_secret_is_under_one_service_by_its_own_user_name(backend):
    store_api_key("111", "key-of-111")
    store_secret("cdek:acc-1:secret", "cdek-secret")
    assert backend.kept == {("packdesk", "111"): "key-of-111", ("packdesk", "cdek:acc-1:secret"): "cdek-secret"}
    assert resolve_api_key("111", env={}) == "key-of-111"
    assert resolve_account_key(OzonAccount("111"), {}) == "key-of-111"
    assert resolve_account_key(OzonAccount("222"), {}) is None
    cdek = parse_carriers({"cdek": {"account": "acc-1", "delivery_methods": [7]}}, source="t").for_method(7)
    assert cdek.secret("secret", env={}) == "cdek-secret"
    assert cdek.secret("secret", env={"PACKDESK_CDEK_SECRET": "from-env"}) == "from-env"  # the environment first


@pytest.mark.parametrize("backend", [fail.Keyring], indirect=True)
def test_no_keyring_reads_as_nothing_stored_and_refuses_to_store_with_a_way_out(backend, caplog):
    with caplog.at_level(logging.INFO, logger="packdesk.config"):
        assert read_secret("111") is None
        assert resolve_api_key("111", env={}) is None
    assert [r.getMessage() for r in caplog.records] == ["OS keyring unavailable: NoKeyringError"] * 2
    with pytest.raises(KeyringUnavailable, match="NoKeyringError"):
        store_secret("111", "the-key")
    with pytest.raises(ConfigError) as refused:
        store_api_key("111", "the-key")
    assert refused.value.key == "ozon.api_key"
    assert "PACKDESK_OZON_API_KEY" in str(refused.value) and "the-key" not in str(refused.value)
