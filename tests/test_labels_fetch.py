"""Fetching Ozon label PDFs after ship, against the simulator on a fake clock (no Qt)."""
import re
from datetime import timedelta

import pytest

from app.config import with_overrides
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


# --- Ozon's label tasks (2026-11): partial tasks, stock size, the file host ---------------------------

_MEDIA_BOX = re.compile(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]")


def page_sizes_mm(bench, row) -> list[tuple[float, float]]:
    pdf = files.read_pdf(bench.data_dir, row["pdf_path"])
    return [(round(float(w) * 25.4 / 72), round(float(h) * 25.4 / 72)) for w, h in _MEDIA_BOX.findall(pdf)]


def spy_task_types(bench) -> list[tuple[str, str]]:
    """(task type asked for, task type Ozon's batch came from) of every label fetch of the bench's client."""
    used, fetch = [], bench.client.fetch_labels

    def spy(numbers, task_type):
        batch = fetch(numbers, task_type)
        used.append((task_type, batch.task_type))
        return batch

    bench.client.fetch_labels = spy
    return used


def test_a_task_stores_the_ready_labels_now_and_asks_again_for_the_others(lbench, engine):
    lbench.sim.world.config.label_delay_s = 30.0
    first, *later = lbench.packable()[:3]
    drain_until_done(lbench, engine, ship(lbench, first))
    lbench.clock.advance(20)
    for number in later:
        drain_until_done(lbench, engine, ship(lbench, number))
    lbench.clock.advance(15)  # the first label is ready, the two later ones are not
    calls = label_calls(lbench)
    stats = engine.fetcher.fetch_due()
    assert (stats.calls, stats.fetched, stats.not_ready, stats.error) == (1, 1, 2, None)
    assert label_calls(lbench) == calls + 1  # one task for the three
    row = label(lbench, first)
    assert (row["state"], row["pdf_page"]) == ("fetched", 0) and pages_of(lbench, row) == [first]
    for number in later:
        row = label(lbench, number)
        assert (row["state"], row["attempts"], row["last_error"]) == ("waiting", 1, "label not ready yet")
        assert row["not_before"] == lbench.now() + timedelta(seconds=not_ready_delay_s(0))
    lbench.clock.advance(not_ready_delay_s(0))
    assert engine.fetcher.fetch_due().fetched == 2
    rows = [label(lbench, number) for number in later]
    assert rows[0]["pdf_path"] == rows[1]["pdf_path"] != label(lbench, first)["pdf_path"]
    assert pages_of(lbench, rows[0]) == later and [r["pdf_page"] for r in rows] == [0, 1]
    files_host = lbench.sim.stats.files()
    assert files_host["requests"] == 2 and files_host["with_credentials"] == 0


def test_a_posting_cancelled_while_its_task_runs_is_parked_the_others_stored(slow_labels, engine):
    lbench = slow_labels
    numbers = lbench.packable()[:3]
    ship_and_settle(lbench, engine, numbers)  # the passes fetch nothing yet: labels are not ready
    lbench.clock.advance(1000)
    create = lbench.client.create_label_tasks

    def create_then_cancel(batch):
        tasks = create(batch)
        lbench.sim.world.cancel(numbers[1])  # after Ozon took the request, before the task completes
        return tasks

    lbench.client.create_label_tasks = create_then_cancel
    stats = engine.fetcher.fetch_due()
    assert (stats.fetched, stats.parked) == (2, 1)
    assert (label(lbench, numbers[1])["state"], label(lbench, numbers[1])["last_error"]) == ("parked", "cancelled")
    kept = [label(lbench, n) for n in (numbers[0], numbers[2])]
    assert [pages_of(lbench, row)[row["pdf_page"]] for row in kept] == [numbers[0], numbers[2]]


def test_an_expired_file_link_leaves_the_labels_waiting_for_the_next_pass(lbench, engine):
    number = lbench.packable()[0]
    lbench.sim.world.config.label_link_ttl_s = 0.0  # the CDN link is dead before it is used
    drain_until_done(lbench, engine, ship(lbench, number))
    stats = engine.fetcher.fetch_due()
    assert stats.fetched == 0 and "HTTP 403" in stats.error
    assert (label(lbench, number)["state"], label(lbench, number)["attempts"]) == ("waiting", 0)
    lbench.sim.world.config.label_link_ttl_s = 600.0
    assert engine.fetcher.fetch_due().fetched == 1


@pytest.mark.parametrize("printer, task_type", [
    ("sim://?size=58x40", "small_label"), ("sim://?size=40x58", "small_label"), ("sim://?size=50x30", "small_label"),
    ("sim://?size=58x60", "big_label"), ("sim://", "big_label"), ("", "big_label"), ("sim://?size=bad", "big_label"),
])
def test_the_label_size_follows_the_printers_stock(lbench, printer, task_type):
    lbench.config = with_overrides(lbench.config, devices={"printer": printer})
    assert lbench.engine().fetcher.task_type == task_type


def test_partner_delivery_labels_wait_for_registration_and_come_58x40_from_the_small_task(tmp_path):
    bench = make_label_bench(tmp_path, postings=30, seed=8, partner_share=1.0)
    try:
        bench.sim.world.config.registration_delay_s = 40.0
        bench.config = with_overrides(bench.config, devices={"printer": "sim://?size=58x40"})
        engine = bench.engine()
        engine.run_pass()
        used = spy_task_types(bench)
        number = bench.packable()[0]
        drain_until_done(bench, engine, ship(bench, number))
        assert bench.posting(number)["status"] == "awaiting_registration"
        stats = engine.fetcher.fetch_due()  # Ozon refuses the label until the partner registered the parcel
        assert (stats.fetched, stats.not_ready, stats.parked) == (0, 1, 0)
        assert label(bench, number)["attempts"] == 1
        bench.clock.advance(45)
        assert engine.fetcher.fetch_due().fetched == 1
        row = label(bench, number)
        assert row["state"] == "fetched" and page_sizes_mm(bench, row) == [(58, 40)]
        assert used[-1] == ("small_label", "small_label")
    finally:
        bench.client.close()
        bench.db.close()
        bench.sim.close()
