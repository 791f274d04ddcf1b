"""People on screen, through the real demo bench offscreen: the sign-in bar follows the station,
a typed PIN signs in, a scan with nobody signed in is refused, Settings open only for an admin,
the audit shows and exports (off the GUI thread) what happened; the supervisor's dialog asks for a
badge or PIN, never offers names."""
import csv
import dataclasses
import threading
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.cli.demo import DEMO_API_KEY, demo_config
from app.config import Config
from app.services.people import directory
from app.sim.ozon import OzonSimulator, WorldConfig
from app.ui.app import build
from app.ui.pack.actions import CommandDialog
from app.ui.people.bar import PinDialog
from ui_helpers import plain_posting


@contextmanager
def people_bench(qtbot, tmp_path, people, *, scanner: str = ""):
    """The demo bench with ``people`` ((name, role, PIN)...) set up, started, its queues read;
    ``scanner``: another scanner URI than the window's keyboard."""
    with OzonSimulator(WorldConfig(postings=4, seed=5, ship_delay_s=0.0, label_delay_s=0.0)) as sim:
        config = demo_config(Config(), sim.base_url, tmp_path)
        if scanner:
            config = dataclasses.replace(config, devices=dataclasses.replace(config.devices, scanner=scanner))
        controller = build(QApplication.instance(), config, lang="en", api_key=DEMO_API_KEY, demo=True,
                           config_path=tmp_path / "config.toml")
        qtbot.addWidget(controller.window)
        for name, role, pin in people:
            directory.add(controller.parts.db, name, role, pin=pin)
        controller.window.show()
        try:
            with qtbot.waitSignal(controller.queues.loaded, timeout=30_000):
                controller.start()
            qtbot.waitUntil(lambda: controller.people.bar.isVisible(), timeout=10_000)
            qtbot.waitUntil(lambda: controller.queues.awaiting.rowCount() > 0, timeout=30_000)
            controller.world = sim.world
            yield controller
        finally:
            controller.shutdown()


@pytest.fixture
def bench(qtbot, tmp_path):
    with people_bench(qtbot, tmp_path, (("Anna", "packer", "1111"), ("Olga", "admin", "2222"))) as controller:
        yield controller


def answer(qtbot, bench, act, code):
    with qtbot.waitSignal(bench.station_worker.result, timeout=10_000,
                          check_params_cb=lambda r: r.code == code) as got:
        act()
    return got.args[0]


def sign_in_with_pin(qtbot, bench, pin):
    bar = bench.people.bar
    bar.ask_pin()
    dialog = bench.window.findChild(PinDialog)
    dialog.pin.setText(pin)
    return answer(qtbot, bench, dialog.accept, "packer_signed_in")


def test_nobody_signed_in_then_a_pin_then_signing_out(qtbot, bench):
    bar = bench.people.bar
    assert bar.person is None and "Nobody is signed in" in bar.who.text()
    number = plain_posting(bench.queues, bench.world)
    refused = answer(qtbot, bench, lambda: bench.scan(number), "sign_in_required")
    assert "scan your badge" in refused.message("en")
    signed = sign_in_with_pin(qtbot, bench, "1111")
    assert signed.data["person"] == "Anna" and bar.who.text() == "Signed in: Anna" and bar.out_button.isVisible()
    answer(qtbot, bench, lambda: bench.scan(number), "posting_opened")
    answer(qtbot, bench, bar.out_button.click, "packer_signed_out")
    assert bar.person is None and bar.pin_button.isVisible()


def test_settings_open_only_for_an_admin(qtbot, bench):
    sign_in_with_pin(qtbot, bench, "1111")
    with qtbot.waitSignal(bench.messages.message, timeout=10_000) as said:
        bench.ask_settings()
    assert "Only an admin" in str(said.args)
    assert getattr(bench, "settings_dialog", None) is None
    sign_in_with_pin(qtbot, bench, "2222")
    bench.ask_settings()
    qtbot.waitUntil(lambda: getattr(bench, "settings_dialog", None) is not None, timeout=10_000)
    bench.settings_dialog.reject()


def test_the_audit_shows_and_exports_who_did_what(qtbot, bench, tmp_path):
    sign_in_with_pin(qtbot, bench, "1111")
    panel = bench.people.audit
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.reload()
    assert any(row.kind == "packer_signed_in" and row.packer == "Anna" for row in panel.rows)
    assert panel.table.rowCount() == len(panel.rows)
    panel.packer.setCurrentIndex(panel.packer.findData("Anna"))
    threads = []
    from app.services.people import audit
    write = audit.write_csv
    audit_write = lambda *a: threads.append(threading.current_thread()) or write(*a)  # noqa: E731
    target = tmp_path / "audit.csv"
    try:
        audit.write_csv = audit_write
        with qtbot.waitSignal(panel.exported, timeout=10_000) as done:
            panel.export_to(str(target))
    finally:
        audit.write_csv = write
    assert threads and threads[0] is not threading.main_thread()
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert done.args[0] == len(rows) >= 1 and {row["packer"] for row in rows} == {"Anna"}
    assert "packer_signed_in" in {row["kind"] for row in rows}


