"""No request of packdesk reaches a method Ozon has switched off (app/services/ozon/retired.py).

Two nets: every Ozon path written anywhere in app/ (the string constants of its modules), and every
path the client actually requests while each of its public methods runs against a recording stub.
A public method added to ``OzonClient`` without a line in ``CALLS`` fails the second test, so no
new method escapes the check. The simulator's side (each of these paths answers an error, never
data) is in test_sim_catalog_api.
"""
from __future__ import annotations

import ast
import inspect
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from app.services.ozon.client import OzonClient
from app.services.ozon.errors import OzonError
from app.services.ozon.models import ShipPackage
from app.services.ozon.retired import RETIRED, retired
from ozon_client_helpers import FakeTime, Reply, ScriptedOzon, make_client, posting_json

APP = Path(__file__).resolve().parents[1] / "app"
OZON_PATH = re.compile(r"/v\d+/[a-z0-9_/-]+")
UTC = timezone.utc
SINCE, TO = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 8, tzinfo=UTC)
FILE = "/cdn/labels/t/labels.pdf"
PDF = b"%PDF-1.4\n%%EOF\n"

EXEMPLARS = [{"product_id": 11, "exemplars": [{"exemplar_id": 5, "marks": [{"mark": "010", "mark_type": "mandatory_mark"}]}]}]
CALLS = {  # each public method of OzonClient, called with arguments that reach every request it makes
    "unfulfilled_page": lambda c: c.unfulfilled_page(cutoff_from=SINCE, cutoff_to=TO),
    "iter_unfulfilled": lambda c: list(c.iter_unfulfilled(cutoff_from=SINCE, cutoff_to=TO)),
    "list_page": lambda c: c.list_page(since=SINCE, to=TO),
    "iter_list": lambda c: list(c.iter_list(since=SINCE, to=TO, changed_since=SINCE)),
    "get_posting": lambda c: c.get_posting("1-1-1"),
    "get_by_barcode": lambda c: c.get_by_barcode("20325804886000"),
    "product_info": lambda c: c.product_info([11]),
    "product_attributes": lambda c: c.product_attributes([11]),
    "products": lambda c: c.products([11]),
    "warehouses": lambda c: c.warehouses(),
    "delivery_methods": lambda c: c.delivery_methods([1]),
    "roles": lambda c: c.roles(),
    "ship": lambda c: c.ship("1-1-1", [ShipPackage(products=((11, 1),))]),
    "create_label_tasks": lambda c: c.create_label_tasks(["1-1-1"]),
    "label_task": lambda c: c.label_task(7),
    "download_label": lambda c: c.download_label(c.base_url + FILE),
    "fetch_labels": lambda c: c.fetch_labels(["1-1-1"]),
    "exemplar_create_or_get": lambda c: c.exemplar_create_or_get("1-1-1"),
    "exemplar_validate": lambda c: c.exemplar_validate("1-1-1", EXEMPLARS),
    "exemplar_set": lambda c: c.exemplar_set("1-1-1", EXEMPLARS),
    "exemplar_status": lambda c: c.exemplar_status("1-1-1"),
    "exemplar_update": lambda c: c.exemplar_update("1-1-1"),
    "exemplar_buyer_is_legal": lambda c: c.exemplar_buyer_is_legal("1-1-1"),
    "carriage_methods": lambda c: c.carriage_methods(departure=date(2026, 12, 1), delivery_method_id=5),
    "create_carriage": lambda c: c.create_carriage(5, date(2026, 12, 1)),
    "set_carriage_postings": lambda c: c.set_carriage_postings(9, ["1-1-1"]),
    "approve_carriage": lambda c: c.approve_carriage(9),
    "cancel_carriage": lambda c: c.cancel_carriage(9),
    "get_carriage": lambda c: c.get_carriage(9),
    "act_status": lambda c: c.act_status(9),
    "act_pdf": lambda c: c.act_pdf(9),
    "act_barcode_text": lambda c: c.act_barcode_text(9),
    "set_tracking_numbers": lambda c: c.set_tracking_numbers([("1-1-1", "80102367216110")]),
    "mark_delivering": lambda c: c.mark_delivering(["1-1-1"]),
    "mark_last_mile": lambda c: c.mark_last_mile(["1-1-1"]),
    "mark_delivered": lambda c: c.mark_delivered(["1-1-1"]),
    "set_multibox_qty": lambda c: c.set_multibox_qty("1-1-1", 2),
    "start_chat": lambda c: c.start_chat("1-1-1"),
    "send_chat_message": lambda c: c.send_chat_message("c-1", "hello"),
    "open_arbitration": lambda c: c.open_arbitration(["1-1-1"]),
    "fbs_returns": lambda c: c.fbs_returns(since=SINCE, until=TO),
    "rfbs_returns": lambda c: c.rfbs_returns(since=SINCE, until=TO),
    "rfbs_return": lambda c: c.rfbs_return(7),
    "rfbs_return_action": lambda c: c.rfbs_return_action(7, 1, comment="ok", rejection_reason_id=2),
    "close": lambda c: c.close(),
}


