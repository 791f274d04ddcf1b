"""After the hand-over, in the sync pass (stage ``handover``) and through the outbox.

- Ozon's word on today's departures (``/v2/carriage/delivery/list``) is kept for the Hand-over tab
  (``sync_state`` key ``handover.ozon_word``): cut-offs, carriages, Ozon's errors per method.
- Parcels Ozon has not taken in ``[handover] unscanned_after_h`` hours after their hand-over (still
  ``awaiting_deliver``, ``not_accepted``, or substatus ``posting_not_in_sort_center``) are re-read,
  and those still not taken in are flagged ``not_scanned_by_ozon``. The way forward Ozon offers is
  a dispute: ``request_arbitration`` queues ``/v2/posting/fbs/arbitration`` when the seller asks
  (the Hand-over tab's button, ``packdesk handover arbitrate``), sent by ``ArbitrationSend``.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from app.services.handover import start
from app.services.handover.txn import local_day
from app.services.ozon.errors import OzonBusinessError, OzonNotFound, OzonTransportError
from app.services.sync.mapping import item_rows, posting_row
from app.services.sync.outbox import Command, Outcome, backoff_s, take
from app.statuses import ARBITRATION, NOT_SCANNED_BY_OZON_STATUSES, SUBSTATUS_NOT_IN_SORT_CENTER
from app.store import handovers as store
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store import sync_state
from app.store.accounts import engine_account, keyed
from app.store.models import OUTBOX_DONE, OUTBOX_IN_FLIGHT, OUTBOX_PARKED, OUTBOX_PENDING, OUTBOX_UNCERTAIN
from app.store.models_handover import (
    ARBITRATION_OPENED, ARBITRATION_REFUSED, ARBITRATION_REQUESTED, FLAG_NOT_SCANNED,
)

log = logging.getLogger("packdesk.handover.afterwards")

WORD_KEY = "handover.ozon_word"
ARBITRATION_KIND = "arbitration"
LOOK_BACK = timedelta(days=14)  # hand-overs older than this are the tracking monitor's
RECHECK_LIMIT = 50              # postings re-read per pass before they are flagged


class Afterwards:
    """The ``handover`` stage of a sync pass."""

    def __init__(self, client, db, config, now: Callable[[], datetime], *, zone=None) -> None:
        from app.services.handover.mode import local_zone

        self.client, self.db, self.config, self.now = client, db, config, now
        self.zone = zone or local_zone()
        self.account = engine_account(config)  # several Ozon accounts: this client's only

    def __call__(self) -> None:
        self.pull_word()
        self.flag_unscanned()

    def pull_word(self) -> None:
        now = self.now()
        day = local_day(now, self.zone)
        methods = self.client.carriage_methods(departure=day)
        word = {"day": day.isoformat(), "checked_at": now.isoformat(), "methods": {
            str(m.delivery_method_id): {"name": m.name, **start.ozon_word([m], checked_at=now.isoformat())}
            for m in methods}}
        self.db.writer.call(sync_state.set_state, keyed(WORD_KEY, self.account), json.dumps(word, ensure_ascii=False),
                            now=now)

    def flag_unscanned(self) -> int:
        now = self.now()
        hours = self.config.handover.unscanned_after_h
        with self.db.read() as session:
            candidates = store.unscanned(session, now - timedelta(hours=hours), now - LOOK_BACK,
                                         NOT_SCANNED_BY_OZON_STATUSES, SUBSTATUS_NOT_IN_SORT_CENTER,
                                         limit=RECHECK_LIMIT, account=self.account)
        flagged = 0
        for number, handover_id, closed_at in candidates:
            try:
                posting = self.client.get_posting(number)
            except OzonNotFound:
                continue
            self.db.writer.call(store_postings.upsert_postings, [posting_row(posting)],
                                {number: item_rows(posting)}, now=now)
            if posting.status in NOT_SCANNED_BY_OZON_STATUSES or posting.substatus == SUBSTATUS_NOT_IN_SORT_CENTER:
                self.db.writer.call(store.flag_parcel, handover_id, number, FLAG_NOT_SCANNED, now)
                log.warning("parcel %s was handed over at %s and Ozon has not scanned it (%s/%s)", number,
                            closed_at, posting.status, posting.substatus)
                flagged += 1
        return flagged


def ozon_word(db) -> dict:
    """What the last pass kept of Ozon's word on today's departures ({} before the first); on a
    bench with several Ozon accounts, every account's methods together (each method is one's)."""
    with db.read() as session:
        raws = [raw for key, raw in sorted(sync_state.all_states(session).items())
                if key == WORD_KEY or key.startswith(WORD_KEY + " ")]
    word: dict = {}
    for raw in raws:
        try:
            one = json.loads(raw)
        except ValueError:
            continue
        methods = {**word.get("methods", {}), **one.get("methods", {})}
        word = {**word, **one, "methods": methods}
    return word


def request_arbitration(db, numbers: Iterable[str], *, station: str, now: datetime) -> tuple[list[str], list[str]]:
    """Queue a dispute for each flagged parcel the seller chose: (queued, not disputable here)."""
    def write(session):
        flagged_now = {row[0] for row in store.flagged(session)}
        queued, refused = [], []
        for number in dict.fromkeys(numbers):
            if number not in flagged_now:
                refused.append(number)
                continue
            store_outbox.add(session, kind=ARBITRATION_KIND, posting_number=number, payload={},
                             dedupe_key=f"arbitration:{number}", station=station, now=now)
            store.set_arbitration(session, number, ARBITRATION_REQUESTED)
            queued.append(number)
        return queued, refused

    return db.writer.call(write)


class ArbitrationSend:
    """The ``arbitration`` handler: one posting a command, read back before any resend."""

    def __init__(self, client, db, config, now: Callable[[], datetime]) -> None:
        self.client, self.db, self.now = client, db, now

    def __call__(self, command: Command) -> Outcome:
        number = command.posting_number
        if command.state == OUTBOX_UNCERTAIN:
            posting = self.client.get_posting(number)
            if posting.status == ARBITRATION:
                return self._opened(number)
        take(self.db, command, self.now())
        try:
            opened = self.client.open_arbitration([number])
        except OzonTransportError as exc:
            state = OUTBOX_UNCERTAIN if exc.maybe_applied else OUTBOX_PENDING
            return Outcome(state, str(exc), delay_s=backoff_s(command.attempts))
        except (OzonBusinessError, OzonNotFound) as exc:
            self.db.writer.call(store.set_arbitration, number, ARBITRATION_REFUSED)
            return Outcome(OUTBOX_PARKED, f"Ozon refused the dispute: {getattr(exc, 'ozon_code', '') or exc}")
        if not opened:
            self.db.writer.call(store.set_arbitration, number, ARBITRATION_REFUSED)
            return Outcome(OUTBOX_PARKED, "Ozon answered the dispute with result false")
        return self._opened(number)

    def _opened(self, number: str) -> Outcome:
        self.db.writer.call(store.set_arbitration, number, ARBITRATION_OPENED)
        return Outcome(OUTBOX_DONE)
