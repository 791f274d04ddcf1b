"""Sending a parked carrier shipment again, once a person fixed what the carrier refused (the
carrier's settings, a tariff, credentials) — ``packdesk carriers retry POSTING`` — or entered the
recipient and address Ozon does not give to an rFBS seller (``packdesk carriers address POSTING
...``: checked like any parcel before it is kept in the shipment's command, then sent).

The parked ``carrier_ship`` command goes back to ``pending`` from its first try, with what it kept
(a shipment the carrier may already hold is looked up by the posting number before any create, as
always: never two shipments); the parcel's problem is cleared (it is packed again).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

import dataclasses

from app.services.carriers.base import Address, CarrierRefused, Parcel, Recipient
from app.services.carriers.parcel import check_parcel
from app.services.carriers.send import KIND
from app.statuses import LocalState
from app.store import lookups
from app.store import postings as store_postings
from app.store.models import OUTBOX_PARKED, OUTBOX_PENDING, OutboxRow

# what the parcel checks refuse in an entered address, said in the seller's words (app/messages/carriers.py);
# any other refusal: ``carrier_address_invalid`` with the check's own words
ADDRESS_REFUSALS = {"postcode": "carrier_address_postcode", "address_incomplete": "carrier_address_incomplete"}


class RetryRefused(ValueError):
    def __init__(self, code: str, **data) -> None:
        super().__init__(code)
        self.code, self.data = code, data


def retry(session, posting_number: str, now: datetime, *, recipient: Recipient | None = None) -> str:
    """Put the posting's parked carrier shipment back in the queue (with the ``recipient`` a person
    entered, when given); returns the carrier's name."""
    command = session.scalars(select(OutboxRow).where(OutboxRow.kind == KIND,
                                                      OutboxRow.posting_number == posting_number)).first()
    if command is None:
        raise RetryRefused("carrier_retry_none", posting=posting_number)
    if command.state != OUTBOX_PARKED:
        raise RetryRefused("carrier_retry_not_parked", posting=posting_number, state=command.state)
    if recipient is not None:
        parcel = dataclasses.replace(Parcel.from_json(command.payload["parcel"]), recipient=recipient)
        try:
            check_parcel(parcel)
        except CarrierRefused as exc:
            raise RetryRefused(ADDRESS_REFUSALS.get(exc.code, "carrier_address_invalid"), posting=posting_number,
                               detail=str(exc), postcode=recipient.address.postcode) from None
        command.payload = {**command.payload, "parcel": parcel.to_json(), "entered": True}
    command.state, command.attempts, command.not_before, command.last_error = OUTBOX_PENDING, 0, None, None
    command.updated_at = now
    posting = lookups.get_posting(session, posting_number)
    if posting is not None and posting.local_state == LocalState.PROBLEM:
        store_postings.set_local_state(session, posting_number, LocalState.PACKED)
    return command.payload["carrier"]


def recipient(name: str, phone: str, postcode: str, city: str, street: str, house: str = "", flat: str = "",
              region: str = "") -> Recipient:
    return Recipient(name.strip(), phone.strip(), Address(postcode.strip(), city.strip(), street.strip(), house.strip(),
                                                          flat.strip(), region.strip()))

