"""The outbox: idempotent enqueue, what is due, state changes, crash recovery, counts."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from app.store import open_database
from app.store import outbox
from app.store.models import (
    OUTBOX_CONFIRMING,
    OUTBOX_DONE,
    OUTBOX_IN_FLIGHT,
    OUTBOX_PARKED,
    OUTBOX_PENDING,
    OUTBOX_UNCERTAIN,
)
from app.store.events import events_for, log_event
from store_helpers import NOW, db, pg_url, sqlite_template  # noqa: F401

SOON = NOW + timedelta(minutes=1)
LATER = NOW + timedelta(minutes=10)


def _enqueue(session, key, *, kind="ship", posting="1-1-1", payload=None, now=NOW, not_before=None):
    return outbox.enqueue(session, kind=kind, posting_number=posting, payload=payload or {"n": key},
                          dedupe_key=key, station="bench-1", now=now, not_before=not_before)


def test_enqueue_is_idempotent_on_the_dedupe_key(db):
    first = db.call(_enqueue, "ship:1-1-1", payload={"packages": [1]})
    again = db.call(_enqueue, "ship:1-1-1", payload={"packages": [2]}, now=LATER)
    assert again.id == first.id
    with db.read() as session:
        rows = outbox.for_posting(session, "1-1-1")
    assert [(r.id, r.payload, r.state, r.attempts, r.created_at, r.result) for r in rows] == [
        (first.id, {"packages": [1]}, OUTBOX_PENDING, 0, NOW, {})]


def test_enqueue_joins_the_transaction_of_the_decision(db):
    def decide_then_fail(session):
        log_event(session, kind="weight_accepted", station="bench-1", posting_number="1-1-1", now=NOW)
        _enqueue(session, "ship:1-1-1")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        db.call(decide_then_fail)
    with db.read() as session:
        assert outbox.open_count(session) == 0 and events_for(session, "1-1-1") == []


def test_due_rows_in_id_order(db):
    def fill(session):
        ids = {key: _enqueue(session, key, not_before=nb).id for key, nb in [
            ("a", None), ("b", LATER), ("c", SOON), ("d", None), ("e", None), ("f", None),
            ("g", None), ("h", None),
        ]}
        outbox.mark(session, ids["d"], OUTBOX_UNCERTAIN, not_before=SOON, now=NOW)
        outbox.mark(session, ids["e"], OUTBOX_CONFIRMING, not_before=LATER, now=NOW)
        outbox.mark(session, ids["f"], OUTBOX_IN_FLIGHT, now=NOW)
        outbox.mark(session, ids["g"], OUTBOX_DONE, now=NOW)
        outbox.mark(session, ids["h"], OUTBOX_PARKED, last_error="no such posting", now=NOW)
        return ids

    ids = db.call(fill)
    names = {v: k for k, v in ids.items()}
    with db.read() as session:
        at_now = [names[r.id] for r in outbox.due(session, NOW)]
        at_soon = [names[r.id] for r in outbox.due(session, SOON)]
        at_later = [names[r.id] for r in outbox.due(session, LATER)]
        limited = [names[r.id] for r in outbox.due(session, LATER, limit=2)]
    assert at_now == ["a"]
    assert at_soon == ["a", "c", "d"]
    assert at_later == ["a", "b", "c", "d", "e"]
    assert limited == ["a", "b"]


def test_mark_changes_state_and_bookkeeping(db):
    row_id = db.call(_enqueue, "ship:1").id
    db.call(outbox.mark, row_id, OUTBOX_IN_FLIGHT, bump_attempts=True, now=SOON)
    db.call(outbox.mark, row_id, OUTBOX_PENDING, last_error="HTTP 503", not_before=LATER,
            now=SOON)
    db.call(outbox.mark, row_id, OUTBOX_IN_FLIGHT, bump_attempts=True, now=LATER)
    done = db.call(outbox.mark, row_id, OUTBOX_DONE, result={"tracking": "T1"}, now=LATER)
    assert (done.state, done.attempts, done.result, done.last_error, done.not_before, done.updated_at) == (
        OUTBOX_DONE, 2, {"tracking": "T1"}, None, None, LATER)
    with db.read() as session:
        stored = outbox.get(session, row_id)
    assert (stored.state, stored.attempts, stored.result) == (OUTBOX_DONE, 2, {"tracking": "T1"})


def test_mark_refuses_unknown_states_and_rows(db):
    row_id = db.call(_enqueue, "ship:1").id
    with pytest.raises(ValueError):
        db.call(outbox.mark, row_id, "lost", now=NOW)
    with pytest.raises(LookupError):
        db.call(outbox.mark, row_id + 100, OUTBOX_DONE, now=NOW)


def test_mark_with_expected_state_takes_a_row_once(db):
    row_id = db.call(_enqueue, "ship:1").id
    taken = db.call(outbox.mark, row_id, OUTBOX_IN_FLIGHT, expect_state=OUTBOX_PENDING, now=NOW)
    assert taken is not None and taken.state == OUTBOX_IN_FLIGHT
    assert db.call(outbox.mark, row_id, OUTBOX_IN_FLIGHT, expect_state=OUTBOX_PENDING, now=NOW) is None


def test_recover_after_crash_makes_in_flight_rows_uncertain_and_due(db):
    def fill(session):
        ids = [_enqueue(session, key).id for key in ("a", "b", "c")]
        outbox.mark(session, ids[0], OUTBOX_IN_FLIGHT, now=NOW)
        outbox.mark(session, ids[2], OUTBOX_IN_FLIGHT, not_before=LATER, now=NOW)
        return ids

    ids = db.call(fill)
    assert db.call(outbox.recover_after_crash, SOON) == 2
    assert db.call(outbox.recover_after_crash, SOON) == 0
    with db.read() as session:
        states = [outbox.get(session, i).state for i in ids]
        due_ids = [r.id for r in outbox.due(session, SOON)]
        note = outbox.get(session, ids[0]).last_error
    assert states == [OUTBOX_UNCERTAIN, OUTBOX_PENDING, OUTBOX_UNCERTAIN]
    assert due_ids == ids
    assert "in flight" in note


def test_counts(db):
    def fill(session):
        ids = [_enqueue(session, key).id for key in "abcdef"]
        for row_id, state in zip(ids, [OUTBOX_PENDING, OUTBOX_IN_FLIGHT, OUTBOX_UNCERTAIN,
                                       OUTBOX_CONFIRMING, OUTBOX_DONE, OUTBOX_PARKED]):
            outbox.mark(session, row_id, state, last_error="gone" if state == OUTBOX_PARKED else None,
                        now=NOW)
        outbox.mark(session, ids[0], OUTBOX_PARKED, last_error="bad payload", now=NOW)
        return ids

    ids = db.call(fill)
    with db.read() as session:
        assert outbox.open_count(session) == 3
        assert [(r.id, r.last_error) for r in outbox.parked(session)] == [
            (ids[0], "bad payload"), (ids[5], "gone")]
        assert outbox.counts_by_state(session) == {
            OUTBOX_PENDING: 0, OUTBOX_IN_FLIGHT: 1, OUTBOX_UNCERTAIN: 1, OUTBOX_CONFIRMING: 1,
            OUTBOX_DONE: 1, OUTBOX_PARKED: 2}


def test_two_stations_enqueue_the_same_command_once(db):
    """Same database, two Database objects (two benches): racing enqueues leave one row."""
    other = open_database(db.engine.url.render_as_string(hide_password=False), upgrade=False)
    try:
        barrier = threading.Barrier(2)

        def race(database):
            barrier.wait(timeout=10)
            return [database.call(_enqueue, f"ship:{n}").id for n in range(30)]

        results: list[list[int]] = []
        threads = [threading.Thread(target=lambda d=d: results.append(race(d))) for d in (db, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert len(results) == 2 and results[0] == results[1]
        with db.read() as session:
            assert outbox.counts_by_state(session)[OUTBOX_PENDING] == 30
    finally:
        other.close()
