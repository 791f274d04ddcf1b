"""What every carrier offers the bench (Qt-free), and the failures it can report.

A carrier knows a shipment by our own reference, the Ozon posting number (Otpravka ``order-num``,
CDEK ``number``): ``find(reference)`` is asked before any resend, so a lost answer or a crash never
makes a second shipment for one parcel.

    carrier = make_carrier(settings)                      # app.services.carriers.registry
    shipment = carrier.find(parcel.reference) or carrier.create(parcel)
    shipment = carrier.progress(shipment)                 # async steps: until tracking_number is set
    shipment, pdf = carrier.label(shipment)               # pdf None while the print form is being made
    events = carrier.history(shipment.tracking_number)
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Protocol

# why a carrier refused (the hint a packer/seller reads: app/messages/carriers.py); WEIGHT: 0 g or
# over the tariff's limit
BAD_ADDRESS, WEIGHT, CREDENTIALS, INVALID = "bad_address", "weight", "credentials", "invalid"
REFUSAL_KINDS = (BAD_ADDRESS, WEIGHT, CREDENTIALS, INVALID)
# where a parcel is on the carrier's side (the Tracking tab, ``packdesk track``)
IN_TRANSIT, DELIVERED, RETURNED, STUCK = "in_transit", "delivered", "returned", "stuck"
LAST_MILE = "last_mile"  # at the buyer's door or pickup point: out with the courier, or waiting to be fetched


@dataclass(frozen=True)
class Address:
    postcode: str
    city: str
    street: str = ""
    house: str = ""
    flat: str = ""
    region: str = ""
    country: str = "RU"

    def line(self) -> str:
        parts = [self.postcode, self.region, self.city, self.street, self.house, self.flat and f"кв. {self.flat}"]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Recipient:
    name: str
    phone: str
    address: Address
    email: str = ""


@dataclass(frozen=True)
class Item:
    name: str
    sku: str
    quantity: int
    price_kop: int      # one unit's price, kopecks
    weight_g: int = 0


@dataclass(frozen=True)
class Parcel:
    """One packed posting as a carrier shipment asks for it."""

    reference: str               # the Ozon posting number: our own reference at the carrier
    weight_g: int                # from the scale
    length_cm: int
    width_cm: int
    height_cm: int
    declared_value_kop: int
    recipient: Recipient
    items: tuple[Item, ...] = ()

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Parcel":
        recipient = dict(data["recipient"])
        recipient["address"] = Address(**recipient["address"])
        return cls(**{**data, "recipient": Recipient(**recipient),
                      "items": tuple(Item(**i) for i in data.get("items", ()))})


@dataclass(frozen=True)
class Shipment:
    reference: str
    carrier_id: str                    # CDEK order uuid / Otpravka order id
    tracking_number: str | None = None  # cdek_number / ШПИ, once the carrier gave it
    extra: dict = field(default_factory=dict)  # carrier's own (print form uuid, batch name...)


@dataclass(frozen=True)
class TrackEvent:
    at: datetime
    code: str
    name: str                  # the carrier's own words
    place: str = ""
    stage: str = IN_TRANSIT    # IN_TRANSIT | LAST_MILE | DELIVERED | RETURNED


class CarrierError(Exception):
    """A carrier call failed; ``message`` is the carrier's own text (never a credential)."""


class CarrierUnavailable(CarrierError):
    """No answer (down, timeout, reset, 5xx). ``maybe_applied``: the request may have taken effect:
    look the shipment up by its reference before sending again."""

    def __init__(self, message: str, *, maybe_applied: bool) -> None:
        super().__init__(message)
        self.maybe_applied = maybe_applied


class CarrierRefused(CarrierError):
    """The carrier said no: sending the same again cannot help (a person must look)."""

    def __init__(self, message: str, *, kind: str = INVALID, code: str = "") -> None:
        super().__init__(message)
        self.kind, self.code = kind, code


PROBLEM_PREFIX = "carrier_refused"
DISPLAY_NAMES = {"russian_post": "Почта России (Russian Post)", "cdek": "СДЭК (CDEK)"}


def refusal_problem(carrier: str, kind: str, message: str) -> str:
    """The posting's ``problem`` text for a carrier refusal (read back by :func:`parse_refusal`)."""
    return f"{PROBLEM_PREFIX}:{kind}:{carrier}: {message}"


def parse_refusal(problem: str | None) -> dict | None:
    """``{"reason": "carrier_<kind>", "carrier": <display name>, "message": ...}`` for a problem
    written by :func:`refusal_problem`, else None."""
    if not problem or not problem.startswith(PROBLEM_PREFIX + ":"):
        return None
    _, kind, rest = problem.split(":", 2)
    carrier, _, message = rest.partition(": ")
    if kind not in REFUSAL_KINDS:
        kind = INVALID
    return {"reason": f"carrier_{kind}", "carrier": DISPLAY_NAMES.get(carrier, carrier), "message": message}


class Carrier(Protocol):
    name: str

    def find(self, reference: str) -> Shipment | None: ...
    def create(self, parcel: Parcel) -> Shipment: ...
    def progress(self, shipment: Shipment) -> Shipment: ...
    def label(self, shipment: Shipment) -> tuple[Shipment, bytes | None]: ...  # None: not made yet
    def history(self, tracking_number: str) -> list[TrackEvent]: ...
