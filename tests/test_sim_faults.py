"""Simulator: faults on demand and the /_sim control endpoints."""
from __future__ import annotations

import time

import pytest
import requests

from app.sim.ozon import OzonSimulator, WorldConfig
from app.sim.ozon.control import is_loopback
from app.sim.ozon.faults import Faults
from sim_helpers import AUTH, Api, api, clock, ship_body, sim, unmarked, window  # noqa: F401

ROLES = "/v1/roles"
SHIP = "/v4/posting/fbs/ship"
GET = "/v3/posting/fbs/get"
UNFULFILLED = "/v4/posting/fbs/unfulfilled/list"


def _statuses(base_url: str, count: int, path: str = ROLES) -> list[requests.Response]:
    with requests.Session() as session:
        session.headers.update(AUTH)
        return [session.post(base_url + path, json={}, timeout=5) for _ in range(count)]


def test_429s_come_at_the_configured_rate_with_retry_after(sim):
    sim.faults.rate_429 = 0.3
    sim.faults.retry_after_s = 2
    answers = _statuses(sim.base_url, 300)
    limited = [r for r in answers if r.status_code == 429]
    assert 60 <= len(limited) <= 120
    assert {r.status_code for r in answers} == {200, 429}
    for response in limited:
        assert response.headers["retry-after"] == "2"
        assert response.json() == {"code": 8, "message": "You have reached request rate limit per second",
                                   "details": []}
    assert sim.stats.as_dict()["answers"][ROLES]["429"] == len(limited)


def test_the_same_fault_seed_gives_the_same_faults():
    runs = []
    for _ in range(2):
        with OzonSimulator(WorldConfig(postings=3), fault_seed=11) as simulator:
            simulator.faults.update({"rate_429": 0.2, "rate_500": 0.2})
            runs.append([r.status_code for r in _statuses(simulator.base_url, 60)])
    assert runs[0] == runs[1] and {200, 429, 500} <= set(runs[0])


def test_500s_answer_ozons_internal_error(sim):
    sim.faults.rate_500 = 1.0
    (response,) = _statuses(sim.base_url, 1)
    assert response.status_code == 500
    assert response.json() == {"code": 13, "message": "Internal error", "details": []}


def test_fail_next_fails_exactly_the_next_requests_to_one_path(api, sim, clock):
    posting = sim.world.peek(sim.world.posting_numbers("awaiting_packaging")[0])
    sim.faults.fail_next(SHIP, count=2, status=503)
    for _ in range(2):
        response = api.session.post(sim.base_url + SHIP, json=ship_body(posting), timeout=5)
        assert response.status_code == 503 and "text/html" in response.headers["Content-Type"]
        assert api.json(GET, {"posting_number": posting.posting_number})["result"]["substatus"] == "posting_created"
    api.json(SHIP, ship_body(posting))
    assert sim.stats.requests(SHIP) == 3


def test_a_lost_answer_after_the_ship_was_applied_leaves_the_client_in_doubt(api, sim):
    posting = sim.world.peek(sim.world.posting_numbers("awaiting_packaging")[0])
    sim.faults.fail_next(SHIP, status=0, apply=True)
    with pytest.raises(requests.ConnectionError):
        api.session.post(sim.base_url + SHIP, json=ship_body(posting), timeout=5)
    result = api.json(GET, {"posting_number": posting.posting_number})["result"]
    assert result["substatus"] == "ship_in_process"  # it did happen
    assert sim.stats.ship_calls(posting.posting_number) == 1
    assert sim.stats.as_dict()["answers"][SHIP] == {"reset": 1}


def test_a_500_after_apply_also_hides_a_done_mutation(api, sim):
    posting = sim.world.peek(sim.world.posting_numbers("awaiting_packaging")[0])
    sim.faults.fail_next(SHIP, status=500, apply=True)
    api.post(SHIP, ship_body(posting), status=500)
    assert api.json(SHIP, ship_body(posting), status=400)["message"] == "POSTING_ALREADY_SHIPPED"


def test_malformed_answers_are_cut_json(api, sim):
    sim.faults.rate_malformed = 1.0
    response = api.session.post(sim.base_url + UNFULFILLED, json={"filter": window(), "limit": 5}, timeout=5)
    assert response.status_code == 200
    with pytest.raises(ValueError):
        response.json()
    sim.faults.reset()
    assert api.json(UNFULFILLED, {"filter": window(), "limit": 5})["postings"]


def test_latency_slows_every_answer(sim):
    sim.faults.latency_s = 0.3
    started = time.perf_counter()
    (response,) = _statuses(sim.base_url, 1)
    assert response.status_code == 200 and time.perf_counter() - started >= 0.3


