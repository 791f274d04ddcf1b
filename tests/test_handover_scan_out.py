"""Scanning out at the bench (app/services/handover: start, scan_out, close; through the bench's
router as the window and replay use it), against the simulator: what counts, what is answered and
never counted, what holds the bench, and what survives a restart."""
from __future__ import annotations

import pytest

from app.statuses import LocalState
from app.store import events as store_events
from app.store import handovers as store
from handover_helpers import SUPERVISOR, make_shop, reopen, shop  # noqa: F401  (fixture)


@pytest.fixture
def fbs(shop):
    """Five parcels of one Ozon-logistics method shipped and due today; that method's id."""
    method = shop.method_with("ozon")
    numbers = shop.ship(shop.packable("ozon", method)[:5])
    return method, numbers


def start(shop, method: int):
    started = shop.scan(f"CMD:HANDOVER:{method}")
    assert started.code == "handover_started", started.message("en")
    return started


def test_nothing_to_hand_over_says_so_and_the_bench_keeps_packing(shop):
    result = shop.scan("CMD:HANDOVER")
    assert (result.code, result.ok, result.state) == ("handover_nothing", False, "idle")
    assert shop.router.mode == "packing"
    assert "nothing to hand over" in result.message("en").lower()
    assert result.message("ru") != result.message("en") != result.message("zh")


def test_several_methods_ready_are_named_and_one_is_chosen_by_its_id(shop, fbs):
    method, numbers = fbs
    other = shop.method_with("non_integrated", at_least=1)
    shop.ship(shop.packable("non_integrated", other)[:1])
    choose = shop.scan("CMD:HANDOVER")
    assert choose.code == "handover_choose" and shop.router.mode == "packing"
    assert {m["delivery_method_id"] for m in choose.data["methods"]} == {method, other}
    assert f"CMD:HANDOVER:{method}" in choose.message("en")
    started = start(shop, method)
    assert started.ok and started.state == "handover" and shop.router.mode == "handover"
    assert sorted(started.data["parcels"]) == sorted(numbers) and started.data["expected"] == 5
    assert started.data["scheme"] == "carriage" and started.data["cutoff_at"]  # Ozon's word on the method


def test_each_parcel_counts_once_by_any_of_its_codes(shop, fbs):
    method, numbers = fbs
    start(shop, method)
    by_label = shop.world.peek(numbers[1])
    results = [shop.scan(numbers[0]), shop.scan(by_label.upper_barcode), shop.scan(by_label.lower_barcode),
               shop.scan(shop.world.peek(numbers[2]).scanit), shop.scan(f"PDK:{numbers[3]}"), shop.scan(numbers[0])]
    assert [r.code for r in results] == ["parcel_accepted", "parcel_accepted", "parcel_duplicate",
                                         "parcel_accepted", "parcel_accepted", "parcel_duplicate"]
    assert [(r.data["scanned"], r.data["missing"]) for r in results] == [(1, 4), (2, 3), (2, 3), (3, 2), (4, 1),
                                                                           (4, 1)]
    assert not results[2].ok and results[2].state == "handover"  # answered, not held


def test_what_is_no_parcel_of_this_hand_over_is_answered_and_never_counted(shop, fbs):
    method, numbers = fbs
    other_method = next(n for n in shop.packable("ozon") if shop.world.peek(n).method.id != method)
    shop.ship([other_method])
    not_shipped = shop.packable("ozon", method)[0]
    item = shop.world.product_by_sku[shop.world.peek(numbers[0]).lines[0].sku].barcodes[0]
    start(shop, method)
    results = {name: shop.scan(text) for name, text in (
        ("method", other_method), ("status", not_shipped), ("item", item), ("garbage", "ab\x07cd"),
        ("unknown label", "%101%999999999"), ("unknown number", "99999999-9999-1"))}
    assert {k: (r.code, r.data.get("variant")) for k, r in results.items()} == {
        "method": ("parcel_not_in_handover", "method"), "status": ("parcel_not_in_handover", "status"),
        "item": ("not_a_parcel", None), "garbage": ("bad_scan", None),
        "unknown label": ("parcel_not_in_handover", "unknown"), "unknown number": ("parcel_not_in_handover", "unknown")}
    assert all(not r.ok and r.state == "handover" for r in results.values())
    assert shop.scan("CMD:ACK").data["scanned"] == 0  # nothing counted
    for lang in ("en", "ru", "zh"):
        assert results["method"].message(lang) and "{" not in results["method"].message(lang)
    # Ozon's status in the packer's words, not its code
    assert results["status"].message("en").endswith("(Ozon status: awaiting packaging).")
    assert results["status"].message("ru").endswith("(статус Ozon: ожидает упаковки).")


