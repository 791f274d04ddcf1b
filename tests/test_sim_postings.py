"""Simulator: reading postings (v4 lists, v3 get, get-by-barcode) in Ozon's shapes."""
from __future__ import annotations

import re
import statistics
import time

import pytest
from ozonapi.seller.schemas.fbs.v4__posting_fbs_list import PostingFBSListResponse
from ozonapi.seller.schemas.fbs.v4__posting_fbs_unfulfilled_list import PostingFBSUnfulfilledListResponse

from app.sim.ozon import OzonSimulator, WorldConfig
from sim_helpers import T0, Api, api, assert_fits_model, clock, ship_body, sim, unmarked, window  # noqa: F401

UNFULFILLED = "/v4/posting/fbs/unfulfilled/list"
LIST = "/v4/posting/fbs/list"
GET = "/v3/posting/fbs/get"
BY_BARCODE = "/v2/posting/fbs/get-by-barcode"
ALL_WITH = {"analytics_data": True, "barcodes": True, "financial_data": True, "legal_info": True}


def _page_all(api, path: str, body: dict, model) -> list[dict]:
    postings, cursor = [], ""
    while True:
        page = api.json(path, {**body, "cursor": cursor})
        assert_fits_model(page, model)
        postings += page["postings"]
        if not page["has_next"]:
            return postings
        cursor = page["cursor"]


def test_unfulfilled_list_answers_at_the_top_level_in_the_ozonapi_v4_shape(api, sim):
    page = api.json(UNFULFILLED, {"filter": window(), "limit": 5, "with": ALL_WITH})
    assert set(page) == {"postings", "cursor", "has_next", "count"}
    assert_fits_model(page, PostingFBSUnfulfilledListResponse)
    assert len(page["postings"]) == 5 and page["has_next"] is True
    first = page["postings"][0]
    assert re.fullmatch(r"\d{8}-\d{4}-\d", first["posting_number"])
    assert first["tpl_integration_type"] == "ozon"
    assert re.fullmatch(r"ii\d{11}", first["scanit"])  # 2026-09: the code on the new-format label
    assert len({p["scanit"] for p in page["postings"]}) == 5
    assert first["barcodes"]["upper_barcode"] and first["barcodes"]["lower_barcode"]
    assert first["products"][0]["price"]["currency"] == "RUB"
    assert first["financial_data"]["products"][0]["product_id"] == first["products"][0]["sku"]


def test_optional_blocks_only_when_asked_for(api):
    posting = api.json(UNFULFILLED, {"filter": window(), "limit": 1})["postings"][0]
    assert posting["barcodes"] is None and posting["financial_data"] is None and posting["analytics_data"] is None


def test_paging_to_the_end_sees_every_open_posting_once(api, sim):
    listed = _page_all(api, UNFULFILLED, {"filter": window(), "limit": 7}, PostingFBSUnfulfilledListResponse)
    numbers = [p["posting_number"] for p in listed]
    assert len(numbers) == len(set(numbers))
    open_ones = {n for n in sim.world.posting_numbers() if sim.world.peek(n).status != "delivered"}
    assert set(numbers) == open_ones
    first_page = api.json(UNFULFILLED, {"filter": window(), "limit": 7})
    assert first_page["count"] == len(open_ones)


def test_a_ship_by_time_moved_by_the_lever_keeps_the_order_and_the_paging(api, sim):
    numbers = sim.world.posting_numbers()
    moved = next(n for n in numbers if sim.world.peek(n).status != "delivered")
    last = max(sim.world.peek(n).shipment_date for n in numbers)
    sim.world.set_shipment_date(moved, last + 1)  # from first to last in the list
    listed = _page_all(api, UNFULFILLED, {"filter": window(), "limit": 7}, PostingFBSUnfulfilledListResponse)
    order = [p["posting_number"] for p in listed]
    assert len(order) == len(set(order)) and order[-1] == moved


def test_descending_order_is_the_ascending_order_reversed(api):
    body = {"filter": window(), "limit": 9}
    up = _page_all(api, UNFULFILLED, body, PostingFBSUnfulfilledListResponse)
    down = _page_all(api, UNFULFILLED, {**body, "sort_dir": "DESC"}, PostingFBSUnfulfilledListResponse)
    assert [p["posting_number"] for p in down] == [p["posting_number"] for p in reversed(up)]


