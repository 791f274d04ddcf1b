"""The number of boxes of a multi-box posting (``is_multibox``), told to Ozon before its ship,
through the outbox (kind ``multibox_qty``), the way marking codes go first:

- the ship command's handler asks ``before_ship``: a multi-box posting whose number of boxes Ozon
  has not taken yet queues the ``multibox_qty`` command (same transaction) and waits, unsent;
- ``MultiboxSend`` sends ``/v3/posting/multiboxqty/set``; a lost answer is read back (the posting's
  ``multi_box_qty``) before any resend; Ozon's refusal is parked with its words, and the ship then
  stops with the posting a problem for a person (it must not go as one box by accident).

The number of boxes is Ozon's own ``multi_box_qty`` of the posting (the goods' boxes, known from the
order; a multi-box posting ships as one package whose boxes travel together).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.messages.problems import problem
from app.services.ozon.errors import OzonBusinessError, OzonNotFound, OzonTransportError
from app.services.sync.outbox import Command, Outcome, backoff_s, take
from app.statuses import LocalState
from app.store import lookups
from app.store import outbox as store_outbox
from app.store.models import OUTBOX_DONE, OUTBOX_PARKED, OUTBOX_PENDING, OUTBOX_UNCERTAIN

KIND = "multibox_qty"
WAIT_S = 2.0  # a ship waiting for the number of boxes looks again


def boxes(posting) -> int:
    return max(1, int(posting.multi_box_qty or 1))


def before_ship(db, command: Command, now: datetime) -> Outcome | None:
    """None: the ship may go (not multi-box, or Ozon has its number of boxes). Else what the ship does meanwhile."""
    number = command.posting_number
    with db.read() as session:
        posting = lookups.get_posting(session, number)
        if posting is None or not posting.is_multibox:
            return None
        mine = [row for row in store_outbox.for_posting(session, number) if row.kind == KIND]
    if not mine:
        qty = boxes(posting)
        return Outcome(OUTBOX_PENDING, f"waiting for Ozon to take the number of boxes ({qty})", delay_s=WAIT_S,
                       waiting=True, write=lambda session: store_outbox.add(
                           session, kind=KIND, posting_number=number, payload={"qty": qty},
                           dedupe_key=f"multibox:{number}", station=command.station, now=now))
    last = mine[-1]
    if last.state == OUTBOX_DONE:
        return None
    if last.state == OUTBOX_PARKED:
        return Outcome(OUTBOX_PARKED, f"Ozon refused the number of boxes: {last.last_error}",
                       local_state=LocalState.PROBLEM, problem=problem("boxes_refused", detail=last.last_error))
    return Outcome(OUTBOX_PENDING, "waiting for Ozon to take the number of boxes", delay_s=WAIT_S, waiting=True)


class MultiboxSend:
    """The ``multibox_qty`` handler."""

    def __init__(self, client, db, config, now: Callable[[], datetime]) -> None:
        self.client, self.db, self.now = client, db, now

    def __call__(self, command: Command) -> Outcome:
        number, qty = command.posting_number, int(command.payload["qty"])
        if command.state == OUTBOX_UNCERTAIN:
            posting = self.client.get_posting(number)
            if posting.multi_box_qty == qty:
                return Outcome(OUTBOX_DONE, postings=[posting])
        take(self.db, command, self.now())
        try:
            taken = self.client.set_multibox_qty(number, qty)
        except OzonTransportError as exc:
            state = OUTBOX_UNCERTAIN if exc.maybe_applied else OUTBOX_PENDING
            return Outcome(state, str(exc), delay_s=backoff_s(command.attempts))
        except (OzonBusinessError, OzonNotFound) as exc:
            return Outcome(OUTBOX_PARKED, getattr(exc, "ozon_code", "") or str(exc))
        if not taken:
            return Outcome(OUTBOX_PARKED, "Ozon answered result false")
        return Outcome(OUTBOX_DONE)