def test_a_parcel_ozon_does_not_know_is_refused_in_the_packers_words(shop, fbs):
    method, numbers = fbs
    start(shop, method)
    shop.sim.faults.fail_next("/v3/posting/fbs/get", status=404)  # Ozon's re-read at the scan: no such posting
    gone = shop.scan(numbers[0])
    assert (gone.code, gone.data["variant"], gone.ok) == ("parcel_not_in_handover", "not_on_ozon", False)
    assert gone.message("en") == f"TAKE IT OUT: Ozon knows no parcel {numbers[0]}."
    assert gone.message("ru") == f"УБЕРИТЕ: в Ozon нет посылки {numbers[0]}."
    assert shop.scan("CMD:ACK").data["scanned"] == 0  # never counted


def test_a_parcel_cancelled_after_its_label_is_caught_at_the_scan_and_holds_the_bench(shop, fbs):
    method, numbers = fbs
    start(shop, method)
    shop.world.cancel(numbers[0])  # after the last sync: only Ozon knows
    stop = shop.scan(numbers[0])
    assert (stop.code, stop.state, stop.ok) == ("parcel_cancelled", "error", False)
    assert "Покупатель" in stop.data["reason"] and "offline" not in stop.data
    assert stop.data["by"] == "buyer"  # Ozon's cancellation_type: said in the packer's words beside Ozon's
    assert "(by the buyer: Покупатель отменил заказ)" in stop.message("en")
    assert "（买家取消：Покупатель отменил заказ）" in stop.message("zh")
    assert shop.posting(numbers[0]).local_state == LocalState.CANCELLED  # the re-read went into the cache
    again = shop.scan(numbers[1])  # nothing counts while the stop is held
    assert (again.code, again.data["variant"], again.posting) == ("parcel_cancelled", "repeated", numbers[0])
    assert shop.scan("CMD:HANDOVER-CLOSE").code == "parcel_cancelled"
    ack = shop.scan("CMD:ACK")
    assert (ack.code, ack.state, ack.data["expected"]) == ("acknowledged", "handover", 4)  # no longer expected
    assert shop.scan(numbers[1]).code == "parcel_accepted"
    assert shop.scan(numbers[0]).code == "parcel_cancelled"  # scanned again: still stopped


def test_offline_the_cache_decides_and_says_so(tmp_path):
    shop = make_shop(tmp_path)
    try:
        method = shop.method_with("ozon")
        numbers = shop.ship(shop.packable("ozon", method)[:3])
        shop.world.cancel(numbers[2])
        shop.sync()  # the cache knows of the cancellation
        shop.bench.close()
        offline = reopen(tmp_path, shop.sim, parts=("station",))
        try:
            started = offline.router.scan(f"CMD:HANDOVER:{method}")
            assert started.code == "handover_started" and started.data["offline"] is True
            assert "could not be asked" in started.message("en")
            accepted = offline.router.scan(numbers[0])
            assert accepted.code == "parcel_accepted" and accepted.data.get("offline") is True
            stop = offline.router.scan(numbers[2])
            assert (stop.code, stop.data["variant"]) == ("parcel_cancelled", "offline")
            assert "could not be asked" in stop.message("en")
        finally:
            offline.close()
    finally:
        shop.sim.close()


