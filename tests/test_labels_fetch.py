"""Fetching Ozon label PDFs after ship, against the simulator on a fake clock (no Qt)."""
import re
from datetime import timedelta

import pytest

from app.services.labels import files
from app.services.labels.fetch import GIVE_UP_ATTEMPTS, LabelFetcher, not_ready_delay_s
from app.store.models import PostingRow
from labels_helpers import (  # noqa: F401  (fixture)
    LABEL, STATION, label, label_calls, labels, lbench, make_label_bench, packable_with_units, ship,
    ship_and_settle,
)

_NUMBER_ON_PAGE = re.compile(rb"\((\d{8}-\d{4}-\d+)\) Tj")


def pages_of(bench, row) -> list[str]:
    """Posting numbers printed on the pages of a row's PDF, in page order (the simulator's PDFs
    are uncompressed)."""
    return [m.decode() for m in _NUMBER_ON_PAGE.findall(files.read_pdf(bench.data_dir, row["pdf_path"]))]


def drain_until_done(bench, engine, command, passes=6):
    for _ in range(passes):
        engine.drainer.drain()
        if bench.command(command)["state"] == "done":
            return
        bench.clock.advance(2.5)
    raise AssertionError(bench.command(command))


@pytest.fixture
def engine(lbench):
    engine = lbench.engine()
    engine.run_pass()
    return engine


def test_not_ready_backs_off_then_the_pdf_is_stored_and_the_row_fetched(lbench, engine):
    lbench.sim.world.config.label_delay_s = 50.0
    number = lbench.packable()[0]
    command = ship(lbench, number)
    drain_until_done(lbench, engine, command)
    row = label(lbench, number)  # written with the done ship, in the same transaction
    assert (row["state"], row["station"], row["attempts"], row["pdf_path"]) == ("waiting", STATION, 0, None)

    fetcher = engine.fetcher
    stats = fetcher.fetch_due()
    assert (stats.calls, stats.not_ready, stats.fetched) == (1, 1, 0)
    row = label(lbench, number)
    assert (row["state"], row["attempts"], row["last_error"]) == ("waiting", 1, "label not ready yet")
    assert row["not_before"] == lbench.now() + timedelta(seconds=not_ready_delay_s(0))
    assert fetcher.fetch_due().calls == 0  # not due yet: Ozon is not asked again
    waits = []
    while label(lbench, number)["state"] == "waiting":
        due = label(lbench, number)["not_before"]
        waits.append((due - lbench.now()).total_seconds())
        lbench.clock.advance(waits[-1])
        fetcher.fetch_due()
    assert waits == [15.0, 30.0, 60.0]  # growing; ready 50 s after the ship took effect
    row = label(lbench, number)
    assert (row["state"], row["pdf_page"], row["attempts"], row["last_error"]) == ("fetched", 0, 0, None)
    pdf = files.read_pdf(lbench.data_dir, row["pdf_path"])
    assert pdf.startswith(b"%PDF") and pages_of(lbench, row) == [number]
    assert row["pdf_path"].startswith("labels/") and not list((lbench.data_dir / "labels").glob("*.part"))


def test_backoff_is_capped_and_a_label_never_issued_is_parked_in_the_end():
    assert [not_ready_delay_s(a) for a in range(6)] == [15, 30, 60, 120, 120, 120]
    assert GIVE_UP_ATTEMPTS * 120 >= 45 * 60  # well beyond Ozon's 45-60 s


def test_a_split_posting_gets_one_label_per_child_in_one_call(lbench, engine):
    number = packable_with_units(lbench, 2)
    lines = lbench.sim.world.peek(number).lines
    units = [line.sku for line in lines for _ in range(line.quantity)]
    packages = [[[sku, 1]] for sku in units[:2]]
    if len(units) > 2:
        packages[1] += [[sku, 1] for sku in units[2:]]
    command = ship(lbench, number, packages=packages)
    drain_until_done(lbench, engine, command)
    children = lbench.command(command)["result"]["postings"]
    assert len(children) == 2 and number not in children
    assert set(labels(lbench)) == set(children)  # the split parent gets none
    before = label_calls(lbench)
    assert engine.fetcher.fetch_due().fetched == 2
    assert label_calls(lbench) == before + 1
    rows = [label(lbench, child) for child in children]
    assert rows[0]["pdf_path"] == rows[1]["pdf_path"]
    for row in rows:
        assert pages_of(lbench, row)[row["pdf_page"]] == row["posting_number"]


