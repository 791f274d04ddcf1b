"""The last steps of an rFBS parcel with the seller's own (non-integrated) carrier, asked for from
the Tracking tab or ``packdesk track`` and sent through the outbox (kind ``delivery_step``, one
command a posting and step):

- ``last-mile``: the courier is on the way to the buyer (``/v2/fbs/posting/last-mile``);
- ``delivered``: the buyer has it, conditionally delivered (``/v2/fbs/posting/delivered``).

Both are asynchronous on Ozon's side: the answer only queues the change, so the command stays
``confirming`` and re-reads the posting (``/v3/posting/fbs/get``) until the change shows; one with
no effect after ``CONFIRM_GIVE_UP`` is asked again (Ozon takes a repeat). A lost answer is read back
before any resend. Ozon's refusals (``TRANSITION_IS_NOT_POSSIBLE``: wrong order;
``HAS_INCORRECT_TPL_INTEGRATION_TYPE``: an integrated carrier moves it by itself) are parked with
the reason, never retried.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from app.messages import text
from app.messages.statuses import status_word
from app.services.ozon.errors import OzonBusinessError, OzonNotFound, OzonTransportError
from app.services.sync.outbox import Command, Outcome, backoff_s, take
from app.services.handover.start import OWN_CARRIER
from app.statuses import DELIVERED, DELIVERING, SUBSTATUS_LAST_MILE
from app.store import lookups
from app.store import outbox as store_outbox
from app.store.models import OUTBOX_CONFIRMING, OUTBOX_DONE, OUTBOX_PARKED, OUTBOX_PENDING, OUTBOX_UNCERTAIN

KIND = "delivery_step"
LAST_MILE, DELIVERED_STEP = "last-mile", "delivered"
STEPS = (LAST_MILE, DELIVERED_STEP)
CONFIRM_POLL_S = 2.0
CONFIRM_GIVE_UP = timedelta(minutes=10)


def done_on_ozon(step: str, status: str, substatus: str | None) -> bool:
    """Whether Ozon shows the step's effect (or a later one)."""
    if step == LAST_MILE:
        return status == DELIVERED or (status == DELIVERING and substatus == SUBSTATUS_LAST_MILE)
    return status == DELIVERED


def request_step(db, numbers: Iterable[str], step: str, *, station: str,
                 now: datetime) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Queue ``step`` for each posting that can take it as far as the cache knows: (queued,
    [(posting, refusal code, Ozon status)]); codes ``track_step_unknown``, ``track_step_integrated``,
    ``track_step_not_delivering``, ``track_step_done``."""
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}")

    def write(session):
        queued, refused = [], []
        for number in dict.fromkeys(numbers):
            posting = lookups.get_posting(session, number)
            if posting is None:
                refused.append((number, "track_step_unknown", ""))
            elif posting.tpl_integration_type != OWN_CARRIER:
                refused.append((number, "track_step_integrated", posting.status))
            elif done_on_ozon(step, posting.status, posting.substatus):
                refused.append((number, "track_step_done", posting.status))
            elif posting.status != DELIVERING:
                refused.append((number, "track_step_not_delivering", posting.status))
            else:
                store_outbox.add(session, kind=KIND, posting_number=number, payload={"step": step},
                                 dedupe_key=f"{step}:{number}", station=station, now=now)
                queued.append(number)
        return queued, refused

    return db.writer.call(write)


def refusal_text(refusal: tuple[str, str, str], lang: str) -> str:
    """One of ``request_step``'s refusals as the seller reads it: Ozon's status in their words."""
    number, code, status = refusal
    return text(code, lang, posting=number, status=status_word(status, lang))  # a code it does not know: as it is


class DeliveryStepSend:
    """The ``delivery_step`` handler."""

    def __init__(self, client, db, config, now: Callable[[], datetime]) -> None:
        self.client, self.db, self.now = client, db, now

    def __call__(self, command: Command) -> Outcome:
        number, step = command.posting_number, command.payload.get("step")
        sent_at = command.result.get("sent_at")
        if command.state in (OUTBOX_UNCERTAIN, OUTBOX_CONFIRMING):
            try:
                posting = self.client.get_posting(number)
            except OzonNotFound:
                return Outcome(OUTBOX_PARKED, "Ozon does not know this posting")
            if done_on_ozon(step, posting.status, posting.substatus):
                return Outcome(OUTBOX_DONE, result={"confirmed_at": self.now().isoformat()}, postings=[posting])
            if command.state == OUTBOX_CONFIRMING and sent_at and (
                    self.now() - datetime.fromisoformat(sent_at) < CONFIRM_GIVE_UP):
                return Outcome(OUTBOX_CONFIRMING, f"waiting for Ozon to show {step}", delay_s=CONFIRM_POLL_S,
                               result=command.result, postings=[posting])
        take(self.db, command, self.now())
        send = self.client.mark_last_mile if step == LAST_MILE else self.client.mark_delivered
        try:
            (answer,) = send([number])
        except OzonTransportError as exc:
            state = OUTBOX_UNCERTAIN if exc.maybe_applied else OUTBOX_PENDING
            return Outcome(state, str(exc), delay_s=backoff_s(command.attempts))
        except (OzonBusinessError, OzonNotFound) as exc:
            return Outcome(OUTBOX_PARKED, f"Ozon refused {step}: {getattr(exc, 'ozon_code', '') or exc}")
        if not answer.ok:
            return Outcome(OUTBOX_PARKED, f"Ozon refused {step}: {answer.error}")
        return Outcome(OUTBOX_CONFIRMING, f"waiting for Ozon to show {step}", delay_s=CONFIRM_POLL_S,
                       result={"sent_at": self.now().isoformat()})
