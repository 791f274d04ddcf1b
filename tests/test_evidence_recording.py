"""The packing video follows the station: clips per posting and box, lines burned in (marks masked),
a photo at the weighing, hashes and records sealed in the evidence log; a missing, failing or dying
camera is reported and packing goes on."""
from __future__ import annotations

import logging

import pytest

from app.services.evidence import PackingFollower, chain
from app.store import evidence as store
from evidence_helpers import evidence_for
from station_helpers import CABLE, EAN, MUG, SHOES, mark_code, shop  # noqa: F401


def follow(shop, **options):
    evidence, made = evidence_for(shop, **options)
    station = shop.station()
    station.listen(PackingFollower(evidence, station_name="bench-1", lang="en", packer=lambda: station.packer))
    return station, evidence, made


def files(shop, number=None):
    with shop.db.read() as session:
        if number is not None:
            return store.files_for(session, number)
        return [f for state in ("recording", "sealed", "failed", "pruned") for f in store.files_in_state(session, state)]


def log_entries(shop):
    with shop.db.read() as session:
        return list(store.walk(session))


def test_a_packed_posting_has_a_sealed_clip_and_photo_and_its_records_in_the_log(shop):
    station, evidence, (recorder,) = follow(shop)
    number = "10000001-0001-1"
    station.scan(number)
    for code in (EAN[MUG], EAN[CABLE], EAN[CABLE]):
        station.scan(code)
    assert station.weigh(520).code == "weight_accepted"
    assert evidence.wait_idle(10)
    clip, photo = files(shop, number)
    assert (clip["kind"], clip["state"], clip["box_no"], clip["packer"]) == ("clip", "sealed", 1, "anna")
    assert photo["kind"] == "photo" and photo["state"] == "sealed" and photo["purpose"] == "weighing"
    path = shop.path / "evidence" / clip["path"]
    assert chain.file_sha256(path) == (clip["sha256"], clip["size"])
    lines = recorder.notes[clip["id"]]
    assert [line.split(" ", 2)[1] for line in lines] == ["✓", "✓", "✓", "⚖"]
    assert "Cable: 2 of 2 (3/3)" in lines[2] and "520 g" in lines[3]
    entries = log_entries(shop)
    assert chain.check_links(entries)[2] is None
    kinds = {e["kind"]: e for e in entries}
    assert kinds["clip"]["payload"]["sha256"] == clip["sha256"] and kinds["clip"]["seq"] == clip["seq"]
    sealed = {pair[0] for pair in kinds["events"]["payload"]["events"]}
    assert sealed == {e.id for e in shop.events(number)}  # opened, each unit, packed, weight
    with shop.db.read() as session:
        assert chain.verify_log(session).intact
    evidence.close()


def test_a_marking_code_is_burned_in_masked_never_whole(shop):
    station, evidence, (recorder,) = follow(shop)
    station.scan("10000003-0001-1")
    code = mark_code(EAN[SHOES], "AbC123def4567")
    assert station.scan(code).code == "item_accepted"
    evidence.stop_clip()
    assert evidence.wait_idle(10)
    (line,) = recorder.notes[files(shop, "10000003-0001-1")[0]["id"]]
    assert f"0{EAN[SHOES]} AbC…" in line
    assert "AbC123def" not in line and "91EE07" not in line and "A" * 44 not in line
    evidence.close()


def test_each_box_gets_its_own_clip_and_parking_stops_the_clip(shop):
    station, evidence, _ = follow(shop)
    station.scan("10000001-0001-1")
    station.scan(EAN[MUG])
    assert station.next_box().code == "box_started"
    station.scan(EAN[CABLE])
    assert station.park().code == "posting_parked"
    assert evidence.wait_idle(10)
    clips = files(shop, "10000001-0001-1")
    assert [(c["box_no"], c["state"]) for c in clips] == [(1, "sealed"), (2, "sealed")]
    assert any(e["kind"] == "events" and e["payload"]["reason"] == "posting_parked" for e in log_entries(shop))
    evidence.close()