def answers(url: str) -> dict[str, Reply]:
    """An answer of the right shape for each path the client knows (others get the stub's 404)."""
    page = Reply(json={"postings": [posting_json("1-1-1")], "has_next": False})
    return {
        "/v4/posting/fbs/unfulfilled/list": page, "/v4/posting/fbs/list": page,
        "/v3/posting/fbs/get": Reply(json={"result": posting_json("1-1-1")}),
        "/v2/posting/fbs/get-by-barcode": Reply(json={"result": posting_json("1-1-1")}),
        "/v3/product/info/list": Reply(json={"items": [{"id": 1, "offer_id": "a", "name": "A", "sku": 11}]}),
        "/v4/product/info/attributes": Reply(json={"result": [{"id": 1, "sku": 11, "offer_id": "a"}], "last_id": ""}),
        "/v2/warehouse/list": Reply(json={"warehouses": [{"warehouse_id": 1, "name": "A"}], "has_next": False}),
        "/v2/delivery-method/list": Reply(json={"delivery_methods": [{"id": 5, "name": "M"}], "has_next": False}),
        "/v1/roles": Reply(json={"roles": [{"name": "Admin"}]}),
        "/v4/posting/fbs/ship": Reply(json={"result": ["1-1-1"]}),
        "/v3/posting/fbs/package-label/create": Reply(json={"tasks": [{"task_id": 7, "task_type": "big_label"}]}),
        "/v2/posting/fbs/package-label/get": Reply(json={
            "status": {"code": "completed", "postings_count": 1, "printed_postings_count": 1},
            "file_url": url + FILE}),
        FILE: Reply(body=PDF),
        "/v6/fbs/posting/product/exemplar/create-or-get": Reply(json={"products": [
            {"product_id": 11, "quantity": 1, "is_mandatory_mark_needed": True, "exemplars": [{"exemplar_id": 5}]}]}),
        "/v5/fbs/posting/product/exemplar/validate": Reply(json={"products": []}),
        "/v6/fbs/posting/product/exemplar/set": Reply(json={}),
        "/v5/fbs/posting/product/exemplar/status": Reply(json={"status": "ship_available", "products": []}),
        "/v1/fbs/posting/product/exemplar/update": Reply(json={}),
        "/v2/carriage/delivery/list": Reply(json={"methods": [{"delivery_method_id": 5, "carriages": []}],
                                                 "has_next": False}),
        "/v1/carriage/create": Reply(json={"carriage_id": 9}),
        "/v1/carriage/set-postings": Reply(json={"result": [{"posting_number": "1-1-1", "result": True, "error": ""}]}),
        "/v1/carriage/approve": Reply(json={}),
        "/v1/carriage/cancel": Reply(json={"error": "", "carriage_status": "cancelled"}),
        "/v1/carriage/get": Reply(json={"carriage_id": 9, "status": "formed"}),
        "/v2/posting/fbs/act/check-status": Reply(json={"result": {"status": "ready", "added_to_act": ["1-1-1"]}}),
        "/v2/posting/fbs/act/get-pdf": Reply(body=PDF),
        "/v2/posting/fbs/act/get-barcode/text": Reply(json={"result": "%303%9"}),
        "/v2/fbs/posting/tracking-number/set": Reply(json={"result": [{"posting_number": "1-1-1", "result": True,
                                                                       "error": []}]}),
        "/v2/fbs/posting/delivering": Reply(json={"result": [{"posting_number": "1-1-1", "result": True, "error": []}]}),
        "/v2/fbs/posting/last-mile": Reply(json={"result": [{"posting_number": "1-1-1", "result": True, "error": []}]}),
        "/v3/posting/multiboxqty/set": Reply(json={"result": {"result": True}}),
        "/v1/chat/start": Reply(json={"result": {"chat_id": "c-1"}}),
        "/v1/chat/send/message": Reply(json={"result": "success"}),
        "/v2/fbs/posting/delivered": Reply(json={"result": [{"posting_number": "1-1-1", "result": True, "error": []}]}),
        "/v2/posting/fbs/arbitration": Reply(json={"result": True}),
        "/v1/returns/list": Reply(json={"returns": [], "has_next": False}),
        "/v2/returns/rfbs/list": Reply(json={"returns": []}),
        "/v2/returns/rfbs/get": Reply(json={"returns": {"state": {"state": "new"}, "available_actions": []}}),
        "/v1/returns/rfbs/action/set": Reply(json={}),
    }


