"""Each Ozon client method against a scripted stub: the request it sends and the answer it returns."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from app.services.ozon.errors import OzonBadResponse, OzonBusinessError, OzonLabelNotReady, OzonTransportError
from app.services.ozon.labels import TASK_TIMEOUT_S, check_file_url
from app.services.ozon.models import DeliveryMethod, Product, ShipPackage, Warehouse
from ozon_client_helpers import API_KEY, FakeTime, Reply, ScriptedOzon, error_reply, make_client, posting_json

UTC = timezone.utc
UNFULFILLED = "/v4/posting/fbs/unfulfilled/list"
LIST = "/v4/posting/fbs/list"
CREATE = "/v3/posting/fbs/package-label/create"
GET = "/v2/posting/fbs/package-label/get"
FILE = "/cdn/labels/token-1/labels.pdf"  # the file host (a CDN at Ozon): here the same stub, by GET
METHODS = "/v2/delivery-method/list"
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


def test_delivery_methods_v2_follow_the_cursor_with_the_warehouse_filter(stub, client):
    method = {"id": 5, "name": "Курьер", "warehouse_id": 1, "provider_id": 24, "status": "ACTIVE", "cutoff": "13:00",
              "tpl_integration_type": "aggregator", "is_express": True}
    stub.queue(METHODS, Reply(json={"delivery_methods": [method, {**method, "id": 6}], "cursor": "m2",
                                    "has_next": True}),
               Reply(json={"delivery_methods": [{**method, "id": 7}], "cursor": "", "has_next": False}))
    methods = client.delivery_methods(warehouse_ids=[1, 1, 2])
    assert [m.id for m in methods] == [5, 6, 7] and isinstance(methods[0], DeliveryMethod)
    assert (methods[0].tpl_integration_type, methods[0].is_express) == ("aggregator", True)
    assert stub.bodies(METHODS) == [{"limit": 100, "filter": {"warehouse_ids": [1, 2]}},
                                    {"limit": 100, "filter": {"warehouse_ids": [1, 2]}, "cursor": "m2"}]


def test_delivery_methods_of_all_warehouses_send_no_filter(stub, client):
    stub.queue(METHODS, Reply(json={"delivery_methods": [], "has_next": False}))
    assert client.delivery_methods() == []
    assert stub.bodies(METHODS) == [{"limit": 100}]


def test_delivery_methods_stop_on_a_repeating_cursor(stub, client):
    stub.queue(METHODS, *[Reply(json={"delivery_methods": [], "cursor": "same", "has_next": True})] * 3)
    with pytest.raises(OzonBadResponse):
        client.delivery_methods()
    assert len(stub.requests) == 2


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


def _task(code: str, *, numbers: int = 2, unprinted=(), file_url: str = "", error=("", "")) -> Reply:
    return Reply(json={"status": {"code": code, "postings_count": numbers,
                                  "printed_postings_count": numbers - len(unprinted) if code == "completed" else 0,
                                  "unprinted_postings": [{"posting_number": n, "message": m} for n, m in unprinted]},
                       "file_url": file_url, "error": {"code": error[0], "message": error[1]}})


TASKS = Reply(json={"tasks": [{"task_id": 11, "task_type": "big_label"}, {"task_id": 12, "task_type": "small_label"}]})


@pytest.mark.parametrize("task_type, task_id", [("small_label", 12), ("big_label", 11)])
def test_labels_come_from_the_task_of_the_stock_size_polled_then_downloaded_without_credentials(
        stub, task_type, task_id):
    fake = FakeTime()
    stub.queue(CREATE, TASKS)
    stub.queue(GET, _task("pending"), _task("in_progress"), _task("completed", file_url=f"{stub.url}{FILE}"))
    stub.queue(FILE, Reply(body=PDF, headers={"Content-Type": "application/octet-stream"}))
    with make_client(stub.url, fake) as client:
        batch = client.fetch_labels(["1-1-1", "1-1-2", "1-1-1"], task_type)
    assert (batch.task_type, batch.printed, batch.unprinted, batch.pdf) == (task_type, ("1-1-1", "1-1-2"), (), PDF)
    assert stub.bodies(CREATE) == [{"posting_numbers": ["1-1-1", "1-1-2"]}]
    assert stub.bodies(GET) == [{"task_id": task_id}] * 3
    assert fake.sleeps == [0.25, 0.5]  # growing pauses between the looks at the task
    (download,) = [r for r in stub.requests if r.path == FILE]
    sent = {name.lower() for name in download.headers}
    assert not sent & {"client-id", "api-key"}  # credentials go to the API host only
    assert all(API_KEY not in str(value) for value in download.headers.values())
    api_calls = [r for r in stub.requests if r.path != FILE]
    assert all(r.headers["Api-Key"] == API_KEY for r in api_calls)


def test_without_a_task_of_the_wanted_size_the_other_one_is_taken(stub, client):
    stub.queue(CREATE, Reply(json={"tasks": [{"task_id": 11, "task_type": "big_label"}]}))
    stub.queue(GET, _task("completed", numbers=1, file_url=f"{stub.url}{FILE}"))
    stub.queue(FILE, Reply(body=PDF))
    assert client.fetch_labels(["1-1-1"], "small_label").task_type == "big_label"


def test_unprinted_postings_are_left_out_of_the_pages(stub, client):
    stub.queue(CREATE, TASKS)
    stub.queue(GET, _task("completed", numbers=3, unprinted=[("1-1-2", "The next postings aren't ready")],
                          file_url=f"{stub.url}{FILE}"))
    stub.queue(FILE, Reply(body=PDF))
    batch = client.fetch_labels(["1-1-1", "1-1-2", "1-1-3"])
    assert batch.printed == ("1-1-1", "1-1-3") and batch.unprinted == (("1-1-2", "The next postings aren't ready"),)


def test_a_task_that_printed_nothing_downloads_nothing(stub, client):
    stub.queue(CREATE, TASKS)
    stub.queue(GET, _task("completed", numbers=1, unprinted=[("1-1-1", "The next postings aren't ready")]))
    batch = client.fetch_labels(["1-1-1"])
    assert (batch.printed, batch.pdf) == ((), None) and FILE not in stub.paths()


@pytest.mark.parametrize("reply", [
    Reply(json={"status": {"code": "completed", "postings_count": 2, "printed_postings_count": 1,
                           "unprinted_postings": []}, "file_url": "http://127.0.0.1:1/x.pdf"}),  # counts disagree
    Reply(json={"status": {"code": "completed", "postings_count": 2, "printed_postings_count": 2}, "file_url": ""}),
], ids=["counts-disagree", "no-file"])
def test_a_task_whose_pages_cannot_be_matched_is_refused(stub, client, reply):
    stub.queue(CREATE, TASKS)
    stub.queue(GET, reply)
    with pytest.raises(OzonBadResponse):
        client.fetch_labels(["1-1-1", "1-1-2"])
    assert FILE not in stub.paths()


@pytest.mark.parametrize("error, kind", [
    (("NOT_READY", "The next postings aren't ready"), OzonLabelNotReady),
    (("INVALID_ARGUMENT", "INVALID_ARGUMENT"), OzonBusinessError),
])
def test_a_task_in_error(stub, client, error, kind):
    stub.queue(CREATE, TASKS)
    stub.queue(GET, _task("error", error=error))
    with pytest.raises(kind) as caught:
        client.fetch_labels(["1-1-1", "1-1-2"])
    assert caught.value.ozon_code == error[0]


def test_a_task_that_never_completes_gives_up_after_a_bounded_wait(stub):
    fake = FakeTime()
    stub.queue(CREATE, TASKS)
    stub.queue(GET, *[_task("in_progress")] * 40)
    with make_client(stub.url, fake) as client, pytest.raises(OzonTransportError):
        client.fetch_labels(["1-1-1", "1-1-2"])
    assert sum(fake.sleeps) == pytest.approx(TASK_TIMEOUT_S) and max(fake.sleeps) <= 2.0
    assert len(stub.bodies(GET)) < 25


def test_label_not_ready_on_create(stub, client):
    stub.queue(CREATE, error_reply(400, "The next postings aren't ready: 1-1-1"))
    with pytest.raises(OzonLabelNotReady) as caught:
        client.fetch_labels(["1-1-1"])
    assert isinstance(caught.value, OzonBusinessError) and caught.value.code == "label_not_ready"
    assert len(stub.requests) == 1


def test_label_for_a_wrong_status_is_a_plain_business_error(stub, client):
    stub.queue(CREATE, error_reply(400, "INVALID_ARGUMENT"))
    with pytest.raises(OzonBusinessError) as caught:
        client.fetch_labels(["1-1-1"])
    assert type(caught.value) is OzonBusinessError and caught.value.ozon_code == "INVALID_ARGUMENT"


@pytest.mark.parametrize("reply, error", [
    (Reply(body=b"<html>captcha</html>", headers={"Content-Type": "text/html"}), OzonBadResponse),
    (Reply(status=403, body=b"<Error><Code>AccessDenied</Code></Error>"), OzonTransportError),
    (Reply(status=302, headers={"Location": "http://example.com/label.pdf"}), OzonBadResponse),
], ids=["not-a-pdf", "expired-link", "redirect-to-plain-http"])
def test_a_label_file_that_is_no_pdf_or_cannot_be_had(stub, client, reply, error):
    stub.queue(CREATE, TASKS)
    stub.queue(GET, _task("completed", file_url=f"{stub.url}{FILE}"))
    stub.queue(FILE, reply)
    with pytest.raises(error):
        client.fetch_labels(["1-1-1", "1-1-2"])


def test_a_redirect_to_another_loopback_path_is_followed(stub, client):
    stub.queue(FILE, Reply(status=302, headers={"Location": "/cdn/moved.pdf"}))
    stub.queue("/cdn/moved.pdf", Reply(body=PDF))
    assert client.download_label(f"{stub.url}{FILE}") == PDF


@pytest.mark.parametrize("url, allowed", [
    ("https://cdn1.ozone.ru/s3/labels/a.pdf", True),
    ("http://127.0.0.1:8080/a.pdf", True),
    ("http://[::1]:8080/a.pdf", True),
    ("http://localhost/a.pdf", True),
    ("http://cdn1.ozone.ru/s3/labels/a.pdf", False),
    ("ftp://cdn1.ozone.ru/a.pdf", False),
    ("", False),
    ("https:///a.pdf", False),
])
def test_label_links_are_https_or_loopback(url, allowed):
    if allowed:
        assert check_file_url(url) == url
    else:
        with pytest.raises(OzonBadResponse):
            check_file_url(url)


@pytest.mark.parametrize("count", [0, 21])
def test_label_batch_size_is_checked(stub, client, count):
    with pytest.raises(ValueError):
        client.fetch_labels([f"1-1-{n}" for n in range(count)])
    assert stub.requests == []
