from pathlib import Path

import pytest

from app.config import ConfigError, load_config, resolve_api_key, with_overrides


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_contract_example_loads(tmp_path):
    path = write(tmp_path, '''
[ozon]
base_url = "https://api-seller.ozon.ru"
client_id = "123456"
warehouse_ids = []

[station]
name = "bench-1"

[devices]
printer = "tcp://192.168.1.50:9100?lang=tspl&dpi=203"
scale = "hid://0922:8003"
scanner = "keyboard"
''')
    config = load_config(path, env={})
    assert config.ozon.client_id == "123456"
    assert config.station.name == "bench-1"
    assert config.devices.scale == "hid://0922:8003"
    assert config.database_url.startswith("sqlite:///") and config.database_url.endswith("packdesk.db")


def test_environment_overrides_file(tmp_path):
    path = write(tmp_path, '[ozon]\nclient_id = "1"\nbase_url = "https://example.test"\n')
    config = load_config(path, env={"PACKDESK_OZON_CLIENT_ID": "777", "PACKDESK_OZON_BASE_URL": "http://127.0.0.1:9",
                                    "PACKDESK_DATA_DIR": str(tmp_path / "d"),
                                    "PACKDESK_DB_URL": "postgresql+psycopg://x@127.0.0.1/db"})
    assert config.ozon.client_id == "777"
    assert config.ozon.base_url == "http://127.0.0.1:9"
    assert config.data_dir == tmp_path / "d"
    assert config.database_url == "postgresql+psycopg://x@127.0.0.1/db"


def test_data_dir_argument_beats_environment(tmp_path):
    config = load_config(write(tmp_path, ""), data_dir=tmp_path / "arg", env={"PACKDESK_DATA_DIR": "/nowhere"})
    assert config.data_dir == tmp_path / "arg"


@pytest.mark.parametrize("body,key", [
    ('[ozon]\nclient_idd = "1"\n', "ozon.client_idd"),
    ('[station]\nweight_tolerance_pct = "lots"\n', "station.weight_tolerance_pct"),
    ('[ozon]\nwarehouse_ids = ["a"]\n', "ozon.warehouse_ids"),
    ('[sync]\nhorizon_days = -3\n', "sync.horizon_days"),
    ('[printer]\nlang = "tspl"\n', "printer"),
    ('ozon = 3\n', "ozon"),
    ('[ozon]\nbase_url = "http://10.0.0.5"\n', "ozon.base_url"),
    ('[ozon]\nbase_url = "ftp://x"\n', "ozon.base_url"),
])
def test_bad_settings_name_file_and_key(tmp_path, body, key):
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        load_config(path, env={})
    message = str(info.value)
    assert str(path) in message and key in message and "\n" not in message


def test_malformed_toml_names_the_file(tmp_path):
    path = write(tmp_path, "[ozon\nclient_id=")
    with pytest.raises(ConfigError, match="not valid TOML") as info:
        load_config(path, env={})
    assert str(path) in str(info.value)


def test_missing_explicit_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml", env={})


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:5", "https://x.example"])
def test_allowed_base_urls(tmp_path, url):
    assert load_config(write(tmp_path, f'[ozon]\nbase_url = "{url}"\n'), env={}).ozon.base_url == url


def test_api_key_comes_from_environment_first():
    assert resolve_api_key("1", env={"PACKDESK_OZON_API_KEY": "k"}) == "k"
    assert resolve_api_key("1", env={}) is None  # tests run with the null keyring


def test_api_key_is_not_a_setting(tmp_path):
    with pytest.raises(ConfigError, match="ozon.api_key"):
        load_config(write(tmp_path, '[ozon]\napi_key = "secret"\n'), env={})


def test_with_overrides_replaces_one_value(tmp_path):
    config = with_overrides(load_config(write(tmp_path, ""), env={}), ozon={"client_id": "5"})
    assert config.ozon.client_id == "5"
