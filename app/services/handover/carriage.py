"""The close of an FBS hand-over with Ozon logistics, through the outbox (``handover_close``).

One command per hand-over walks the carriage's steps; each step's outcome is recorded on the
hand-over before the next is taken, so a crash or a lost answer resumes where it stopped:

1. create: ``/v1/carriage/create`` (method and departure day). The intent is written first
   (``sent_step`` with the carriages the method already had that day); after a lost answer the
   method's carriages are read back (``/v2/carriage/delivery/list``) and a new one is taken as ours
   — a carriage is never created twice for one hand-over;
2. check: ``/v2/posting/fbs/act/check-status``: what Ozon put in the act and left out, against what
   was scanned (``reconcile``);
3. trim: ``/v1/carriage/set-postings`` to the parcels physically there (RU sellers, carriage still
   ``new``); refused (CIS seller, not ``new``) → a note for a person, the close goes on;
4. approve: ``/v1/carriage/approve`` (refused as already done when it was: read back);
5. confirm: ``/v1/carriage/get`` until it is formed;
6. documents: the act (``/v2/posting/fbs/act/get-pdf``, stored under the data dir, printed on
   ``[devices] document_printer``) and the carriage barcode's text (``get-barcode/text``).

Ozon refusing for good (``POSTING_NOT_FOUND``, ``package_time_not_passed``...): the step is
``refused`` with Ozon's words, the command parked; the Hand-over tab shows it with a hint.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from app.services.handover import documents, reconcile
from app.services.ozon.errors import OzonBusinessError, OzonNotFound, OzonTransportError
from app.services.sync.outbox import Command, Outcome, backoff_s, take
from app.store import handovers as store
from app.store import outbox as store_outbox
from app.store.models import (
    OUTBOX_CONFIRMING, OUTBOX_DONE, OUTBOX_IN_FLIGHT, OUTBOX_PARKED, OUTBOX_PENDING, OUTBOX_UNCERTAIN,
)
from app.store.models_handover import PARCEL_SCANNED

log = logging.getLogger("packdesk.handover.carriage")

CONFIRM_POLL_S = 2.0
CONFIRM_GIVE_UP = timedelta(minutes=10)  # an approval that shows no effect by then is sent again
DOCUMENTS_RETRY_S = 5.0
FORMED = ("formed", "received", "sended", "closed")  # approved, or further along
CARRIAGE_CANCELLED = "cancelled"
RETRY_LATER = ("posting_statuses_not_ready", "not_registered")  # Ozon: try again in minutes
NOT_TRIMMABLE = ("Incorrect_carriage_status", "INCORRECT_E_WAYBILL_STATUS")


class CarriageClose:
    """The ``handover_close`` handler (one per sync engine)."""

    def __init__(self, client, db, config, now: Callable[[], datetime], *, printer=None) -> None:
        self.client, self.db, self.config, self.now = client, db, config, now
        self._printer = printer

    @property
    def printer(self):
        """The document printer, opened when the first act is printed (not with every sync engine)."""
        if self._printer is None:
            self._printer = documents.document_printer(self.config)
        return self._printer

    def __call__(self, command: Command) -> Outcome:
        self._taken: int | None = None  # taken by this call (``_in_flight``)
        handover_id = int(command.payload["handover"])
        while True:
            with self.db.read() as session:
                h = store.get(session, handover_id)
                if h is None:
                    return Outcome(OUTBOX_PARKED, f"hand-over {handover_id} is not in the cache")
                scanned = store.numbers_in(session, handover_id, (PARCEL_SCANNED,))
            step = h.close_step or "create"
            if step == "done":
                return Outcome(OUTBOX_DONE, result={"carriage_id": h.carriage_id, "act_pdf": h.act_pdf})
            if step == "refused":
                return Outcome(OUTBOX_PARKED, h.close_error or "Ozon refused the carriage")
            outcome = getattr(self, f"_{step}")(command, h, scanned)
            if outcome is not None:
                return outcome

    # -- the steps: each returns None to go on with the next, or the command's outcome --------------
    def _create(self, command: Command, h, scanned: list[str]) -> Outcome | None:
        if h.sent_step == "create":  # a create may have reached Ozon: read back before any resend
            ours = self._read_back_created(h)
            if ours is not None:
                log.info("hand-over %s: carriage %s found after a lost answer", h.id, ours)
                self._record(h.id, close_step="check", carriage_id=ours, sent_step=None, sent_at=None)
                return None
        known = [c.id for m in self.client.carriage_methods(departure=h.departure_date,
                                                            delivery_method_id=h.delivery_method_id)
                 for c in m.carriages if c.id]
        self._record(h.id, sent_step="create", sent_at=self.now(), known_carriages=known)  # the intent, first
        self._in_flight(command)
        try:
            carriage_id = self.client.create_carriage(h.delivery_method_id, h.departure_date)
        except OzonTransportError as exc:
            if exc.maybe_applied:
                return Outcome(OUTBOX_UNCERTAIN, str(exc), delay_s=backoff_s(command.attempts))
            self._record(h.id, sent_step=None, sent_at=None)
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=backoff_s(command.attempts))
        except (OzonBusinessError, OzonNotFound) as exc:
            self._record(h.id, sent_step=None, sent_at=None)
            return self._refused(command, h, "create", exc)
        self._record(h.id, close_step="check", carriage_id=carriage_id, carriage_status="new", sent_step=None,
                     sent_at=None)
        log.info("hand-over %s: carriage %s created", h.id, carriage_id)
        return None

    def _read_back_created(self, h) -> int | None:
        """A carriage of the method and day that was not there before our create: ours."""
        known = set(h.known_carriages or [])
        found = [c.id for m in self.client.carriage_methods(departure=h.departure_date,
                                                            delivery_method_id=h.delivery_method_id)
                 if m.delivery_method_id == h.delivery_method_id for c in m.carriages
                 if c.id and c.id not in known and c.status != CARRIAGE_CANCELLED]
        return max(found) if found else None

    def _check(self, command: Command, h, scanned: list[str]) -> Outcome | None:
        act = self.client.act_status(h.carriage_id)
        plan = reconcile.compare(scanned, act.added_to_act, act.removed_from_act)
        self._record(h.id, close_step="trim" if plan.trim else "approve", added_by_ozon=list(plan.not_here),
                     removed_by_ozon=list(plan.left_out))
        if plan.left_out:
            log.warning("hand-over %s: Ozon left scanned parcels out of carriage %s: %s", h.id, h.carriage_id,
                        ", ".join(plan.left_out))
        return None

    def _trim(self, command: Command, h, scanned: list[str]) -> Outcome | None:
        if h.sent_step == "trim":  # set-postings may have reached Ozon: is the act as we want it?
            act = self.client.act_status(h.carriage_id)
            if not reconcile.compare(scanned, act.added_to_act, act.removed_from_act).trim:
                self._record(h.id, close_step="approve", sent_step=None, sent_at=None)
                return None
        keep = reconcile.compare(scanned, *self._act(h)).keep
        self._record(h.id, sent_step="trim", sent_at=self.now())
        self._in_flight(command)
        try:
            answers = self.client.set_carriage_postings(h.carriage_id, keep)
        except OzonTransportError as exc:
            if exc.maybe_applied:
                return Outcome(OUTBOX_UNCERTAIN, str(exc), delay_s=backoff_s(command.attempts))
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=backoff_s(command.attempts))
        except OzonBusinessError as exc:  # not new any more, a CIS seller...: a person must look
            note = f"set-postings refused: {exc.ozon_code}: parcels not here stay in the carriage: " \
                   f"{', '.join(h.added_by_ozon or [])}"
            self._record(h.id, close_step="approve", sent_step=None, sent_at=None,
                         close_notes=[*(h.close_notes or []), note])
            log.warning("hand-over %s: %s", h.id, note)
            return None
        refused = [f"{a.posting_number}: {a.error}" for a in answers if not a.ok]
        notes = [*(h.close_notes or []), *([f"set-postings: {'; '.join(refused)}"] if refused else [])]
        self._record(h.id, close_step="approve", sent_step=None, sent_at=None, close_notes=notes)
        return None

    def _act(self, h) -> tuple[tuple[str, ...], tuple[str, ...]]:
        act = self.client.act_status(h.carriage_id)
        return act.added_to_act, act.removed_from_act

    def _approve(self, command: Command, h, scanned: list[str]) -> Outcome | None:
        if h.sent_step == "approve":
            carriage = self.client.get_carriage(h.carriage_id)
            if carriage.status in FORMED:
                self._record(h.id, close_step="documents", carriage_status=carriage.status, approved_at=self.now(),
                             sent_step=None, sent_at=None)
                return None
        self._record(h.id, sent_step="approve", sent_at=self.now())
        self._in_flight(command)
        try:
            self.client.approve_carriage(h.carriage_id)
        except OzonTransportError as exc:
            if exc.maybe_applied:
                return Outcome(OUTBOX_UNCERTAIN, str(exc), delay_s=backoff_s(command.attempts))
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=backoff_s(command.attempts))
        except OzonBusinessError as exc:
            carriage = self.client.get_carriage(h.carriage_id)  # approved already (a resend)? then fine
            if carriage.status in FORMED:
                self._record(h.id, close_step="documents", carriage_status=carriage.status, approved_at=self.now(),
                             sent_step=None, sent_at=None)
                return None
            self._record(h.id, sent_step=None, sent_at=None)
            return self._refused(command, h, "approve", exc)
        self._record(h.id, close_step="confirm", sent_step=None, sent_at=self.now())  # when Ozon took it
        return None

    def _confirm(self, command: Command, h, scanned: list[str]) -> Outcome | None:
        carriage = self.client.get_carriage(h.carriage_id)
        if carriage.status in FORMED:
            self._record(h.id, close_step="documents", carriage_status=carriage.status, approved_at=self.now())
            return None
        if carriage.status == "new" and (h.sent_at is None or self.now() - h.sent_at > CONFIRM_GIVE_UP):
            self._record(h.id, close_step="approve", carriage_status=carriage.status)  # it never took: again
            return None
        self._record(h.id, carriage_status=carriage.status)
        return Outcome(OUTBOX_CONFIRMING, f"carriage {h.carriage_id} is {carriage.status}", delay_s=CONFIRM_POLL_S)

    def _documents(self, command: Command, h, scanned: list[str]) -> Outcome | None:
        try:
            pdf = self.client.act_pdf(h.carriage_id)
            barcode = self.client.act_barcode_text(h.carriage_id)
        except OzonBusinessError as exc:  # not made yet: a little later
            return Outcome(command.state, f"documents not ready: {exc.ozon_code}", delay_s=DOCUMENTS_RETRY_S)
        path = documents.store_act(self.config.data_dir, h.carriage_id, pdf)
        printed = documents.print_act(self.printer, self.config.data_dir, path)
        self._record(h.id, close_step="done", act_pdf=path, barcode_text=barcode, documents_at=self.now(),
                     act_printed=printed)
        log.info("hand-over %s: carriage %s approved, act stored in %s (%s)", h.id, h.carriage_id, path, printed)
        return None

    # -- recording ---------------------------------------------------------------------------------
    def _record(self, handover_id: int, **values) -> None:
        self.db.writer.call(store.change, handover_id, self.now(), **values)

    def _in_flight(self, command: Command) -> None:
        """Before each send: the command is taken (in flight, committed) once per call, by
        compare-and-set, so the drain records the outcome over the row as this call left it."""
        if self._taken != command.id:
            take(self.db, command, self.now())
            self._taken = command.id

    def _refused(self, command: Command, h, step: str, exc: Exception) -> Outcome:
        code = getattr(exc, "ozon_code", "") or ""
        if code in RETRY_LATER:
            return Outcome(OUTBOX_PENDING, f"{step}: {code}", delay_s=max(60.0, backoff_s(command.attempts)))
        said = _ozon_words(exc)
        self._record(h.id, close_step="refused", close_error=said)
        log.warning("hand-over %s: Ozon refused the %s: %s", h.id, step, said)
        return Outcome(OUTBOX_PARKED, f"Ozon refused the carriage {step}: {said}")


def _ozon_words(exc: Exception) -> str:
    """Ozon's own message (verbatim), without our prefix."""
    text = str(exc)
    marker = "): "
    return text.split(marker, 1)[1] if marker in text else text
