"""Simulator: products, warehouses, delivery methods, roles; auth and request errors."""
from __future__ import annotations

import time

import pytest
import requests
from ozonapi.seller.schemas.warehouses.v2__delivery_method_list import (
    DeliveryMethodListRequest, DeliveryMethodListResponse,
)
from ozonapi.seller.schemas.warehouses.v2__warehouse_list import WarehouseListResponse

from app.services.ozon.retired import RETIRED
from app.sim.ozon import OzonSimulator, WorldConfig, ean
from app.sim.ozon.handlers import ROUTES
from sim_helpers import AUTH, T0, Api, api, assert_fits_model, clock, sim  # noqa: F401

INFO = "/v3/product/info/list"
ATTRIBUTES = "/v4/product/info/attributes"
METHODS = "/v2/delivery-method/list"


def test_product_info_by_offer_id_product_id_and_sku(api, sim):
    first, second, third = sim.world.products[:3]
    body = {"offer_id": [first.offer_id], "product_id": [str(second.product_id)], "sku": [str(third.sku)]}
    items = api.json(INFO, body)["items"]
    assert [item["id"] for item in items] == [first.product_id, second.product_id, third.product_id]
    item = items[0]
    assert item["offer_id"] == first.offer_id and item["name"] == first.name
    assert item["sources"][0]["sku"] == first.sku
    assert item["barcodes"] == list(first.barcodes) and item["barcodes"][-1] == f"OZN{first.sku}"
    assert all(ean.is_valid(code) for code in item["barcodes"][:-1])


def test_product_info_accepts_ids_as_numbers_and_ignores_unknown_ones(api, sim):
    product = sim.world.products[5]
    items = api.json(INFO, {"sku": [product.sku, 1]}, check_request=False)["items"]
    assert [item["id"] for item in items] == [product.product_id]
    assert api.json(INFO, {})["items"] == []


def test_product_info_refuses_more_than_a_thousand_ids(api):
    answer = api.json(INFO, {"offer_id": [f"X-{i}" for i in range(1001)]}, status=400)
    assert answer["code"] == 3 and "1000" in answer["message"]


def test_attributes_give_weight_and_size_in_grams_and_millimetres(api, sim):
    product = sim.world.products[0]
    answer = api.json(ATTRIBUTES, {"filter": {"offer_id": [product.offer_id]}, "limit": 10})
    (item,) = answer["result"]
    assert answer["total"] == "1"
    assert (item["weight"], item["weight_unit"]) == (product.weight_g, "g")
    assert (item["height"], item["width"], item["depth"], item["dimension_unit"]) == (
        product.height_mm, product.width_mm, product.depth_mm, "mm")
    assert int(item["sku"]) == product.sku and item["barcodes"] == list(product.barcodes)


def test_attributes_page_with_last_id_through_the_whole_catalogue(api, sim):
    seen, last_id = [], ""
    while True:
        answer = api.json(ATTRIBUTES, {"filter": {"visibility": "ALL"}, "limit": 25, "last_id": last_id})
        if not answer["result"]:
            break
        seen += [item["id"] for item in answer["result"]]
        last_id = answer["last_id"]
    assert seen == sorted(p.product_id for p in sim.world.products)
    assert answer["last_id"] == ""


@pytest.mark.parametrize("body", [{"limit": 0}, {"limit": 1001}, {}, {"limit": 5, "last_id": "%%%"}])
def test_attributes_refuse_bad_limits_and_last_ids(api, body):
    assert api.json(ATTRIBUTES, body, status=400, check_request=False)["code"] == 3


def test_warehouses_v2_answer_the_ozonapi_shape(api, sim):
    answer = api.json("/v2/warehouse/list", {"limit": 100})
    assert_fits_model(answer, WarehouseListResponse)
    assert [w["warehouse_id"] for w in answer["warehouses"]] == [w.warehouse_id for w in sim.world.warehouses]
    assert answer["has_next"] is False
    assert len(sim.world.warehouses) == 2  # seed 5
    first = api.json("/v2/warehouse/list", {"limit": 1})
    assert len(first["warehouses"]) == 1 and first["has_next"] is True
    rest = api.json("/v2/warehouse/list", {"limit": 1, "cursor": first["cursor"]})
    assert [w["warehouse_id"] for w in rest["warehouses"]] == [sim.world.warehouses[1].warehouse_id]
    assert rest["has_next"] is False
    only = api.json("/v2/warehouse/list", {"limit": 10, "warehouse_ids": [str(sim.world.warehouses[1].warehouse_id)]})
    assert [w["warehouse_id"] for w in only["warehouses"]] == [sim.world.warehouses[1].warehouse_id]


