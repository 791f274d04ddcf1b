"""Sending a parked carrier shipment again, once a person fixed what the carrier refused (the
carrier's settings, a tariff, credentials) — ``packdesk carriers retry POSTING``.

The parked ``carrier_ship`` command goes back to ``pending`` from its first try, with what it kept
(a shipment the carrier may already hold is looked up by the posting number before any create, as
always: never two shipments); the parcel's problem is cleared (it is packed again).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.services.carriers.send import KIND
from app.statuses import LocalState
from app.store import postings as store_postings
from app.store.models import OUTBOX_PARKED, OUTBOX_PENDING, OutboxRow


class RetryRefused(ValueError):
    def __init__(self, code: str, **data) -> None:
        super().__init__(code)
        self.code, self.data = code, data


def retry(session, posting_number: str, now: datetime) -> str:
    """Put the posting's parked carrier shipment back in the queue; returns the carrier's name."""
    command = session.scalars(select(OutboxRow).where(OutboxRow.kind == KIND,
                                                      OutboxRow.posting_number == posting_number)).first()
    if command is None:
        raise RetryRefused("carrier_retry_none", posting=posting_number)
    if command.state != OUTBOX_PARKED:
        raise RetryRefused("carrier_retry_not_parked", posting=posting_number, state=command.state)
    command.state, command.attempts, command.not_before, command.last_error = OUTBOX_PENDING, 0, None, None
    command.updated_at = now
    posting = store_postings.get_posting(session, posting_number)
    if posting is not None and posting.local_state == LocalState.PROBLEM:
        store_postings.set_local_state(session, posting_number, LocalState.PACKED)
    return command.payload["carrier"]
