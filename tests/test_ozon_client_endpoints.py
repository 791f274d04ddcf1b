"""Each Ozon client method against a scripted stub: the request it sends and the answer it returns."""
from __future__ import annotations

import base64
from datetime import datetime, timezone

import pytest

from app.services.ozon.errors import OzonBadResponse, OzonBusinessError, OzonLabelNotReady
from app.services.ozon.models import DeliveryMethod, Product, ShipPackage, Warehouse
from ozon_client_helpers import FakeTime, Reply, ScriptedOzon, error_reply, make_client, posting_json

UTC = timezone.utc
UNFULFILLED = "/v4/posting/fbs/unfulfilled/list"
LIST = "/v4/posting/fbs/list"
LABEL = "/v2/posting/fbs/package-label"
INFO = "/v3/product/info/list"
ATTRS = "/v4/product/info/attributes"
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
WINDOW = dict(cutoff_from=datetime(2026, 5, 1, tzinfo=UTC), cutoff_to=datetime(2026, 5, 8, 12, 30, tzinfo=UTC))


@pytest.fixture
def stub():
    with ScriptedOzon() as server:
        yield server


@pytest.fixture
def client(stub):
    with make_client(stub.url, FakeTime()) as ozon:
        yield ozon


def test_unfulfilled_page_request(stub, client):
    stub.queue(UNFULFILLED, Reply(json={"postings": [posting_json()], "cursor": "", "has_next": False, "count": 1}))
    page = client.unfulfilled_page(**WINDOW, limit=500, statuses=["awaiting_packaging"], warehouse_ids=[7, 7, 8],
                                   delivery_method_ids=[9])
    assert [p.posting_number for p in page.postings] == ["57195475-0050-3"]
    assert stub.bodies(UNFULFILLED) == [{
        "filter": {"cutoff_from": "2026-05-01T00:00:00Z", "cutoff_to": "2026-05-08T12:30:00Z",
                   "statuses": ["awaiting_packaging"], "warehouse_ids": [7, 8], "delivery_method_ids": [9]},
        "limit": 100,
        "with": {"barcodes": True},
    }]


def test_iter_unfulfilled_follows_the_cursor_to_the_end(stub, client):
    stub.queue(UNFULFILLED,
               Reply(json={"postings": [posting_json("1-1-1"), posting_json("1-1-2")], "cursor": "c1", "has_next": True}),
               Reply(json={"result": {"postings": [posting_json("1-1-3"), {"posting_number": "1-1-4"}],
                                      "cursor": "c2", "has_next": True}}),
               Reply(json={"postings": [posting_json("1-1-5")], "cursor": "", "has_next": False}))
    pages = list(client.iter_unfulfilled(**WINDOW, limit=2))
    assert [[p.posting_number for p in page.postings] for page in pages] == [["1-1-1", "1-1-2"], ["1-1-3"], ["1-1-5"]]
    assert [page.skipped for page in pages] == [0, 1, 0]
    assert [body.get("cursor") for body in stub.bodies(UNFULFILLED)] == [None, "c1", "c2"]
    assert all(body["limit"] == 2 for body in stub.bodies(UNFULFILLED))


def test_every_page_sends_the_same_filter(stub, client):
    stub.queue(UNFULFILLED, Reply(json={"postings": [], "cursor": "c1", "has_next": True}),
               Reply(json={"postings": [], "has_next": False}))
    list(client.iter_unfulfilled(**WINDOW, warehouse_ids=(w for w in [7]), statuses=iter(["awaiting_packaging"])))
    assert [(b["filter"]["warehouse_ids"], b["filter"]["statuses"]) for b in stub.bodies(UNFULFILLED)] == [
        ([7], ["awaiting_packaging"])] * 2


def test_iteration_stops_on_a_repeating_cursor(stub, client):
    stub.queue(UNFULFILLED, *[Reply(json={"postings": [], "cursor": "same", "has_next": True})] * 3)
    with pytest.raises(OzonBadResponse):
        list(client.iter_unfulfilled(**WINDOW))
    assert len(stub.requests) == 2


def test_list_pages_by_since_and_to(stub, client):
    stub.queue(LIST, Reply(json={"postings": [posting_json("1-1-1", status="delivered")], "cursor": "n", "has_next": True}),
               Reply(json={"postings": [posting_json("1-1-2", status="cancelled")], "has_next": False}))
    pages = list(client.iter_list(since=datetime(2026, 1, 1, tzinfo=UTC), to=datetime(2026, 2, 1, tzinfo=UTC),
                                  statuses=["delivered", "cancelled"]))
    assert [p.status for page in pages for p in page.postings] == ["delivered", "cancelled"]
    first, second = stub.bodies(LIST)
    assert first["filter"] == {"since": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z",
                               "statuses": ["delivered", "cancelled"]}
    assert second["cursor"] == "n"