def test_25_due_labels_take_two_calls_of_20_and_5(tmp_path):
    bench = make_label_bench(tmp_path, postings=80, seed=6)
    try:
        engine = bench.engine()
        engine.run_pass()
        numbers = bench.packable()[:25]
        assert len(numbers) == 25
        for number in numbers:
            ship(bench, number)
        for _ in range(4):
            engine.drainer.drain()
            bench.clock.advance(2.5)
        assert len(labels(bench)) == 25
        before = label_calls(bench)
        stats = engine.fetcher.fetch_due()
        assert (stats.calls, stats.fetched) == (2, 25)
        assert label_calls(bench) == before + 2
        rows = labels(bench)
        assert sorted(len([r for r in rows.values() if r["pdf_path"] == path])
                      for path in {r["pdf_path"] for r in rows.values()}) == [5, 20]
        for row in rows.values():
            assert row["state"] == "fetched"
            assert pages_of(bench, row)[row["pdf_page"]] == row["posting_number"]
    finally:
        bench.client.close()
        bench.db.close()
        bench.sim.close()


@pytest.fixture
def slow_labels(lbench):
    lbench.sim.world.config.label_delay_s = 1000.0
    return lbench


def test_a_cancelled_posting_in_a_batch_is_parked_the_others_are_fetched(slow_labels, engine):
    lbench = slow_labels
    numbers = lbench.packable()[:3]
    ship_and_settle(lbench, engine, numbers)  # the passes fetch nothing yet: labels are not ready
    lbench.sim.world.cancel(numbers[1])
    lbench.clock.advance(1000)
    stats = engine.fetcher.fetch_due()
    assert (stats.fetched, stats.parked) == (2, 1)
    cancelled = label(lbench, numbers[1])
    assert (cancelled["state"], cancelled["last_error"]) == ("parked", "cancelled")
    assert [label(lbench, n)["state"] for n in (numbers[0], numbers[2])] == ["fetched", "fetched"]
    assert lbench.posting(numbers[1])["local_state"] == "cancelled"  # read back into the cache


def test_network_errors_leave_labels_waiting_for_the_next_pass(slow_labels, engine):
    bench = slow_labels
    number = bench.packable()[0]
    ship_and_settle(bench, engine, [number])
    bench.clock.advance(1000)
    attempts = label(bench, number)["attempts"]
    bench.sim.faults.fail_next(LABEL, count=20, status=503)
    stats = engine.fetcher.fetch_due()
    assert stats.error and stats.fetched == 0
    row = label(bench, number)
    assert (row["state"], row["attempts"]) == ("waiting", attempts)
    bench.sim.faults.reset()
    summary = engine.run_pass()
    assert summary.labels.fetched == 1 and label(bench, number)["state"] == "fetched"


def test_a_posting_sync_sees_shipped_by_this_station_gets_its_label(lbench, engine):
    ours, theirs, outside = lbench.packable()[:3]

    def packed(session):
        session.get(PostingRow, ours).packed_by = STATION
        session.get(PostingRow, theirs).packed_by = "bench-2"

    lbench.db.writer.call(packed)
    for number in (ours, theirs, outside):  # shipped with no outbox row here (e.g. a crash, another tool)
        lbench.sim.world.ship(number, [[(line.sku, line.quantity) for line in lbench.sim.world.peek(number).lines]])
    lbench.clock.advance(5)
    summary = engine.run_pass()
    assert set(labels(lbench)) == {ours}
    assert summary.labels.fetched == 1 and label(lbench, ours)["state"] == "fetched"


def test_labels_of_other_stations_are_left_to_them(lbench, engine):
    number = lbench.packable()[0]
    command = ship(lbench, number, station="bench-2")
    drain_until_done(lbench, engine, command)
    assert label(lbench, number)["station"] == "bench-2"
    assert engine.fetcher.fetch_due().calls == 0


def test_a_restarted_engine_does_not_fetch_again(lbench, engine):
    number = lbench.packable()[0]
    ship_and_settle(lbench, engine, [number])
    lbench.clock.advance(5)
    engine.run_pass()
    assert label(lbench, number)["state"] == "fetched"
    calls = label_calls(lbench)
    restarted = lbench.engine()
    restarted.run_pass()
    assert label_calls(lbench) == calls


def test_fetch_now_fetches_one_posting_whatever_its_row_says(lbench, engine):
    number = lbench.packable()[0]
    lbench.sim.world.ship(number, [[(line.sku, line.quantity) for line in lbench.sim.world.peek(number).lines]])
    lbench.clock.advance(5)
    LabelFetcher(lbench.client, lbench.db, data_dir=lbench.data_dir, station=STATION, now=lbench.now) \
        .fetch_now(number)
    row = label(lbench, number)
    assert row["state"] == "fetched" and pages_of(lbench, row) == [number]