@pytest.mark.parametrize("body, fragment", [
    ({"filter": window(), "limit": 101}, "Limit: value must be inside range [1, 100]"),
    ({"filter": window(), "limit": 0}, "Limit"),
    ({"filter": window()}, "Limit"),
    ({"filter": {}, "limit": 10}, "cutoff_from/cutoff_to or delivering_date_from/delivering_date_to"),
    ({"limit": 10}, "Filter: value is required"),
    ({"filter": {**window(), "delivering_date_from": "2026-09-01T00:00:00Z",
                 "delivering_date_to": "2026-09-30T00:00:00Z"}, "limit": 10}, "can't be used together"),
    ({"filter": {"cutoff_from": "2026-09-01T00:00:00Z"}, "limit": 10}, "CutoffTo: value is required"),
    ({"filter": {"cutoff_from": "2026-09-10T00:00:00Z", "cutoff_to": "2026-09-01T00:00:00Z"}, "limit": 10},
     "later than"),
    ({"filter": {"cutoff_from": "yesterday", "cutoff_to": "2026-09-01T00:00:00Z"}, "limit": 10}, "Timestamp"),
    ({"filter": window(), "limit": 10, "cursor": "not-a-cursor"}, "invalid cursor"),
    ({"filter": window(), "limit": "ten"}, "int64"),
    ({"filter": {**window(), "warehouse_ids": ["x"]}, "limit": 10}, "WarehouseIds"),
])
def test_unfulfilled_list_refuses_what_ozon_refuses(api, body, fragment):
    answer = api.json(UNFULFILLED, body, status=400, check_request=False)
    assert answer["code"] == 3 and fragment in answer["message"], answer


def test_filters_by_status_warehouse_and_delivery_method_as_numbers_or_strings(api, sim):
    world = sim.world
    method = world.methods[0]
    body = {"filter": {**window(), "statuses": ["awaiting_packaging"],
                       "warehouse_ids": [str(method.warehouse.warehouse_id)],
                       "delivery_method_ids": [method.id]}, "limit": 100}
    listed = api.json(UNFULFILLED, body)["postings"]
    expected = [n for n in world.posting_numbers("awaiting_packaging") if world.peek(n).method.id == method.id]
    assert [p["posting_number"] for p in listed] == expected and expected


def test_cutoff_window_selects_by_shipment_date(api, sim):
    world = sim.world
    dates = sorted({world.peek(n).shipment_date for n in world.posting_numbers("awaiting_packaging")})
    first_day = dates[0]
    body = {"filter": {"cutoff_from": _iso(first_day), "cutoff_to": _iso(first_day)}, "limit": 100}
    listed = api.json(UNFULFILLED, body)["postings"]
    assert listed and all(p["shipment_date"] == _iso(first_day) for p in listed)


def test_delivering_date_window_finds_postings_handed_over(api, sim, clock):
    number = sim.world.posting_numbers("awaiting_packaging")[0]
    sim.world.set_status(number, "delivering")
    body = {"filter": {"delivering_date_from": _iso(T0 - 60), "delivering_date_to": _iso(T0 + 60)}, "limit": 10}
    listed = api.json(UNFULFILLED, body)["postings"]
    assert [p["posting_number"] for p in listed] == [number]
    assert listed[0]["status"] == "delivering" and listed[0]["delivering_date"] == _iso(T0)


def test_unfulfilled_list_leaves_out_delivered_postings(api, sim):
    number = sim.world.posting_numbers("awaiting_packaging")[0]
    sim.world.set_status(number, "delivered")
    listed = _page_all(api, UNFULFILLED, {"filter": window(), "limit": 100}, PostingFBSUnfulfilledListResponse)
    assert number not in {p["posting_number"] for p in listed}


def test_posting_list_needs_a_period_of_at_most_a_year_and_lists_every_status(api, sim):
    period = {"since": _iso(T0 - 30 * 86_400), "to": _iso(T0 + 86_400)}
    sim.world.set_status(sim.world.posting_numbers("awaiting_packaging")[0], "delivered")
    listed = _page_all(api, LIST, {"filter": period, "limit": 6}, PostingFBSListResponse)
    assert {p["posting_number"] for p in listed} == set(sim.world.posting_numbers())
    assert "delivered" in {p["status"] for p in listed}
    too_long = {"since": _iso(T0 - 400 * 86_400), "to": _iso(T0)}
    assert "one year" in api.json(LIST, {"filter": too_long, "limit": 10}, status=400, check_request=False)["message"]
    assert "Since" in api.json(LIST, {"filter": {}, "limit": 10}, status=400, check_request=False)["message"]


