"""Russian Post, Otpravka API (carriers-notes.md §1): an order in the backlog (``PUT /1.0/user/backlog``,
our reference in ``order-num``), a batch for the sending date (the ШПИ appears only there), the f.7p
thermal label (``/1.0/forms/{id}/f7pdf?print-type=THERMO``); tracking by the single-access SOAP
service (``getOperationHistory``).

Every step reads before it writes: the order is looked up by ``order-num`` (backlog, then batches)
before it is created; an order is read (``GET /1.0/shipment/{id}``) before it is put into a batch.
"""
from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import datetime

import requests

from app.config_carriers import CarrierSettings
from app.services.carriers.base import (
    BAD_ADDRESS, CREDENTIALS, DELIVERED, IN_TRANSIT, INVALID, LAST_MILE, RETURNED, WEIGHT, CarrierRefused, CarrierUnavailable,
    Parcel, Shipment, TrackEvent,
)
from app.services.carriers.http import call, json_of

NAME = "russian_post"
SOAP = "http://www.w3.org/2003/05/soap-envelope"
OPER = "http://russianpost.org/operationhistory"
DATA = "http://russianpost.org/operationhistory/data"
# operation types of the tracking service: 2 = delivered (Вручение), 3 = returned (Возврат); type 8
# (Обработка) with attribute 2 (Прибыло в место вручения): at the post office that hands it over
_DELIVERED_OPS, _RETURNED_OPS, _LAST_MILE_OPS = {"2"}, {"3"}, {("8", "2")}


def stage_of(op: str, attr: str) -> str:
    """Where an operation (type, attribute) of the tracking service puts the parcel."""
    if op in _DELIVERED_OPS:
        return DELIVERED
    if op in _RETURNED_OPS:
        return RETURNED
    return LAST_MILE if (op, attr) in _LAST_MILE_OPS else IN_TRANSIT


def refusal_kind(code: str) -> str:
    code = code.upper()
    if "MASS" in code or "WEIGHT" in code:
        return WEIGHT
    if any(word in code for word in ("INDEX", "ADDRESS", "PLACE", "STREET", "HOUSE", "REGION")):
        return BAD_ADDRESS
    return INVALID


class RussianPostCarrier:
    name = NAME

    def __init__(self, settings: CarrierSettings, *, token: str | None, password: str | None,
                 now: Callable[[], datetime], session: requests.Session | None = None) -> None:
        self.settings, self._token, self._password, self.now = settings, token, password, now
        self._session = session or requests.Session()

    # -- the interface ------------------------------------------------------------------------------
    def find(self, reference: str) -> Shipment | None:
        for path in ("/1.0/backlog/search", "/1.0/shipment/search"):
            found = self._json(self._request("GET", path, mutation=False, params={"query": reference}))
            for order in found if isinstance(found, list) else []:
                if order.get("order-num") == reference:
                    return Shipment(reference, str(order["id"]), order.get("barcode") or None)
        return None

    def create(self, parcel: Parcel) -> Shipment:
        answer = self._json(self._request("PUT", "/1.0/user/backlog", mutation=True, json=[self._order(parcel)]))
        self._refusal(answer)
        return Shipment(parcel.reference, str(answer["result-ids"][0]))

    def progress(self, shipment: Shipment) -> Shipment:
        """The ШПИ: read the order; still in the backlog → into a batch for today, then read again."""
        if shipment.tracking_number:
            return shipment
        barcode = self._barcode(shipment.carrier_id)
        if barcode is None:
            answer = self._json(self._request("POST", "/1.0/user/shipment", mutation=True,
                                              params={"sending-date": self._date()}, json=[int(shipment.carrier_id)]))
            self._refusal(answer)
            barcode = self._barcode(shipment.carrier_id)
        return Shipment(shipment.reference, shipment.carrier_id, barcode, shipment.extra)

    def label(self, shipment: Shipment) -> tuple[Shipment, bytes | None]:
        response = self._request("GET", f"/1.0/forms/{shipment.carrier_id}/f7pdf", mutation=False,
                                 params={"sending-date": self._date(), "print-type": "THERMO"})
        if response.status_code == 404:
            return shipment, None
        if response.status_code != 200 or not response.content.startswith(b"%PDF"):
            raise CarrierUnavailable(f"russian_post: the f.7p label did not come (HTTP {response.status_code})",
                                     maybe_applied=False)
        return shipment, response.content

    def history(self, tracking_number: str) -> list[TrackEvent]:
        url = self.settings.options.get("tracking_url") or ""
        body = history_request(tracking_number, self.settings.login, self._password or "")
        response = call(self._session, "POST", url, mutation=False, carrier=NAME, soap=True, data=body.encode(),
                        headers={"Content-Type": "application/soap+xml; charset=utf-8"})
        return parse_history(response.content)

    # -- the order ----------------------------------------------------------------------------------
    def _order(self, parcel: Parcel) -> dict:
        r, a = parcel.recipient, parcel.recipient.address
        order = {
            "order-num": parcel.reference, "mail-type": self.settings.options.get("mail_type", "ONLINE_PARCEL"),
            "mail-category": "WITH_DECLARED_VALUE" if parcel.declared_value_kop else "ORDINARY",
            "mass": parcel.weight_g, "fragile": False,
            "dimension": {"length": parcel.length_cm, "width": parcel.width_cm, "height": parcel.height_cm},
            "recipient-name": r.name, "tel-address": int("".join(c for c in r.phone if c.isdigit()) or 0),
            "address-type-to": "DEFAULT", "mail-direct": 643, "index-to": int(a.postcode) if a.postcode.isdigit() else 0,
            "region-to": a.region or a.city, "place-to": a.city, "street-to": a.street, "house-to": a.house or "-",
            "insr-value": parcel.declared_value_kop,
        }
        if self.settings.options.get("from_postcode"):
            order["postoffice-code"] = self.settings.options["from_postcode"]
        return order

    @staticmethod
    def _refusal(answer) -> None:
        errors = answer.get("errors") if isinstance(answer, dict) else None
        if not errors:
            return
        codes = [c for e in errors for c in e.get("error-codes", [])] or [{"code": "UNKNOWN", "description": str(errors)}]
        raise CarrierRefused("; ".join(f"{c.get('description') or c.get('code')}" for c in codes),
                             kind=refusal_kind(codes[0].get("code", "")), code=codes[0].get("code", ""))

    def _barcode(self, order_id: str) -> str | None:
        response = self._request("GET", f"/1.0/shipment/{order_id}", mutation=False)
        if response.status_code == 404:
            return None
        return self._json(response).get("barcode") or None

    def _date(self) -> str:
        return self.now().date().isoformat()

    # -- plumbing -----------------------------------------------------------------------------------
    def _json(self, response: requests.Response):
        body = json_of(response, NAME)
        if response.status_code >= 400 and response.status_code != 404:
            if isinstance(body, dict) and body.get("errors"):
                self._refusal(body)
            raise CarrierRefused(f"russian_post: {body.get('desc') or body.get('message') or body}",
                                 code=str(body.get("code", response.status_code)),
                                 kind=refusal_kind(str(body.get("code", ""))))
        return body

    def _request(self, method: str, path: str, *, mutation: bool, **kwargs) -> requests.Response:
        if not self._token or not self._password or not self.settings.login:
            raise CarrierRefused("russian_post: no application token, login or password configured", kind=CREDENTIALS)
        basic = base64.b64encode(f"{self.settings.login}:{self._password}".encode()).decode()
        headers = {"Authorization": f"AccessToken {self._token}", "X-User-Authorization": f"Basic {basic}",
                   "Accept": "application/json;charset=UTF-8"}
        return call(self._session, method, self.settings.base_url + path, mutation=mutation, carrier=NAME,
                    headers=headers, **kwargs)