def test_delivery_methods_v2_page_by_cursor_with_at_most_a_hundred(api, sim):
    methods = sim.world.methods
    first = api.json(METHODS, {"limit": 1})
    assert_fits_model(first, DeliveryMethodListResponse)
    assert [m["id"] for m in first["delivery_methods"]] == [methods[0].id] and first["has_next"] is True
    rest = api.json(METHODS, {"limit": 1, "cursor": first["cursor"]})
    assert [m["id"] for m in rest["delivery_methods"]] == [methods[1].id]
    everything = api.json(METHODS, {"limit": 100})
    assert_fits_model(everything, DeliveryMethodListResponse)
    assert [m["id"] for m in everything["delivery_methods"]] == [m.id for m in methods]
    assert everything["has_next"] is False and everything["cursor"] == ""
    got = everything["delivery_methods"][0]
    assert (got["warehouse_id"], got["tpl_integration_type"]) == (methods[0].warehouse.warehouse_id, "ozon")
    for body in ({"limit": 101}, {"limit": 0}, {}, {"limit": 5, "cursor": "x"}):
        assert api.json(METHODS, body, status=400)["code"] == 3


def test_delivery_methods_v2_filter_by_warehouse():
    with OzonSimulator(WorldConfig(postings=10, seed=5, partner_share=0.5)) as partner_sim:
        client = Api(partner_sim.base_url)
        try:
            world = partner_sim.world
            rfbs = next(w for w in world.warehouses if w.is_rfbs)
            body = {"limit": 100, "filter": {"warehouse_ids": [str(rfbs.warehouse_id)]}}
            DeliveryMethodListRequest.model_validate(body)
            answer = client.json(METHODS, body)
            assert_fits_model(answer, DeliveryMethodListResponse)
            (method,) = answer["delivery_methods"]
            assert (method["warehouse_id"], method["tpl_integration_type"]) == (rfbs.warehouse_id, "aggregator")
            others = client.json(METHODS, {"limit": 100, "filter": {"warehouse_ids": [w.warehouse_id for w in
                                                                                    world.warehouses if not w.is_rfbs]}})
            assert {m["tpl_integration_type"] for m in others["delivery_methods"]} == {"ozon"}
        finally:
            client.close()


@pytest.mark.parametrize("path", sorted(RETIRED))
@pytest.mark.parametrize("headers", [AUTH, {}], ids=["with-key", "without-key"])
def test_every_switched_off_method_answers_an_error_never_data(sim, path, headers):
    response = requests.post(sim.base_url + path, json={"limit": 10}, headers=headers, timeout=5)
    assert response.status_code == 404
    body = response.json()
    assert set(body) == {"code", "message", "details"} and body["code"] == 5
    assert "switched off" in body["message"] and RETIRED[path].since.isoformat() in body["message"]
    assert RETIRED[path].use_instead in body["message"]


def test_the_key_roles_name_no_switched_off_method(api):
    methods = set(api.json("/v1/roles", {})["roles"][0]["methods"])
    assert methods == set(ROUTES) and not methods & set(RETIRED)


def test_roles_tell_when_the_key_expires(api):
    answer = api.json("/v1/roles", {})
    assert "/v4/posting/fbs/ship" in answer["roles"][0]["methods"]
    assert answer["expires_at"] == time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(T0 // 60 * 60 + 80 * 86_400))


@pytest.mark.parametrize("headers, status, body", [
    ({}, 401, {"code": 16, "message": "Client-Id and Api-Key headers are required", "details": []}),
    ({"Client-Id": "100000"}, 401, {"code": 16, "message": "Client-Id and Api-Key headers are required",
                                    "details": []}),
    ({"Client-Id": "100000", "Api-Key": "wrong"}, 403,
     {"code": 7, "message": "Invalid Api-Key, please contact support", "details": []}),
    ({"Client-Id": "999", "Api-Key": "demo-key"}, 403,
     {"code": 7, "message": "Invalid Api-Key, please contact support", "details": []}),
])
def test_wrong_credentials_get_ozons_auth_errors(sim, headers, status, body):
    response = requests.post(sim.base_url + "/v1/roles", json={}, headers=headers, timeout=5)
    assert (response.status_code, response.json()) == (status, body)


def test_unknown_paths_and_other_methods_are_not_found(sim):
    with requests.Session() as session:
        session.headers.update(AUTH)
        for method, path in (("POST", "/v1/nothing/here"), ("GET", "/v3/posting/fbs/get"),
                             ("POST", "/v3/posting/fbs/get/")):
            response = session.request(method, sim.base_url + path, json={}, timeout=5)
            assert response.status_code == 404
            assert response.json() == {"code": 5, "message": "Not Found", "details": []}


@pytest.mark.parametrize("data", [b"{", b"[1, 2]", b"\xff\xfe", b'"text"'])
def test_a_body_that_is_not_a_json_object_is_a_bad_request(sim, data):
    response = requests.post(sim.base_url + "/v3/posting/fbs/get", data=data,
                             headers={**AUTH, "Content-Type": "application/json"}, timeout=5)
    assert response.status_code == 400 and response.json()["code"] == 3
