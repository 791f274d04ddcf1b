"""Simulator: carriages, their act and barcode, the seller's own carrier and disputes, and the levers
(the courier's scan, Ozon's errors on a method). What Ozon refuses, the simulator refuses. Requests
and answers are checked against the spec where it has them (sim_helpers.Api); the 2026-only
``/v2/carriage/delivery/list`` and the per-posting ``error: []`` of 2026 are checked by hand here."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument

from app.sim.ozon import OzonSimulator, WorldConfig
from sim_helpers import Api, FakeClock, validate

LIST = "/v2/carriage/delivery/list"
CREATE, SET, APPROVE, GET, CANCEL = ("/v1/carriage/create", "/v1/carriage/set-postings", "/v1/carriage/approve",
                                     "/v1/carriage/get", "/v1/carriage/cancel")
CHECK, PDF, BARCODE, TEXT = ("/v2/posting/fbs/act/check-status", "/v2/posting/fbs/act/get-pdf",
                             "/v2/posting/fbs/act/get-barcode", "/v2/posting/fbs/act/get-barcode/text")
TRACK, DELIVERING, ARBITRATION = ("/v2/fbs/posting/tracking-number/set", "/v2/fbs/posting/delivering",
                                  "/v2/posting/fbs/arbitration")
POSTING = "/v3/posting/fbs/get"


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def sim(clock):
    config = WorldConfig(postings=80, seed=11, ship_delay_s=0.0, label_delay_s=0.0, own_carrier_share=0.3,
                         status_change_delay_s=5.0)
    with OzonSimulator(config, clock=clock) as simulator:
        yield simulator


@pytest.fixture
def api(sim):
    client = Api(sim.base_url)
    yield client
    client.close()


def ship(sim, numbers):
    for number in numbers:
        posting = sim.world.peek(number)
        sim.world.ship(number, [[(line.sku, line.quantity) for line in posting.lines]])
    sim.world.settle()


def packable(sim, integration: str, method_id: int | None = None) -> list[str]:
    world = sim.world
    return [n for n in world.posting_numbers("awaiting_packaging")
            if world.peek(n).method.tpl_integration_type == integration
            and (method_id is None or world.peek(n).method.id == method_id)
            and not any(world.needs_mark[x.sku] for x in world.peek(n).lines)]  # marked goods ship after their codes


@pytest.fixture
def shipped(sim):
    """Five parcels of one Ozon-logistics method shipped, and that method's id."""
    first = packable(sim, "ozon")[0]
    method = sim.world.peek(first).method.id
    numbers = packable(sim, "ozon", method)[:5]
    ship(sim, numbers)
    return method, numbers


def create(api, method: int) -> int:
    return api.json(CREATE, {"delivery_method_id": method, "departure_date": "2026-09-21T00:00:00Z"})["carriage_id"]


def refused(api, path: str, body: dict, message: str, status: int = 400) -> None:
    answer = api.json(path, body, status=status)
    assert answer["message"] == message, answer


def test_the_delivery_list_shows_each_method_with_its_carriages(api, sim, shipped):
    method, numbers = shipped
    answer = api.json(LIST, {"limit": 100, "filter": {"delivery_method_id": method, "departure_date": "2026-09-21"}})
    (entry,) = answer["methods"]
    assert (answer["has_next"], entry["delivery_method_id"], entry["departure_date"]) == (False, method, "2026-09-21")
    assert entry["carriages"] == [{"id": 0, "status": "", "postings_count": len(numbers),
                                   "available_actions": ["create"], "all_blr_traceable": False, "carriage_volume": 0}]
    assert {"cutoff_at", "mandatory_postings_count", "mandatory_packaged_count", "errors"} <= set(entry)
    everything = api.json(LIST, {"limit": 1000})["methods"]
    assert method in {m["delivery_method_id"] for m in everything}
    assert all(not m["is_rfbs"] for m in everything)  # carriages are Ozon logistics'
    for bad in ({}, {"limit": 0}, {"limit": 1001}, {"limit": 10, "filter": {"departure_date": "21.09.2026"}}):
        assert api.json(LIST, bad, status=400)["code"] == 3


def test_a_carriage_takes_every_parcel_awaiting_delivery_and_only_one_is_new_at_a_time(api, sim, shipped):
    method, numbers = shipped
    carriage = create(api, method)
    assert sorted(api.json(CHECK, {"id": carriage})["result"]["added_to_act"]) == sorted(numbers)
    assert {sim.world.peek(n).substatus for n in numbers} == {"posting_in_carriage"}
    refused(api, CREATE, {"delivery_method_id": method}, "there_are_incomplete_carriages")
    assert api.json(GET, {"carriage_id": carriage})["status"] == "new"
    assert sim.carriages.created == 1


