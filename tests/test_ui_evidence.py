"""The Evidence tab and the camera in the status bar: the list of postings with evidence, the bundle
made from the button (on a pool thread), a bundle checked; the camera's states in words."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStatusBar

from app.services.evidence import PackingFollower
from app.services.evidence.verify import verify_bundle
from app.ui.evidence import EvidencePanel
from app.ui.status import StatusPanel
from evidence_helpers import evidence_for
from station_helpers import CABLE, EAN, MUG, shop  # noqa: F401

NUMBER = "10000001-0001-1"


@pytest.fixture
def packed(shop):
    evidence, _ = evidence_for(shop)
    station = shop.station()
    station.listen(PackingFollower(evidence, station_name="bench-1", lang="en", packer=lambda: station.packer))
    station.scan(NUMBER)
    for code in (EAN[MUG], EAN[CABLE], EAN[CABLE]):
        station.scan(code)
    station.weigh(520)
    station.scan("10000002-0001-1")
    station.park()
    assert evidence.wait_idle(10)
    evidence.close()
    return shop


def test_the_tab_lists_postings_with_evidence_and_makes_a_bundle_that_verifies(qtbot, packed, tmp_path):
    panel = EvidencePanel(packed.db, packed.path, "bench-1", language=lambda: "en")
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.rowsInserted, timeout=5000):
        panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    postings = {panel.model.item(row, 0).text(): panel.model.item(row, 2).text() for row in range(2)}
    assert postings == {NUMBER: "2", "10000002-0001-1": "1"}  # clip + photo; a parked posting's clip
    panel.view.selectRow([panel.model.item(r, 0).text() for r in range(2)].index(NUMBER))
    panel.summary_language.setCurrentIndex(2)  # English
    out = tmp_path / "b.zip"
    with qtbot.waitSignal(panel.said, timeout=30000) as said:
        panel.make_bundle(panel.selected(), out)
    assert "written to" in said.args[0].render("en") and "записан" in said.args[0].render("ru")  # said again on a switch
    assert verify_bundle(out).ok
    with qtbot.waitSignal(panel.said, timeout=10000) as checked:
        panel.verify(out)
    assert "intact" in checked.args[0].render("en")


def test_a_posting_without_records_is_said_plainly(qtbot, shop, tmp_path):
    panel = EvidencePanel(shop.db, shop.path, "bench-1", language=lambda: "en")
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.failed, timeout=10000) as failed:
        panel.make_bundle("99999999-0001-1", tmp_path / "x.zip")
    assert "has no records" in failed.args[0]


@pytest.mark.parametrize("state,detail,key,shown", [
    ("recording", "", "8001-1", "● REC"), ("ready", "", "", "Camera: ready"),
    ("failed", "No camera detected", "", "⚠ Camera: not available"), ("off", "", "", "Camera: off"),
])
def test_the_status_bar_says_what_the_camera_does(qtbot, state, detail, key, shown):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StatusPanel(bar, camera="sim://")
    status.on_camera_state(state, detail, key)
    assert status.fields["camera"].text() == shown
    assert status.fields["camera"].toolTip() == (f"{shown} {key}" if key else detail)  # which posting films


def test_a_packed_postings_menu_in_the_queues_asks_for_its_bundle_and_the_tab_makes_it(qtbot, packed, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from app.ui.queues.model import POSTING_COLUMNS
    from app.ui.queues.panel import QueuesPanel

    queues = QueuesPanel(packed.db, "bench-1")
    qtbot.addWidget(queues)
    with qtbot.waitSignal(queues.loaded, timeout=5000):
        queues.reload()
    column = [c.key for c in POSTING_COLUMNS].index("posting_number")
    row = [queues.packed.index(r, column).data() for r in range(queues.packed.rowCount())].index(NUMBER)
    queues.packed_view.resizeColumnsToContents()
    where = queues.packed_view.visualRect(queues.packed.index(row, column)).center()
    (action,) = queues.posting_menu(queues.packed_view, where).actions()
    assert action.text() == "Make dispute bundle…"
    with qtbot.waitSignal(queues.bundleRequested) as asked:
        action.trigger()
    assert asked.args == [NUMBER]

    panel = EvidencePanel(packed.db, packed.path, "bench-1", language=lambda: "en")
    qtbot.addWidget(panel)
    panel.bundle_for(NUMBER)
    assert panel.search.text() == NUMBER and isinstance(panel.dialog, QFileDialog)
    assert NUMBER in panel.dialog.selectedFiles()[0]
    out = tmp_path / "from-queues.zip"
    with qtbot.waitSignal(panel.said, timeout=30000):
        panel.dialog.fileSelected.emit(str(out))
    assert verify_bundle(out).ok
    panel.dialog.reject()


def test_a_failed_clip_or_a_full_storage_is_news_for_the_banner_not_the_cameras_state(qtbot):
    from app.ui.adapters.devices import CameraBridge

    bridge = CameraBridge()
    with qtbot.waitSignal(bridge.stateChanged):
        bridge.on_state("recording", "", "8001-1")
    with qtbot.waitSignal(bridge.clipFailed) as failed, qtbot.assertNotEmitted(bridge.stateChanged):
        bridge.on_state("clip_failed", "not finalised within 60 s", "8001-1")
    assert failed.args == ["not finalised within 60 s", "8001-1"] and bridge.last == ("recording", "", "8001-1")
    with qtbot.waitSignal(bridge.overQuota) as over, qtbot.assertNotEmitted(bridge.stateChanged):
        bridge.on_state("over_quota", "21.3", "20")
    assert over.args == ["21.3", "20"] and bridge.last == ("recording", "", "8001-1")
