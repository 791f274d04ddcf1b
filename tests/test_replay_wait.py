"""A replay's ``wait_s`` answers with what Ozon said by the end of the wait, not with what a sync
pass that began earlier happened to catch: the answer never depends on how passes and the
cancellation interleave."""
import threading
from concurrent.futures import ThreadPoolExecutor

from app.cli import replay
from app.cli.replay import _apply
from app.cli.replay_script import parse_event
from app.services.station import results as r
from app.services.sync.engine import SyncService
from app.services.sync.summary import PassSummary
from station_helpers import shop  # noqa: F401  (fixture)

NUMBER = "10000001-0001-1"


class HeldEngine:
    """Each pass reads Ozon's status of one posting and writes it to the cache; the first pass
    holds after reading until ``release`` (a pass still running when a cancellation lands)."""

    leader = None  # a bench on its own: it leads its own sync (SyncEngine.leader)

    def __init__(self, shop, ozon: dict):
        self.shop, self.ozon = shop, ozon
        self.read_once, self.release = threading.Event(), threading.Event()
        self.passes = 0

    def run_pass(self):
        status = self.ozon["status"]
        self.passes += 1
        if self.passes == 1:
            self.read_once.set()
            assert self.release.wait(30)
        self.shop.set_status(NUMBER, status)
        return PassSummary(started_at=self.shop.now(), finished=True)


def test_a_wait_tells_a_cancellation_that_a_running_pass_missed(shop, monkeypatch):
    monkeypatch.setattr(replay, "WAIT_PASS_TIMEOUT_S", 10.0)  # a broken loop fails the test soon
    station = shop.station()
    assert station.scan(NUMBER).code == r.POSTING_OPENED
    ozon = {"status": "awaiting_packaging"}
    engine = HeldEngine(shop, ozon)
    passed = threading.Event()
    service = SyncService(engine, interval_s=3600, on_pass=lambda summary: passed.set())  # passes only on wake
    service.start()
    try:
        assert engine.read_once.wait(30)  # the running pass has read Ozon before the cancellation
        ozon["status"] = "cancelled"
        with ThreadPoolExecutor(1) as pool:
            answer = pool.submit(_apply, parse_event(1, '{"wait_s": 0}'), station, service, passed)
            engine.release.set()  # the running pass writes what it read: not yet cancelled
            result = answer.result(timeout=60)
    finally:
        engine.release.set()
        service.stop()
    assert (result.code, result.posting) == (r.POSTING_NOT_PACKABLE, NUMBER)
    assert engine.passes >= 2


def test_a_wait_with_nothing_new_says_waited(shop):
    station = shop.station()
    assert station.scan(NUMBER).code == r.POSTING_OPENED
    engine = HeldEngine(shop, {"status": "awaiting_packaging"})
    engine.release.set()
    passed = threading.Event()
    service = SyncService(engine, interval_s=3600, on_pass=lambda summary: passed.set())
    service.start()
    try:
        result = _apply(parse_event(1, '{"wait_s": 0.1}'), station, service, passed)
    finally:
        service.stop()
    assert (result.code, result.posting, result.data) == (r.WAITED, NUMBER, {"seconds": 0.1})
