"""One HTTP call to a carrier, every failure mapped to a carrier error (never a credential in a text).

- no connection (refused, connect timeout): ``CarrierUnavailable(maybe_applied=False)``: not sent;
- a read timeout, a reset after sending, a 5xx: ``CarrierUnavailable(maybe_applied=True)`` for a
  mutation (the caller looks the shipment up before any resend), False for a read;
- 401/403: ``CarrierRefused(CREDENTIALS)``; other 4xx: ``CarrierRefused`` with the carrier's text
  (the carrier module classifies it).
"""
from __future__ import annotations

import logging

import requests

from app.services.carriers.base import CREDENTIALS, CarrierRefused, CarrierUnavailable

log = logging.getLogger("packdesk.carriers.http")

TIMEOUT = (5.0, 20.0)  # connect, read


def call(session: requests.Session, method: str, url: str, *, mutation: bool, carrier: str, soap: bool = False,
         **kwargs) -> requests.Response:
    """The response of a 2xx or 4xx other than 401/403 (the caller reads its body); ``soap``: a
    SOAP fault (HTTP 500) is an answer too."""
    try:
        response = session.request(method, url, timeout=kwargs.pop("timeout", TIMEOUT), **kwargs)
    except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
        sent = not isinstance(exc, requests.exceptions.ConnectTimeout) and not _refused(exc)
        raise CarrierUnavailable(f"{carrier}: no answer ({type(exc).__name__})",
                                 maybe_applied=mutation and sent) from None
    if response.status_code in (401, 403):
        raise CarrierRefused(f"{carrier}: credentials refused (HTTP {response.status_code})", kind=CREDENTIALS,
                             code=str(response.status_code))
    if response.status_code >= 500 and not (soap and b"Fault" in response.content):  # SOAP 1.2: a fault is a 500
        raise CarrierUnavailable(f"{carrier}: HTTP {response.status_code}", maybe_applied=mutation)
    return response


def _refused(exc: Exception) -> bool:
    """A connection that was never made (nothing was sent)."""
    text = repr(exc)
    return any(word in text for word in ("NewConnectionError", "Connection refused", "ConnectTimeout"))


def json_of(response: requests.Response, carrier: str):
    try:
        return response.json()
    except ValueError:
        raise CarrierUnavailable(f"{carrier}: an answer that is not JSON (HTTP {response.status_code})",
                                 maybe_applied=False) from None
