"""The storage rules: files older than the retention go; over the quota the oldest clips of
delivered postings go first; a posting not yet delivered, or one a keep rule holds (the cases
area's open case), keeps its files; a removed file keeps its row and hash, and the log says so."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app.services.evidence import chain, storage
from app.statuses import DELIVERED, DELIVERING
from app.store import evidence as store
from app.store.evidence_models import FILE_PRUNED, FILE_SEALED
from station_helpers import shop  # noqa: F401

A, B, C, D = "10000001-0001-1", "10000002-0001-1", "10000003-0001-1", "10000005-0001-1"
MB = 1_000_000


def _clip(shop, posting, days_ago, size=MB, name=None):
    at = shop.now() - timedelta(days=days_ago)
    rel = storage.new_path("clip", name or posting or "handover", at, ".mp4")
    path = storage.evidence_dir(shop.path) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)

    def write(session):
        file_id = store.add_file(session, kind="clip", purpose="packing" if posting else "handover",
                                 key=posting or "carriage-1", posting_number=posting, station="bench-1", path=rel,
                                 started_at=at, ended_at=at, state=FILE_SEALED, sha256="ab" * 32, size=size)
        entry = chain.append(session, kind="clip", posting_number=posting, station="bench-1", now=at,
                             payload={"file": file_id, "sha256": "ab" * 32})
        store.update_file(session, file_id, seq=entry["seq"])
        return file_id

    return shop.db.writer.call(write), path


def _prune(shop, *, quota_mb=1000, days=180):
    return storage.prune(shop.db, shop.path, quota_bytes=quota_mb * MB, retention_days=days, now=shop.now(),
                         station="bench-1")


def _state(shop, file_id):
    with shop.db.read() as session:
        return store.get_file(session, file_id)


@pytest.fixture
def held():
    """A keep rule as the cases area adds one (postings with an open case)."""
    postings: set[str] = set()
    rule = lambda session, numbers: numbers & postings  # noqa: E731
    storage.KEEP_RULES.append(rule)
    yield postings
    storage.KEEP_RULES.remove(rule)


def test_past_the_retention_only_delivered_postings_and_clips_of_no_posting_go(shop):
    for number in (A, B):
        shop.set_status(number, DELIVERED)
    shop.set_status(C, DELIVERING)
    old_a, path_a = _clip(shop, A, days_ago=200)
    young_b, path_b = _clip(shop, B, days_ago=10)
    old_c, path_c = _clip(shop, C, days_ago=200)         # on its way: its buyer has not seen it yet
    old_handover, path_h = _clip(shop, None, days_ago=200)

    report = _prune(shop)

    assert report.removed == 2 and report.freed == 2 * MB and not report.over_quota
    assert not path_a.exists() and not path_h.exists() and path_b.exists() and path_c.exists()
    gone = _state(shop, old_a)
    assert gone["state"] == FILE_PRUNED and gone["sha256"] == "ab" * 32 and "retention" in gone["detail"]
    assert [_state(shop, f)["state"] for f in (young_b, old_c, old_handover)] == [FILE_SEALED, FILE_SEALED,
                                                                                  FILE_PRUNED]
    with shop.db.read() as session:
        pruned = [e for e in store.walk(session) if e["kind"] == "pruned"]
        assert chain.verify_log(session).intact
    assert sorted(e["payload"]["file"] for e in pruned) == sorted([old_a, old_handover])


def test_over_the_quota_the_oldest_delivered_go_first_and_a_held_posting_keeps_its_clips(shop, held):
    for number in (A, B, C, D):
        shop.set_status(number, DELIVERED)
    held.add(A)                                          # an open case: its clips stay, oldest or not
    kept_a, path_a = _clip(shop, A, days_ago=9)
    oldest_b, path_b = _clip(shop, B, days_ago=8)
    older_c, path_c = _clip(shop, C, days_ago=7)
    newest_d, path_d = _clip(shop, D, days_ago=6)

    report = _prune(shop, quota_mb=2)                    # 4 MB kept, 2 MB allowed: two must go

    assert report.removed == 2 and report.used == 2 * MB and not report.over_quota
    assert path_a.exists() and not path_b.exists() and not path_c.exists() and path_d.exists()
    assert "quota" in _state(shop, oldest_b)["detail"]
    assert _state(shop, kept_a)["state"] == _state(shop, newest_d)["state"] == FILE_SEALED


def test_when_nothing_may_go_the_report_says_the_storage_is_still_over(shop, held):
    shop.set_status(A, DELIVERED)
    held.add(A)
    _clip(shop, A, days_ago=400, size=3 * MB)
    _, path_b = _clip(shop, B, days_ago=400, size=3 * MB)  # awaiting packaging: not the buyer's yet

    report = _prune(shop, quota_mb=1)

    assert report.removed == 0 and report.over_quota and report.used == 6 * MB and path_b.exists()


def test_a_bench_over_its_quota_says_so_once_for_the_banner_and_records_on(shop, monkeypatch, caplog):
    import logging

    from app.services.evidence import PackingFollower, recording
    from evidence_helpers import evidence_for
    from station_helpers import CABLE, EAN, MUG

    monkeypatch.setattr(recording, "PRUNE_EVERY_S", 0.0)
    states = []
    evidence, _ = evidence_for(shop, states=states)
    evidence.quota_bytes = 1  # a byte: the first clip is over it, and a posting not delivered keeps it
    station = shop.station()
    station.listen(PackingFollower(evidence, station_name="bench-1", lang="en", packer=lambda: station.packer))
    with caplog.at_level(logging.WARNING, logger="packdesk.evidence"):
        for code in (A, EAN[MUG], EAN[CABLE], EAN[CABLE]):
            station.scan(code)
        assert station.weigh(520).code == "weight_accepted"
        assert evidence.wait_idle(10)
    evidence.close()
    news = [s for s in states if s[0] == "over_quota"]
    assert len(news) == 1 and news[0][2] == "1e-09"
    assert sum("nothing more may be removed" in r.getMessage() for r in caplog.records) == 1
    with shop.db.read() as session:
        assert {f["state"] for f in store.files_for(session, A)} == {FILE_SEALED}
