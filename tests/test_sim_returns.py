"""Returns in the simulator: both lists, the rFBS request and its actions, the levers; requests and
answers checked against Ozon's spec."""
from __future__ import annotations

from jsonschema import Draft4Validator

from sim_helpers import SPEC_URI, Api, _registry, api, clock, sim, validate  # noqa: F401  (fixtures)

from app.sim.ozon import OzonSimulator, WorldConfig
from app.sim.ozon.returns import APPROVE, RECEIVED, REJECT


def rfbs_list(api, body: dict) -> list[dict]:
    """``/v2/returns/rfbs/list`` answers a list, as Ozon does (the 2025 spec types it one object):
    the request and each item are checked against the spec's schemas."""
    validate("/v2/returns/rfbs/list", body)
    response = api.session.post(api.base_url + "/v2/returns/rfbs/list", json=body, timeout=10)
    assert response.status_code == 200, response.text
    items = response.json()["returns"]
    item_schema = Draft4Validator({"$ref": SPEC_URI + "#/components/schemas/ReturnsRfbsListResponseReturns"},
                                  registry=_registry(True))
    for item in items:
        item_schema.validate(item)
    return items


def test_a_few_postings_on_their_way_come_back_one_with_another_unit_than_shipped(api, sim):
    answer = api.json("/v1/returns/list", {"limit": 500, "filter": {}})
    built = api.control("GET", "/_sim/returns")["returns"]
    assert 1 <= len(built) <= 3 and built[0]["substituted"] and not any(r["substituted"] for r in built[1:])
    fbs = [r for r in built if r["scheme"] == "fbs"]
    assert [r["logistic"]["barcode"] for r in answer["returns"]] == [r["barcode"] for r in fbs]
    assert answer["has_next"] is False
    for item, lever in zip(answer["returns"], fbs):
        assert item["posting_number"] == lever["posting_number"] and int(item["product"]["sku"]) == lever["sku"]
        assert item["type"] == "Cancellation" and sim.world.get(item["posting_number"]).status == "delivering"
    first = built[0]
    product = sim.world.product_by_sku[first["sku"]]
    assert first["contents"][0]["barcode"] != product.barcodes[0] or first["contents"][0]["mark"]


def test_the_fbs_list_pages_filters_and_refuses_two_date_ranges(api, sim):
    number = sim.world.posting_numbers("awaiting_packaging")[0]
    made = api.control("POST", "/_sim/returns", {"posting_number": number})
    assert sim.world.get(number).status == "delivered"  # the buyer had it: a client return
    one = api.json("/v1/returns/list", {"limit": 1, "filter": {"posting_numbers": [number]}})
    assert [r["id"] for r in one["returns"]] == [made["id"]] and not one["has_next"]
    by_barcode = api.json("/v1/returns/list", {"limit": 10, "filter": {"barcode": made["barcode"]}})
    assert [r["posting_number"] for r in by_barcode["returns"]] == [number]
    every = api.json("/v1/returns/list", {"limit": 500})["returns"]
    first_page = api.json("/v1/returns/list", {"limit": 1})
    assert first_page["has_next"] == (len(every) > 1)
    rest = api.json("/v1/returns/list", {"limit": 500, "last_id": int(first_page["returns"][0]["id"])})["returns"]
    assert [r["id"] for r in first_page["returns"] + rest] == [r["id"] for r in every]
    span = {"time_from": "2020-01-01T00:00:00Z", "time_to": "2100-01-01T00:00:00Z"}
    refused = api.post("/v1/returns/list", {"limit": 5, "filter": {"logistic_return_date": span,
                                                                    "visual_status_change_moment": span}}, status=400)
    assert "only one date range" in refused.json()["message"]
    api.post("/v1/returns/list", {"filter": {}}, status=400, check_request=False)  # limit is required


def test_an_rfbs_return_is_listed_read_and_moved_only_by_the_actions_ozon_offers(clock):
    with OzonSimulator(WorldConfig(postings=40, seed=5, own_carrier_share=0.5), clock=clock) as sim:
        api = Api(sim.base_url)
        try:
            rfbs_return_walk(api, sim)
        finally:
            api.close()


def rfbs_return_walk(api, sim):
    number = next(n for n in sim.world.posting_numbers("awaiting_packaging")
                  if sim.world.get(n).method.tpl_integration_type != "ozon")
    made = api.control("POST", "/_sim/returns", {"posting_number": number})
    assert made["scheme"] == "rfbs"
    items = rfbs_list(api, {"limit": 50, "filter": {"posting_number": number}})
    assert [(i["return_id"], i["state"]["group_state"]) for i in items] == [(made["id"], "New")]
    got = api.json("/v2/returns/rfbs/get", {"return_id": made["id"]})["returns"]
    assert {a["id"] for a in got["available_actions"]} == {APPROVE, REJECT}
    refused = api.post("/v1/returns/rfbs/action/set", {"return_id": made["id"], "id": RECEIVED}, status=400)
    assert "not available" in refused.json()["message"]
    api.post("/v1/returns/rfbs/action/set", {"return_id": made["id"], "id": REJECT}, status=400)  # no reason
    api.json("/v1/returns/rfbs/action/set", {"return_id": made["id"], "id": APPROVE})
    got = api.json("/v2/returns/rfbs/get", {"return_id": made["id"]})["returns"]
    assert [a["id"] for a in got["available_actions"]] == [RECEIVED]
    assert rfbs_list(api, {"limit": 50, "filter": {"posting_number": number, "group_state": ["New"]}}) == []
    assert [i["state"]["group_state"] for i in rfbs_list(api, {"limit": 50, "filter": {"posting_number": number}})] == [
        "Delivering"]
