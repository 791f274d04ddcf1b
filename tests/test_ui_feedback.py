"""Feedback: the sounds a result asks for, the state banner, the red flash, the crash dialog."""
import threading

import pytest
from PySide6.QtWidgets import QWidget

from app.services.station.results import StationResult
from app.ui.errors import CrashDialog, CrashReporter
from app.ui.feedback.flash import ErrorFlash
from app.ui.feedback.sound import SOUNDS, RecordingSounder, make_sounder, sound_for
from app.ui.pack import PackView
from app.ui.resources import resource_dir


@pytest.mark.parametrize("code,ok,sound", [
    ("item_accepted", True, "accepted"), ("posting_complete", True, "accepted"),
    ("weight_accepted", True, "posting_done"), ("wrong_item", False, "wrong_item"),
    ("over_scan", False, "over_scan"), ("unknown_barcode", False, "error"),
    ("weight_mismatch", False, "error"), ("status", True, None), ("weight_unstable", False, None),
])
def test_sound_for_result(code, ok, sound):
    assert sound_for(code, ok) == sound


def test_the_wavs_are_there_and_a_sounder_loads_without_audio(qtbot):
    for name in SOUNDS:
        assert (resource_dir("sounds") / f"{name}.wav").stat().st_size > 1000
    make_sounder().play("accepted")  # QSoundEffect (no audio device here) or the null one: no crash


def test_pack_view_plays_and_shows_what_the_station_said(qtbot):
    sounder = RecordingSounder()
    view = PackView(sounder=sounder, language=lambda: "ru")
    qtbot.addWidget(view)
    states = []
    view.stateChanged.connect(lambda state, message: states.append(state))
    view.show_result(StationResult(True, "posting_opened", "123-0001-1", "packing", {"total": 2, "verified": 0}))
    view.show_result(StationResult(False, "wrong_item", "123-0001-1", "error", {"barcode": "4600000000001"}))
    assert sounder.played == ["accepted", "wrong_item"]
    assert states == ["packing", "error"]
    assert view.messages.count() == 2 and view.messages.item(0).text().startswith("✖")
    assert "123-0001-1" in view.messages.item(1).text()


def test_error_flash_covers_the_window_until_told_otherwise(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(400, 300)
    parent.show()
    flash = ErrorFlash(parent)
    flash.show_error("wrong item")
    assert flash.isVisible() and flash.geometry() == parent.rect()
    parent.resize(500, 350)
    qtbot.waitUntil(lambda: flash.geometry() == parent.rect(), timeout=2000)
    with qtbot.waitSignal(flash.acknowledgeRequested):
        flash.button.click()


def test_the_flash_paints_itself_red_and_the_window_under_it_is_not_painted_to_be_covered(qtbot):
    """Opaque to Qt: showing it, and each answer while it stays, repainted the whole window under it."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout

    from app.ui.feedback.style import FLASH_RED
    from ui_helpers import CountPaints

    parent = QWidget()
    qtbot.addWidget(parent)
    field = QLineEdit("4600000000001")
    QVBoxLayout(parent).addWidget(field)
    flash = ErrorFlash(parent)
    parent.resize(400, 300)
    parent.show()
    qtbot.waitExposed(parent)
    counter = CountPaints(field)
    flash.show_error("wrong item")
    field.setText("4600000000002")  # an answer changes what the flash covers
    qtbot.waitUntil(lambda: not flash.visibleRegion().isEmpty(), timeout=2000)
    for _ in range(3):
        QApplication.processEvents()
    assert counter.paints == 0
    assert flash.grab().toImage().pixelColor(3, 3).name() == FLASH_RED

def test_the_flash_speaks_of_parcels_in_a_hand_over_and_offers_its_supervisors_close(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    flash = ErrorFlash(parent)
    assert "item" in flash.hint.text()
    flash.offer_fix("handover_incomplete", "handover")
    assert "parcel" in flash.hint.text() and "missing parcels" in flash.fix_button.text()
    flash.offer_fix("wrong_item", "packing")
    assert "item" in flash.hint.text() and flash.fix == ""
    flash.offer_fix("posting_not_packable", "packing")  # cancelled or another bench's: no item is the right one
    assert flash.hint.text() == "Put its goods aside, then scan the next posting number or press the button."
    flash.offer_fix("wrong_item", "packing")
    assert "right item" in flash.hint.text()
    flash.offer_fix("return_unit_mismatch", "return")  # a returned item that did not ship: no right item either
    assert flash.hint.text() == "Set the item aside, then scan the next returned item or press the button."


def test_a_message_that_says_stop_itself_is_not_given_the_title_twice(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    flash = ErrorFlash(parent)
    parent.show()
    flash.show_error("STOP: posting 1-1-1 is CANCELLED (by the buyer). Do not ship it; put the goods back.")
    assert flash.title.isHidden() and not flash.text.isHidden()
    flash.show_error("Wrong item: it is not in posting 1-1-1.")
    assert not flash.title.isHidden() and flash.title.text() == "STOP"


@pytest.mark.expect_errors("packdesk.ui.crash")
def test_a_crash_in_a_thread_shows_the_dialog_with_the_log_path(qtbot, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.informativeText()) or 0)
    reporter = CrashReporter(tmp_path / "packdesk.log")
    reporter.install()
    try:
        with qtbot.waitSignal(reporter.crashed, timeout=5000) as crashed:
            thread = threading.Thread(target=lambda: 1 / 0, name="worker-x")
            thread.start()
            thread.join()
    finally:
        reporter.uninstall()
    assert crashed.args[0].startswith("ZeroDivisionError")
    assert "ZeroDivisionError" in crashed.args[1]
    assert len(shown) == 1 and str(tmp_path / "packdesk.log") in shown[0]


@pytest.mark.expect_errors("packdesk.ui.crash")
def test_the_main_thread_hook_shows_the_dialog_too(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.text()) or 0)
    reporter = CrashReporter(None)
    try:
        raise KeyError("lost")
    except KeyError as exc:
        with qtbot.waitSignal(reporter.crashed, timeout=5000):
            reporter.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1


def test_without_an_audio_device_errors_beep_and_nothing_warns_on_play(qapp, monkeypatch):
    from PySide6.QtMultimedia import QMediaDevices

    from app.ui.feedback import sound

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    beeps = []
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.beep", staticmethod(lambda: beeps.append(1)))
    sounder = sound.make_sounder()
    assert isinstance(sounder, sound.BeepSounder)
    sounder.play("accepted")
    sounder.play("wrong_item")
    assert beeps == [1]