def test_get_posting(stub, client):
    stub.queue("/v3/posting/fbs/get", Reply(json={"result": posting_json(
        "1-1-1", related_postings={"related_posting_numbers": ["1-1-2"]}, substatus="ship_failed")}))
    posting = client.get_posting("1-1-1")
    assert (posting.posting_number, posting.substatus, posting.related_postings) == ("1-1-1", "ship_failed", ("1-1-2",))
    assert stub.bodies("/v3/posting/fbs/get") == [
        {"posting_number": "1-1-1", "with": {"barcodes": True, "related_postings": True}}]


def test_get_by_barcode(stub, client):
    stub.queue("/v2/posting/fbs/get-by-barcode", Reply(json={"result": {
        "posting_number": "1-1-1", "status": "awaiting_deliver", "barcodes": {"lower_barcode": "20325804886000"},
        "products": [{"sku": 5, "offer_id": "o", "name": "n", "quantity": 2, "price": "10.0000"}]}}))
    posting = client.get_by_barcode("20325804886000")
    assert (posting.status, posting.lower_barcode, posting.products[0].quantity) == ("awaiting_deliver", "20325804886000", 2)
    assert stub.bodies("/v2/posting/fbs/get-by-barcode") == [{"barcode": "20325804886000"}]


def test_product_info_is_chunked_by_1000(stub, client):
    skus = list(range(1, 1501))
    stub.queue(INFO, Reply(json={"items": [{"id": 1, "offer_id": "a", "name": "A", "sources": [{"sku": 1}]}]}),
               Reply(json={"items": [{"id": 2, "offer_id": "b", "name": "B", "sku": 1500}]}))
    products = client.product_info(skus + [1])
    assert [p.sku for p in products] == [1, 1500]
    assert [len(body["sku"]) for body in stub.bodies(INFO)] == [1000, 500]


def test_product_attributes_follow_last_id(stub, client):
    stub.queue(ATTRS, Reply(json={"result": [{"id": 1, "sku": 11, "offer_id": "a", "weight": 1, "weight_unit": "kg"}],
                                  "last_id": "n1", "total": 2}),
               Reply(json={"result": [{"id": 2, "sku": "12", "offer_id": "b", "weight": 8, "weight_unit": "oz"}],
                           "last_id": "", "total": 2}))
    products = client.product_attributes([11, 12])
    assert [(p.sku, p.weight_g) for p in products] == [(11, 1000.0), (12, 226.796)]
    first, second = stub.bodies(ATTRS)
    assert first == {"filter": {"sku": [11, 12], "visibility": "ALL"}, "limit": 1000, "last_id": ""}
    assert second["last_id"] == "n1"


def test_products_merge_both_calls(stub, client):
    stub.queue(INFO, Reply(json={"items": [
        {"id": 1, "offer_id": "a", "name": "Кофе", "barcodes": ["4600000000011", "OZN11"], "sources": [{"sku": 11}]},
        {"id": 2, "offer_id": "b", "name": "Чай", "barcodes": [], "sources": [{"sku": 12}]}]}))
    stub.queue(ATTRS, Reply(json={"result": [
        {"id": 1, "sku": 11, "offer_id": "a", "name": "Coffee", "barcodes": ["OZN11", "2000000000011"], "weight": 260,
         "weight_unit": "g", "height": 4, "width": 14, "depth": 24, "dimension_unit": "cm"}], "last_id": ""}))
    products = client.products([11, 12, 13])
    assert products == [
        Product(sku=11, product_id=1, offer_id="a", name="Кофе", barcodes=("4600000000011", "OZN11", "2000000000011"),
                weight_g=260.0, height_mm=40.0, width_mm=140.0, depth_mm=240.0),
        Product(sku=12, product_id=2, offer_id="b", name="Чай"),
    ]


def test_warehouses_follow_the_cursor(stub, client):
    stub.queue("/v2/warehouse/list",
               Reply(json={"warehouses": [{"warehouse_id": 1, "name": "A", "is_rfbs": False, "status": "created"}],
                           "cursor": "w1", "has_next": True}),
               Reply(json={"warehouses": [{"id": 2, "name": "B", "is_rfbs": True}], "has_next": False}))
    assert client.warehouses() == [Warehouse(id=1, name="A", is_rfbs=False, status="created"),
                                   Warehouse(id=2, name="B", is_rfbs=True)]
    assert stub.bodies("/v2/warehouse/list") == [{"limit": 100}, {"limit": 100, "cursor": "w1"}]


