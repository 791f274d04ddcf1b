"""CDEK API v2 (carriers-notes.md §3): OAuth token (cached, refreshed on expiry or a 401), an order
(HTTP 202, then validated in the background: polled until ``cdek_number`` or INVALID), the barcode
print form (made in the background: polled, then downloaded), the order's statuses.

Our own reference is the order's ``number`` (the Ozon posting number), looked up with
``GET /orders?im_number=`` before any resend.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime

import requests

from app.config_carriers import CarrierSettings
from app.services.carriers.base import (
    BAD_ADDRESS, CREDENTIALS, DELIVERED, IN_TRANSIT, INVALID, LAST_MILE, WEIGHT, RETURNED, CarrierRefused,
    CarrierUnavailable, Parcel, Shipment, TrackEvent,
)
from app.services.carriers.http import call, json_of

NAME = "cdek"
TOKEN_MARGIN_S = 60.0  # a token this close to its end is renewed first
_DELIVERED = {"DELIVERED"}
_RETURNED = {"NOT_DELIVERED", "RETURNED", "RETURNED_TO_SENDER_CITY_WAREHOUSE"}
# CDEK's order statuses for the last mile: out with a courier ("Выдан на доставку") or waiting at
# the pickup point ("Принят на склад до востребования")
_LAST_MILE = {"TAKEN_BY_COURIER", "ACCEPTED_AT_PICK_UP_POINT"}


def stage_of(code: str) -> str:
    """Where a CDEK order status puts the parcel (``TrackEvent.stage``)."""
    if code in _DELIVERED:
        return DELIVERED
    if code in _RETURNED:
        return RETURNED
    return LAST_MILE if code in _LAST_MILE else IN_TRANSIT


def refusal_kind(code: str, message: str) -> str:
    text = f"{code} {message}".lower()
    if "weight" in text:
        return WEIGHT
    if any(word in text for word in ("address", "location", "postal", "city", "delivery_point")):
        return BAD_ADDRESS
    if "auth" in text or "token" in text:
        return CREDENTIALS
    return INVALID


class CdekCarrier:
    name = NAME

    def __init__(self, settings: CarrierSettings, *, secret: str | None, session: requests.Session | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings, self._secret, self._clock = settings, secret, clock
        self._session = session or requests.Session()
        self._token: tuple[str, float] | None = None  # (token, monotonic expiry)
        self._lock = threading.Lock()

    # -- the interface ------------------------------------------------------------------------------
    def find(self, reference: str) -> Shipment | None:
        response = self._request("GET", "/orders", mutation=False, params={"im_number": reference})
        if response.status_code == 404:
            return None
        entity = self._body(response).get("entity") or {}
        if not entity.get("uuid"):
            return None
        return Shipment(reference, entity["uuid"], entity.get("cdek_number") or None)

    def create(self, parcel: Parcel) -> Shipment:
        response = self._request("POST", "/orders", mutation=True, json=self._order(parcel))
        body = self._body(response)
        self._refusal(body)
        return Shipment(parcel.reference, body["entity"]["uuid"])

    def progress(self, shipment: Shipment) -> Shipment:
        if shipment.tracking_number:
            return shipment
        body = self._body(self._request("GET", f"/orders/{shipment.carrier_id}", mutation=False))
        self._refusal(body)
        number = (body.get("entity") or {}).get("cdek_number")
        return Shipment(shipment.reference, shipment.carrier_id, str(number) if number else None, shipment.extra)

    def label(self, shipment: Shipment) -> tuple[Shipment, bytes | None]:
        form = shipment.extra.get("print_uuid")
        if form is None:
            body = self._body(self._request("POST", "/print/barcodes", mutation=True, json={
                "orders": [{"order_uuid": shipment.carrier_id}], "copy_count": 1, "format": "A6", "lang": "RUS"}))
            self._refusal(body)
            form = body["entity"]["uuid"]
            shipment = Shipment(shipment.reference, shipment.carrier_id, shipment.tracking_number,
                                {**shipment.extra, "print_uuid": form})
        body = self._body(self._request("GET", f"/print/barcodes/{form}", mutation=False))
        entity = body.get("entity") or {}
        states = [s.get("code") for s in entity.get("statuses", [])]
        if "INVALID" in states or "REMOVED" in states:  # the form failed or its link expired: make it again
            return Shipment(shipment.reference, shipment.carrier_id, shipment.tracking_number,
                            {k: v for k, v in shipment.extra.items() if k != "print_uuid"}), None
        if not entity.get("url"):
            return shipment, None
        pdf = self._request("GET", entity["url"], mutation=False, absolute=True)
        if pdf.status_code != 200 or not pdf.content.startswith(b"%PDF"):
            raise CarrierUnavailable(f"cdek: the label PDF did not come (HTTP {pdf.status_code})", maybe_applied=False)
        return shipment, pdf.content

    def history(self, tracking_number: str) -> list[TrackEvent]:
        response = self._request("GET", "/orders", mutation=False, params={"cdek_number": tracking_number})
        if response.status_code == 404:
            return []
        events = []
        for status in (self._body(response).get("entity") or {}).get("statuses", []):
            code = status.get("code", "")
            events.append(TrackEvent(datetime.fromisoformat(status["date_time"].replace("Z", "+00:00")), code,
                                     status.get("name", ""), status.get("city", ""), stage_of(code)))
        return sorted(events, key=lambda e: e.at)

    # -- the order ----------------------------------------------------------------------------------
    def _order(self, parcel: Parcel) -> dict:
        r, a = parcel.recipient, parcel.recipient.address
        order = {
            "type": 1, "number": parcel.reference, "tariff_code": self.settings.options.get("tariff_code", 136),
            "recipient": {"name": r.name, "phones": [{"number": r.phone}], **({"email": r.email} if r.email else {})},
            "to_location": {"postal_code": a.postcode, "city": a.city, "country_code": a.country,
                            "address": ", ".join(p for p in (a.street, a.house, a.flat) if p)},
            "packages": [{"number": parcel.reference, "weight": parcel.weight_g, "length": parcel.length_cm,
                          "width": parcel.width_cm, "height": parcel.height_cm,
                          "items": [{"name": i.name, "ware_key": i.sku, "payment": {"value": 0},
                                     "cost": i.price_kop / 100, "weight": i.weight_g, "amount": i.quantity}
                                    for i in parcel.items]}],
        }
        if self.settings.options.get("shipment_point"):
            order["shipment_point"] = self.settings.options["shipment_point"]
        return order

    @staticmethod
    def _refusal(body: dict) -> None:
        for request in body.get("requests", []):
            if request.get("state") == "INVALID":
                errors = request.get("errors") or [{"code": "", "message": "the order is invalid"}]
                first = errors[0]
                raise CarrierRefused("; ".join(e.get("message", "") for e in errors),
                                     kind=refusal_kind(first.get("code", ""), first.get("message", "")),
                                     code=first.get("code", ""))

    # -- plumbing -----------------------------------------------------------------------------------
    def _body(self, response: requests.Response) -> dict:
        body = json_of(response, NAME)
        if response.status_code >= 400:
            errors = body.get("errors") or [e for r in body.get("requests", []) for e in r.get("errors", [])]
            self._refusal({"requests": [{"state": "INVALID", "errors": errors}]})
        return body

    def _request(self, method: str, path: str, *, mutation: bool, absolute: bool = False, **kwargs):
        url = path if absolute else self.settings.base_url + path
        for attempt in (1, 2):
            headers = {"Authorization": f"Bearer {self._bearer()}"}
            try:
                return call(self._session, method, url, mutation=mutation, carrier=NAME, headers=headers, **kwargs)
            except CarrierRefused as exc:
                if exc.kind != CREDENTIALS or attempt == 2:
                    raise
                self._token = None  # expired early (or revoked): a new token, once; a 401 changed nothing
        raise AssertionError("unreachable")

    def _bearer(self) -> str:
        with self._lock:
            if self._token is not None and self._clock() < self._token[1] - TOKEN_MARGIN_S:
                return self._token[0]
            if not self._secret or not self.settings.login:
                raise CarrierRefused("cdek: no account or secure password configured", kind=CREDENTIALS)
            response = call(self._session, "POST", self.settings.base_url + "/oauth/token", mutation=False,
                            carrier=NAME, data={"grant_type": "client_credentials", "client_id": self.settings.login,
                                                "client_secret": self._secret})
            body = json_of(response, NAME)
            if response.status_code != 200 or "access_token" not in body:
                raise CarrierRefused("cdek: the account or secure password was refused", kind=CREDENTIALS,
                                     code=str(response.status_code))
            self._token = (body["access_token"], self._clock() + float(body.get("expires_in", 3600)))
            return self._token[0]
