"""The carrier shipments held for a person (Qt-free): the parked ``carrier_ship`` commands a seller can
fix and send again (``app.services.carriers.retry``) — the carrier refused the parcel, or Ozon gave no
address for it. A parcel Ozon cancelled meanwhile is not among them: it is never sent.

    for shipment in held(session):       # oldest first
        shipment.posting_number, shipment.reason, shipment.message, shipment.recipient
    send_again(db, number, now)                       # Retry at the carrier (off the GUI thread)
    send_again(db, number, now, entered={"name": ..., "phone": ..., "postcode": ..., ...})
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.services.carriers.base import BAD_ADDRESS, DISPLAY_NAMES, REFUSAL_KINDS, Parcel, Recipient
from app.services.carriers.send import KIND
from app.statuses import CANCELLED_STATUSES
from app.store.models import OUTBOX_PARKED, OutboxRow, PostingRow


# the refusals of our own parcel checks (parcel.check_parcel's codes), said in the seller's words
OWN_CHECKS = {"address_incomplete": "carrier_check_address_incomplete", "postcode": "carrier_check_postcode",
              "weight_zero": "carrier_check_weight_zero", "no_items": "carrier_check_no_items"}


@dataclass(frozen=True)
class HeldShipment:
    posting_number: str
    carrier: str            # the carrier's name in the configuration ([carriers.<name>])
    carrier_shown: str      # as a seller knows it
    since: datetime         # held since (naive UTC)
    reason: str | None      # the message code of the hint (app/messages/carriers.py), None: no hint known
    message: str            # the carrier's own words (or ours, when no carrier was asked)
    recipient: Recipient    # what the shipment holds now (what Ozon gave, or a person entered)
    said: tuple[str, dict] | None = None  # our own check refused it (no carrier asked): its message code, params

    def words(self, lang: str) -> str:
        """What stopped the parcel: our check's in ``lang``, else the carrier's own words."""
        from app.messages import text

        return text(self.said[0], lang, **self.said[1]) if self.said else self.message


def _hint(kind: str | None) -> str | None:
    """The message code of what to do, by the kind of refusal (an address: entered in the window)."""
    if kind == BAD_ADDRESS:
        return "carrier_held_bad_address"
    return f"station_posting_not_packable_carrier_{kind}" if kind in REFUSAL_KINDS else None


def held(session) -> list[HeldShipment]:
    rows = session.execute(
        select(OutboxRow, PostingRow.status)
        .outerjoin(PostingRow, PostingRow.posting_number == OutboxRow.posting_number)
        .where(OutboxRow.kind == KIND, OutboxRow.state == OUTBOX_PARKED)
        .order_by(OutboxRow.updated_at, OutboxRow.id)).all()
    found = []
    for command, status in rows:
        if status in CANCELLED_STATUSES:
            continue
        result, name = command.result or {}, command.payload["carrier"]
        kind = result.get("refusal")
        parcel = Parcel.from_json(command.payload["parcel"])
        own = OWN_CHECKS.get(result.get("code") or "")
        found.append(HeldShipment(
            posting_number=command.posting_number, carrier=name, carrier_shown=DISPLAY_NAMES.get(name, name),
            since=command.updated_at,
            reason=_hint(kind),
            message=result.get("message") or command.last_error or "",
            recipient=parcel.recipient,
            said=(own, {"postcode": parcel.recipient.address.postcode, "weight": parcel.weight_g}) if own else None))
    return found


def send_again(db, posting_number: str, now: datetime, *, entered: dict | None = None) -> str:
    """``packdesk carriers retry|address`` for a window: the held shipment back in the queue (with the
    recipient and address ``entered``: name, phone, postcode, city, street[, house, flat, region]),
    written on the writer lane; call it off the GUI thread. Returns the carrier's name; RetryRefused
    says why not (app/messages/carriers.py)."""
    from app.services.carriers.retry import recipient, retry

    person = None if entered is None else recipient(**entered)
    return db.writer.call(lambda session: retry(session, posting_number, now, recipient=person))
