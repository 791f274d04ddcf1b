"""The hand-over's own clip and the photo of its act: recorded while parcels are scanned out, sealed,
and carried (with the carriage's act PDF and the signed act attached) in the dispute bundle of each
posting that left in it; the bundle verifies."""
from __future__ import annotations

import zipfile

from app.services.evidence import Evidence
from app.services.evidence.bundle import make_bundle
from app.services.evidence.verify import verify_bundle
from app.services.handover.evidence import HandoverFollower, key_of
from app.services.handover.receipt import attach_bytes, receipt
from app.services.tracking.monitor import utcnow
from app.store import evidence as store_evidence
from evidence_helpers import FakeRecorder
from handover_helpers import shop  # noqa: F401  (fixture)
from test_handover_close import closed


def test_a_hand_over_is_filmed_its_act_photographed_and_both_go_in_each_postings_bundle(shop, tmp_path):
    recorders: list[FakeRecorder] = []

    def factory(on_event):
        recorders.append(FakeRecorder(on_event))
        return recorders[-1]

    evidence = Evidence(shop.bench.db, shop.tmp_path, station="bench-1", camera_uri="fake://",
                        camera_factory=factory, lang="en").start()
    try:
        assert evidence.wait_idle(10)
        shop.router.modes["handover"].listen(HandoverFollower(evidence, station_name="bench-1"))
        method = shop.method_with("ozon")
        numbers = shop.ship(shop.packable("ozon", method)[:2])
        handover = closed(shop, method, numbers)
        shop.sync()  # the carriage and its act
        assert evidence.wait_idle(10)
        photographed = receipt(shop.bench.db, shop.tmp_path, handover).signed_act  # the camera's, nothing attached
        assert photographed and "handover_act" in photographed
        attach_bytes(shop.bench.db, shop.tmp_path, handover, b"\xff\xd8signed", suffix=".jpg", by="anna",
                     now=utcnow())
        assert "signed-act" in receipt(shop.bench.db, shop.tmp_path, handover).signed_act  # a scan attached wins
        [recorder] = recorders
        [clip] = [m for m in recorder.sent if m["op"] == "start"]
        assert [line.split(" ", 1)[1] for line in recorder.notes[clip["clip"]]] == [
            f"{numbers[0]} 1/2", f"{numbers[1]} 2/2"]  # each parcel burned in as it went into the bag
        with shop.bench.db.read() as session:
            files = store_evidence.files_with_key(session, key_of(handover))
        assert sorted((f["kind"], f["purpose"], f["state"]) for f in files) == [
            ("clip", "handover", "sealed"), ("photo", "handover_act", "sealed")]
        assert all(f["sha256"] and f["seq"] for f in files)  # in the hash chain

        out = tmp_path / "bundle.zip"
        make_bundle(shop.bench.db, shop.tmp_path, numbers[1], out, lang="en", station="bench-1")
        names = zipfile.ZipFile(out).namelist()
        folder = f"handover-{handover}/"
        assert {f"{folder}act.pdf", f"{folder}signed_act.jpg"} <= set(names)
        assert any(n.startswith(f"{folder}clips/") for n in names) and any(n.startswith(f"{folder}photos/")
                                                                            for n in names)
        assert verify_bundle(out).ok
        from app.services.evidence.storage import evidence_dir
        from app.services.evidence.timeline import Context, gather

        with shop.bench.db.read() as session:
            entries, _ = gather(session, Context(numbers[1], shop.tmp_path, evidence_dir(shop.tmp_path)))
        seen = [e for e in entries if e.code in ("ozon_status", "ozon_status_changed")]  # Ozon's, as syncs saw it
        assert seen and seen[0].code == "ozon_status" and seen[-1].data["status"] == "awaiting_deliver"
        for older, newer in zip(seen, seen[1:]):  # each change names the status it left
            assert newer.code == "ozon_status_changed" and newer.data["before"] == older.data["status"]
        assert len(seen) > 1
        from app.services.evidence.summary import describe

        from app.messages.statuses import status_word, substatus_word

        said, last = describe(seen[-1], "en"), seen[-1].data  # both ends of the change, in words
        assert said.endswith(f"{status_word(last['before'], 'en')} / {substatus_word(last['before_substatus'], 'en')}"
                             f" → {status_word(last['status'], 'en')} / {substatus_word(last['substatus'], 'en')}")
        assert "→ awaiting shipment /" in said
        assert [e.code for e in entries if e.area == "handover"] == ["parcel_scanned_out", "handover_closed_with"]
    finally:
        evidence.close()

