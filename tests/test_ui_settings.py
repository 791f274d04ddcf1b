"""Settings: validated before saving; nothing is written while a value is wrong; the key never
goes to the file."""
import pytest
from PySide6.QtCore import Qt

from app.config import SETTINGS, load_config
from app.ui.settings import docs
from app.ui.settings.dialog import SettingsDialog
from app.ui.settings.form import DECLARED, FIELDS, SettingsForm, setting

GOOD = dict(base_url="https://api-seller.ozon.ru", client_id="123456", warehouse_ids="7, 8", printer="sim://",
            scale="sim://", scanner="keyboard", weight_tolerance_pct="12", packaging_allowance_g="40",
            supervisors="Anna, Борис, Anna")


@pytest.mark.parametrize("field,value", [
    ("base_url", "http://seller.example.com"),
    ("base_url", "ftp://127.0.0.1"),
    ("printer", "bogus://printer"),
    ("printer", "tcp://10.0.0.5:9100?lang=klingon"),
    ("scale", "serial:/dev/ttyUSB0?protocol=nope"),
    ("scanner", "carrier-pigeon"),
    ("warehouse_ids", "7, eight"),
    ("client_id", "abc"),
    ("supervisors", "Anna, Boris:admin"),
])
def test_a_wrong_value_is_reported_and_nothing_is_saved(qtbot, tmp_path, field, value):
    path = tmp_path / "config.toml"
    dialog = SettingsDialog(SettingsForm(**GOOD), path, language="en")
    qtbot.addWidget(dialog)
    widget = dialog.edits.get(field) or dialog.devices[field]
    if hasattr(widget, "setEditText"):
        widget.setEditText(value)
    else:
        widget.setText(value)
    assert dialog.save() is False
    assert dialog.labels()[field] in dialog.problems.text()
    assert not path.exists()


@pytest.mark.parametrize("language, said", [
    ("ru", "'tcp://10.0.0.5:9100?lang=klingon': lang='klingon' — допустимо одно из: tspl, zpl, epl, escpos"),
    ("zh", "'tcp://10.0.0.5:9100?lang=klingon'：lang='klingon' 无效，可选：tspl, zpl, epl, escpos"),
])
def test_a_wrong_device_uri_is_said_in_the_windows_language(qtbot, tmp_path, language, said):
    dialog = SettingsDialog(SettingsForm(**{**GOOD, "printer": "tcp://10.0.0.5:9100?lang=klingon"}),
                            tmp_path / "config.toml", language=language)
    qtbot.addWidget(dialog)
    assert dialog.save() is False
    assert said in dialog.problems.text() and "is not one of" not in dialog.problems.text()


@pytest.mark.parametrize("field,value,detail", [
    ("weight_tolerance_pct", "-3", "expected a number from 0 to 100, got -3"),
    ("requests_per_second", "0", "expected a number from 0.1 to 50, got 0"),
    ("interval_s", "nan", "expected a finite number, got 'nan'"),
    ("packaging_allowance_g", "1e9", "expected a number from 0 to 100000, got 1e+09"),
    ("order_label", "sometimes", "expected one of never, on_pack, got 'sometimes'"),
])
def test_the_form_refuses_what_the_configuration_refuses(tmp_path, field, value, detail):
    """Numbers and choices are checked by the setting's own declaration: the same words as a bad file."""
    form = SettingsForm(**{**GOOD, field: value})
    assert [(p.field, p.detail) for p in form.validate()] == [(field, detail)]
    with pytest.raises(ValueError):
        form.save(tmp_path / "config.toml")
    assert not (tmp_path / "config.toml").exists()


