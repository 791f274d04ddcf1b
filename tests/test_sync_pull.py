"""Pulling Ozon's state into the cache, against the simulator."""
import dataclasses

import app.foreground
from app.config import with_overrides
from app.foreground import Foreground
from app.services.sync import pull
from app.services.sync.pull import PullStats
from app.store import lookups
from app.store import postings as store_postings
from app.store import products as store_products
from app.store import reference as store_reference
from app.store.models import ProductRow
from sync_helpers import bench, make_bench  # noqa: F401  (fixture)


def test_first_pass_fills_the_cache_with_postings_products_and_barcodes(bench):
    summary = bench.engine().run_pass()
    assert summary.finished and summary.error is None
    numbers = set(bench.sim.world.posting_numbers())
    with bench.db.read() as session:
        cached = {row.posting_number: row for row in lookups.list_postings(session)}
        skus = {item.sku for row in cached.values() for item in row.items}
        missing = store_products.missing_skus(session, skus)
        some_sku = next(iter(skus))
        barcodes = store_products.barcodes_for_sku(session, some_sku)
        methods = [(m.id, m.warehouse_id) for m in store_reference.list_delivery_methods(session)]
    assert numbers <= set(cached)
    assert methods == sorted((m.id, m.warehouse.warehouse_id) for m in bench.sim.world.methods)  # /v2 list
    for number in numbers:
        world = bench.sim.world.peek(number)
        row = cached[number]
        assert row.status == world.status
        assert row.scanit == world.scanit  # the code on Ozon's new-format label
        assert [(i.sku, i.quantity) for i in row.items] == [(line.sku, line.quantity) for line in world.lines]
    assert not missing, "every SKU of a cached posting has its product"
    assert f"OZN{some_sku}" in barcodes and any(len(b) == 13 and b.isdigit() for b in barcodes)
    assert summary.key_expires_at


def test_a_second_pass_reports_no_changes_and_fetches_no_products_again(bench):
    engine = bench.engine()
    engine.run_pass()
    calls_before = bench.sim.stats.requests("/v4/product/info/attributes")
    summary = engine.run_pass()
    assert summary.finished and summary.pull.changed == 0 and summary.pull.products == 0
    assert bench.sim.stats.requests("/v4/product/info/attributes") == calls_before


def test_a_posting_cancelled_on_ozon_shows_cancelled_after_one_pass(bench):
    engine = bench.engine()
    engine.run_pass()
    victim = bench.packable()[0]
    bench.sim.world.cancel(victim)
    engine.run_pass()
    assert bench.posting(victim)["local_state"] == "cancelled"
    assert bench.posting(victim)["status"] == "cancelled"


def test_later_passes_read_only_what_changed(bench):
    engine = bench.engine()
    first = engine.run_pass()
    assert first.full
    unfulfilled = bench.sim.stats.requests("/v4/posting/fbs/unfulfilled/list")
    victim = bench.packable()[0]
    bench.clock.advance(60)
    bench.sim.world.cancel(victim)
    second = engine.run_pass()
    assert not second.full and second.finished
    assert bench.sim.stats.requests("/v4/posting/fbs/unfulfilled/list") == unfulfilled
    assert bench.sim.stats.requests("/v4/posting/fbs/list") >= 1
    assert second.pull.postings == 1  # only the cancelled one came back
    assert bench.posting(victim)["local_state"] == "cancelled"


def test_a_full_pass_comes_round_again(bench):
    engine = bench.engine()
    engine.run_pass()
    bench.clock.advance(bench.config.sync.full_pass_interval_s + 1)
    assert engine.run_pass().full


def test_a_posting_that_vanishes_from_the_open_list_is_read_back(bench):
    bench.config = with_overrides(bench.config, sync={"full_pass_interval_s": 0})
    engine = bench.engine()
    engine.run_pass()
    gone = bench.packable()[1]
    bench.sim.world.set_status(gone, "delivered")  # delivered postings leave the unfulfilled list
    summary = engine.run_pass()
    assert summary.pull.reconciled >= 1
    assert bench.posting(gone)["status"] == "delivered"
    assert bench.posting(gone)["local_state"] == "handed_over"


def test_new_postings_arrive_on_the_next_pass(bench):
    engine = bench.engine()
    engine.run_pass()
    added = bench.sim.world.add_postings(3)
    engine.run_pass()
    assert all(bench.posting(n) is not None for n in added)


def test_pass_survives_429_with_retry_after_and_500(tmp_path):
    b = make_bench(tmp_path, postings=1500, seed=11)
    try:
        b.sim.faults.update({"rate_429": 0.1, "retry_after_s": 1, "rate_500": 0.05})
        summary = b.engine().run_pass()
        assert summary.finished, summary.error
        answers = b.sim.stats.as_dict()["answers"]
        served = {status for counts in answers.values() for status in counts}
        assert {"429", "500"} <= served, answers  # the faults were really served
        with b.db.read() as session:
            cached = {row.posting_number for row in lookups.list_postings(session, with_items=False)}
        assert set(b.sim.world.posting_numbers()) <= cached
    finally:
        b.client.close()
        b.db.close()
        b.sim.close()


def test_an_outage_leaves_the_pass_unfinished_and_the_cache_intact(bench):
    engine = bench.engine()
    engine.run_pass()
    with bench.db.read() as session:
        before = len(lookups.list_postings(session, with_items=False))
    bench.sim.faults.update({"rate_500": 1.0})
    summary = engine.run_pass()
    assert not summary.finished and summary.error
    with bench.db.read() as session:
        assert len(lookups.list_postings(session, with_items=False)) == before