def short_dialog(qtbot, bench, reason: str):
    """Anna signed in, a posting open, its SHORT dialog waiting for a supervisor: (dialog, Olga's badge)."""
    sign_in_with_pin(qtbot, bench, "1111")
    badge = directory.issue_badge(bench.parts.db, "Olga")
    number = plain_posting(bench.queues, bench.world)
    answer(qtbot, bench, lambda: bench.scan(number), "posting_opened")
    bench.pack_view.actions.buttons["SHORT"].click()
    dialog = bench.pack_view.actions.dialog
    assert dialog.badge and dialog.isVisible()
    dialog.reason.setText(reason)
    return dialog, badge


def test_the_supervisors_dialog_asks_for_a_badge_or_pin_never_a_name(qtbot):
    dialog = CommandDialog("OVERRIDE-WEIGHT", supervisors=["anna"], badge=True)
    qtbot.addWidget(dialog)
    assert not dialog.person.isVisibleTo(dialog) and dialog.credential.echoMode() == dialog.credential.EchoMode.Password
    dialog.credential.setText("CMD:LOGIN:K7M2P9Q4R8T3")
    with qtbot.waitSignal(dialog.chosen) as chosen:
        dialog.accept()
    assert chosen.args == ["OVERRIDE-WEIGHT", ["K7M2P9Q4R8T3"]]  # the badge, its barcode's prefix dropped


def test_statistics_show_the_packers_figures_as_charts(qtbot, bench):
    sign_in_with_pin(qtbot, bench, "1111")
    number = plain_posting(bench.queues, bench.world)
    answer(qtbot, bench, lambda: bench.scan(number), "posting_opened")
    for line in bench.pack_view.snapshot["lines"]:
        for _ in range(line["quantity"]):
            bench.scan(line["barcodes"][0])
    qtbot.waitUntil(lambda: bench.pack_view.state == "idle" and bench.pack_view.snapshot["posting"] is None,
                    timeout=20_000)
    panel = bench.people.statistics
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.reload()
    assert [(row.packer, row.postings) for row in panel.rows] == [("Anna", 1)]
    series = panel.chart.series()[0]
    postings = next(s for s in series.barSets() if s.label() == "Postings")
    assert postings.count() == 1 and postings.at(0) == 1.0
    assert panel.chart.axes(Qt.Orientation.Horizontal)[0].categories() == ["Anna"]
    assert panel.table.rowCount() == 1 and panel.table.item(0, 2).text() == "Anna"


def test_a_supervisors_badge_scanned_into_the_short_dialog_confirms_it_and_signs_nobody_in(qtbot, bench):
    dialog, badge = short_dialog(qtbot, bench, "not on the shelf")
    short = answer(qtbot, bench, lambda: bench.scanner_bridge.scanned.emit(f"CMD:LOGIN:{badge}"), "posting_short")
    assert short.data["by"] == "Olga" and short.data["reason"] == "not on the shelf"
    assert bench.parts.station.signed_in() == "Anna"  # the badge confirmed; it signed nobody in
    assert not dialog.isVisible()


@pytest.mark.parametrize("role,code", [("supervisor", "posting_short"), ("packer", "not_authorized")])
def test_a_badge_from_the_serial_scanner_into_the_short_dialog_never_changes_who_is_signed_in(
        qtbot, tmp_path, role, code):
    """Through the real serial scanner (a pty): a supervisor's badge confirms SHORT; a packer's is
    refused with the station's message; the packer signed in stays signed in either way."""
    from scanners_helpers import PtyScanner

    people = (("Anna", "packer", "1111"), ("Ivan", "packer", "3333"), ("Olga", role, "2222"))
    with PtyScanner() as emu, people_bench(qtbot, tmp_path, people, scanner=f"serial:{emu.path}") as bench:
        badge = directory.issue_badge(bench.parts.db, "Olga")
        sign_in_with_pin(qtbot, bench, "1111")
        number = plain_posting(bench.queues, bench.world)
        answer(qtbot, bench, lambda: bench.scan(number), "posting_opened")
        bench.pack_view.actions.buttons["SHORT"].click()
        dialog = bench.pack_view.actions.dialog
        assert dialog.badge and dialog.isVisible()
        got = answer(qtbot, bench, lambda: emu.send(f"CMD:LOGIN:{badge}\r".encode()), code)
        if role == "supervisor":
            assert got.data["by"] == "Olga"
        else:
            assert "Olga" in got.message("en")
        assert bench.parts.station.signed_in() == "Anna"


def test_a_badge_typed_by_the_keyboard_wedge_scanner_into_the_short_dialog_confirms_it(qtbot, bench):
    """A USB keyboard-wedge scanner types the badge as key presses wherever the focus is: here the
    short dialog's field. It confirms the short; it signs nobody in."""
    from PySide6.QtTest import QTest

    dialog, badge = short_dialog(qtbot, bench, "box damaged")
    dialog.credential.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.credential, timeout=5000)

    def wedge():  # the scanner's burst, where the focus is
        QTest.keyClicks(QApplication.focusWidget(), f"CMD:LOGIN:{badge}")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    short = answer(qtbot, bench, wedge, "posting_short")
    assert short.data["by"] == "Olga" and short.data["reason"] == "box damaged"
    assert bench.parts.station.signed_in() == "Anna"
    assert not dialog.isVisible()