def test_what_ozon_refuses_at_create(api, sim, shipped):
    method, _ = shipped
    api.json(APPROVE, {"carriage_id": create(api, method)})
    refused(api, CREATE, {"delivery_method_id": method}, "POSTING_NOT_FOUND")  # all its parcels are carried
    refused(api, CREATE, {"delivery_method_id": 12345}, "DELIVERY_METHOD_NOT_FOUND")
    assert api.json(CREATE, {}, status=400)["code"] == 3  # the simulator never lets Ozon pick the postings


def test_documents_only_after_the_approval_and_approving_twice_is_refused(api, sim, shipped):
    method, numbers = shipped
    carriage = create(api, method)
    for path in (PDF, BARCODE, TEXT):
        refused(api, path, {"id": carriage}, "Incorrect_carriage_status")
    assert api.json(APPROVE, {"carriage_id": carriage}) == {}
    refused(api, APPROVE, {"carriage_id": carriage}, "Incorrect_carriage_status")
    got = api.json(GET, {"carriage_id": carriage})
    assert got["status"] == "formed" and got["available_actions"] == ["get_shipping_list", "get_waybill"]
    text = api.json(TEXT, {"id": carriage})["result"]
    assert text == f"%303%{carriage}"
    png = api.post(BARCODE, {"id": carriage})
    assert png.headers["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    pdf = api.post(PDF, {"id": carriage})
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    for number in numbers:
        assert number.encode() in pdf.content
    assert api.json(CHECK, {"id": carriage})["result"]["status"] == "ready"


def test_the_act_is_a_real_pdf_with_a_page_per_32_postings(api, sim):
    world = sim.world
    method = world.peek(packable(sim, "ozon")[0]).method
    numbers = packable(sim, "ozon", method.id)
    while len(numbers) < 40:
        world.add_postings(10)
        numbers = packable(sim, "ozon", method.id)
    ship(sim, numbers[:40])
    carriage = create(api, method.id)
    api.json(APPROVE, {"carriage_id": carriage})
    data = api.post(PDF, {"id": carriage}).content
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    assert document.pageCount() == 2  # 40 postings and more of the method: 32 a page


def test_set_postings_trims_a_new_carriage_only(api, sim, shipped):
    method, numbers = shipped
    carriage = create(api, method)
    other_method = next(n for n in packable(sim, "ozon") if sim.world.peek(n).method.id != method)
    answer = api.json(SET, {"carriage_id": carriage, "posting_numbers": numbers[:3] + [other_method]})
    results = {item["posting_number"]: (item["result"], item["error"]) for item in answer["result"]}
    assert results[numbers[0]] == (True, "") and results[other_method][0] is False
    status = api.json(CHECK, {"id": carriage})["result"]
    assert sorted(status["added_to_act"]) == sorted(numbers[:3])
    assert sorted(status["removed_from_act"]) == sorted(numbers[3:])
    assert sim.world.peek(numbers[4]).substatus == "posting_not_in_carriage"
    api.json(APPROVE, {"carriage_id": carriage})
    refused(api, SET, {"carriage_id": carriage, "posting_numbers": numbers}, "Incorrect_carriage_status")
    # the ones left out go with a later carriage
    later = create(api, method)
    assert sorted(api.json(CHECK, {"id": later})["result"]["added_to_act"]) == sorted(numbers[3:])


def test_a_carriage_is_cancelled_only_while_new(api, sim, shipped):
    method, _ = shipped
    carriage = create(api, method)
    assert api.json(CANCEL, {"carriage_id": carriage}) == {"error": "", "carriage_status": "cancelled"}
    again = create(api, method)  # its postings are free again
    api.json(APPROVE, {"carriage_id": again})
    assert api.json(CANCEL, {"carriage_id": again})["carriage_status"] == "formed"
    refused(api, GET, {"carriage_id": 999}, "carriage not found", status=404)


def test_an_error_ozon_shows_for_a_method_refuses_the_carriage(api, sim, shipped):
    method, _ = shipped
    api.control("POST", "/_sim/carriages/method-errors", {"delivery_method_id": method, "errors": [
        {"code": "package_time_not_passed", "status": "critical", "description": "Время сборки не истекло"}]})
    entry = api.json(LIST, {"limit": 10, "filter": {"delivery_method_id": method}})["methods"][0]
    assert entry["errors"][0] == {"code": "package_time_not_passed", "status": "critical",
                                  "description": "Время сборки не истекло"}
    refused(api, CREATE, {"delivery_method_id": method}, "package_time_not_passed")
    api.control("POST", "/_sim/carriages/method-errors", {"delivery_method_id": method, "errors": []})
    assert create(api, method)


def test_the_courier_scans_a_carriage_and_what_was_not_there_can_be_disputed(api, sim, shipped):
    method, numbers = shipped
    carriage = create(api, method)
    api.control("POST", "/_sim/carriages/courier-scan", {"carriage_id": carriage}, status=409)  # not approved
    api.json(APPROVE, {"carriage_id": carriage})
    scan = api.control("POST", "/_sim/carriages/courier-scan", {"delivery_method_id": method, "missing": [numbers[0]]})
    assert scan["not_accepted"] == [numbers[0]] and sorted(scan["moved"]) == sorted(numbers[1:])
    lost = api.json(POSTING, {"posting_number": numbers[0]})["result"]
    assert (lost["status"], lost["substatus"]) == ("not_accepted", "posting_not_in_sort_center")
    assert api.json(POSTING, {"posting_number": numbers[1]})["result"]["status"] == "delivering"
    assert api.json(ARBITRATION, {"posting_number": [numbers[0]]}) == {"result": True}
    assert sim.world.peek(numbers[0]).status == "arbitration"
    refused(api, ARBITRATION, {"posting_number": [numbers[1]]}, "INCORRECT_POSTING_STATUS")
    listed = api.control("GET", "/_sim/carriages")["carriages"]
    assert [(c["id"], c["status"]) for c in listed] == [(carriage, "closed")]


def _per_posting(api, path: str, body: dict) -> list[dict]:
    """The 2026 answer (``error: []`` for an accepted posting): the spec's string, checked by hand."""
    validate(path, body)
    answer = _raw(api, path, body)
    normalised = {"result": [{**item, "error": item["error"] if isinstance(item["error"], str) else ""}
                             for item in answer["result"]]}
    validate(path, normalised, 200)
    assert all(item["error"] == [] for item in answer["result"] if item["result"])
    return answer["result"]


def _raw(api, path: str, body: dict) -> dict:
    response = api.session.post(api.base_url + path, json=body, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def test_tracking_numbers_go_per_posting_and_ozon_refuses_what_it_moves_itself(api, sim, clock):
    own = packable(sim, "non_integrated")[:3]
    fbs = packable(sim, "ozon")[:1]
    ship(sim, own + fbs)
    sim.world.cancel(own[2])
    answer = _per_posting(api, TRACK, {"tracking_numbers": [
        {"posting_number": n, "tracking_number": "80102367216110"} for n in own + fbs]})
    by = {item["posting_number"]: (item["result"], item["error"]) for item in answer}
    assert by[own[0]] == (True, []) and by[own[1]] == (True, [])
    assert by[own[2]] == (False, "TRANSITION_IS_NOT_POSSIBLE")        # cancelled meanwhile
    assert by[fbs[0]] == (False, "HAS_INCORRECT_TPL_INTEGRATION_TYPE")  # Ozon logistics moves it itself
    assert sim.world.peek(own[0]).tracking_number == "80102367216110"
    too_many = {"tracking_numbers": [{"posting_number": own[0], "tracking_number": str(i)} for i in range(21)]}
    assert api.json(TRACK, too_many, status=400, check_request=False)["code"] == 3


def test_delivering_is_asynchronous(api, sim, clock):
    own = packable(sim, "non_integrated")[:2]
    ship(sim, own)
    answer = _per_posting(api, DELIVERING, {"posting_number": own + ["00000000-0000-1"]})
    assert [item["result"] for item in answer] == [True, True, False]
    assert api.json(POSTING, {"posting_number": own[0]})["result"]["status"] == "awaiting_deliver"  # queued only
    assert [item["result"] for item in _per_posting(api, DELIVERING, {"posting_number": own[:1]})] == [True]  # again
    clock.advance(5.0)
    assert api.json(POSTING, {"posting_number": own[0]})["result"]["status"] == "delivering"
    late = _per_posting(api, DELIVERING, {"posting_number": own[:1]})
    assert (late[0]["result"], late[0]["error"]) == (False, "TRANSITION_IS_NOT_POSSIBLE")  # the wrong order now