def test_a_list_of_several_pages_reports_its_progress_and_one_page_does_not(tmp_path):
    big = make_bench(tmp_path / "big", postings=250)
    small = make_bench(tmp_path / "small", postings=30)
    try:
        for bench, told in ((big, []), (small, [])):
            engine = bench.engine()
            engine.on_progress = told.append
            assert engine.run_pass().finished
            bench.told = [p for p in told if p.task == "postings"]
        open_count = big.sim.stats.requests("/v4/posting/fbs/unfulfilled/list")
        assert open_count >= 3  # 100 a page
        assert len(big.told) == open_count  # each page, of Ozon's count
        assert [p.done for p in big.told] == sorted(p.done for p in big.told) and big.told[0].done == 100
        last = big.told[-1]
        assert all(p.total == last.done and not p.finished for p in big.told[:-1])
        assert last.finished
        with big.db.read() as session:
            assert len(lookups.list_postings(session)) >= last.done
        assert small.told == []  # one page is quick: no bar
    finally:
        for bench in (big, small):
            bench.client.close()
            bench.db.close()
            bench.sim.close()


def test_a_list_without_a_count_shows_busy_then_finished_at_what_was_pulled(tmp_path):
    big = make_bench(tmp_path, postings=250)
    real = big.client.iter_unfulfilled

    def uncounted(**kwargs):  # as /v4/posting/fbs/list answers: no "count"
        return (dataclasses.replace(page, total=None) for page in real(**kwargs))

    told = []
    try:
        big.client.iter_unfulfilled = uncounted
        engine = big.engine()
        engine.on_progress = told.append
        assert engine.run_pass().finished
    finally:
        big.client.close()
        big.db.close()
        big.sim.close()
    told = [p for p in told if p.task == "postings"]
    assert len(told) >= 4 and all(p.total == 0 and not p.finished for p in told[:-1])  # busy
    assert told[-1].finished and told[-1].done == told[-2].done


def test_products_keep_their_photo_link_and_those_synced_before_get_it_once(bench):
    engine = bench.engine()
    assert engine.run_pass().finished
    with bench.db.read() as session:
        sku = lookups.list_postings(session)[0].items[0].sku
        links = store_products.primary_images(session, [sku, 1])
    assert links == {sku: f"{bench.sim.files_url}/images/{sku}.png"}
    bench.db.writer.call(lambda session: session.query(ProductRow).filter(ProductRow.sku == sku).update(
        {"primary_image": None}))  # as migration 0018 leaves a product synced before it
    bench.clock.advance(bench.config.sync.full_pass_interval_s + 1)  # a full pass sees every posting's SKUs
    summary = engine.run_pass()
    assert summary.finished and summary.pull.products == 1
    with bench.db.read() as session:
        assert store_products.primary_images(session, [sku]) == links
    bench.clock.advance(bench.config.sync.full_pass_interval_s + 1)
    assert engine.run_pass().pull.products == 0  # asked once


def _counting_foreground(monkeypatch, *, at_work: bool) -> list:
    steps = []

    class Counting(Foreground):
        def give_way(self) -> float:
            steps.append(1)
            return 0.0

        def at_work(self, within_s: float) -> bool:
            return at_work

    monkeypatch.setattr(app.foreground, "FOREGROUND", Counting())
    return steps


def _counted_writes(monkeypatch) -> list:
    writes = []
    upsert = store_postings.upsert_postings

    def counted(session, rows, items, **kw):
        writes.append([row["posting_number"] for row in rows])
        assert set(items) == set(writes[-1])  # each write carries its own postings' lines
        return upsert(session, rows, items, **kw)

    monkeypatch.setattr(store_postings, "upsert_postings", counted)
    return writes


def test_while_someone_packs_the_pull_gives_way_at_each_posting_and_writes_a_few_at_a_time(bench, monkeypatch):
    # a scan decided meanwhile goes first (app/foreground.py): each posting parsed and each turned
    # into rows is a step; the lane runs a scan after the write it is running, so writes are short
    steps = _counting_foreground(monkeypatch, at_work=True)
    monkeypatch.setattr(pull, "WRITE_CHUNK", 4)
    writes = _counted_writes(monkeypatch)
    stats = PullStats()
    seen = bench.engine().puller.pull_open_postings(stats)
    assert stats.postings == len(seen) > 8
    assert len(steps) == 2 * stats.postings  # parsed, then turned into rows
    assert len(writes) > 2 and all(len(numbers) <= 4 for numbers in writes)
    assert sorted(n for numbers in writes for n in numbers) == sorted(seen)
    with bench.db.read() as session:
        assert {row.posting_number for row in lookups.list_postings(session)} >= seen


def test_with_nobody_at_the_bench_a_page_is_one_write(bench, monkeypatch):
    _counting_foreground(monkeypatch, at_work=False)
    monkeypatch.setattr(pull, "WRITE_CHUNK", 4)
    writes = _counted_writes(monkeypatch)
    seen = bench.engine().puller.pull_open_postings(PullStats())
    assert len(seen) > 8
    assert len(writes) == 1 and sorted(writes[0]) == sorted(seen)  # the simulator's one page, one write
