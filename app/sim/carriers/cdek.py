"""A loopback fake of CDEK API v2 (carriers-notes.md §3): OAuth client credentials, orders that answer
202 and are validated in the background (WAITING → SUCCESSFUL with ``cdek_number``, or INVALID with
``v2_*`` errors), barcode print forms made in the background, order statuses.

    with CdekFake() as fake:                      # base_url: http://127.0.0.1:PORT/v2
        fake.faults.lose["POST /v2/orders"] = 1   # created, answer lost
        fake.expire_tokens()                      # every issued token now answers 401
        fake.set_status("1100000001", "DELIVERED")

Refused like CDEK: an unknown postcode (``v2_address_not_found``), a weight of 0 or over the
tariff's limit (``v2_weight_limit``), a second order with the same ``number``
(``v2_entity_already_exists``), a missing field (HTTP 400, ``v2_field_is_empty``).
"""
from __future__ import annotations

import itertools
import json
import uuid as uuidlib
from datetime import datetime, timezone
from urllib.parse import parse_qs

from app.sim.carriers.common import FakeServer, as_json, label_pdf

ACCOUNT, SECRET = "packdesk-test-account", "packdesk-test-secret"
KNOWN_POSTCODES = {"101000", "190000", "620014", "630099", "350000", "443000", "420111", "603000"}
WEIGHT_LIMIT_G = {136: 30_000, 137: 30_000, 138: 30_000, 139: 30_000}
READY_AFTER_POLLS = 1  # an order / print form shows its result on the poll after this many


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _error(code: str, message: str) -> dict:
    return {"code": code, "message": message}