def test_delivery_methods_page_by_offset(stub, client):
    method = {"id": 5, "name": "Курьер", "warehouse_id": 1, "provider_id": 24, "status": "ACTIVE", "cutoff": "13:00"}
    stub.queue("/v1/delivery-method/list", Reply(json={"result": [method, {**method, "id": 6}], "has_next": True}),
               Reply(json={"result": [{**method, "id": 7}], "has_next": False}))
    methods = client.delivery_methods(warehouse_id=1)
    assert [m.id for m in methods] == [5, 6, 7] and isinstance(methods[0], DeliveryMethod)
    assert stub.bodies("/v1/delivery-method/list") == [
        {"limit": 50, "offset": 0, "filter": {"warehouse_id": 1}}, {"limit": 50, "offset": 2, "filter": {"warehouse_id": 1}}]


def test_roles_with_expiry(stub, client):
    stub.queue("/v1/roles", Reply(json={"roles": [{"name": "Posting FBS", "methods": ["/v1/posting"]}],
                                        "expires_at": "2026-12-01T10:00:00.5Z"}))
    info = client.roles()
    assert info.roles == ("Posting FBS",)
    assert info.expires_at == datetime(2026, 12, 1, 10, 0, 0, 500000, tzinfo=UTC)


def test_ship_request_puts_the_sku_in_product_id(stub, client):
    stub.queue("/v4/posting/fbs/ship", Reply(json={"result": ["1-1-1", "1-1-2"], "additional_data": []}))
    result = client.ship("1-1-1", [ShipPackage(products=((180550365, 2),)),
                                   ShipPackage(products=((149618972, 1), (180550365, 1)))])
    assert result.posting_numbers == ("1-1-1", "1-1-2")
    assert stub.bodies("/v4/posting/fbs/ship") == [{
        "posting_number": "1-1-1",
        "packages": [{"products": [{"product_id": 180550365, "quantity": 2}]},
                     {"products": [{"product_id": 149618972, "quantity": 1}, {"product_id": 180550365, "quantity": 1}]}],
        "with": {"additional_data": True},
    }]


@pytest.mark.parametrize("packages", [[], [ShipPackage(products=())], [ShipPackage(products=((5, 0),))]])
def test_ship_refuses_empty_packages(stub, client, packages):
    with pytest.raises(ValueError):
        client.ship("1-1-1", packages)
    assert stub.requests == []


@pytest.mark.parametrize("reply", [
    Reply(body=PDF, headers={"Content-Type": "application/pdf"}),
    Reply(json={"content_type": "application/pdf", "file_name": "ticket.pdf",
                "file_content": base64.b64encode(PDF).decode()}),
], ids=["raw-pdf", "json-base64"])
def test_package_labels(stub, client, reply):
    stub.queue(LABEL, reply)
    assert client.package_labels(["1-1-1", "1-1-2", "1-1-1"]) == PDF
    assert stub.bodies(LABEL) == [{"posting_number": ["1-1-1", "1-1-2"]}]


def test_label_not_ready(stub, client):
    stub.queue(LABEL, error_reply(400, "The next postings aren't ready: 1-1-1"))
    with pytest.raises(OzonLabelNotReady) as caught:
        client.package_labels(["1-1-1"])
    assert isinstance(caught.value, OzonBusinessError) and caught.value.code == "label_not_ready"
    assert len(stub.requests) == 1


def test_label_for_a_wrong_status_is_a_plain_business_error(stub, client):
    stub.queue(LABEL, error_reply(400, "INVALID_ARGUMENT"))
    with pytest.raises(OzonBusinessError) as caught:
        client.package_labels(["1-1-1"])
    assert type(caught.value) is OzonBusinessError and caught.value.ozon_code == "INVALID_ARGUMENT"


def test_label_garbage_is_retried_once_as_a_read(stub, client):
    html = Reply(body=b"<html>challenge</html>", headers={"Content-Type": "text/html"})
    stub.queue(LABEL, html, Reply(body=PDF, headers={"Content-Type": "application/pdf"}))
    assert client.package_labels(["1-1-1"]) == PDF
    assert len(stub.requests) == 2


@pytest.mark.parametrize("count", [0, 21])
def test_label_batch_size_is_checked(stub, client, count):
    with pytest.raises(ValueError):
        client.package_labels([f"1-1-{n}" for n in range(count)])
    assert stub.requests == []
