"""Buttons and function keys for what command barcodes do: park, next box, weigh again, items
missing, put back; and the supervisor's way out of a held error (teach a barcode), driven through
the real demo bench."""
import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.cli.demo import DEMO_API_KEY, demo_config
from app.config import Config
from app.sim.ozon import OzonSimulator, WorldConfig
from app.ui.app import build
from app.ui.pack.actions import ACTIONS, CommandDialog
from ui_helpers import plain_posting


@pytest.fixture
def bench(qtbot, tmp_path):
    with OzonSimulator(WorldConfig(postings=8, seed=5, ship_delay_s=0.0, label_delay_s=0.0)) as sim:
        config = demo_config(Config(), sim.base_url, tmp_path)
        config = dataclasses.replace(config, station=dataclasses.replace(config.station, supervisors=["anna"]))
        controller = build(QApplication.instance(), config, lang="en", api_key=DEMO_API_KEY, demo=True,
                           config_path=tmp_path / "config.toml")
        qtbot.addWidget(controller.window)
        controller.window.show()
        controller.window.activateWindow()  # function keys are window shortcuts
        qtbot.waitActive(controller.window)
        results = []
        controller.station_worker.result.connect(lambda r: results.append(r.code))
        controller.results = results
        controller.world = sim.world  # what Ozon holds, to choose a posting
        try:
            with qtbot.waitSignal(controller.queues.loaded, timeout=30_000):
                controller.start()
            qtbot.waitUntil(lambda: controller.queues.awaiting.rowCount() > 0, timeout=30_000)
            yield controller
        finally:
            controller.shutdown()


def open_posting(qtbot, bench) -> str:
    number = plain_posting(bench.queues, bench.world)
    with qtbot.waitSignal(bench.station_worker.result, timeout=10_000,
                          check_params_cb=lambda r: r.code == "posting_opened"):
        bench.scan(number)
    return number


def test_buttons_follow_the_state_and_keys_press_them(qtbot, bench):
    buttons = bench.pack_view.actions.buttons
    assert not any(buttons[a.command].isEnabled() for a in ACTIONS)  # nothing open: nothing to do
    number = open_posting(qtbot, bench)
    assert buttons["PARK"].isEnabled() and buttons["CANCEL"].isEnabled() and not buttons["WEIGH"].isEnabled()
    with qtbot.waitSignal(bench.station_worker.result, timeout=10_000) as parked:
        qtbot.keyClick(bench.window, Qt.Key.Key_F2)
    assert parked.args[0].code == "posting_parked" and parked.args[0].posting == number
    assert bench.pack_view.state == "idle" and not buttons["PARK"].isEnabled()
    with qtbot.waitSignal(bench.station_worker.result, timeout=10_000):
        bench.scan(number)  # resumed
    with qtbot.waitSignal(bench.station_worker.result, timeout=10_000) as released:
        buttons["CANCEL"].click()
    assert released.args[0].code == "posting_released"


def test_items_missing_asks_why_and_flags_the_posting(qtbot, bench):
    number = open_posting(qtbot, bench)
    bench.pack_view.actions.buttons["SHORT"].click()
    dialog = bench.window.findChild(CommandDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reason.setText("blue mug broken")
    with qtbot.waitSignal(bench.station_worker.result, timeout=10_000) as short:
        dialog.ok.click()
    assert short.args[0].code == "posting_short" and short.args[0].posting == number
    assert short.args[0].data["reason"] == "blue mug broken"


def test_a_supervisor_teaches_an_unknown_barcode_from_the_red_flash(qtbot, bench):
    open_posting(qtbot, bench)
    flash = bench.window.flash
    assert not flash.fix_button.isVisible()
    bench.scan("4690000000009")  # not in Ozon's cards: the manufacturer's own EAN
    qtbot.waitUntil(lambda: flash.isVisible() and flash.fix_button.isVisible(), timeout=10_000)
    assert "Teach" in flash.fix_button.text()
    qtbot.keyClick(bench.window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bench.command_dialog.isVisible(), timeout=5_000)
    dialog = bench.command_dialog
    assert dialog.person.currentText() == "anna" and dialog.line.count() >= 1
    with qtbot.waitSignal(bench.station_worker.result, timeout=10_000) as taught:
        dialog.ok.click()
    assert taught.args[0].code in ("item_accepted", "posting_complete")
    qtbot.waitUntil(lambda: not flash.isVisible(), timeout=10_000)
    assert bench.pack_view.snapshot["lines"][dialog.line.currentIndex()]["counted"] >= 1


def test_without_supervisors_the_dialog_says_where_to_add_them(qtbot):
    dialog = CommandDialog("OVERRIDE-WEIGHT", supervisors=[])
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    assert "Settings" in dialog.findChild(type(dialog.layout().itemAt(0).widget())).text()


def test_settings_prints_the_command_sheet_through_the_print_thread(qtbot, bench, tmp_path):
    printed = tmp_path / "printed"
    before = set(printed.glob("*.png")) if printed.exists() else set()
    said = bench._print_command_sheet("ru", ["anna", "Борис"])
    assert "напечатан" in said and "Борис" in said  # a Cyrillic name gets no barcode, and says so
    assert set(printed.glob("*.png")) - before


def test_settings_test_print_goes_through_the_print_thread_not_a_second_handle(qtbot, bench, tmp_path,
                                                                              monkeypatch):
    import threading

    from app.ui.settings import checks

    second_handle = []
    monkeypatch.setattr(checks, "test_print", lambda *args: second_handle.append(args) or "opened again")
    printer = bench.parts.print_worker.printer.printer  # the handle the print thread owns
    send, threads = printer.print_bitmap, []
    monkeypatch.setattr(printer, "print_bitmap",
                        lambda bitmap: threads.append(threading.current_thread().name) or send(bitmap))
    printed = tmp_path / "printed"
    before = set(printed.glob("*.png")) if printed.exists() else set()
    bench.open_settings()
    dialog = bench.settings_dialog
    dialog.devices["printer"].setEditText(bench.config.devices.printer + "?dpi=300")  # the same printer
    dialog.test_print()
    qtbot.waitUntil(lambda: "Test label sent" in dialog.device_result.text(), timeout=10_000)
    assert second_handle == []
    assert len(threads) == 1 and threads[0].startswith("packdesk-print")
    assert len(set(printed.glob("*.png")) - before) == 1
    dialog.reject()


def test_a_scanner_burst_into_the_focused_field_is_a_scan_not_text(qtbot, bench):
    field = bench.pack_view.scan_field
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusObject() is field, timeout=5_000)
    number = bench.queues.awaiting.rows[0]["posting_number"]
    typed = []
    field.textChanged.connect(typed.append)
    with qtbot.waitSignal(bench.station_worker.result, timeout=10_000) as opened, \
            qtbot.waitSignal(bench.scan_filter.scanned, timeout=10_000) as scanned:
        qtbot.keyClicks(field, number)  # as fast as a scanner: a burst
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scanned.args == [number] and typed == []  # the filter took it; the field never saw a key
    assert opened.args[0].code == "posting_opened" and opened.args[0].posting == number
