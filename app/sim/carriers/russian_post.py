"""A loopback fake of Russian Post's Otpravka API and its single-access tracking service
(carriers-notes.md §1): orders in the backlog, the ШПИ given when an order joins a batch (14 digits
passing the real check digit), the f.7p thermal label, ``getOperationHistory`` over SOAP 1.2.

    with RussianPostFake() as fake:              # base_url, tracking_url
        fake.faults.lose["PUT /1.0/user/backlog"] = 1
        fake.add_operation("80100012000017", "2", "Вручение")

Refused like Otpravka: an unknown postcode (``ILLEGAL_INDEX_TO``), a mass over the mail type's
limit (``ILLEGAL_MASS_EXCESS``) or of 0 (``EMPTY_MASS``), a wrong token or password (HTTP 401).
"""
from __future__ import annotations

import base64
import itertools
import json
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from xml.sax.saxutils import escape

from app.sim.carriers.common import FakeServer, as_json, label_pdf

TOKEN, LOGIN, PASSWORD = "packdesk-test-token", "seller@example.ru", "packdesk-test-password"
KNOWN_POSTCODES = {"101000", "190000", "620014", "630099", "350000", "443000", "420111", "603000"}
MASS_LIMIT_G = {"ONLINE_PARCEL": 20_000, "POSTAL_PARCEL": 20_000, "EMS": 31_500}
SOAP = "http://www.w3.org/2003/05/soap-envelope"
DATA = "http://russianpost.org/operationhistory/data"
OPER = "http://russianpost.org/operationhistory"


def barcode_for(office: str, month: int, serial: int) -> str:
    """A domestic ШПИ: office index (6), month code (2), serial (5), check digit (digits 1, 3, ..., 13
    weigh 3, the others 1; check = (10 - sum mod 10) mod 10)."""
    body = f"{office}{month:02d}{serial:05d}"
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _errors(position: int, *codes: tuple[str, str]) -> dict:
    return {"errors": [{"position": position,
                        "error-codes": [{"code": c, "description": d} for c, d in codes]}]}


