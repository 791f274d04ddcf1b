"""The scanner's router (app/services/modes): each scan to the mode the bench is in; the mode
survives a restart; a packing scan costs no database statement more than the station's own."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from app.services.handover.mode import HandoverMode
from app.services.modes import ScanRouter
from app.services.station import Station
from app.store import handovers as store
from ui_helpers import cache_with_postings


class Statements:
    """Counts the SQL statements a database runs (readers and the writer lane alike)."""

    def __init__(self, db) -> None:
        self.count = 0
        event.listen(db.engine, "before_cursor_execute", self._one)

    def _one(self, *args) -> None:
        self.count += 1


def bench(path: Path):
    path.mkdir()
    db = cache_with_postings(path)
    station = Station(db, "bench-1")
    return db, station, ScanRouter(db, station, [HandoverMode(db, "bench-1")])


SCANS = ["4600000000002", "4600000000002", "4600000000001", "CMD:ACK", "CMD:PARK", "ab\x07"]


def test_a_packing_scan_through_the_router_runs_just_the_stations_statements(tmp_path):
    direct_db, direct, _ = bench(tmp_path / "direct")
    routed_db, station, router = bench(tmp_path / "routed")
    try:
        direct_count, routed_count = Statements(direct_db), Statements(routed_db)
        direct_results = [direct.scan(text) for text in SCANS]
        routed_results = [router.scan(text) for text in SCANS]
        assert [r.code for r in routed_results] == [r.code for r in direct_results]
        assert routed_count.count == direct_count.count
    finally:
        for db in (direct_db, routed_db):
            db.close()


def test_the_mode_is_kept_in_the_database_and_read_back_at_start(tmp_path):
    db, station, router = bench(tmp_path / "b")
    try:
        assert router.mode == "packing"
        db.writer.call(lambda s: store.set_mode(s, "bench-1", "handover", station.now()))
        assert ScanRouter(db, station, [HandoverMode(db, "bench-1")]).mode == "handover"
        assert ScanRouter(db, station, []).mode == "packing"  # a mode this build does not know: packing
    finally:
        db.close()


def test_a_bench_left_in_a_mode_with_nothing_open_packs_again_at_its_first_scan(tmp_path):
    db, station, router = bench(tmp_path / "b")
    try:
        db.writer.call(lambda s: store.set_mode(s, "bench-1", "handover", station.now()))
        router = ScanRouter(db, station, [HandoverMode(db, "bench-1")])
        assert router.scan("4600000000002").code == "handover_not_open"
        assert router.mode == "packing" and router.scan("4600000000002").code == "posting_complete"
    finally:
        db.close()


def test_a_command_every_mode_answers_the_same_plugs_in_before_the_modes(tmp_path):
    db, station, router = bench(tmp_path / "b")
    try:
        signed = []
        router.everywhere("HANDOVER", lambda *args: signed.append(args) or station.status())
        router.scan("CMD:HANDOVER:42")
        assert signed == [("42",)] and router.mode == "packing"
    finally:
        db.close()


@pytest.mark.parametrize("command", ["CMD:HANDOVER", "CMD:HANDOVER-CLOSE"])
def test_the_hand_over_commands_are_bench_commands(command):
    from app.services.station.classify import classify

    scanned = classify(command + ":FORCE:anna")
    assert (scanned.kind, scanned.command, scanned.args) == ("command", command[4:], ("FORCE", "anna"))
