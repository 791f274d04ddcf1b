"""The whole bench in one process, as ``packdesk demo`` runs it: simulator, sim:// scale and
printer, sync in the background, the station on its own thread; a posting packed by scans, and
one whose parcel is heavier than the catalogue says."""
import dataclasses
from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QApplication

from app.cli.demo import DEMO_API_KEY, demo_config
from app.config import Config
from app.sim.ozon import OzonSimulator, WorldConfig
from app.ui.app import build
from app.ui.feedback.sound import RecordingSounder
from ui_helpers import is_gui_thread, plain_posting


@contextmanager
def demo_bench(qtbot, tmp_path, lang: str = "en", scale: str = "sim://"):
    with OzonSimulator(WorldConfig(postings=12, seed=5, ship_delay_s=0.0, label_delay_s=0.0)) as sim:
        config = demo_config(Config(), sim.base_url, tmp_path)
        config = dataclasses.replace(config, sync=dataclasses.replace(config.sync, interval_s=0.5),
                                     devices=dataclasses.replace(config.devices, scale=scale))
        controller = build(QApplication.instance(), config, lang=lang, api_key=DEMO_API_KEY, demo=True,
                           config_path=tmp_path / "config.toml")
        qtbot.addWidget(controller.window)
        controller.world = sim.world  # what Ozon holds, to choose a posting
        try:
            yield controller
        finally:
            controller.shutdown()


@pytest.fixture(params=["en"])
def bench(qtbot, tmp_path, request):
    with demo_bench(qtbot, tmp_path, request.param) as controller:
        yield controller


@pytest.mark.parametrize("bench", ["en", "ru", "zh"], indirect=True)
def test_a_posting_is_packed_by_scans_and_weighed_by_the_sim_scale(qtbot, bench, tmp_path):
    sounds = bench.pack_view.sounder = RecordingSounder()
    results = []
    bench.station_worker.result.connect(lambda r: results.append((r.code, is_gui_thread())))
    with qtbot.waitSignal(bench.queues.loaded, timeout=30_000):
        bench.start()
    qtbot.waitUntil(lambda: bench.queues.awaiting.rowCount() > 0, timeout=30_000)
    number = plain_posting(bench.queues, bench.world)
    with qtbot.waitSignal(bench.station_worker.result, timeout=10_000,
                          check_params_cb=lambda result: result.posting == number):
        bench.scan(number)  # the lines arrive just before the answer
    assert bench.pack_view.state == "packing"
    for line in bench.pack_view.snapshot["lines"]:
        for _ in range(line["quantity"]):
            bench.scan(line["barcodes"][0])
    qtbot.waitUntil(lambda: any(code == "weight_accepted" for code, _ in results), timeout=20_000)
    assert all(on_gui for _, on_gui in results)
    assert results[0][0] == "posting_opened"
    assert bench.pack_view.messages.count() == len(results)
    assert "accepted" in sounds.played and sounds.played[-1] == "posting_done"
    if bench.languages.current != "en":  # what the packer reads is in the chosen language
        assert not bench.pack_view.banner.text().isascii()
        assert not bench.pack_view.messages.item(0).text().isascii()
    # the sync ships the posting, fetches its label and the sim:// printer saves it as a PNG
    qtbot.waitUntil(lambda: any((tmp_path / "printed").glob("*.png")), timeout=30_000)


def test_a_wrong_barcode_raises_the_red_flash_until_acknowledged(qtbot, bench):
    bench.window.show()
    bench.start()
    qtbot.waitUntil(lambda: bench.queues.awaiting.rowCount() > 0, timeout=30_000)
    bench.scan("4600000000000")
    qtbot.waitUntil(lambda: bench.window.flash.isVisible(), timeout=10_000)
    bench.window.flash.button.click()
    qtbot.waitUntil(lambda: not bench.window.flash.isVisible(), timeout=10_000)
    assert bench.pack_view.state == "idle"


def test_a_database_that_cannot_be_used_is_a_banner_in_the_packers_words(qtbot, bench):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from app.messages import text

    def locked(_code):
        raise OperationalError("UPDATE stations ...", {}, sqlite3.OperationalError("database is locked"))

    bench.start()
    bench.parts.station.scan = locked
    with qtbot.waitSignal(bench.messages.message, timeout=10_000,
                          check_params_cb=lambda level, said, action: level == "error") as shown:
        bench.scan("4600000000000")
    assert shown.args[1] == text("database_unavailable", "en", detail="database is locked")


def test_a_parcel_heavier_than_the_catalogue_says_meets_the_weight_check(qtbot, tmp_path):
    with demo_bench(qtbot, tmp_path, scale="sim://?offset_pct=25") as bench:  # the demo's parcel: 25 % more
        bench.window.show()
        with qtbot.waitSignal(bench.queues.loaded, timeout=30_000):
            bench.start()
        qtbot.waitUntil(lambda: bench.queues.awaiting.rowCount() > 0, timeout=30_000)
        number = plain_posting(bench.queues, bench.world)
        with qtbot.waitSignal(bench.station_worker.result, timeout=10_000,
                              check_params_cb=lambda result: result.posting == number):
            bench.scan(number)
        with qtbot.waitSignal(bench.station_worker.result, timeout=20_000,
                              check_params_cb=lambda result: result.code.startswith("weight_")) as weighed:
            for line in bench.pack_view.snapshot["lines"]:
                for _ in range(line["quantity"]):
                    bench.scan(line["barcodes"][0])
        result = weighed.args[0]
        assert result.code == "weight_mismatch" and result.posting == number
        measured, expected = result.data["measured_g"], result.data["expected_g"]
        assert measured == pytest.approx(expected * 1.25, abs=2.0)
        qtbot.waitUntil(lambda: bench.window.flash.isVisible(), timeout=10_000)
        assert bench.window.flash.fix == "OVERRIDE-WEIGHT"  # the supervisor's way out is offered
        assert bench.pack_view.state == "error"
        # the parcel stays on the scale while the mismatch is held: the live weight shows it
        qtbot.waitUntil(lambda: bench.pack_view.reading is not None
                        and bench.pack_view.reading[0] == pytest.approx(measured, abs=2.0), timeout=10_000)


def test_a_bundle_asked_for_in_the_queues_is_made_in_the_evidence_tab(qtbot, bench):
    with qtbot.waitSignal(bench.queues.loaded, timeout=30_000):
        bench.start()
    bench.queues.bundleRequested.emit("12345678-0001-1")
    assert bench.window.pages.currentWidget() is bench.evidence
    assert bench.evidence.search.text() == "12345678-0001-1" and bench.evidence.dialog.isVisible()
    bench.evidence.dialog.reject()
