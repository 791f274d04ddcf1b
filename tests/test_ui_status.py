"""The status bar's fields: the API key's warning two weeks before it expires (by the panel's clock),
fields that give way on a short bar, and fields that keep their places when their texts shrink."""
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar

from app.ui.feedback.style import apply_style
from app.ui.status import KEY_WARN_DAYS, StatusPanel

NOW = datetime(2026, 5, 10, 12, 0, tzinfo=timezone.utc)


def test_the_key_warning_shows_only_in_the_last_two_weeks(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    clock = [NOW]
    status = StatusPanel(bar, now=lambda: clock[0])
    expires = NOW + timedelta(days=KEY_WARN_DAYS + 1)
    status.on_pass({"finished": True, "key_expires_at": expires.isoformat().replace("+00:00", "Z")})
    assert status.fields["key"].text() == ""
    clock[0] = NOW + timedelta(days=2)
    status.on_pass(dict(status.summary))
    assert status.fields["key"].text() == f"⚠ API key expires {expires.astimezone().strftime('%d.%m.%Y')}"
    status.on_pass({"finished": True, "key_expires_at": None})
    assert status.fields["key"].text() == ""


def test_a_short_bar_elides_its_fields_rather_than_widening_the_window(qtbot):
    """Long device URIs and counts on a 1280-px bar: the bar asks for no more than the screen, the
    fields give way with "…" (each one's whole text begins its tooltip); whether Ozon is online and the
    camera's REC are never cut."""
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StatusPanel(bar, printer="tcp://192.168.100.200:9100?lang=tspl&dpi=203&size=58x40",
                         scale="serial:/dev/serial/by-id/usb-Mettler_Toledo_Ariva-S_0123456789-if00",
                         scanner="hid://0c2e:1007", camera="sim://")
    status.on_pass({"finished": True, "outbox_open": 123456, "outbox_parked": 7890,
                    "failed_stages": ["reference", "postings", "products"],
                    "started_at": NOW.isoformat().replace("+00:00", "Z")})
    status.on_camera_state("recording", "", "12345678-0001-1")
    assert bar.minimumSizeHint().width() <= 1280
    bar.resize(1280, 30)
    lay_out(bar)
    fields = status.fields.values()
    assert all(f.toolTip().startswith(f.text()) for f in fields if f is not status.fields["camera"])
    assert any(0 < f.width() < f.fontMetrics().horizontalAdvance(f.text()) for f in fields)  # some gave way
    for never_cut in ("ozon", "camera"):
        field = status.fields[never_cut]
        assert field.width() >= field.fontMetrics().horizontalAdvance(field.text()), never_cut


def lay_out(bar: QStatusBar) -> None:
    """The bar shown, as the event loop leaves it: each field's request reaches its fence
    (app.ui.size_fence), which passes it to the bar if the field's size changed; the bar's layout
    is then activated."""
    bar.show()
    for _ in range(2):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    bar.layout().activate()


def a_bar_shown(qtbot, width: int, **devices) -> tuple[QStatusBar, StatusPanel]:
    """A status bar in the app's style, ``width`` px wide, on the screen, with its panel."""
    bar = QStatusBar()
    apply_style(bar)  # the app's: REC in bold
    qtbot.addWidget(bar)
    status = StatusPanel(bar, **{"printer": "sim://", "scale": "sim://", "scanner": "keyboard", "camera": "sim://",
                                 **devices})
    bar.resize(width, 30)
    bar.show()
    qtbot.waitExposed(bar)
    return bar, status


def _places(status):
    return {name: (field.mapTo(status.bar, QPoint()).x(), field.width()) for name, field in status.fields.items()
            if field.isVisibleTo(status.bar)}


def test_a_shorter_text_moves_no_field_until_the_language_changes(qtbot):
    """The camera's REC turns to "ready" at every posting put away, a reading gets lighter, the
    outbox empties: the fields keep their places (a narrower field moved all the others, and the
    whole bar was laid out and repainted). A language change measures them again."""
    bar, status = a_bar_shown(qtbot, 1600)
    status.on_scale_state("connected")
    status.on_scale_reading(12345.0, "stable")
    status.on_camera_state("ready", "", "")  # the camera has said both of its everyday words once
    status.on_camera_state("recording", "", "12345678-0001-1")
    status.on_pass({"finished": True, "outbox_open": 12345, "outbox_parked": 0})
    lay_out(bar)
    wide = _places(status)
    status.on_scale_reading(5.0, "stable")
    status.on_camera_state("ready", "", "")
    status.on_pass({"finished": True, "outbox_open": 0, "outbox_parked": 0})
    lay_out(bar)
    assert _places(status) == wide
    assert status.fields["camera"].text() == "Camera: ready"

    QApplication.sendEvent(bar, QEvent(QEvent.Type.LanguageChange))  # the same words here: measured again
    lay_out(bar)
    now = _places(status)
    for name in ("scale", "outbox"):
        assert now[name][1] < wide[name][1], name
    assert status.fields["camera"].width() >= status.fields["camera"].fontMetrics().horizontalAdvance("Camera: ready")


def test_what_a_field_says_while_the_bench_starts_keeps_no_room(qtbot):
    """"Ozon: connecting…", a device's URI before its first state, "Camera: starting…": once the
    bench is up, each field is as wide as what it says now (they kept the start's room all shift,
    and in Russian the sync's fields were cut for it)."""
    bar, status = a_bar_shown(qtbot, 1600, printer="tcp://192.168.100.200:9100?lang=tspl&dpi=203",
                              scanner="hid://0c2e:1007")
    lay_out(bar)
    starting = _places(status)
    status.on_pass({"finished": True, "stages": {"postings": "ok"}, "outbox_open": 0, "outbox_parked": 0})
    for device in (status.on_printer_state, status.on_scanner_state):
        device("connected")
    status.on_camera_state("recording", "", "12345678-0001-1")
    lay_out(bar)
    up = _places(status)
    for name in ("ozon", "printer", "scanner", "camera"):
        field = status.fields[name]
        assert up[name][1] < starting[name][1], name
        assert field.room == QLabel.sizeHint(field).width(), name


def test_a_field_that_empties_gives_its_room_back(qtbot):
    """The failed stages' warning is long; once a pass finishes it is gone, and the last sync, the
    outbox and the printer are whole again on a 1280-px bar (an empty field kept the warning's room
    and cut them to "Last sync: 1…" until the language changed)."""
    bar, status = a_bar_shown(qtbot, 1280)
    for device in (status.on_printer_state, status.on_scale_state, status.on_scanner_state):
        device("connected")
    status.on_camera_state("recording", "", "12345678-0001-1")
    fine = {"finished": True, "stages": {"postings": "ok"}, "started_at": NOW.isoformat().replace("+00:00", "Z"),
            "outbox_open": 3, "outbox_parked": 0}
    status.on_pass(fine)
    lay_out(bar)
    before = _places(status)
    status.on_pass({**fine, "finished": False, "failed_stages": ["reference", "labels", "products", "returns"]})
    lay_out(bar)
    stages = status.fields["stages"]
    assert stages.width() > 300 and status.fields["last"].width() < before["last"][1]  # the warning comes first
    status.on_pass(fine)
    lay_out(bar)
    assert stages.text() == "" and stages.isHidden() and _places(status) == before
    for name in ("last", "outbox", "printer"):
        field = status.fields[name]
        assert field.width() >= field.fontMetrics().horizontalAdvance(field.text()), name


def test_a_bench_without_an_ozon_account_says_so_rather_than_connecting_forever(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from app.config import Config
    from app.ui.app import build

    controller = build(QApplication.instance(), Config(data_dir=tmp_path), lang="ru", api_key=None)
    qtbot.addWidget(controller.window)
    try:
        assert controller.sync_worker is None  # no Client-Id: nothing to sync with
        assert controller.window.status.fields["ozon"].text() == "Ozon: не настроен"
    finally:
        controller.shutdown()
        controller.languages.switch("en")


def test_the_devices_states_are_said_in_the_packers_language_the_uri_and_reason_in_the_tooltip(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StatusPanel(bar, printer="tcp://10.0.0.7:9100", scale="serial:/dev/ttyUSB0", scanner="serial:/dev/ttyACM0",
                         now=lambda: NOW, language=lambda: "ru")
    status.on_printer_state("no_paper")
    status.on_scale_state("disconnected: [Errno 2] No such file or directory")
    status.on_scanner_state("connecting")
    fields = status.fields
    assert fields["printer"].text() == "⚠ Printer: кончились этикетки"  # the state, not the URI: no room for it
    assert fields["printer"].toolTip().endswith(": кончились этикетки\ntcp://10.0.0.7:9100")
    assert fields["scale"].text().endswith(": отключено: [Errno 2] No such file or directory")
    assert fields["scale"].toolTip().endswith("\nserial:/dev/ttyUSB0")
    assert fields["scanner"].text() == "⚠ Scanner: подключение…"
    assert "serial:/dev/ttyACM0" in fields["scanner"].toolTip()
    status.on_scanner_state("connected")
    assert fields["scanner"].text() == "✓ Scanner" and "Scanner: подключено" in fields["scanner"].toolTip()
    status.on_scanner_state("disconnected: device reports readiness to read but returned no data")
    assert fields["scanner"].text() == "⚠ Scanner: отключено" and "returned no data" in fields["scanner"].toolTip()


def test_on_a_short_bar_the_sync_fields_give_way_before_the_devices_states(qtbot):
    """Seen on the Russian screenshots at 1280 px: "Принте…", "Весы: 287 г…", "Скане…" while the
    outbox's counts were shown whole. Whether the printer, the scale and the scanner work is what a
    packer looks down for: its mark comes first and a field keeps room for it."""
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StatusPanel(bar, printer="tcp://192.168.100.200:9100?lang=tspl&dpi=203&size=58x40",
                         scale="serial:/dev/ttyUSB0", scanner="serial:/dev/ttyACM0", camera="sim://",
                         language=lambda: "ru")
    status.on_pass({"finished": True, "outbox_open": 123456, "outbox_parked": 7890,
                    "failed_stages": ["reference", "postings", "products"],
                    "started_at": NOW.isoformat().replace("+00:00", "Z")})
    status.on_scale_state("connected")
    status.on_scale_reading(287.0, "moving")
    status.on_scanner_state("connected")
    status.on_printer_state("no_paper")
    bar.resize(1000, 30)
    lay_out(bar)

    def cut(name: str) -> bool:
        field = status.fields[name]
        return field.width() < field.fontMetrics().horizontalAdvance(field.text())

    assert cut("outbox") and cut("last")  # the counts and the time gave way
    for name, mark in (("printer", "⚠ Pri"), ("scanner", "✓ Scanner")):  # whether it works is never cut off
        field = status.fields[name]
        shown = field.fontMetrics().elidedText(field.text(), Qt.TextElideMode.ElideRight, field.contentsRect().width())
        assert shown.startswith(mark), shown
    assert not cut("scanner")


def test_a_printer_that_is_not_there_is_said_when_the_bench_starts_not_at_the_first_label(qtbot, tmp_path):
    import dataclasses
    import socket

    from app.cli.demo import DEMO_API_KEY, demo_config
    from app.config import Config
    from app.sim.ozon import OzonSimulator, WorldConfig
    from app.ui.app import build

    with socket.socket() as unused:  # a loopback port nobody listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with OzonSimulator(WorldConfig(postings=2, seed=3)) as sim:
        config = demo_config(Config(), sim.base_url, tmp_path)
        config = dataclasses.replace(config, devices=dataclasses.replace(
            config.devices, printer=f"tcp://127.0.0.1:{port}?lang=tspl"))
        controller = build(QApplication.instance(), config, lang="ru", api_key=DEMO_API_KEY,
                           config_path=tmp_path / "config.toml")
        qtbot.addWidget(controller.window)
        try:
            field = controller.window.status.fields["printer"]
            assert "⚠" not in field.text()  # not asked yet
            controller.start()
            qtbot.waitUntil(lambda: field.text().startswith("⚠ Принтер: отказ в подключении"), timeout=10000)
            assert f"tcp://127.0.0.1:{port}" in field.toolTip()
        finally:
            controller.shutdown()


@pytest.mark.parametrize("state, field", [
    ("stable", "✓ Scale: 12\u00a0345 g"), ("zero", "✓ Scale: 12\u00a0345 g"), ("moving", "Scale: 12\u00a0345 g"),
    ("overload", "⚠ Scale: overload"), ("negative", "⚠ Scale: below zero: tare the scale")])
def test_the_status_bar_says_whether_the_scale_is_steady_first_and_the_whole_reading_in_its_tooltip(
        qtbot, state, field):
    """Like the printer and the scanner: the mark first, trouble in the pack view's words (the bar
    used to say "moving" of an overloaded scale), the pack view's whole reading in the tooltip."""
    from app.ui.pack import PackView

    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StatusPanel(bar, printer="sim://", scale="serial:/dev/ttyUSB0", scanner="keyboard", camera="sim://")
    view = PackView()
    qtbot.addWidget(view)
    status.on_scale_state("connected")
    status.on_scale_reading(12345.0, state)
    view.show_weight(12345.0, state)
    scale = status.fields["scale"]
    assert scale.text() == field
    assert scale.toolTip() == f"{view.weight.text()}\nserial:/dev/ttyUSB0"


def test_the_cameras_field_is_red_and_bold_while_it_records_and_amber_on_light_when_it_failed(qtbot):
    """Its looks are a palette and a font (no re-polish at each posting): checked on its pixels."""
    from collections import Counter

    bar, status = a_bar_shown(qtbot, 1280)
    field = status.fields["camera"]
    ground = bar.palette().color(bar.backgroundRole()).name()
    looks = []
    for state in ("ready", "recording", "failed", "ready"):
        status.on_camera_state(state, "no camera matches", "12345678-0001-1")
        lay_out(bar)
        image = field.grab().toImage()
        colours = Counter(image.pixelColor(x, y).name() for y in range(image.height()) for x in range(image.width()))
        looks.append((field.font().bold(), colours.most_common(1)[0][0], {"#c62828", "#8a5a00"} & set(colours)))
    assert looks == [(False, ground, set()),  # the bar's own
                     (True, ground, {"#c62828"}),  # red, bold
                     (True, "#fff3cd", {"#8a5a00"}),  # amber on light
                     (False, ground, set())]  # its own again