def test_the_dialog_is_built_from_the_declarations(qtbot, tmp_path):
    """Spin boxes over each declared range, the declared choices, each description as the tooltip."""
    dialog = SettingsDialog(SettingsForm(**GOOD), tmp_path / "config.toml", language="en")
    qtbot.addWidget(dialog)
    for name, box in dialog.numbers.items():
        assert (box.minimum(), box.maximum()) == (setting(name).low, setting(name).high), name
    assert dialog.numbers["weight_tolerance_pct"].value() == 12.0
    combo = dialog.choices["order_label"]
    assert [combo.itemData(i) for i in range(combo.count())] == list(SETTINGS["station.order_label"].choices)
    assert set(DECLARED) <= set(dialog.setting_widgets()) and set(dialog.setting_widgets()) <= set(FIELDS)
    for name, widget in dialog.setting_widgets().items():
        assert widget.toolTip() == setting(name).doc, name
    dialog.numbers["weight_tolerance_pct"].setValue(250)  # clamped to the range
    dialog.numbers["requests_per_second"].setValue(7.5)
    combo.setCurrentIndex(combo.findData("on_pack"))
    assert dialog.save() is True
    config = load_config(tmp_path / "config.toml", env={})
    assert (config.station.weight_tolerance_pct, config.ozon.requests_per_second, config.station.order_label) == (
        100.0, 7.5, "on_pack")


