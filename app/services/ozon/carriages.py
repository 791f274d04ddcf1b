"""The FBS hand-over with Ozon logistics: carriages and their documents (mixed into ``OzonClient``).

    methods = ozon.carriage_methods(departure=date.today())         # /v2/carriage/delivery/list
    carriage_id = ozon.create_carriage(method_id, date.today())     # a mutation: never retried
    ozon.act_status(carriage_id); ozon.set_carriage_postings(carriage_id, numbers); ozon.approve_carriage(...)
    ozon.get_carriage(carriage_id); ozon.act_pdf(carriage_id); ozon.act_barcode_text(carriage_id)

Mutations (create, set-postings, approve, cancel) go out once: an answer that may have been lost
raises ``OzonTransportError(maybe_applied=True)`` and the caller reads the carriage back
(``carriage_methods`` of the method and day, ``get_carriage``) before any resend. The retired
``/v2/posting/fbs/act/create``, ``/v1/carriage/delivery/list`` and the digital-act methods are
never called (app.services.ozon.retired).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timezone

import requests

from .carriage_models import ActStatus, Carriage, CarriageMethod, PostingAnswer
from .parse import ParseError
from .parse_carriage import (
    parse_act_status, parse_barcode_text, parse_carriage, parse_carriage_id, parse_carriage_methods,
    parse_posting_answers,
)
from .transport import as_bad_response

CARRIAGE_LIST = "/v2/carriage/delivery/list"
CARRIAGE_CREATE = "/v1/carriage/create"
CARRIAGE_SET_POSTINGS = "/v1/carriage/set-postings"
CARRIAGE_APPROVE = "/v1/carriage/approve"
CARRIAGE_GET = "/v1/carriage/get"
CARRIAGE_CANCEL = "/v1/carriage/cancel"
ACT_STATUS = "/v2/posting/fbs/act/check-status"
ACT_PDF = "/v2/posting/fbs/act/get-pdf"
ACT_BARCODE_TEXT = "/v2/posting/fbs/act/get-barcode/text"
CARRIAGE_LIST_LIMIT = 1000
MAX_PDF_BYTES = 64 * 1024 * 1024


def departure_time(day: date) -> str:
    """A departure day as the date-time ``/v1/carriage/create`` takes (midnight UTC of that day)."""
    return datetime.combine(day, time(0), tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _pdf(path: str):
    def decode(response: requests.Response) -> bytes:
        data = response.content
        if not data.startswith(b"%PDF"):
            raise ParseError(f"not a PDF ({len(data)} bytes, {response.headers.get('Content-Type', 'no type')})")
        if len(data) > MAX_PDF_BYTES:
            raise ParseError(f"a PDF of {len(data)} bytes is more than {MAX_PDF_BYTES}")
        return data
    return decode


class CarriageMethods:
    """Mixed into ``OzonClient``: needs ``self._read``, ``self._all_pages`` and ``self._transport``."""

    def carriage_methods(self, *, departure: date | None = None,
                         delivery_method_id: int | None = None) -> list[CarriageMethod]:
        """Delivery methods with parcels for ``departure`` (Ozon: today when not given), their
        carriages and Ozon's errors; methods without postings are not listed."""
        flt: dict = {}
        if delivery_method_id is not None:
            flt["delivery_method_id"] = int(delivery_method_id)
        if departure is not None:
            flt["departure_date"] = departure.isoformat()
        body: dict = {"limit": CARRIAGE_LIST_LIMIT, **({"filter": flt} if flt else {})}
        return self._all_pages(CARRIAGE_LIST, body, parse_carriage_methods)

    def create_carriage(self, delivery_method_id: int, departure: date) -> int:
        """``/v1/carriage/create`` for one method and day (always with the method: an empty body
        lets Ozon pick the postings itself). A mutation, sent once."""
        body = {"delivery_method_id": int(delivery_method_id), "departure_date": departure_time(departure)}
        return self._mutate(CARRIAGE_CREATE, body, parse_carriage_id)

    def set_carriage_postings(self, carriage_id: int, posting_numbers: Sequence[str]) -> list[PostingAnswer]:
        """Replace a ``new`` carriage's postings (the ones left out go with a later carriage)."""
        numbers = list(dict.fromkeys(posting_numbers))
        return self._mutate(CARRIAGE_SET_POSTINGS, {"carriage_id": int(carriage_id), "posting_numbers": numbers},
                            lambda decoded: parse_posting_answers(decoded, numbers))

    def approve_carriage(self, carriage_id: int) -> None:
        self._mutate(CARRIAGE_APPROVE, {"carriage_id": int(carriage_id)}, lambda decoded: None)

    def cancel_carriage(self, carriage_id: int) -> str:
        """Cancel a carriage still ``new``; returns Ozon's error text ("" when it was cancelled)."""
        def parse(decoded) -> str:
            return str((decoded or {}).get("error") or "") if isinstance(decoded, dict) else ""
        return self._mutate(CARRIAGE_CANCEL, {"carriage_id": int(carriage_id)}, parse)

    def get_carriage(self, carriage_id: int) -> Carriage:
        return self._read(CARRIAGE_GET, {"carriage_id": int(carriage_id)}, parse_carriage)

    def act_status(self, carriage_id: int) -> ActStatus:
        return self._read(ACT_STATUS, {"id": int(carriage_id)}, parse_act_status)

    def act_pdf(self, carriage_id: int) -> bytes:
        """The shipping list and waybill (RU; act and waybill for CIS sellers) of an approved carriage."""
        try:
            return self._transport.post(ACT_PDF, {"id": int(carriage_id)}, decode=_pdf(ACT_PDF))
        except ParseError as exc:
            raise as_bad_response(ACT_PDF, exc) from None

    def act_barcode_text(self, carriage_id: int) -> str:
        """The carriage barcode's value, shown at the drop-off point or to the courier."""
        return self._read(ACT_BARCODE_TEXT, {"id": int(carriage_id)}, parse_barcode_text)

    def _mutate(self, path: str, body: dict, parse):
        decoded = self._transport.post(path, body, idempotent=False)
        try:
            return parse(decoded)
        except ParseError as exc:
            raise as_bad_response(path, str(exc), maybe_applied=True) from None