def test_a_close_with_parcels_missing_holds_until_they_are_scanned(shop, fbs):
    method, numbers = fbs
    start(shop, method)
    for number in numbers[:4]:
        shop.scan(number)
    incomplete = shop.scan("CMD:HANDOVER-CLOSE")
    assert (incomplete.code, incomplete.state, incomplete.data["missing"]) == ("handover_incomplete", "error",
                                                                              [numbers[4]])
    assert numbers[4] in incomplete.message("ru")
    assert shop.scan("CMD:ACK").code == "handover_incomplete"  # held: ACK does not close it
    found = shop.scan(numbers[4])
    assert (found.code, found.state, found.data["missing"]) == ("parcel_accepted", "handover", 0)
    closed = shop.scan("CMD:HANDOVER-CLOSE")
    assert (closed.code, closed.ok, closed.state) == ("handover_closed", True, "idle")
    assert (closed.data["expected"], closed.data["scanned"], closed.data["tracking_sent"]) == (5, 5, 0)
    assert shop.router.mode == "packing"
    assert {shop.posting(n).local_state for n in numbers} == {LocalState.HANDED_OVER}
    assert [c.payload for c in shop.commands("handover_close")] == [{"handover": closed.data["handover"]}]
    assert shop.scan(numbers[0]).code == "posting_not_packable"  # the station has the scanner again


def test_a_supervisor_closes_without_the_missing_ones_and_they_wait_for_the_next_carriage(shop, fbs):
    method, numbers = fbs
    start(shop, method)
    for number in numbers[:3]:
        shop.scan(number)
    refused = shop.scan("CMD:HANDOVER-CLOSE:FORCE:bob")
    assert (refused.code, refused.data["person"]) == ("handover_not_authorized", "bob")
    closed = shop.scan(f"CMD:HANDOVER-CLOSE:FORCE:{SUPERVISOR}:not on the shelf")
    assert closed.code == "handover_closed" and sorted(closed.data["deferred"]) == sorted(numbers[3:])
    handover = shop.handover(closed.data["handover"])
    assert (handover.forced_by, handover.force_reason) == (SUPERVISOR, "not on the shelf")
    assert {shop.posting(n).local_state for n in numbers[3:]} == {LocalState.SHIPPED}  # still here, still ready
    with shop.bench.db.read() as session:
        forced = [e for e in store_events.recent_events(session, 50) if e.kind == "handover_forced"]
    assert forced and forced[0].data["reason"] == "not on the shelf"
    again = start(shop, method)  # the next hand-over expects them
    assert sorted(again.data["parcels"]) == sorted(numbers[3:])


def test_the_hand_over_and_its_held_error_survive_a_restart(tmp_path):
    shop = make_shop(tmp_path)
    try:
        method = shop.method_with("ozon")
        numbers = shop.ship(shop.packable("ozon", method)[:3])
        start(shop, method)
        shop.scan(numbers[0])
        shop.world.cancel(numbers[1])
        shop.scan(numbers[1])
        shop.bench.close()
        bench = reopen(tmp_path, shop.sim)
        try:
            assert bench.router.mode == "handover"
            assert bench.router.status().code == "status" and bench.router.status().state == "error"
            assert bench.router.scan(numbers[2]).data["variant"] == "repeated"
            assert bench.router.scan("CMD:ACK").code == "acknowledged"
            assert bench.router.scan(numbers[0]).code == "parcel_duplicate"
            assert bench.router.scan(numbers[2]).data["scanned"] == 2
        finally:
            bench.close()
    finally:
        shop.sim.close()


def test_back_to_packing_leaves_the_hand_over_open_and_weights_wait(shop, fbs):
    method, numbers = fbs
    start(shop, method)
    shop.scan(numbers[0])
    assert shop.router.weigh(500.0).code == "not_now"
    assert shop.scan("CMD:PARK").code == "not_now"
    left = shop.scan("CMD:CANCEL")
    assert (left.code, left.state, shop.router.mode) == ("handover_left", "idle", "packing")
    resumed = shop.scan("CMD:HANDOVER")
    assert (resumed.code, resumed.data["variant"], resumed.data["scanned"]) == ("handover_started", "resumed", 1)
    assert shop.scan(f"CMD:HANDOVER:{method + 1}").code == "handover_busy"


def test_no_hand_over_starts_while_a_posting_is_open_at_the_bench(shop, fbs):
    method, _ = fbs
    posting = shop.packable("ozon")[0]
    assert shop.scan(posting).code == "posting_opened"
    blocked = shop.scan(f"CMD:HANDOVER:{method}")
    assert (blocked.code, blocked.posting, shop.router.mode) == ("handover_posting_open", posting, "packing")


