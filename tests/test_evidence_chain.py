"""The evidence log: entries linked by their hashes on both backends, appended by several benches at
once without a fork, and a change to an entry or to a record it seals found by the walk."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta

from sqlalchemy import text, update

from app.services.evidence import chain
from app.store import evidence as store
from app.store import open_database
from app.store.events import append_event
from app.store.evidence_models import EvidenceEntryRow
from app.store.models import EventRow
from store_helpers import BACKENDS, db, pg_url, sqlite_template  # noqa: F401

NOW = datetime(2026, 3, 1, 12, 0, 0, 123456)


def _posting_events(db, number, count):
    def write(session):
        for i in range(count):
            append_event(session, kind="item_accepted", station="bench-1", packer="anna", posting_number=number,
                         data={"product": "Кружка", "line_counted": i + 1, "measured_g": 742.5}, now=NOW)

    db.writer.call(write)


def _walk(db):
    with db.read() as session:
        return list(store.walk(session)), chain.verify_log(session)


def test_entries_are_linked_and_seal_the_records(db):
    _posting_events(db, "8001-1", 3)
    first = db.writer.call(lambda s: chain.seal_events(s, "8001-1", now=NOW, station="bench-1", reason="packed"))
    assert db.writer.call(lambda s: chain.seal_events(s, "8001-1", now=NOW, station="bench-1", reason="x")) is None
    _posting_events(db, "8001-1", 1)
    second = db.writer.call(lambda s: chain.seal_events(s, "8001-1", now=NOW + timedelta(seconds=1),
                                                        station="bench-1", reason="bundle"))
    entries, report = _walk(db)
    assert [e["seq"] for e in entries] == [1, 2]
    assert entries[0]["prev_hash"] == chain.GENESIS and entries[1]["prev_hash"] == entries[0]["entry_hash"]
    assert len(first["payload"]["events"]) == 3 and len(second["payload"]["events"]) == 1  # only the new one
    assert report.intact and report.entries == 2 and report.head == entries[1]["entry_hash"]
    assert [chain.check_entry(e) for e in entries] == [None, None]  # as read back: the JSON round trip holds


def test_a_changed_record_or_entry_is_found(db):
    _posting_events(db, "8001-1", 2)
    db.writer.call(lambda s: chain.seal_events(s, "8001-1", now=NOW, station="bench-1", reason="packed"))
    db.writer.call(lambda s: chain.append(s, kind="clip", payload={"sha256": "ab" * 32}, now=NOW,
                                          posting_number="8001-1", station="bench-1"))
    with db.engine.begin() as conn:
        first = conn.execute(text("SELECT min(id) FROM events")).scalar()
        conn.execute(update(EventRow).where(EventRow.id == first).values(data={"product": "Камень"}))
    report = _walk(db)[1]
    assert not report.intact and report.broken.where == f"event record #{first} (item_accepted)"

    with db.engine.begin() as conn:
        conn.execute(update(EvidenceEntryRow).where(EvidenceEntryRow.seq == 2)
                     .values(payload={"sha256": "cd" * 32}))
    report = _walk(db)[1]
    assert report.broken.where == "evidence log entry #2" and "changed" in report.broken.detail


def test_the_walk_reads_records_a_batch_at_a_time_and_still_finds_a_change_in_a_later_batch(db):
    for number in ("8001-1", "8001-2", "8001-3"):
        _posting_events(db, number, 2)
        db.writer.call(lambda s, n=number: chain.seal_events(s, n, now=NOW, station="bench-1", reason="packed"))
    with db.read() as session:
        assert chain.verify_log(session, batch=2).intact
    with db.engine.begin() as conn:
        last = conn.execute(text("SELECT max(id) FROM events")).scalar()
        conn.execute(update(EventRow).where(EventRow.id == last).values(data={"product": "Камень"}))
    with db.read() as session:
        report = chain.verify_log(session, batch=2)
    assert report.broken.where == f"event record #{last} (item_accepted)"


def test_a_removed_entry_breaks_the_chain():
    entries = []
    for seq in (1, 2, 3):
        entry = {"seq": seq, "at": NOW, "kind": "clip", "posting_number": "8001-1", "station": "b",
                 "payload": {"n": seq}, "payload_hash": chain.sha256(chain.canonical({"n": seq})),
                 "prev_hash": entries[-1]["entry_hash"] if entries else chain.GENESIS}
        entry["entry_hash"] = chain.entry_hash(entry)
        entries.append(entry)
    assert chain.check_links(entries)[2] is None
    broken = chain.check_links([entries[0], entries[2]])[2]
    assert broken.where == "evidence log entry #3" and "missing" in broken.detail


def test_benches_appending_at_once_never_fork_the_log(db):
    others = [open_database(db.engine.url.render_as_string(hide_password=False)) for _ in range(2)]
    try:
        def append_many(database, name):
            for i in range(15):
                database.writer.call(lambda s, i=i: chain.append(s, kind="clip", payload={"bench": name, "i": i},
                                                                 now=NOW, station=name))

        threads = [threading.Thread(target=append_many, args=(database, f"bench-{n}"))
                   for n, database in enumerate([db, *others])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        for database in others:
            database.close()
    entries, report = _walk(db)
    assert len(entries) == 45 and report.intact
