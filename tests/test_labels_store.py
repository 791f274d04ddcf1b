"""The labels repository: idempotent rows, what is due, state moves, reprint requests."""
from datetime import timedelta

import pytest
from sqlalchemy import update

from app.store import labels as store_labels
from app.store import lookups
from app.store import postings as store_postings
from app.store.models import PostingRow
from store_helpers import NOW, db, item, pg_url, posting, sqlite_template  # noqa: F401

STATION = "bench-1"


def _write(db, fn, *args, **kw):
    return db.writer.call(fn, *args, **kw)


def _states(db):
    with db.read() as session:
        return store_labels.counts_by_state(session, STATION)


def _row(db, number, kind="ozon"):
    with db.read() as session:
        return store_labels.get(session, number, kind)


def test_ensure_is_idempotent_and_keeps_existing_rows(db):
    assert _write(db, store_labels.ensure, ["A-1", "A-2", "A-1"], station=STATION, now=NOW) == 2
    first = _row(db, "A-1")
    _write(db, store_labels.mark_fetched, first.id, pdf_path="labels/a.pdf", page=0, now=NOW)
    assert _write(db, store_labels.ensure, ["A-1", "A-3"], station="bench-2", now=NOW) == 1
    again = _row(db, "A-1")
    assert (again.id, again.state, again.station) == (first.id, "fetched", STATION)
    assert _row(db, "A-3").station == "bench-2"
    # the own label is a row of its own
    assert _write(db, store_labels.ensure, ["A-1"], station=STATION, now=NOW, kind="own") == 1


def test_due_to_fetch_respects_station_and_not_before_oldest_first(db):
    _write(db, store_labels.ensure, ["B-2"], station=STATION, now=NOW + timedelta(seconds=5))
    _write(db, store_labels.ensure, ["B-1"], station=STATION, now=NOW)
    _write(db, store_labels.ensure, ["C-1"], station="bench-2", now=NOW)
    later = _row(db, "B-2")
    _write(db, store_labels.mark_retry, later.id, error="not ready", not_before=NOW + timedelta(seconds=30))
    with db.read() as session:
        assert [r.posting_number for r in store_labels.due_to_fetch(session, STATION, NOW + timedelta(seconds=10))] \
            == ["B-1"]
        assert [r.posting_number for r in store_labels.due_to_fetch(session, STATION, NOW + timedelta(seconds=30))] \
            == ["B-1", "B-2"]
    assert _row(db, "B-2").attempts == 1


def test_fetched_printed_and_the_posting_shows_labelled(db):
    _write(db, store_postings.upsert_postings, [posting("D-1", status="awaiting_deliver")], {"D-1": [item(1)]},
           now=NOW)
    _write(db, store_postings.set_local_state, ["D-1"], "shipped")
    _write(db, store_labels.ensure, ["D-1"], station=STATION, now=NOW)
    row = _row(db, "D-1")
    _write(db, store_labels.mark_fetched, row.id, pdf_path="labels/d.pdf", page=3, now=NOW)
    with db.read() as session:
        assert [r.pdf_page for r in store_labels.due_to_print(session, STATION, NOW)] == [3]
    _write(db, store_labels.mark_printed, row.id, printer="tcp://printer:9100", now=NOW)
    printed = _row(db, "D-1")
    assert (printed.state, printed.copies, printed.printer, printed.printed_at) == (
        "printed", 1, "tcp://printer:9100", NOW)
    with db.read() as session:
        assert store_labels.due_to_print(session, STATION, NOW) == []
        assert lookups.get_posting(session, "D-1").local_state == "labelled"
        assert store_labels.open_count(session, STATION) == 0


def test_failed_labels_come_back_when_their_time_has_come_parked_ones_never(db):
    _write(db, store_labels.ensure, ["E-1", "E-2"], station=STATION, now=NOW)
    for number in ("E-1", "E-2"):
        _write(db, store_labels.mark_fetched, _row(db, number).id, pdf_path="labels/e.pdf", page=0, now=NOW)
    _write(db, store_labels.mark_retry, _row(db, "E-1").id, error="printer offline", kind="offline",
           state="failed", not_before=NOW + timedelta(seconds=5))
    _write(db, store_labels.mark_parked, _row(db, "E-2").id, "printing failed 4 times", kind="no_paper")
    with db.read() as session:
        assert store_labels.due_to_print(session, STATION, NOW) == []
        assert [r.posting_number for r in store_labels.due_to_print(session, STATION, NOW + timedelta(seconds=5))] \
            == ["E-1"]
        assert [(r.posting_number, r.error_kind) for r in store_labels.problems(session, STATION)] == [
            ("E-2", "no_paper"), ("E-1", "offline")]
        assert store_labels.open_count(session, STATION) == 1  # parked counts as drained
    assert _states(db)["failed"] == 1 and _states(db)["parked"] == 1


def test_reprint_goes_back_to_fetched_or_waiting_without_a_pdf(db):
    _write(db, store_labels.ensure, ["F-1", "F-2"], station=STATION, now=NOW)
    f1 = _row(db, "F-1")
    _write(db, store_labels.mark_fetched, f1.id, pdf_path="labels/f.pdf", page=1, now=NOW)
    _write(db, store_labels.mark_printed, f1.id, printer="sim://", now=NOW)
    assert _write(db, store_labels.request_reprint, "F-1").state == "fetched"
    assert _row(db, "F-1").copies == 1  # a copy is counted when it prints
    _write(db, store_labels.mark_parked, _row(db, "F-2").id, "cancelled")
    again = _write(db, store_labels.request_reprint, "F-2")
    assert (again.state, again.last_error) == ("waiting", None)
    with pytest.raises(LookupError):
        _write(db, store_labels.request_reprint, "NOPE-1")


def test_a_lost_pdf_is_fetched_again(db):
    _write(db, store_labels.ensure, ["G-1"], station=STATION, now=NOW)
    _write(db, store_labels.mark_fetched, _row(db, "G-1").id, pdf_path="labels/g.pdf", page=2, now=NOW)
    _write(db, store_labels.mark_refetch, _row(db, "G-1").id, "file gone")
    row = _row(db, "G-1")
    assert (row.state, row.pdf_path, row.pdf_page) == ("waiting", None, 0)


def test_shipped_postings_packed_here_get_a_row_children_of_a_split_too(db):
    postings = [
        posting("H-1", status="awaiting_deliver"),                                   # packed here
        posting("H-2", status="cancelled_from_split_pending"),                        # split parent, packed here
        posting("H-3", status="awaiting_deliver", parent_posting_number="H-2"),       # its children
        posting("H-4", status="awaiting_deliver", parent_posting_number="H-2"),
        posting("H-5", status="awaiting_deliver"),                                   # packed elsewhere
        posting("H-6", status="awaiting_packaging"),                                 # not shipped yet
        posting("H-7", status="delivering"),                                          # handed over
    ]
    _write(db, store_postings.upsert_postings, postings, {}, now=NOW)

    def packed(session):
        session.execute(update(PostingRow).where(PostingRow.posting_number.in_(["H-1", "H-2", "H-6", "H-7"]))
                        .values(packed_by=STATION))
        session.execute(update(PostingRow).where(PostingRow.posting_number == "H-5").values(packed_by="bench-2"))

    _write(db, packed)
    assert _write(db, store_labels.ensure_for_shipped, STATION, NOW) == 3
    assert _write(db, store_labels.ensure_for_shipped, STATION, NOW) == 0
    with db.read() as session:
        due = store_labels.due_to_fetch(session, STATION, NOW)
    assert sorted(r.posting_number for r in due) == ["H-1", "H-3", "H-4"]