def test_ozons_errors_about_the_method_are_shown_verbatim_with_a_hint(shop, fbs):
    method, _ = fbs
    shop.sim.carriages.method_errors[method] = [{"code": "package_time_not_passed", "status": "critical",
                                                 "description": "Время сборки не истекло"}]
    started = start(shop, method)
    assert started.data["ozon_errors"][0]["code"] == "package_time_not_passed"
    for lang, hint in (("en", "cut-off has not passed"), ("ru", "отсечки"), ("zh", "截单")):
        message = started.message(lang)
        assert "package_time_not_passed — Время сборки не истекло" in message and hint in message


# --- rFBS with the seller's own carrier ----------------------------------------------------------
@pytest.fixture
def own(shop):
    method = shop.method_with("non_integrated", at_least=3)
    numbers = shop.ship(shop.packable("non_integrated", method)[:3])
    return method, numbers


def test_each_parcels_label_is_followed_by_its_carriers_barcode(shop, own):
    method, numbers = own
    started = start(shop, method)
    carrier = started.data["carrier"]
    assert started.data["scheme"] == "tracking" and carrier in ("russian_post", "cdek")
    good = {"russian_post": ["80102367216110", "RB123456785GB", "14102059104821"],
            "cdek": ["1234567890", "1234567891", "1234567892"]}[carrier]
    bad = {"russian_post": "80102367216111", "cdek": "12AB"}[carrier]
    label = shop.scan(numbers[0])
    assert (label.code, label.data["variant"], label.data["scanned"]) == ("parcel_accepted", "tracking", 0)
    assert shop.scan(numbers[1]).code == "tracking_required"  # first the carrier's barcode of the first
    invalid = shop.scan(bad)
    assert (invalid.code, invalid.posting, invalid.state) == ("tracking_invalid", numbers[0], "handover")
    item = shop.world.product_by_sku[shop.world.peek(numbers[0]).lines[0].sku].barcodes[0]
    assert shop.scan(item).code == "tracking_invalid"
    captured = shop.scan(good[0])
    assert (captured.code, captured.data["tracking"], captured.data["scanned"]) == ("tracking_captured", good[0], 1)
    assert "Почты России" in captured.message("ru") or "СДЭК" in captured.message("ru")
    shop.scan(numbers[1])
    used = shop.scan(good[0])
    assert (used.code, used.data["variant"], used.data["owner"]) == ("tracking_invalid", "used", numbers[0])
    assert shop.scan(good[1]).code == "tracking_captured"
    shop.scan(numbers[2])
    assert shop.scan("CMD:HANDOVER-CLOSE").data["missing"] == [numbers[2]]  # no tracking number yet: missing
    shop.scan(good[2])
    closed = shop.scan("CMD:HANDOVER-CLOSE")
    assert (closed.code, closed.data["tracking_sent"], closed.data["scanned"]) == ("handover_closed", 3, 3)
    (command,) = shop.commands("tracking_send")
    assert len(command.payload["tracking"]) == 3


def test_the_routers_mode_is_the_benchs_mode_in_the_cache_after_every_decision(shop, fbs):
    """The router takes the mode from each decision (no read of its own): it must say what the
    cache says, also when a close is refused at a bench that had gone back to packing."""
    method, numbers = fbs

    def in_cache() -> str:
        with shop.bench.db.read() as session:
            return store.get_mode(session, "bench-1")

    steps = [(f"CMD:HANDOVER:{method}", "handover_started", "handover"), (numbers[0], "parcel_accepted", "handover"),
             ("CMD:CANCEL", "handover_left", "packing"), ("CMD:HANDOVER-CLOSE", "handover_incomplete", "packing"),
             (f"CMD:HANDOVER:{method}", "handover_started", "handover"), ("4600000000123", "not_a_parcel", "handover"),
             ("CMD:HANDOVER-CLOSE", "handover_incomplete", "handover")]
    for text, code, mode in steps:
        assert (shop.scan(text).code, shop.router.mode, in_cache()) == (code, mode, mode), text


