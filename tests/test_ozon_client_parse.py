"""Pure parsers of Ozon answers: table-driven, on bodies modelled on the spec's examples."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

from app.services.ozon.models import KeyInfo, LabelTask, LabelTaskState, Product, ShipResult, Warehouse
from app.services.ozon.parse import ParseError, format_datetime, parse_datetime, parse_posting, parse_posting_page
from app.services.ozon.parse_catalog import (
    parse_delivery_method_page,
    parse_key_info,
    parse_label_task_state,
    parse_label_tasks,
    parse_product_attributes,
    parse_product_info,
    parse_ship_result,
    parse_warehouse_page,
    to_grams,
    to_mm,
)
from ozon_client_helpers import posting_json

UTC = timezone.utc

# The spec's example answer of /v3/posting/fbs/get (abridged only where marked).
SPEC_GET_EXAMPLE = {"result": {
    "posting_number": "57195475-0050-3", "order_id": 438764970, "order_number": "57195475-0050",
    "pickup_code_verified_at": "2025-01-17T11:04:59.958Z", "status": "awaiting_packaging",
    "substatus": "posting_awaiting_passport_data", "previous_substatus": "posting_transferring_to_delivery",
    "delivery_method": {"id": 18114520187000, "name": "Ozon Логистика самостоятельно, Москва",
                        "warehouse_id": 18114520187000, "warehouse": "Москва основной", "tpl_provider_id": 24,
                        "tpl_provider": "Ozon Логистика"},
    "tracking_number": "", "tpl_integration_type": "ozon", "in_process_at": "2021-11-20T09:14:16Z",
    "shipment_date": "2021-11-23T10:00:00Z", "delivering_date": None, "provider_status": "", "delivery_price": "",
    "optional": {"products_with_possible_mandatory_mark": [0]},
    "cancellation": {"cancel_reason_id": 0, "cancel_reason": "", "cancellation_type": "",
                     "cancelled_after_ship": False, "affect_cancellation_rating": False, "cancellation_initiator": ""},
    "customer": None, "addressee": None,
    "products": [{"currency_code": "RUB", "is_blr_traceable": True, "is_marketplace_buyout": True,
                  "price": "279.0000", "offer_id": "250-7898-1",
                  "name": "Кофе ароматизированный \"Шоколадный апельсин\" 250 гр", "sku": 180550365, "quantity": 1,
                  "jw_uin": [], "dimensions": {"height": "40.00", "length": "240.00", "weight": "260",
                                               "width": "140.00"}}],
    "barcodes": None, "analytics_data": None, "financial_data": None, "additional_data": [], "is_express": False,
    "legal_info": {"company_name": "string", "inn": "string", "kpp": "string"},
    "related_postings": {"related_posting_numbers": ["57195475-0050-4"]},
    "requirements": {"products_requiring_change_country": [], "products_requiring_gtd": [],
                     "products_requiring_country": [], "products_requiring_jwn": []},
    "product_exemplars": None, "tariffication": [],
}}

# The spec's example answer of /v2/posting/fbs/get-by-barcode.
SPEC_BARCODE_EXAMPLE = {"result": {
    "posting_number": "57195475-0050-3", "order_id": 438764970, "order_number": "57195475-0050",
    "status": "awaiting_packaging", "in_process_at": "2021-11-20T09:14:16Z", "shipment_date": "2021-11-23T10:00:00Z",
    "barcodes": None, "products": [{"price": "279.0000", "offer_id": "250-7898-1", "name": "Кофе", "sku": 180550365,
                                    "quantity": 1}],
}}


@pytest.mark.parametrize("text, expected", [
    ("2021-11-20T09:14:16Z", datetime(2021, 11, 20, 9, 14, 16, tzinfo=UTC)),
    ("2020-03-18T07:34:50.359Z", datetime(2020, 3, 18, 7, 34, 50, 359000, tzinfo=UTC)),
    ("2019-04-04T15:22:31.048202Z", datetime(2019, 4, 4, 15, 22, 31, 48202, tzinfo=UTC)),
    ("2020-03-18T07:34:50.3Z", datetime(2020, 3, 18, 7, 34, 50, 300000, tzinfo=UTC)),
    ("2020-03-18T10:34:50+03:00", datetime(2020, 3, 18, 7, 34, 50, tzinfo=UTC)),
    ("0001-01-01T00:00:00Z", None),
    ("", None),
    (None, None),
])
def test_parse_datetime(text, expected):
    parsed = parse_datetime(text)
    assert parsed == expected
    if parsed is not None:
        assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize("bad", ["yesterday", "2021-13-01T00:00:00Z", 1637400000, ["2021-11-20T09:14:16Z"]])
def test_parse_datetime_rejects(bad):
    with pytest.raises(ParseError):
        parse_datetime(bad)


@pytest.mark.parametrize("moment, text", [
    (datetime(2026, 5, 1, 12, 0, tzinfo=UTC), "2026-05-01T12:00:00Z"),
    (datetime(2026, 5, 1, 15, 0, 0, 250000, tzinfo=timezone(timedelta(hours=3))), "2026-05-01T12:00:00.250Z"),
])
def test_format_datetime(moment, text):
    assert format_datetime(moment) == text


def test_format_datetime_refuses_naive_times():
    with pytest.raises(ValueError):
        format_datetime(datetime(2026, 5, 1, 12, 0))


def test_spec_get_example_parses_fully():
    posting = parse_posting(SPEC_GET_EXAMPLE["result"])
    assert posting.posting_number == "57195475-0050-3"
    assert posting.status == "awaiting_packaging"
    assert posting.substatus == "posting_awaiting_passport_data"
    assert posting.order_id == 438764970 and posting.order_number == "57195475-0050"
    assert posting.shipment_date == datetime(2021, 11, 23, 10, 0, tzinfo=UTC)
    assert posting.in_process_at == datetime(2021, 11, 20, 9, 14, 16, tzinfo=UTC)
    assert posting.delivering_date is None
    assert (posting.delivery_method_id, posting.warehouse_id, posting.tpl_provider_id) == (
        18114520187000, 18114520187000, 24)
    assert posting.delivery_method_name == "Ozon Логистика самостоятельно, Москва"
    assert posting.tracking_number is None and posting.cancel_reason is None
    assert posting.upper_barcode is None and posting.lower_barcode is None
    assert posting.related_postings == ("57195475-0050-4",)
    assert posting.requirements["products_requiring_gtd"] == []
    (product,) = posting.products
    assert (product.sku, product.offer_id, product.quantity) == (180550365, "250-7898-1", 1)
    assert (product.price, product.currency_code) == ("279.0000", "RUB")


def test_spec_barcode_summary_maps_what_it_has():
    posting = parse_posting(SPEC_BARCODE_EXAMPLE["result"])
    assert posting.posting_number == "57195475-0050-3"
    assert posting.delivery_method_id is None and posting.available_actions == ()
    assert posting.products[0].sku == 180550365


@pytest.mark.parametrize("overrides, check", [
    ({}, lambda p: p.products[0].price == "279.0000" and p.products[0].currency_code == "RUB"),
    ({"products": [{"sku": "180550365", "offer_id": "a", "name": "n", "quantity": 2, "price": 12.5,
                    "currency_code": "CNY"}]},
     lambda p: p.products[0].sku == 180550365 and p.products[0].price == "12.5"
     and p.products[0].currency_code == "CNY"),
    ({"barcodes": None}, lambda p: p.upper_barcode is None),
    ({"barcodes": {"upper_barcode": "U1", "lower_barcode": "L1"}}, lambda p: (p.upper_barcode, p.lower_barcode) == ("U1", "L1")),
    ({"multi_box_qty": 0, "is_multibox": True}, lambda p: p.multi_box_qty == 1 and p.is_multibox),
    ({"multi_box_qty": 3}, lambda p: p.multi_box_qty == 3),
    ({"cancellation": {"cancel_reason": "Покупатель отменил"}, "status": "cancelled"},
     lambda p: p.cancel_reason == "Покупатель отменил" and p.status == "cancelled"),
    ({"delivery_method": None, "analytics_data": {"warehouse_id": 77}}, lambda p: p.warehouse_id == 77),
    ({"parent_posting_number": "1-1-1", "delivery_schema": "Crossborder", "is_express": True},
     lambda p: (p.parent_posting_number, p.delivery_schema, p.is_express) == ("1-1-1", "Crossborder", True)),
    ({"available_actions": None}, lambda p: p.available_actions == ()),
    ({"requirements": {"products_requiring_mandatory_mark": ["180550365"], "junk": 5}},
     lambda p: p.requirements == {"products_requiring_mandatory_mark": ["180550365"]}),
    ({"tracking_number": "TRK1", "tpl_integration_type": "non_integrated"},
     lambda p: (p.tracking_number, p.tpl_integration_type) == ("TRK1", "non_integrated")),
])
def test_posting_field_variants(overrides, check):
    assert check(parse_posting(posting_json(**overrides)))


@pytest.mark.parametrize("overrides", [
    {"posting_number": None},
    {"posting_number": 12345},
    {"status": None},
    {"order_id": "abc"},
    {"shipment_date": "tomorrow"},
    {"products": [{"sku": None, "quantity": 1}]},
    {"products": [{"sku": 1, "quantity": "many"}]},
    {"products": "none"},
    {"available_actions": "ship"},
    {"is_express": "no"},
    {"delivery_method": ["id", 1]},
    {"products": [{"sku": 1, "quantity": 1, "price": ["1"]}]},
])
def test_posting_with_wrong_types_is_refused(overrides):
    with pytest.raises(ParseError):
        parse_posting(posting_json(**overrides))


@pytest.mark.parametrize("wrap", [lambda page: page, lambda page: {"result": page}], ids=["top-level", "wrapped"])
def test_posting_page_accepts_both_shapes(wrap):
    body = wrap({"postings": [posting_json("1-1-1"), posting_json("1-1-2")], "cursor": "abc", "has_next": True,
                 "count": 2})
    page = parse_posting_page(body, "/v4/posting/fbs/unfulfilled/list")
    assert [p.posting_number for p in page.postings] == ["1-1-1", "1-1-2"]
    assert (page.cursor, page.has_next, page.skipped, page.total) == ("abc", True, 0, 2)


def test_posting_page_walks_its_postings_through_pace():
    seen = []

    def pace(raw_postings):
        for raw in raw_postings:
            seen.append(raw["posting_number"])
            yield raw

    body = {"postings": [posting_json("1-1-1"), posting_json("1-1-2")], "cursor": "", "has_next": False}
    page = parse_posting_page(body, "/v4/posting/fbs/unfulfilled/list", pace=pace)
    assert seen == ["1-1-1", "1-1-2"]
    assert [p.posting_number for p in page.postings] == seen


def test_posting_page_end_and_empty():
    page = parse_posting_page({"postings": [], "cursor": "", "has_next": False}, "x")
    assert (page.postings, page.cursor, page.has_next, page.total) == ([], None, False, None)


@pytest.mark.parametrize("count, total", [(4000, 4000), (0, 0), (-1, None), ("12", None), (True, None), (None, None)])
def test_posting_page_count_is_the_lists_total_when_it_is_a_count(count, total):
    page = parse_posting_page({"postings": [], "cursor": "", "has_next": False, "count": count}, "x")
    assert page.total == total


def test_malformed_posting_is_logged_and_skipped(caplog):
    body = {"postings": [posting_json("1-1-1"), {"status": "awaiting_packaging"},
                         posting_json("1-1-3", order_id="x"), "junk", posting_json("1-1-5")],
            "cursor": "", "has_next": False}
    with caplog.at_level(logging.WARNING, logger="packdesk.ozon.client"):
        page = parse_posting_page(body, "/v4/posting/fbs/unfulfilled/list")
    assert [p.posting_number for p in page.postings] == ["1-1-1", "1-1-5"]
    assert page.skipped == 3
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3
    assert all("/v4/posting/fbs/unfulfilled/list" in line for line in lines)
    assert "1-1-3" in lines[1] and "no number" in lines[0]


@pytest.mark.parametrize("body", [[], {"postings": {"a": 1}}, {"postings": [], "has_next": "yes"},
                                  {"postings": [], "cursor": 5}])
def test_page_with_wrong_shape_is_refused(body):
    with pytest.raises(ParseError):
        parse_posting_page(body, "x")


@pytest.mark.parametrize("value, unit, grams", [
    (50, "g", 50.0), (0.26, "kg", 260.0), ("1.5", "KG", 1500.0), (1, "lb", 453.592), (2, "oz", 56.699),
    (0, "g", None), (None, "g", None), (5, "stone", None), (5, None, None),
])
def test_weight_to_grams(value, unit, grams):
    assert to_grams(value, unit) == grams


@pytest.mark.parametrize("value, unit, mm", [
    (210, "mm", 210.0), (21, "cm", 210.0), (2, "in", 50.8), (-1, "mm", None), ("", "cm", None), (3, "m", None),
])
def test_dimension_to_mm(value, unit, mm):
    assert to_mm(value, unit) == mm


def test_spec_attributes_example():
    body = {"result": [{"id": 213761435, "barcode": "", "barcodes": ["123124123", "123342455"],
                        "name": "Пленка защитная для Xiaomi Redmi Note 10 Pro 5G", "offer_id": "21470",
                        "type_id": 124572394, "height": 10, "depth": 210, "width": 140, "dimension_unit": "mm",
                        "weight": 50, "weight_unit": "g", "sku": 423434534, "attributes": [], "pdf_list": []},
                       {"id": 2, "sku": "777", "offer_id": "b", "name": "B", "barcodes": ["OZN777"], "barcode": "4600",
                        "height": 1.5, "depth": 20, "width": 10, "dimension_unit": "cm", "weight": 0.3,
                        "weight_unit": "kg"},
                       {"id": 3, "offer_id": "no sku"}],
            "total": 3, "last_id": "onVsfA=="}
    products, last_id = parse_product_attributes(body, "/v4/product/info/attributes")
    assert last_id == "onVsfA=="
    assert products == [
        Product(sku=423434534, product_id=213761435, offer_id="21470",
                name="Пленка защитная для Xiaomi Redmi Note 10 Pro 5G", barcodes=("123124123", "123342455"),
                weight_g=50.0, height_mm=10.0, width_mm=140.0, depth_mm=210.0),
        Product(sku=777, product_id=2, offer_id="b", name="B", barcodes=("OZN777", "4600"), weight_g=300.0,
                height_mm=15.0, width_mm=100.0, depth_mm=200.0),
    ]


@pytest.mark.parametrize("item, requested, skus", [
    ({"id": 1, "offer_id": "a", "name": "A", "barcodes": ["460"], "sources": [{"sku": 11, "source": "sds"}]}, [11], [11]),
    ({"id": 1, "offer_id": "a", "name": "A", "sku": 12, "sources": []}, [12], [12]),
    ({"id": 1, "offer_id": "a", "name": "A", "sources": [{"sku": 11}, {"sku": "13"}]}, [11, 13], [11, 13]),
    ({"id": 1, "offer_id": "a", "name": "A", "sources": [{"sku": 11}, {"sku": 13}]}, [99], [11]),
    ({"id": 1, "offer_id": "a", "name": "A", "sources": []}, [11], []),
])
def test_product_info_maps_skus(item, requested, skus):
    products = parse_product_info({"items": [item]}, requested, "/v3/product/info/list")
    assert [p.sku for p in products] == skus
    assert all(p.product_id == 1 and p.offer_id == "a" for p in products)


@pytest.mark.parametrize("body, ids, cursor, has_next", [
    ({"warehouses": [{"warehouse_id": 1, "name": "A", "is_rfbs": True, "status": "created"}, {"id": 2, "name": "B"}],
      "cursor": "c1", "has_next": True}, [1, 2], "c1", True),
    ({"result": [{"warehouse_id": 15588127982000, "name": "Есипово", "is_rfbs": False, "status": "created"}]},
     [15588127982000], None, False),
    ({"result": {"warehouses": [{"warehouse_id": "3"}], "cursor": "", "has_next": False}}, [3], None, False),
])
def test_warehouse_pages(body, ids, cursor, has_next):
    warehouses, got_cursor, got_next = parse_warehouse_page(body, "/v2/warehouse/list")
    assert [w.id for w in warehouses] == ids
    assert (got_cursor, got_next) == (cursor, has_next)
    assert isinstance(warehouses[0], Warehouse)


# /v2/delivery-method/list as Ozon documents it (ozon-api-notes §00; the fields of ozonapi-async's v2 model)
V2_METHOD = {"id": 15588127982000, "name": "Ozon Логистика курьеру, Есипово", "status": "ACTIVE",
             "warehouse_id": 15588127982000, "provider_id": 24, "template_id": 0, "cutoff": "13:00",
             "sla_cut_in": 1440, "is_express": False, "tpl_integration_type": "ozon",
             "tpl_dropoff_point": {"address": "", "code": "", "name": ""},
             "created_at": "2019-04-04T15:22:31.048202Z", "updated_at": "2021-08-15T10:21:44.854209Z"}


@pytest.mark.parametrize("body, ids, cursor, has_next", [
    ({"delivery_methods": [V2_METHOD], "cursor": "", "has_next": False}, [15588127982000], None, False),
    ({"delivery_methods": [V2_METHOD, {**V2_METHOD, "id": "7", "tpl_integration_type": "aggregator"}],
      "cursor": "c2", "has_next": True}, [15588127982000, 7], "c2", True),
    ({"result": {"delivery_methods": [V2_METHOD], "cursor": "c", "has_next": True}}, [15588127982000], "c", True),
    ({"delivery_methods": [{"name": "no id"}, V2_METHOD], "has_next": False}, [15588127982000], None, False),
])
def test_delivery_method_v2_pages(body, ids, cursor, has_next):
    methods, got_cursor, got_next = parse_delivery_method_page(body, "/v2/delivery-method/list")
    assert [m.id for m in methods] == ids and (got_cursor, got_next) == (cursor, has_next)
    method = methods[0]
    assert (method.warehouse_id, method.provider_id, method.status, method.cutoff, method.tpl_integration_type,
            method.is_express) == (15588127982000, 24, "ACTIVE", "13:00", "ozon", False)


@pytest.mark.parametrize("body, expected", [
    ({"roles": [{"name": "Admin", "methods": ["/v1/actions"]}, {"name": "Posting FBS", "methods": ["/v1/posting"]}]},
     KeyInfo(roles=("Admin", "Posting FBS"), expires_at=None)),
    ({"roles": [{"name": "Admin", "methods": []}], "expires_at": "2026-12-01T00:00:00Z"},
     KeyInfo(roles=("Admin",), expires_at=datetime(2026, 12, 1, tzinfo=UTC))),
])
def test_key_info(body, expected):
    assert parse_key_info(body) == expected


@pytest.mark.parametrize("body, numbers", [
    ({"additional_data": [{"posting_number": "89491381-0072-1", "products": []}], "result": ["89491381-0072-1"]},
     ("89491381-0072-1",)),
    ({"result": ["1-1-1", "1-1-2"]}, ("1-1-1", "1-1-2")),
    ({"result": "1-1-3"}, ("1-1-3",)),
])
def test_ship_result(body, numbers):
    assert parse_ship_result(body) == ShipResult(posting_numbers=numbers)


@pytest.mark.parametrize("body", [{}, {"result": [1]}, {"result": None}, []])
def test_ship_result_refuses_wrong_shape(body):
    with pytest.raises(ParseError):
        parse_ship_result(body)


@pytest.mark.parametrize("body, tasks", [
    ({"tasks": [{"task_id": 31000001, "task_type": "big_label"}, {"task_id": "31000002", "task_type": "small_label"}]},
     (LabelTask(31000001, "big_label"), LabelTask(31000002, "small_label"))),
    ({"result": {"tasks": [{"task_id": 5, "task_type": "big_label"}]}}, (LabelTask(5, "big_label"),)),
    ({"tasks": [{"task_id": 5, "task_type": "huge_label"}, {"task_id": 6, "task_type": "big_label"}]},
     (LabelTask(6, "big_label"),)),  # a size this client does not know is left out
])
def test_label_tasks(body, tasks):
    assert parse_label_tasks(body) == tasks


@pytest.mark.parametrize("body", [{}, {"tasks": []}, {"tasks": [{"task_type": "big_label"}]}, {"tasks": ["x"]},
                                  {"tasks": [{"task_id": 1, "task_type": "huge_label"}]}])
def test_label_tasks_refuse_wrong_shapes(body):
    with pytest.raises(ParseError):
        parse_label_tasks(body)


@pytest.mark.parametrize("body, state", [
    ({"status": {"code": "pending", "postings_count": 2, "printed_postings_count": 0, "unprinted_postings": []},
      "file_url": "", "error": {"code": "", "message": ""}},
     LabelTaskState("pending", 2, 0)),
    ({"status": {"code": "completed", "postings_count": 3, "printed_postings_count": 2,
                 "unprinted_postings": [{"posting_number": "1-1-2", "message": "The next postings aren't ready"}]},
      "file_url": "https://cdn1.ozone.ru/s3/labels/abc.pdf"},
     LabelTaskState("completed", 3, 2, (("1-1-2", "The next postings aren't ready"),),
                    "https://cdn1.ozone.ru/s3/labels/abc.pdf")),
    ({"result": {"status": {"code": "error"}, "error": {"code": 3, "message": "INVALID_ARGUMENT"}}},
     LabelTaskState("error", error_code="3", error_message="INVALID_ARGUMENT")),
])
def test_label_task_state(body, state):
    assert parse_label_task_state(body) == state


@pytest.mark.parametrize("body", [{}, {"status": "completed"}, {"status": {"code": "done"}},
                                  {"status": {"code": "completed", "unprinted_postings": [{"message": "x"}]}},
                                  {"status": {"code": "error"}, "error": {"code": [1]}}, []])
def test_label_task_state_refuses_wrong_shapes(body):
    with pytest.raises(ParseError):
        parse_label_task_state(body)


@pytest.mark.parametrize("value, scanit", [("ii30525117479", "ii30525117479"), ("", None), (None, None)])
def test_postings_carry_scanit(value, scanit):
    assert parse_posting(posting_json(scanit=value)).scanit == scanit
    assert parse_posting({k: v for k, v in posting_json().items() if k != "scanit"}).scanit is None


@pytest.mark.parametrize("item, image", [
    ({"id": 1, "offer_id": "a", "name": "A", "sku": 11, "primary_image": ["https://cdn1.ozone.ru/s3/m/1.jpg"]},
     "https://cdn1.ozone.ru/s3/m/1.jpg"),
    ({"id": 1, "offer_id": "a", "name": "A", "sku": 11, "primary_image": ["", " https://cdn1.ozone.ru/2.jpg "]},
     "https://cdn1.ozone.ru/2.jpg"),
    ({"id": 1, "offer_id": "a", "name": "A", "sku": 11, "primary_image": []}, ""),
    ({"id": 1, "offer_id": "a", "name": "A", "sku": 11, "primary_image": [None, 3]}, ""),
    ({"id": 1, "offer_id": "a", "name": "A", "sku": 11}, ""),
])
def test_product_info_keeps_the_main_photo_link(item, image):
    assert [p.primary_image for p in parse_product_info({"items": [item]}, [11], "/v3/product/info/list")] == [image]