class CdekFake(FakeServer):
    def __init__(self, *, account: str = ACCOUNT, secret: str = SECRET, token_ttl_s: int = 3600) -> None:
        super().__init__("cdek")
        self.account, self.secret, self.token_ttl_s = account, secret, token_ttl_s
        self.tokens: set[str] = set()
        self.orders: dict[str, dict] = {}   # uuid -> order
        self.forms: dict[str, dict] = {}    # print form uuid -> form
        self._numbers = itertools.count(1_100_000_001)
        self.tokens_issued = 0

    @property
    def base_url(self) -> str:
        return super().base_url + "/v2"

    # -- levers -------------------------------------------------------------------------------------
    def expire_tokens(self) -> None:
        with self.lock:
            self.tokens.clear()

    def set_status(self, cdek_number: str, code: str, name: str = "", city: str = "Москва") -> None:
        with self.lock:
            order = self._by("cdek_number", cdek_number)
            order["statuses"].append({"code": code, "name": name or code, "date_time": _now(), "city": city})

    def orders_for(self, reference: str) -> list[dict]:
        with self.lock:
            return [o for o in self.orders.values() if o["number"] == reference]

    # -- the API ------------------------------------------------------------------------------------
    def handle(self, method, path, query, headers, body):
        if not path.startswith("/v2/"):
            return as_json(404, {"errors": [_error("v2_not_found", "not found")]})
        path = path[3:]
        if method == "POST" and path == "/oauth/token":
            return self._token(body)
        if headers.get("Authorization", "").removeprefix("Bearer ") not in self.tokens:
            return as_json(401, {"errors": [_error("v2_token_expired", "access token is expired or invalid")]})
        if method == "POST" and path == "/orders":
            return self._create(json.loads(body or b"{}"))
        if method == "GET" and path == "/orders":
            return self._search(query)
        if method == "GET" and path.startswith("/orders/"):
            return self._order(path.split("/")[2])
        if method == "POST" and path == "/print/barcodes":
            return self._print(json.loads(body or b"{}"))
        if method == "GET" and path.startswith("/print/barcodes/"):
            return self._form(path.split("/")[3])
        return as_json(404, {"errors": [_error("v2_not_found", f"no such method {method} {path}")]})

    def _token(self, body: bytes):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if form.get("grant_type") != "client_credentials" or form.get("client_id") != self.account \
                or form.get("client_secret") != self.secret:
            return as_json(401, {"error": "invalid_client", "error_description": "Bad credentials"})
        self.tokens_issued += 1
        token = f"jwt-{uuidlib.uuid4().hex}"
        self.tokens.add(token)
        return as_json(200, {"access_token": token, "token_type": "bearer", "expires_in": self.token_ttl_s,
                             "scope": "order:all payment:all", "jti": uuidlib.uuid4().hex})

    def _create(self, order: dict):
        missing = [f for f in ("tariff_code", "recipient", "packages") if not order.get(f)]
        if order.get("type") == 1 and not order.get("number"):
            missing.append("number")
        if not (order.get("to_location") or order.get("delivery_point")):
            missing.append("to_location")
        if missing:
            return as_json(400, {"requests": [{"request_uuid": str(uuidlib.uuid4()), "type": "CREATE",
                                               "state": "INVALID", "date_time": _now(),
                                               "errors": [_error("v2_field_is_empty", f"Field is empty: {f}")
                                                          for f in missing]}]})
        if order.get("number") and self.orders_for(order["number"]):
            return as_json(400, {"requests": [{"request_uuid": str(uuidlib.uuid4()), "type": "CREATE",
                                               "state": "INVALID", "date_time": _now(), "errors": [_error(
                                                   "v2_entity_already_exists",
                                                   f"Order with number {order['number']} already exists")]}]})
        uuid = str(uuidlib.uuid4())
        self.orders[uuid] = {"uuid": uuid, "number": order.get("number", ""), "body": order, "polls": 0,
                             "state": "ACCEPTED", "errors": [], "cdek_number": None, "statuses": []}
        return as_json(202, {"entity": {"uuid": uuid}, "requests": [self._request_of(self.orders[uuid])]})

    def _validate(self, order: dict) -> None:
        """The background validation: the order becomes SUCCESSFUL or INVALID."""
        body, errors = order["body"], []
        postcode = (body.get("to_location") or {}).get("postal_code", "")
        if body.get("to_location") and postcode not in KNOWN_POSTCODES:
            errors.append(_error("v2_address_not_found", f"Не удалось определить город по индексу {postcode}"))
        limit = WEIGHT_LIMIT_G.get(body.get("tariff_code"), 30_000)
        for package in body.get("packages", []):
            weight = int(package.get("weight") or 0)
            if weight <= 0:
                errors.append(_error("v2_weight_limit", "Вес упаковки должен быть больше 0"))
            elif weight > limit:
                errors.append(_error("v2_weight_limit",
                                     f"Вес упаковки {weight} г превышает допустимый для тарифа ({limit} г)"))
        if errors:
            order["state"], order["errors"] = "INVALID", errors
        else:
            order["state"], order["cdek_number"] = "SUCCESSFUL", str(next(self._numbers))
            order["statuses"].append({"code": "CREATED", "name": "Создан", "date_time": _now(), "city": ""})

    def _request_of(self, order: dict) -> dict:
        return {"request_uuid": order["uuid"], "type": "CREATE", "state": order["state"], "date_time": _now(),
                "errors": order["errors"], "warnings": []}

    def _entity(self, order: dict) -> dict:
        entity = {"uuid": order["uuid"], "number": order["number"], "statuses": order["statuses"],
                  **{k: v for k, v in order["body"].items() if k in ("tariff_code", "recipient", "packages")}}
        if order["cdek_number"]:
            entity["cdek_number"] = order["cdek_number"]
        return entity

    def _poll(self, order: dict) -> None:
        order["polls"] += 1
        if order["state"] == "ACCEPTED":
            order["state"] = "WAITING"
        if order["state"] == "WAITING" and order["polls"] > READY_AFTER_POLLS:
            self._validate(order)

    def _order(self, uuid: str):
        order = self.orders.get(uuid)
        if order is None:
            return as_json(404, {"errors": [_error("v2_entity_not_found", f"Order {uuid} not found")]})
        self._poll(order)
        return as_json(200, {"entity": self._entity(order), "requests": [self._request_of(order)]})

    def _by(self, key: str, value: str) -> dict | None:
        return next((o for o in self.orders.values() if value and o[key] == value), None)

    def _search(self, query: dict):
        order = None
        if "im_number" in query:
            order = self._by("number", query["im_number"][0])
        elif "cdek_number" in query:
            order = self._by("cdek_number", query["cdek_number"][0])
        if order is None:
            return as_json(404, {"errors": [_error("v2_entity_not_found", "Order not found")]})
        self._poll(order)
        return as_json(200, {"entity": self._entity(order), "requests": [self._request_of(order)]})

    def _print(self, body: dict):
        orders = [self.orders.get(o.get("order_uuid", "")) or self._by("cdek_number", str(o.get("cdek_number", "")))
                  for o in body.get("orders", [])]
        if not orders or any(o is None or not o["cdek_number"] for o in orders):
            return as_json(400, {"requests": [{"state": "INVALID", "type": "CREATE", "errors": [
                _error("v2_order_not_found", "Order not found or not yet registered")]}]})
        uuid = str(uuidlib.uuid4())
        self.forms[uuid] = {"uuid": uuid, "orders": orders, "format": body.get("format", "A4"), "polls": 0}
        return as_json(202, {"entity": {"uuid": uuid}, "requests": [{"state": "ACCEPTED", "type": "CREATE"}]})

    def _form(self, rest: str):
        form = self.forms.get(rest.removesuffix(".pdf"))
        if form is None:
            return as_json(404, {"errors": [_error("v2_entity_not_found", "Print form not found")]})
        if rest.endswith(".pdf"):
            order = form["orders"][0]
            return 200, "application/pdf", label_pdf(order["cdek_number"], [
                "CDEK", f"Order {order['number']}", f"To: {order['body']['to_location'].get('postal_code', '')}"],
                105, 148)  # A6
        form["polls"] += 1
        entity = {"uuid": form["uuid"], "orders": [{"order_uuid": o["uuid"]} for o in form["orders"]],
                  "format": form["format"], "statuses": [{"code": "ACCEPTED", "date_time": _now()}]}
        if form["polls"] > READY_AFTER_POLLS:
            entity["statuses"].append({"code": "READY", "date_time": _now()})
            entity["url"] = f"{self.base_url}/print/barcodes/{form['uuid']}.pdf"
        return as_json(200, {"entity": entity})