def paths_in_app() -> dict[str, list[str]]:
    """Every string constant of app/ that names an Ozon method, with where it stands."""
    found: dict[str, list[str]] = {}
    for module in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and OZON_PATH.fullmatch(node.value):
                found.setdefault(node.value, []).append(f"{module.relative_to(APP.parent)}:{node.lineno}")
    return found


def test_the_table_holds_every_row_of_ozons_list():
    assert len(RETIRED) == 19
    assert retired("/v1/delivery-method/list").use_instead == "/v2/delivery-method/list"
    assert str(retired("/v2/posting/fbs/package-label/").since) == "2026-11-02"  # a trailing slash is the same
    assert retired("/v2/fbs/posting/sent-by-seller").use_instead == ""
    assert retired("/v2/posting/fbs/package-label/get") is None and retired("/v4/posting/fbs/list") is None


def test_no_ozon_path_written_in_app_is_switched_off():
    found = paths_in_app()
    assert {"/v4/posting/fbs/ship", "/v3/posting/fbs/package-label/create"} <= set(found)  # the scan works
    bad = {path: where for path, where in found.items() if retired(path)}
    assert not bad, f"switched-off Ozon methods in app/: {bad}"


def test_every_client_method_calls_only_live_methods():
    public = {name for name, _ in inspect.getmembers(OzonClient, inspect.isfunction) if not name.startswith("_")}
    assert public == set(CALLS), "a public OzonClient method needs its line in CALLS so its paths are checked"
    requested: dict[str, set[str]] = {}
    for name, call in CALLS.items():
        with ScriptedOzon() as stub:
            for path, reply in answers(stub.url).items():
                stub.queue(path, *[reply] * 5)
            with make_client(stub.url, FakeTime()) as client:
                try:
                    call(client)
                except OzonError:
                    pass  # a path nobody answered: it was still requested, and is checked below
            requested[name] = set(stub.paths())
    assert all(requested[name] for name in CALLS if name != "close")
    called = set().union(*requested.values()) - {FILE}
    assert not {path for path in called if retired(path)}, requested
    assert called <= set(paths_in_app())  # every path the client requests is written in app/ (net 1 sees it)
    assert requested["fetch_labels"] == {"/v3/posting/fbs/package-label/create", "/v2/posting/fbs/package-label/get",
                                         FILE}


@pytest.mark.parametrize("path", sorted(RETIRED))
def test_a_retired_path_is_recognised(path):
    assert retired(path) is RETIRED[path] and OZON_PATH.fullmatch(path)
