"""Tracking numbers of an rFBS hand-over (the seller's own carrier) to Ozon, through the outbox
(``tracking_send``: one command per batch of at most 20).

Each batch goes through three steps, each confirmed before the next:

1. ``/v2/fbs/posting/tracking-number/set``: every posting's answer on its own (a 200 can hide item
   errors); accepted numbers are ``accepted``, refused ones ``parked`` with Ozon's reason
   (``HAS_INCORRECT_TPL_INTEGRATION_TYPE``...), never sent again. A lost answer: each posting is
   re-read (``/v3/posting/fbs/get``) and only the numbers Ozon does not show are sent again;
2. ``/v2/fbs/posting/delivering`` for the accepted ones (the carrier took the parcels). Refusals
   (``TRANSITION_IS_NOT_POSSIBLE``: wrong order; an integrated carrier) end ``refused``, never retried;
3. ``delivering`` is asynchronous: each posting is re-read until Ozon shows it ``delivering``
   (``confirmed``); one that shows no effect for ``CONFIRM_GIVE_UP`` is asked again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from app.services.ozon.errors import OzonBusinessError, OzonNotFound, OzonTransportError
from app.services.sync.mapping import item_rows, posting_row
from app.services.sync.outbox import Command, Outcome, backoff_s, take
from app.statuses import CANCELLED_STATUSES, HANDED_OVER_STATUSES
from app.store import handovers as store
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store.models import (
    OUTBOX_CONFIRMING, OUTBOX_DONE, OUTBOX_IN_FLIGHT, OUTBOX_PARKED, OUTBOX_PENDING, OUTBOX_UNCERTAIN,
)
from app.store.models_handover import (
    DELIVERING_CONFIRMED, DELIVERING_REFUSED, DELIVERING_REQUESTED, TRACK_ACCEPTED, TRACK_PARKED, TRACK_QUEUED,
)

log = logging.getLogger("packdesk.handover.tracking")

SENDING = "sending"  # delivering sent, its answer not recorded yet (read back before a resend)
CONFIRM_POLL_S = 2.0
CONFIRM_GIVE_UP = timedelta(minutes=10)
MOVED_ON = HANDED_OVER_STATUSES  # delivering, or further along


class TrackingSend:
    """The ``tracking_send`` handler."""

    def __init__(self, client, db, config, now: Callable[[], datetime]) -> None:
        self.client, self.db, self.config, self.now = client, db, config, now

    def __call__(self, command: Command) -> Outcome:
        self._taken: int | None = None  # taken by this call (``_in_flight``)
        ids = [int(i) for i in command.payload.get("tracking", [])]
        # numbers only (``deliver`` False): a carrier's number sent when its shipment is made, at
        # packing; ``delivering`` waits for the hand-over
        deliver = command.payload.get("deliver", True)
        waiting = (self._numbers(command, ids)
                   or (self._delivering(command, ids) or self._confirm(command, ids) if deliver else None))
        if waiting is not None:
            return waiting
        rows = self._rows(ids)
        refused = [f"{r.posting_number}: {r.error}" for r in rows
                   if r.state == TRACK_PARKED or r.delivering == DELIVERING_REFUSED]
        if refused:
            return Outcome(OUTBOX_PARKED, "Ozon refused: " + "; ".join(refused))
        return Outcome(OUTBOX_DONE, result={"accepted": [r.posting_number for r in rows]})

    # -- 1. the numbers ------------------------------------------------------------------------------
    def _numbers(self, command: Command, ids: list[int]) -> Outcome | None:
        queued = [r for r in self._rows(ids) if r.state == TRACK_QUEUED]
        for row in [r for r in queued if r.sent_at is not None]:  # it may have reached Ozon: read back
            posting = self._read(row.posting_number)
            if posting is None:
                self._set([row.id], state=TRACK_PARKED, error="Ozon does not know this posting")
            elif (posting.tracking_number or "").upper() == row.tracking_number.upper():
                self._set([row.id], state=TRACK_ACCEPTED, accepted_at=self.now())
            elif posting.status in CANCELLED_STATUSES:
                self._set([row.id], state=TRACK_PARKED, error=f"cancelled on Ozon ({posting.status})")
        queued = [r for r in self._rows(ids) if r.state == TRACK_QUEUED]
        if not queued:
            return None
        self._set([r.id for r in queued], sent_at=self.now())  # the intent, before the call
        self._in_flight(command)
        try:
            answers = self.client.set_tracking_numbers([(r.posting_number, r.tracking_number) for r in queued])
        except OzonTransportError as exc:
            if exc.maybe_applied:
                return Outcome(OUTBOX_UNCERTAIN, str(exc), delay_s=backoff_s(command.attempts))
            self._set([r.id for r in queued], sent_at=None)
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=backoff_s(command.attempts))
        except (OzonBusinessError, OzonNotFound) as exc:  # the whole batch refused: never sent again
            self._set([r.id for r in queued], state=TRACK_PARKED, error=getattr(exc, "ozon_code", "") or str(exc))
            return None
        by_number = {a.posting_number: a for a in answers}
        for row in queued:
            answer = by_number[row.posting_number]
            if answer.ok:
                self._set([row.id], state=TRACK_ACCEPTED, accepted_at=self.now(), error=None)
            else:
                log.warning("Ozon refused tracking number %s of %s: %s", row.tracking_number, row.posting_number,
                            answer.error)
                self._set([row.id], state=TRACK_PARKED, error=answer.error)
        return None

    # -- 2. delivering --------------------------------------------------------------------------------
    def _delivering(self, command: Command, ids: list[int]) -> Outcome | None:
        for row in [r for r in self._rows(ids) if r.delivering == SENDING]:
            posting = self._read(row.posting_number)
            if posting is not None and posting.status in MOVED_ON:
                self._set([row.id], delivering=DELIVERING_CONFIRMED, delivering_at=self.now())
            else:
                self._set([row.id], delivering=None)  # no effect shows: sent again (Ozon takes a repeat)
        due = [r for r in self._rows(ids) if r.state == TRACK_ACCEPTED and r.delivering is None]
        if not due:
            return None
        self._set([r.id for r in due], delivering=SENDING, delivering_at=self.now())
        self._in_flight(command)
        try:
            answers = self.client.mark_delivering([r.posting_number for r in due])
        except OzonTransportError as exc:
            if exc.maybe_applied:
                return Outcome(OUTBOX_UNCERTAIN, str(exc), delay_s=backoff_s(command.attempts))
            self._set([r.id for r in due], delivering=None)
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=backoff_s(command.attempts))
        except (OzonBusinessError, OzonNotFound) as exc:
            self._set([r.id for r in due], delivering=DELIVERING_REFUSED,
                      error=f"delivering: {getattr(exc, 'ozon_code', '') or exc}")
            return None
        by_number = {a.posting_number: a for a in answers}
        for row in due:
            answer = by_number[row.posting_number]
            if answer.ok:
                self._set([row.id], delivering=DELIVERING_REQUESTED, delivering_at=self.now())
            else:
                log.warning("Ozon refused delivering for %s: %s", row.posting_number, answer.error)
                self._set([row.id], delivering=DELIVERING_REFUSED, error=f"delivering: {answer.error}")
        return None

    # -- 3. confirm (asynchronous on Ozon's side) ----------------------------------------------------
    def _confirm(self, command: Command, ids: list[int]) -> Outcome | None:
        waiting = False
        for row in [r for r in self._rows(ids) if r.delivering in (DELIVERING_REQUESTED, SENDING)]:
            posting = self._read(row.posting_number)
            if posting is not None and posting.status in MOVED_ON:
                self._set([row.id], delivering=DELIVERING_CONFIRMED, delivering_at=self.now())
            elif posting is None or posting.status in CANCELLED_STATUSES:
                self._set([row.id], delivering=DELIVERING_REFUSED,
                          error=f"delivering: {'unknown to Ozon' if posting is None else posting.status}")
            elif row.delivering_at is not None and self.now() - row.delivering_at > CONFIRM_GIVE_UP:
                self._set([row.id], delivering=None)  # no effect: asked again on the next run
                waiting = True
            else:
                waiting = True
        if waiting:
            return Outcome(OUTBOX_CONFIRMING, "waiting for Ozon to show the parcels delivering",
                           delay_s=CONFIRM_POLL_S)
        return None

    # -- plumbing -------------------------------------------------------------------------------------
    def _rows(self, ids: list[int]):
        with self.db.read() as session:
            return store.tracking_rows(session, ids)

    def _set(self, ids: list[int], **values) -> None:
        self.db.writer.call(store.change_tracking, ids, self.now(), **values)

    def _read(self, number: str):
        """The posting as Ozon has it now (and into the cache); None when Ozon does not know it."""
        try:
            posting = self.client.get_posting(number)
        except OzonNotFound:
            return None
        now = self.now()
        self.db.writer.call(store_postings.upsert_postings, [posting_row(posting)],
                            {posting.posting_number: item_rows(posting)}, now=now)
        return posting

    def _in_flight(self, command: Command) -> None:
        """Before each send: the command is taken (in flight, committed) once per call, by
        compare-and-set, so the drain records the outcome over the row as this call left it."""
        if self._taken != command.id:
            take(self.db, command, self.now())
            self._taken = command.id