def history_request(barcode: str, login: str, password: str) -> str:
    """The SOAP 1.2 ``getOperationHistory`` envelope (MessageType 0: the item itself)."""
    from xml.sax.saxutils import escape
    return (f'<soap:Envelope xmlns:soap="{SOAP}" xmlns:oper="{OPER}" xmlns:data="{DATA}">'
            f'<soap:Header/><soap:Body><oper:getOperationHistory>'
            f'<data:OperationHistoryRequest><data:Barcode>{escape(barcode)}</data:Barcode>'
            f'<data:MessageType>0</data:MessageType><data:Language>RUS</data:Language></data:OperationHistoryRequest>'
            f'<data:AuthorizationHeader soap:mustUnderstand="1"><data:login>{escape(login)}</data:login>'
            f'<data:password>{escape(password)}</data:password></data:AuthorizationHeader>'
            f'</oper:getOperationHistory></soap:Body></soap:Envelope>')


def parse_history(xml: bytes) -> list[TrackEvent]:
    """``historyRecord``s of a ``getOperationHistoryResponse`` (pure); a SOAP fault about the login
    is CarrierRefused(CREDENTIALS)."""
    root = ET.fromstring(xml)
    fault = root.find(f".//{{{SOAP}}}Fault")
    if fault is not None:
        text = " ".join(t.strip() for t in fault.itertext() if t.strip())
        kind = CREDENTIALS if "auth" in text.lower() or "логин" in text.lower() else INVALID
        raise CarrierRefused(f"russian_post tracking: {text}", kind=kind)
    events = []
    for record in root.iter(f"{{{DATA}}}historyRecord"):
        params = record.find(f"{{{DATA}}}OperationParameters")
        address = record.find(f"{{{DATA}}}AddressParameters")
        oper_type = params.find(f"{{{DATA}}}OperType")
        attr = params.find(f"{{{DATA}}}OperAttr")
        op = oper_type.findtext(f"{{{DATA}}}Id", "")
        name = oper_type.findtext(f"{{{DATA}}}Name", "")
        if attr is not None and attr.findtext(f"{{{DATA}}}Name"):
            name = f"{name}: {attr.findtext(f'{{{DATA}}}Name')}"
        place = ""
        if address is not None:
            place = address.findtext(f"{{{DATA}}}OperationAddress/{{{DATA}}}Description", "")
        attr_id = attr.findtext(f"{{{DATA}}}Id", "") if attr is not None else ""
        at = datetime.fromisoformat(params.findtext(f"{{{DATA}}}OperDate", ""))
        events.append(TrackEvent(at, op, name, place, stage_of(op, attr_id)))
    return sorted(events, key=lambda e: e.at)
