from pathlib import Path

import pytest

from app.config import SETTINGS, ConfigError, load_config, resolve_api_key, with_overrides


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


@pytest.mark.parametrize("given", [{"data_dir": Path("bench")}, {"env": {"PACKDESK_DATA_DIR": "bench"}}])
def test_a_relative_data_dir_is_taken_from_where_it_was_given(tmp_path, monkeypatch, given):
    """``--data-dir data`` means ./data for every part of the bench, the recorder program too (Qt's
    recorder read the clip's relative path against the home directory: the clip failed)."""
    monkeypatch.chdir(tmp_path)
    config = load_config(write(tmp_path, ""), **given)
    assert config.data_dir == tmp_path / "bench" and config.data_dir.is_absolute()


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


NUMBERS = [key for key, s in SETTINGS.items() if s.type in (int, float)]


def test_every_number_declares_its_range():
    assert {"ozon.requests_per_second", "sync.horizon_days"} <= set(NUMBERS)
    assert [key for key in NUMBERS if SETTINGS[key].low is None or SETTINGS[key].high is None] == []


@pytest.mark.parametrize("key", NUMBERS)
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e300", "-1", "123456789012345678901234567890"])
def test_a_number_out_of_range_or_not_finite_names_file_and_key(tmp_path, key, value):
    """One line naming the file and the key, never a crash later (0 requests per second used to
    stop the bench while it opened; nan and inf passed every comparison)."""
    section, name = key.split(".")
    if SETTINGS[key].type is int and not value.lstrip("-").isdigit():
        value = value.replace("1e300", "10000000")  # TOML's nan/inf are floats: "a whole number" for an int
    path = write(tmp_path, f"[{section}]\n{name} = {value}\n")
    with pytest.raises(ConfigError) as info:
        load_config(path, env={})
    message = str(info.value)
    assert message.startswith(f"{path}, {key}: expected ") and "\n" not in message


@pytest.mark.parametrize("body,detail", [
    ("[ozon]\nrequests_per_second = 0\n", "expected a number from 0.1 to 50, got 0"),
    ("[ozon]\nrequests_per_second = nan\n", "expected a finite number, got nan"),
    ("[station]\nweight_tolerance_pct = inf\n", "expected a finite number, got inf"),
    ("[station]\npackaging_allowance_g = -5\n", "expected a number from 0 to 100000, got -5"),
    ("[sync]\nhorizon_days = 0\n", "expected a whole number from 1 to 90, got 0"),
    ("[sync]\nhorizon_days = 2.5\n", "expected a whole number, got 2.5"),
])
def test_what_is_wrong_with_a_number_is_said(tmp_path, body, detail):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, body), env={})
    assert info.value.detail == detail


@pytest.mark.parametrize("key", NUMBERS)
def test_the_ends_of_each_range_are_accepted(tmp_path, key):
    section, name = key.split(".")
    for end in (SETTINGS[key].low, SETTINGS[key].high):
        value = int(end) if SETTINGS[key].type is int else float(end)
        config = load_config(write(tmp_path, f"[{section}]\n{name} = {value}\n"), env={})
        assert getattr(getattr(config, section), name) == value


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