def test_the_tooltips_speak_the_packers_language(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import Languages

    languages = Languages(QApplication.instance())
    dialog = SettingsDialog(SettingsForm(**GOOD), tmp_path / "config.toml", language="ru")
    qtbot.addWidget(dialog)
    try:
        languages.switch("ru")
        assert dialog.numbers["weight_tolerance_pct"].toolTip() == "допустимое отклонение от веса по каталогу, %"
        assert dialog.choices["order_label"].itemText(0) == "Нет: только этикетка Ozon"
    finally:
        languages.switch("en")


def test_the_descriptions_for_the_translators_are_current():
    """packaging/translations.py writes app/ui/settings/docs.py from app/config.py: run it after
    changing a description or a field of the form."""
    assert docs.DOCS == tuple(setting(name).doc for name in FIELDS)


def test_good_values_are_written_and_read_back_without_the_key(qtbot, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[sync]\nhorizon_days = 21\n', encoding="utf-8")
    stored = []
    form = SettingsForm(**GOOD, api_key="secret-key")
    form.save(path, store_key=lambda client_id, key: stored.append((client_id, key)))
    assert stored == [("123456", "secret-key")]
    assert "secret-key" not in path.read_text(encoding="utf-8")
    config = load_config(path, env={})
    assert config.ozon.client_id == "123456" and config.ozon.warehouse_ids == [7, 8]
    assert config.devices.printer == "sim://" and config.station.weight_tolerance_pct == 12.0
    assert config.station.supervisors == ["Anna", "Борис"]
    assert config.sync.horizon_days == 21  # a setting the form does not edit is kept


def test_dialog_save_emits_path_and_language(qtbot, tmp_path):
    path = tmp_path / "sub" / "config.toml"
    dialog = SettingsDialog(SettingsForm(**GOOD), path, language="ru")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save() is True
    assert saved.args == [str(path), "ru"]
    assert load_config(path, env={}).station.packaging_allowance_g == 40.0


def test_the_scale_in_use_is_read_live_and_never_opened_twice(qtbot, tmp_path, monkeypatch):
    from app.ui.adapters import ScaleBridge
    from app.ui.settings import checks

    bridge = ScaleBridge()
    dialog = SettingsDialog(SettingsForm(**GOOD), tmp_path / "config.toml", language="en", live_scale=bridge)
    qtbot.addWidget(dialog)
    assert "waiting" in dialog.live.text()
    bridge.reading.emit(742.0, "stable")
    assert "742 g" in dialog.live.text()
    opened = []
    monkeypatch.setattr(checks, "read_scale", lambda uri, timeout_s=3.0: opened.append(uri) or (1.0, "stable"))
    dialog.read_scale()
    assert opened == [] and "742 g" in dialog.live.text()
    dialog.devices["scale"].setEditText("serial:/dev/ttyUSB7?protocol=sics")
    assert "Read scale" in dialog.live.text()  # another scale: its reading is asked for on demand


def test_the_scales_state_is_said_in_the_packers_words(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from app.ui.adapters import ScaleBridge
    from app.ui.i18n import Languages
    from app.ui.settings import checks

    languages = Languages(QApplication.instance())
    bridge = ScaleBridge()
    dialog = SettingsDialog(SettingsForm(**GOOD), tmp_path / "config.toml", language="ru", live_scale=bridge)
    qtbot.addWidget(dialog)
    try:
        languages.switch("ru")
        bridge.reading.emit(0.0, "zero")  # an empty scale at zero: the words of "stable", not the state's name
        assert dialog.live.text() == "Используемые весы, сейчас: 0 г (стабильно)"
        monkeypatch.setattr(checks, "read_scale", lambda uri, timeout_s=3.0: (5.0, "moving"))
        dialog.devices["scale"].setEditText("serial:/dev/ttyUSB7?protocol=sics")
        dialog.read_scale()
        qtbot.waitUntil(lambda: dialog.device_result.text() == "Весы показывают 5 г (стабилизируется…).")
    finally:
        languages.switch("en")


def test_the_command_sheet_is_printed_off_the_gui_thread_with_the_supervisors(qtbot, tmp_path):
    from ui_helpers import is_gui_thread

    calls = []

    def print_commands(language, supervisors):
        calls.append((language, supervisors, is_gui_thread()))
        return "printed on sim://"

    dialog = SettingsDialog(SettingsForm(**GOOD), tmp_path / "config.toml", language="ru",
                            print_commands=print_commands)
    qtbot.addWidget(dialog)
    dialog.print_sheet()
    qtbot.waitUntil(lambda: "sim://" in dialog.sheet_result.text(), timeout=5000)
    assert calls == [("ru", ["Anna", "Борис"], False)]
    without = SettingsDialog(SettingsForm(**GOOD), tmp_path / "config.toml", language="en")
    qtbot.addWidget(without)
    assert not without.sheet_button.isEnabled()


def test_test_print_uses_the_print_worker_for_the_printer_in_use_and_opens_only_another(qtbot, tmp_path,
                                                                                       monkeypatch):
    from app.ui.settings import checks
    from ui_helpers import is_gui_thread

    through_worker, opened = [], []
    monkeypatch.setattr(checks, "test_print", lambda uri, sim_dir: opened.append((uri, is_gui_thread())) or uri)
    dialog = SettingsDialog(SettingsForm(**{**GOOD, "printer": "tcp://10.0.0.5:9100?lang=tspl"}),
                            tmp_path / "config.toml", language="en",
                            print_sample=lambda: through_worker.append(is_gui_thread()) or "tcp://10.0.0.5:9100")
    qtbot.addWidget(dialog)
    dialog.devices["printer"].setEditText("tcp://10.0.0.5:9100?lang=zpl")  # the same device, other settings
    dialog.test_print()
    qtbot.waitUntil(lambda: "sent to" in dialog.device_result.text(), timeout=5000)
    assert through_worker == [False] and opened == []
    dialog.devices["printer"].setEditText("tcp://10.0.0.6:9100")  # a printer nobody holds: opened to try it
    dialog.test_print()
    qtbot.waitUntil(lambda: "10.0.0.6" in dialog.device_result.text(), timeout=5000)
    assert opened == [("tcp://10.0.0.6:9100", False)] and through_worker == [False]


def test_test_connection_shows_the_key_expiry_and_offers_ozons_warehouses(qtbot, tmp_path):
    from app.sim.ozon import OzonSimulator, WorldConfig

    with OzonSimulator(WorldConfig(postings=3, seed=2)) as sim:
        form = SettingsForm(**{**GOOD, "base_url": sim.base_url, "client_id": "100000", "warehouse_ids": ""})
        dialog = SettingsDialog(form, tmp_path / "config.toml", language="en")
        qtbot.addWidget(dialog)
        dialog.edits["api_key"].setText("demo-key")
        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Connected"), timeout=10_000)
        assert dialog.warehouse_list.count() == len(sim.world.warehouses) >= 1
        first = dialog.warehouse_list.item(0)
        first.setCheckState(Qt.CheckState.Checked)
        assert dialog.edits["warehouse_ids"].text() == str(first.data(Qt.ItemDataRole.UserRole))
        dialog.edits["api_key"].setText("wrong-key")
        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Connection failed"), timeout=10_000)


def test_a_bench_of_several_accounts_keeps_its_account_tables_and_a_key_goes_to_the_account_typed(qtbot, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[[ozon.accounts]]\nclient_id = "111111"\nname = "Shop A"\n'
                    '[[ozon.accounts]]\nclient_id = "222222"\nname = "Shop B"\n', encoding="utf-8")
    stored = []
    form = SettingsForm(**{**GOOD, "client_id": "222222"}, api_key="key-of-b")
    form.save(path, store_key=lambda client_id, key: stored.append((client_id, key)))
    assert stored == [("222222", "key-of-b")]
    config = load_config(path, env={})  # still loads: no [ozon] client_id beside the tables
    assert [a.client_id for a in config.accounts] == ["111111", "222222"] and config.ozon.client_id == ""


def test_found_devices_are_offered_with_what_they_look_like_in_the_packers_language(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from app.devices import discovery
    from app.ui.i18n import Languages

    found = discovery.Discovery([discovery.FoundDevice("scale", "serial:/dev/ttyUSB0", ("found_serial_chip",
                                                                                          {"chip": "CH340"}))],
                                [("found_note_no_hidapi", {})])
    monkeypatch.setattr(discovery, "discover", lambda: found)
    languages = Languages(QApplication.instance())
    dialog = SettingsDialog(SettingsForm(**GOOD), tmp_path / "config.toml", language="ru")
    qtbot.addWidget(dialog)
    try:
        languages.switch("ru")
        dialog.find_devices()
        qtbot.waitUntil(lambda: dialog.device_result.text().startswith("Найдено"))
        scales = dialog.devices["scale"]
        offered = scales.findData("serial:/dev/ttyUSB0")
        assert scales.itemData(offered, Qt.ItemDataRole.ToolTipRole) == (
            "переходник USB-COM CH340: вероятно, весы (добавьте ?protocol=...)")
        assert dialog.device_result.text().endswith("hidapi не установлен: весы и сканеры HID не показаны "
                                                    "(pip install hidapi)")
    finally:
        languages.switch("en")


def test_the_form_says_a_refused_setting_in_the_windows_language(qtbot, tmp_path):
    form = SettingsForm(**{**GOOD, "weight_tolerance_pct": "-3"})
    assert [(p.field, p.detail) for p in form.validate("ru")] == [("weight_tolerance_pct",
                                                                    "нужно число от 0 до 100; указано -3")]
    dialog = SettingsDialog(form, tmp_path / "config.toml", language="zh")
    qtbot.addWidget(dialog)
    dialog.numbers["weight_tolerance_pct"].setMinimum(-10)  # the spin box keeps a person inside the range
    dialog.numbers["weight_tolerance_pct"].setValue(-3)
    assert dialog.save() is False and "应为 0 到 100 之间的数；实际为 -3" in dialog.problems.text()


def test_a_refused_key_and_a_keyring_that_cannot_store_it_are_said_in_the_windows_language(qtbot, tmp_path,
                                                                                        monkeypatch):
    import app.config as config
    from app.keyring_store import KeyringUnavailable
    from app.sim.ozon import OzonSimulator, WorldConfig

    with OzonSimulator(WorldConfig(postings=1, seed=2)) as sim:
        form = SettingsForm(**{**GOOD, "base_url": sim.base_url, "client_id": "100000"})
        dialog = SettingsDialog(form, tmp_path / "config.toml", language="ru")
        qtbot.addWidget(dialog)
        dialog.edits["api_key"].setText("wrong-key")
        dialog.test_connection()
        qtbot.waitUntil(lambda: "Ozon отклонил API-ключ для Client-Id 100000" in dialog.test_result.text(),
                        timeout=10_000)
        dialog.edits["client_id"].setText("")
        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.test_result.text().endswith("нужны Client-Id и API-ключ"), timeout=10_000)

    def no_keyring(user, secret):
        raise KeyringUnavailable("NoKeyringError")

    monkeypatch.setattr(config, "store_secret", no_keyring)
    dialog.edits["client_id"].setText("100000")
    dialog.edits["api_key"].setText("a-key")
    assert dialog.save() is False
    assert "хранилище ОС не может сохранить ключ (NoKeyringError)" in dialog.problems.text()


def test_a_file_that_cannot_be_read_stores_nothing_not_even_the_key(tmp_path):
    from app.config import ConfigError

    path = tmp_path / "config.toml"
    path.write_text("[ozon\n", encoding="utf-8")
    stored = []
    form = SettingsForm(**GOOD, api_key="a-key")
    with pytest.raises(ConfigError) as refused:
        form.save(path, store_key=lambda client_id, key: stored.append(key))
    assert refused.value.code == "setting_not_toml_at" and stored == [] and path.read_text() == "[ozon\n"
