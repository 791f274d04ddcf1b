"""The buyer's message with the tracking number, through Ozon's chat (``[tracking] buyer_message``:
off by default, or the language of the template sent; the templates are editable in Settings).

- The sync stage ``buyer_chat`` queues one ``buyer_message`` command per rFBS posting on its way with
  a tracking number (Ozon's, or the carrier's captured at the hand-over), never two for one posting.
- ``BuyerMessageSend`` starts the posting's chat (``/v1/chat/start``: the same chat when started
  again) and sends the message (``/v1/chat/send/message``) once: a lost answer is parked, never
  resent (the buyer must not get it twice).
- The 72-hour rule: the seller may write first from payment until 72 hours after delivery. Only
  parcels still on their way are messaged; Ozon's refusal of a late one is parked with its words.
- Without Premium Plus or Pro Ozon answers 403 / "not available with existing subscription": the
  feature turns itself off (``sync_state`` ``chat.off`` with Ozon's words), the seller reads one
  message (the Tracking tab, the log), and nothing is retried until the seller turns it on again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from app.services.handover.start import OWN_CARRIER
from app.services.ozon.chat import ChatUnavailable
from app.services.ozon.errors import OzonBusinessError, OzonNotFound, OzonTransportError
from app.services.sync.outbox import Command, Outcome, backoff_s, take
from app.statuses import DELIVERED, HANDED_OVER_STATUSES
from app.store import outbox as store_outbox
from app.store import sync_state
from app.store import tracking as store
from app.store.models import OUTBOX_DONE, OUTBOX_PARKED, OUTBOX_PENDING

log = logging.getLogger("packdesk.tracking.chat")

KIND = "buyer_message"
OFF_KEY = "chat.off"
AGGREGATOR = "aggregator"
ON_THE_WAY = HANDED_OVER_STATUSES - {DELIVERED}


def chat_off(db) -> str | None:
    """Ozon's words when the chat turned itself off (None: not off)."""
    with db.read() as session:
        return sync_state.get_state(session, OFF_KEY) or None


def turn_on_again(db, now: datetime) -> None:
    """The seller has the subscription now: messages go again from the next pass."""
    db.writer.call(sync_state.set_state, OFF_KEY, "", now=now)


def render(config, posting: str, tracking_number: str, carrier: str) -> str:
    template = getattr(config.tracking, f"message_{config.tracking.buyer_message}")
    try:
        text = template.format(posting=posting, tracking_number=tracking_number, carrier=carrier)
    except (KeyError, IndexError, ValueError):  # a template with unknown placeholders: sent as written
        text = template.replace("{tracking_number}", tracking_number)
    return text[:1000]


class BuyerNotify:
    """The ``buyer_chat`` stage of a sync pass."""

    def __init__(self, client, db, config, now: Callable[[], datetime]) -> None:
        self.db, self.config, self.now = db, config, now

    def __call__(self) -> int:
        if self.config.tracking.buyer_message == "off" or chat_off(self.db):
            return 0
        now, station = self.now(), self.config.station.name

        def write(session) -> int:
            due = store.to_notify(session, (OWN_CARRIER, AGGREGATOR), ON_THE_WAY, KIND)
            for row in due:
                text = render(self.config, row["posting_number"], row["tracking_number"], row["carrier"])
                store_outbox.add(session, kind=KIND, posting_number=row["posting_number"], payload={"text": text},
                                 dedupe_key=f"{KIND}:{row['posting_number']}", station=station, now=now)
            return len(due)

        return self.db.writer.call(write)


class BuyerMessageSend:
    """The ``buyer_message`` handler."""

    def __init__(self, client, db, config, now: Callable[[], datetime]) -> None:
        self.client, self.db, self.now = client, db, now

    def __call__(self, command: Command) -> Outcome:
        off = chat_off(self.db)
        if off:
            return Outcome(OUTBOX_PARKED, f"buyer messages are off: {off}")
        number, text = command.posting_number, command.payload["text"]
        try:
            chat_id = self.client.start_chat(number)
        except ChatUnavailable as exc:
            return self._off(exc)
        except (OzonBusinessError, OzonNotFound) as exc:
            return Outcome(OUTBOX_PARKED, f"Ozon refused the chat: {getattr(exc, 'ozon_code', '') or exc}")
        except OzonTransportError as exc:
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=backoff_s(command.attempts))
        take(self.db, command, self.now())
        try:
            sent = self.client.send_chat_message(chat_id, text)
        except ChatUnavailable as exc:
            return self._off(exc)
        except (OzonBusinessError, OzonNotFound) as exc:
            return Outcome(OUTBOX_PARKED, f"Ozon refused the message: {getattr(exc, 'ozon_code', '') or exc}")
        except OzonTransportError as exc:
            if exc.maybe_applied:  # it may have reached the buyer: never sent twice
                return Outcome(OUTBOX_PARKED, f"answer lost, not sent again (the buyer may have it): {exc}")
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=backoff_s(command.attempts))
        if not sent:
            return Outcome(OUTBOX_PARKED, "Ozon did not confirm the message")
        return Outcome(OUTBOX_DONE, result={"chat_id": chat_id})

    def _off(self, exc: Exception) -> Outcome:
        words = str(exc)
        now = self.now()
        log.warning("buyer messages turned off: Ozon's chat is not in this seller's subscription (%s)", words)
        return Outcome(OUTBOX_PARKED, f"buyer messages are off: {words}",
                       write=lambda session: sync_state.set_state(session, OFF_KEY, words, now=now))