def test_posting_list_filters_by_last_status_change(api, sim, clock):
    clock.advance(3_600)
    number = sim.world.posting_numbers("awaiting_packaging")[1]
    sim.world.cancel(number)
    body = {"filter": {"since": _iso(T0 - 30 * 86_400), "to": _iso(T0 + 86_400),
                       "last_changed_status_date": {"from": _iso(T0 + 3_000), "to": _iso(T0 + 4_000)}},
            "limit": 50}
    page = api.json(LIST, body)
    assert_fits_model(page, PostingFBSListResponse)
    assert [p["posting_number"] for p in page["postings"]] == [number]
    assert page["postings"][0]["cancellation"]["cancel_reason"]


def test_get_answers_the_v3_detail_with_requested_blocks(api, sim):
    world = sim.world
    marked = next(n for n in world.posting_numbers("awaiting_packaging")
                  if any(world.needs_mark[line.sku] for line in world.peek(n).lines))
    body = {"posting_number": marked, "with": {"barcodes": True, "analytics_data": True, "financial_data": True,
                                               "legal_info": True, "product_exemplars": True,
                                               "related_postings": True, "translit": False}}
    result = api.json(GET, body)["result"]
    posting = world.peek(marked)
    assert result["posting_number"] == marked and result["status"] == "awaiting_packaging"
    assert result["barcodes"] == {"upper_barcode": posting.upper_barcode, "lower_barcode": posting.lower_barcode}
    assert [(p["sku"], p["quantity"]) for p in result["products"]] == [(x.sku, x.quantity) for x in posting.lines]
    required = result["requirements"]["products_requiring_mandatory_mark"]
    assert required and set(required) == {str(x.sku) for x in posting.lines if world.needs_mark[x.sku]}
    assert result["related_postings"] == {"related_posting_numbers": []}
    assert "ship" in result["available_actions"]


def test_get_of_an_unknown_posting_is_not_found(api):
    answer = api.json(GET, {"posting_number": "00000000-0000-1"}, status=404)
    assert answer == {"code": 5, "message": "POSTING_NOT_FOUND", "details": []}
    assert "PostingNumber" in api.json(GET, {}, status=400, check_request=False)["message"]


def test_get_by_barcode_finds_upper_and_lower_label_barcodes(api, sim):
    number = sim.world.posting_numbers("awaiting_packaging")[2]
    posting = sim.world.peek(number)
    for barcode in (posting.upper_barcode, posting.lower_barcode):
        result = api.json(BY_BARCODE, {"barcode": barcode})["result"]
        assert result["posting_number"] == number
        assert result["barcodes"]["upper_barcode"] == posting.upper_barcode
    assert api.json(BY_BARCODE, {"barcode": "%101%0"}, status=404)["message"] == "POSTING_NOT_FOUND"


def test_a_split_parent_lists_its_children_and_each_child_names_its_parent(api, sim, clock):
    world = sim.world
    number = next(n for n in unmarked(world, world.posting_numbers("awaiting_packaging")) if len(world.peek(n).lines) >= 2)
    posting = world.peek(number)
    packages = [[(line.sku, line.quantity)] for line in posting.lines]
    children = api.json("/v4/posting/fbs/ship", ship_body(posting, packages))["result"]
    clock.advance(1)
    parent = api.json(GET, {"posting_number": number, "with": {"related_postings": True}})["result"]
    assert parent["related_postings"]["related_posting_numbers"] == children
    for child in children:
        result = api.json(GET, {"posting_number": child})["result"]
        assert result["parent_posting_number"] == number


def test_paging_ten_thousand_postings_by_one_hundred_is_fast():
    with OzonSimulator(WorldConfig(postings=10_000, seed=2, mixed_statuses=False)) as simulator:
        client = Api(simulator.base_url)
        try:
            body = {"filter": window(days_back=30, days_ahead=30, t0=simulator.world.built_at), "limit": 100}
            seen, cursor, started, pages = set(), "", time.perf_counter(), []
            while True:
                asked = time.perf_counter()
                page = client.session.post(simulator.base_url + UNFULFILLED, json={**body, "cursor": cursor},
                                           timeout=10).json()
                pages.append(time.perf_counter() - asked)
                seen.update(p["posting_number"] for p in page["postings"])
                if not page["has_next"]:
                    break
                cursor = page["cursor"]
            elapsed = time.perf_counter() - started
        finally:
            client.close()
    assert len(seen) == 10_000
    assert simulator.stats.requests(UNFULFILLED) == 100
    # a cursor walks on from where it was: the last pages cost what the first ones do (a re-scan from
    # the start would make them ~10x dearer); medians, so a loaded machine's hiccups do not decide
    first, last = statistics.median(pages[:20]), statistics.median(pages[-20:])
    assert last < 3 * first + 0.02, (first, last)
    assert elapsed < 40.0  # a coarse guard (about 20x the quiet time): blocking, not speed


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))