@pytest.mark.parametrize("camera", [False, True])
def test_no_camera_or_a_missing_one_never_stops_packing_and_the_records_are_still_sealed(shop, camera, caplog):
    states: list = []
    options = {"fail_with": "No camera detected"} if camera else {"camera": False}
    station, evidence, _ = follow(shop, states=states, **options)
    with caplog.at_level(logging.INFO, logger="packdesk.evidence"):
        assert station.scan("10000002-0001-1").code == "posting_opened"
        assert station.scan(EAN[MUG]).code == "posting_complete"
        assert station.weigh(400).code == "weight_accepted"
        assert evidence.wait_idle(10)
    entries = log_entries(shop)
    assert [e["kind"] for e in entries if e["kind"] == "events"] == ["events"]
    if camera:
        clip, photo = files(shop, "10000002-0001-1")
        assert clip["state"] == photo["state"] == "failed" and clip["detail"] == "No camera detected"
        assert ("failed", "No camera detected", "") in states
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "No camera detected" in warnings[0].getMessage()  # once, not per clip
        assert {e["kind"] for e in entries} == {"events", "clip", "photo"}  # the failures are on record too
    else:
        assert files(shop) == [] and states == []
    evidence.close()


def test_a_recorder_that_dies_mid_clip_is_reported_and_what_it_wrote_is_kept(shop, caplog):
    station, evidence, made = follow(shop)
    station.scan("10000001-0001-1")
    station.scan(EAN[MUG])
    assert evidence.wait_idle(10)
    with caplog.at_level(logging.WARNING, logger="packdesk.evidence"):
        made[0].die()
        assert evidence.wait_idle(10)
    (clip,) = files(shop, "10000001-0001-1")
    assert clip["state"] == "failed" and "exit code -9" in clip["detail"]
    assert clip["sha256"] == chain.sha256(b"partial")
    assert any("could not be finalised" in r.getMessage() for r in caplog.records)
    evidence.close()


def test_a_stopped_clip_the_recorder_never_finalises_is_failed_and_reported_not_dropped(shop, caplog, monkeypatch):
    from app.services.evidence import recording

    states = []
    station, evidence, made = follow(shop, finish=False, states=states)  # a live recorder never answering the stop
    station.scan("10000001-0001-1")
    station.scan(EAN[MUG])
    monkeypatch.setattr(recording, "FINISH_TIMEOUT_S", 0.0)
    with caplog.at_level(logging.WARNING, logger="packdesk.evidence"):
        assert station.park().code == "posting_parked"
        assert evidence.wait_idle(10)
    (clip,) = files(shop, "10000001-0001-1")
    assert clip["state"] == "failed" and "not finalised" in clip["detail"] and clip["seq"] is not None
    assert made[0].alive and any("could not be finalised" in r.getMessage() for r in caplog.records)
    assert ("clip_failed", clip["detail"], clip["key"]) in states  # for the banner
    assert [s[0] for s in states[-2:]] == ["ready", "clip_failed"]  # news after the stop, not a state of its own
    evidence.close()


def test_a_clip_left_recording_by_a_stopped_bench_is_failed_at_the_next_start(shop):
    station, evidence, made = follow(shop, finish=False)
    station.scan("10000001-0001-1")
    assert evidence.wait_idle(10)
    evidence._closed = True  # as if the process were killed: nothing finalised, nothing closed
    made[0].die()
    later, _ = evidence_for(shop)
    assert later.wait_idle(10)
    (clip,) = files(shop, "10000001-0001-1")
    assert clip["state"] == "failed"
    later.close()


def test_the_api_for_other_areas_records_a_clip_of_no_posting(shop):
    evidence, (recorder,) = evidence_for(shop)
    evidence.start_clip("handover", "carriage-77", header=["Carriage 77"])
    evidence.note("parcel 10000001-0001-1 scanned", key="carriage-77")
    evidence.stop_clip("handover", "carriage-77")
    assert evidence.wait_idle(10)
    (clip,) = files(shop)
    assert (clip["purpose"], clip["key"], clip["posting_number"], clip["state"]) == ("handover", "carriage-77",
                                                                                     None, "sealed")
    assert recorder.notes[clip["id"]] == ["parcel 10000001-0001-1 scanned"]
    evidence.close()


@pytest.mark.parametrize("fail_with", ["", "no such camera"])
def test_wait_camera_returns_once_the_recorder_started_or_failed_not_before(shop, fail_with):
    evidence, (recorder,) = evidence_for(shop, slow_start=True, fail_with=fail_with)
    assert evidence.state == "starting" and evidence.wait_camera(0.05) is False
    recorder.started()  # from a thread of its own, as the real link's reader does
    assert evidence.wait_camera(10) is True
    assert evidence.state == ("failed" if fail_with else "ready")
    evidence.close()


def test_wait_camera_does_not_wait_without_a_camera(shop):
    evidence, _ = evidence_for(shop, camera=False)
    assert evidence.wait_camera(0) is True
    evidence.close()