class RussianPostFake(FakeServer):
    def __init__(self, *, token: str = TOKEN, login: str = LOGIN, password: str = PASSWORD,
                 office: str = "101000") -> None:
        super().__init__("russian-post")
        self.token, self.login, self.password, self.office = token, login, password, office
        self.orders: dict[int, dict] = {}
        self.batches: dict[str, list[int]] = {}
        self._ids = itertools.count(780_000_001)
        self._serials = itertools.count(1)
        self._batch_names = itertools.count(1)
        self.operations: dict[str, list[tuple[str, str, str, str, str]]] = {}  # barcode -> (op id, name, iso date, attr id, attr name)

    @property
    def tracking_url(self) -> str:
        return self.base_url + "/rtm34"

    def orders_for(self, reference: str) -> list[dict]:
        with self.lock:
            return [o for o in self.orders.values() if o["order-num"] == reference]

    def add_operation(self, barcode: str, op_id: str, name: str, at: str | None = None, *,
                      attr: tuple[str, str] = ("1", "")) -> None:
        """An operation of the tracking service on ``barcode``; ``attr``: its attribute (id, name),
        e.g. ("2", "Прибыло в место вручения") with type 8."""
        with self.lock:
            self.operations.setdefault(barcode, []).append(
                (op_id, name, at or datetime.now(timezone.utc).isoformat(timespec="seconds"), *attr))

    # -- the API ------------------------------------------------------------------------------------
    def handle(self, method, path, query, headers, body):
        if path == "/rtm34":
            return self._history(body)
        basic = base64.b64encode(f"{self.login}:{self.password}".encode()).decode()
        if headers.get("Authorization") != f"AccessToken {self.token}" \
                or headers.get("X-User-Authorization") != f"Basic {basic}":
            return as_json(401, {"code": "1001", "desc": "Unauthorized: wrong token or login/password"})
        q = {k: v[0] for k, v in query.items()}
        if method == "PUT" and path == "/1.0/user/backlog":
            return self._create(json.loads(body or b"[]"))
        if method == "GET" and path == "/1.0/backlog/search":
            return as_json(200, [self._view(o) for o in self.orders.values()
                                 if o["order-num"] == q.get("query") and o["batch"] is None])
        if method == "GET" and path == "/1.0/shipment/search":
            return as_json(200, [self._view(o) for o in self.orders.values()
                                 if o["order-num"] == q.get("query") and o["batch"] is not None])
        if method == "GET" and path.startswith("/1.0/shipment/"):
            order = self.orders.get(int(path.rsplit("/", 1)[1]) if path.rsplit("/", 1)[1].isdigit() else -1)
            if order is None or order["batch"] is None:
                return as_json(404, {"code": "NOT_FOUND", "desc": "Shipment not found"})
            return as_json(200, self._view(order))
        if method == "POST" and path == "/1.0/user/shipment":
            return self._batch(json.loads(body or b"[]"), q.get("sending-date", ""))
        if method == "GET" and path.startswith("/1.0/forms/") and path.endswith("/f7pdf"):
            return self._f7(path.split("/")[3], q)
        return as_json(404, {"code": "NOT_FOUND", "desc": f"no such method {method} {path}"})

    def _view(self, order: dict) -> dict:
        view = {k: v for k, v in order.items() if k != "batch"}
        if order["batch"] is not None:
            view["batch-name"] = order["batch"]
        return view

    def _create(self, orders: list):
        ids, errors = [], []
        for position, order in enumerate(orders):
            codes = []
            if not order.get("order-num"):
                codes.append(("EMPTY_ORDER_NUM", "Не указан номер заказа"))
            elif self.orders_for(order["order-num"]):
                codes.append(("DUPLICATE_ORDER_NUM", f"Заказ с номером {order['order-num']} уже существует"))
            if str(order.get("index-to", "")) not in KNOWN_POSTCODES:
                codes.append(("ILLEGAL_INDEX_TO", f"Недопустимый индекс получателя: {order.get('index-to')}"))
            mass, limit = int(order.get("mass") or 0), MASS_LIMIT_G.get(order.get("mail-type"), 20_000)
            if mass <= 0:
                codes.append(("EMPTY_MASS", "Не указан вес отправления"))
            elif mass > limit:
                codes.append(("ILLEGAL_MASS_EXCESS", f"Превышен максимальный вес отправления: {mass} г > {limit} г"))
            if codes:
                errors.append(_errors(position, *codes)["errors"][0])
                continue
            order_id = next(self._ids)
            self.orders[order_id] = {**order, "id": order_id, "batch": None, "barcode": None}
            ids.append(order_id)
        answer = {"result-ids": ids}
        if errors:
            answer["errors"] = errors
        return as_json(200, answer)

    def _batch(self, order_ids: list, sending_date: str):
        if not sending_date:
            return as_json(400, {"code": "EMPTY_SENDING_DATE", "desc": "sending-date is required"})
        errors, moved = [], []
        for position, order_id in enumerate(order_ids):
            order = self.orders.get(int(order_id))
            if order is None:
                errors.append(_errors(position, ("NOT_FOUND", f"Заказ {order_id} не найден"))["errors"][0])
            elif order["batch"] is not None:
                errors.append(_errors(position, ("ALREADY_IN_BATCH", f"Заказ {order_id} уже в партии"))["errors"][0])
            else:
                moved.append(order)
        batches = []
        if moved:
            name = f"{sending_date.replace('-', '')[2:]}{next(self._batch_names):03d}"
            month = int(sending_date[5:7])
            for order in moved:
                order["batch"] = name
                order["barcode"] = barcode_for(self.office, month, next(self._serials))
            self.batches[name] = [o["id"] for o in moved]
            batches.append({"batch-name": name, "batch-status": "CREATED", "mail-type": moved[0].get("mail-type"),
                            "mail-category": moved[0].get("mail-category"), "list-number-date": sending_date})
        answer = {"batches": batches, "result-ids": [o["id"] for o in moved]}
        if errors:
            answer["errors"] = errors
        return as_json(200, answer)

    def _f7(self, order_id: str, q: dict):
        order = self.orders.get(int(order_id)) if order_id.isdigit() else None
        if order is None or order["batch"] is None:
            return as_json(404, {"code": "NOT_FOUND", "desc": "Заказ не найден в партиях"})
        # THERMO: a 100 x 150 mm thermal page (the layout read from the PDF, never assumed)
        width, height = (100, 150) if q.get("print-type") == "THERMO" else (148, 105)
        return 200, "application/pdf", label_pdf(order["barcode"], [
            "POCHTA ROSSII  f.7p", f"Order {order['order-num']}", f"To: {order.get('index-to')}"], width, height)

    def _history(self, body: bytes):
        root = ET.fromstring(body)
        login = root.findtext(f".//{{{DATA}}}login", "")
        password = root.findtext(f".//{{{DATA}}}password", "")
        barcode = root.findtext(f".//{{{DATA}}}Barcode", "")
        if login != self.login or password != self.password:
            fault = (f'<soap:Envelope xmlns:soap="{SOAP}"><soap:Body><soap:Fault><soap:Code><soap:Value>'
                     f'soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="ru">'
                     f'AuthorizationFault: неверный логин или пароль</soap:Text></soap:Reason></soap:Fault>'
                     f'</soap:Body></soap:Envelope>')
            return 500, "application/soap+xml; charset=utf-8", fault.encode()
        records = "".join(
            f'<ns3:historyRecord><ns3:AddressParameters><ns3:OperationAddress><ns3:Index>{self.office}</ns3:Index>'
            f'<ns3:Description>Москва {self.office}</ns3:Description></ns3:OperationAddress></ns3:AddressParameters>'
            f'<ns3:OperationParameters><ns3:OperType><ns3:Id>{escape(op)}</ns3:Id><ns3:Name>{escape(name)}</ns3:Name>'
            f'</ns3:OperType><ns3:OperAttr><ns3:Id>{escape(attr)}</ns3:Id><ns3:Name>{escape(attr_name)}</ns3:Name>'
            f'</ns3:OperAttr><ns3:OperDate>{at}</ns3:OperDate></ns3:OperationParameters></ns3:historyRecord>'
            for op, name, at, attr, attr_name in self.operations.get(barcode, []))
        answer = (f'<S:Envelope xmlns:S="{SOAP}"><S:Body><ns7:getOperationHistoryResponse xmlns:ns7="{OPER}" '
                  f'xmlns:ns3="{DATA}"><ns3:OperationHistoryData>{records}</ns3:OperationHistoryData>'
                  f'</ns7:getOperationHistoryResponse></S:Body></S:Envelope>')
        return 200, "application/soap+xml; charset=utf-8", answer.encode()