def test_a_forced_close_is_confirmed_by_a_supervisors_badge_or_pin_and_records_the_name_only(shop):
    from app.services.people import directory

    directory.add(shop.bench.db, "Pavel", "packer", pin="1357")
    directory.add(shop.bench.db, "Olga", "supervisor", pin="8642")
    badge = directory.issue_badge(shop.bench.db, "Olga")
    assert shop.scan("CMD:LOGIN:1357").code == "packer_signed_in"
    method = shop.method_with("ozon")
    numbers = shop.ship(shop.packable("ozon", method)[:3])
    assert shop.scan(f"CMD:HANDOVER:{method}").code == "handover_started"
    assert shop.scan(numbers[0]).code == "parcel_accepted"
    assert shop.scan("CMD:HANDOVER-CLOSE").code == "handover_incomplete"
    refused = shop.scan("CMD:HANDOVER-CLOSE:FORCE:1357:courier waiting")  # a packer's PIN
    assert refused.code == "handover_not_authorized" and refused.data["person"] == "Pavel"
    unknown = shop.scan("CMD:HANDOVER-CLOSE:FORCE:99999:courier waiting")
    assert unknown.code == "handover_not_authorized" and unknown.data["person"] == "?"
    forced = shop.scan(f"CMD:HANDOVER-CLOSE:FORCE:{badge}:courier waiting")
    assert forced.code == "handover_closed"
    h = shop.handover(forced.data["handover"])
    assert (h.forced_by, h.force_reason) == ("Olga", "courier waiting")
    import sqlite3
    with sqlite3.connect(shop.tmp_path / "packdesk.db") as db:
        events = " ".join(str(row) for row in db.execute("SELECT data FROM events"))
    assert "8642" not in events and "1357" not in events and badge not in events and "99999" not in events  # names only


def test_parcels_handed_over_count_only_those_that_left_with_the_courier(shop):
    from datetime import date, timedelta

    from app.services.stats.figures import shift_figures

    method = shop.method_with("ozon", at_least=3)
    numbers = shop.ship(shop.packable("ozon", method)[:3])
    assert shop.scan(f"CMD:HANDOVER:{method}").code == "handover_started"
    for number in numbers[:2]:
        assert shop.scan(number).code == "parcel_accepted"
    assert shop.scan(f"CMD:HANDOVER-CLOSE:FORCE:{SUPERVISOR}:not on the shelf").code == "handover_closed"
    assert shop.scan(f"CMD:HANDOVER:{method}").code == "handover_started"  # the next carriage: the third
    assert shop.scan(numbers[2]).code == "parcel_accepted"  # scanned, but this hand-over is still open
    today = date.today()
    rows = shift_figures(shop.bench.db, today - timedelta(days=1), today + timedelta(days=1))
    assert sum(r.handed_over for r in rows) == 2


def test_a_parcel_cancelled_after_its_scan_stops_the_close_and_does_not_leave(shop):
    from datetime import date, timedelta

    from app.services.stats.figures import shift_figures

    method = shop.method_with("ozon", at_least=3)
    numbers = shop.ship(shop.packable("ozon", method)[:3])
    assert shop.scan(f"CMD:HANDOVER:{method}").code == "handover_started"
    for number in numbers:
        assert shop.scan(number).code == "parcel_accepted"
    shop.world.cancel(numbers[1])  # Ozon cancels it while it lies in the bag; the sync brings it
    shop.sync()
    stop = shop.scan("CMD:HANDOVER-CLOSE")
    assert (stop.code, stop.posting) == ("parcel_cancelled", numbers[1])  # take it out of the bag
    assert shop.scan("CMD:ACK").code == "acknowledged"
    closed = shop.scan("CMD:HANDOVER-CLOSE")
    assert closed.code == "handover_closed" and closed.data["scanned"] == 2
    with shop.bench.db.read() as session:
        assert store.parcel_state(session, closed.data["handover"], numbers[1]) == "cancelled"
    today = date.today()
    rows = shift_figures(shop.bench.db, today - timedelta(days=1), today + timedelta(days=1))
    assert sum(r.handed_over for r in rows) == 2