def test_control_endpoints_set_and_reset_faults_over_http(api, sim):
    assert api.control("POST", "/_sim/faults", {"rate_429": 1, "retry_after_s": 3})["rate_429"] == 1.0
    (response,) = _statuses(sim.base_url, 1)
    assert response.status_code == 429 and response.headers["retry-after"] == "3"
    assert api.control("POST", "/_sim/faults/reset")["rate_429"] == 0.0
    assert _statuses(sim.base_url, 1)[0].status_code == 200
    api.control("POST", "/_sim/fail-next", {"path": ROLES, "count": 1, "status": 502})
    assert [r.status_code for r in _statuses(sim.base_url, 2)] == [502, 200]
    assert api.control("POST", "/_sim/faults", {"rate_429": 2}, status=400)["error"]
    assert api.control("POST", "/_sim/faults", {"bogus": 1}, status=400)["error"]


def test_control_cancel_add_ship_failed_and_set_status(api, sim, clock):
    first, second, third = unmarked(sim.world, sim.world.posting_numbers("awaiting_packaging"))[:3]
    api.control("POST", "/_sim/cancel", {"posting_number": first, "cancel_reason_id": 352})
    cancelled = api.json(GET, {"posting_number": first})["result"]
    assert cancelled["status"] == "cancelled" and cancelled["cancellation"]["cancel_reason_id"] == 352
    assert cancelled["cancellation"]["cancel_reason"] == "Товар закончился на складе продавца"

    added = api.control("POST", "/_sim/postings/add", {"count": 3})["posting_numbers"]
    listed = {p["posting_number"] for p in api.json(UNFULFILLED, {"filter": window(), "limit": 100})["postings"]}
    assert len(added) == 3 and set(added) <= listed

    api.control("POST", "/_sim/ship-failed", {"posting_number": second})
    api.json(SHIP, ship_body(sim.world.peek(second)))
    clock.advance(1)
    assert api.json(GET, {"posting_number": second})["result"]["substatus"] == "ship_failed"

    api.control("POST", "/_sim/set-status", {"posting_number": third, "status": "delivering"})
    assert api.json(GET, {"posting_number": third})["result"]["status"] == "delivering"
    waiting = api.control("GET", "/_sim/postings?status=awaiting_packaging")["posting_numbers"]
    assert first not in waiting and third not in waiting and set(added) <= set(waiting)


def test_control_stats_config_and_errors(api, sim):
    api.json(ROLES, {})
    stats = api.control("GET", "/_sim/stats")
    assert stats["requests"] == {ROLES: 1} and stats["total"] == 1
    assert stats["files"] == {"requests": 0, "with_credentials": 0}
    api.control("POST", "/_sim/stats/reset")
    assert api.control("GET", "/_sim/stats")["total"] == 0
    assert api.control("POST", "/_sim/config", {"label_delay_s": 7, "label_link_ttl_s": 60}) == {
        "ship_delay_s": 0.5, "label_delay_s": 7.0, "registration_delay_s": 0.5, "label_link_ttl_s": 60.0,
        "status_change_delay_s": 0.5, "mark_check_s": 1.0}
    assert (sim.world.config.label_delay_s, sim.world.config.label_link_ttl_s) == (7.0, 60.0)
    assert api.control("GET", "/_sim/health")["postings"] == 40
    assert api.control("POST", "/_sim/cancel", {"posting_number": "00000000-0000-1"}, status=404)["error"]
    assert api.control("POST", "/_sim/cancel", {}, status=400)["error"]
    assert api.control("POST", "/_sim/set-status", {"posting_number": "x", "status": 5}, status=400)["error"]
    assert api.control("GET", "/_sim/nothing", status=404)["error"]
    assert api.control("POST", "/_sim/postings/add", {"count": 0}, status=400)["error"]
    assert api.control("POST", "/_sim/config", {"ship_delay_s": -1}, status=400)["error"]


@pytest.mark.parametrize("host, allowed", [
    ("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("::ffff:127.0.0.1", True),
    ("10.1.2.3", False), ("192.168.0.5", False), ("::ffff:10.0.0.1", False), ("fe80::1%eth0", False),
    ("not-an-address", False),
])
def test_control_endpoints_answer_loopback_clients_only(host, allowed):
    assert is_loopback(host) is allowed


@pytest.mark.parametrize("values", [{"rate_500": -0.1}, {"latency_s": "1"}, {"retry_after_s": True}])
def test_fault_fields_are_checked(values):
    with pytest.raises(ValueError):
        Faults().update(values)


def test_closing_ends_open_keep_alive_connections():
    simulator = OzonSimulator(WorldConfig(postings=2))
    client = Api(simulator.start())
    try:
        client.json(ROLES, {})  # leaves a kept-alive connection open on the server
        started = time.perf_counter()
        simulator.close()
        assert time.perf_counter() - started < 2
        with pytest.raises(requests.ConnectionError):
            client.session.post(simulator._address[0] and f"{client.base_url}{ROLES}", json={}, timeout=2)
    finally:
        client.close()
