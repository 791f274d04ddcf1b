"""The ``marks`` outbox command: one posting's complete exemplar set, from create-or-get to Ozon's verdict.

One command per set (``app.store.marks.queue_set``); its ``result.step`` says how far it got, so a
crash or a lost answer resumes at the right step:

- ``create``: create-or-get (a read: ids and needs) → build the set from the counted units → validate
  (a read: format) → mark in flight → v6 ``set`` (a mutation) → ``status``;
- ``status``: poll with a growing pause while ``validation_in_process``; ``ship_available`` with our
  codes → accepted, the waiting ship woken; ``ship_not_available`` → the posting is a problem naming
  each refused unit; codes Ozon shows that are not ours (a lost ``set``, another hand) → set again.
- a lost answer to ``set`` (or a crash in flight) leaves the command ``uncertain``: Ozon's status is
  read back first, and the set is sent again only when Ozon does not hold it (the complete set
  every time, so a second ``set`` never mixes with a first).
- ``correction`` commands (after the ship, status ``update_available``): set + ``/v1/.../update``.

Marking codes never reach a log or ``last_error``: refusals name units, masked codes and Ozon's codes.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from app.messages.problems import problem
from app.services.marks.exemplar_set import BuiltSet, Refusal, build, needs_buyer, sheet_as_json
from app.services.ozon.errors import OzonBusinessError, OzonNotFound, OzonTransportError
from app.devices.scanners.gs1 import mask
from app.services.ozon.exemplars import ExemplarNeeds, ExemplarSheet, ExemplarStatus
from app.services.sync.outbox import Command, Outcome, backoff_s
from app.statuses import CANCELLED_STATUSES, PACKABLE_STATUSES, SHIPPED_STATUSES, LocalState
from app.store import lookups
from app.store import marks as store_marks
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store.marks_models import MARKS_ACCEPTED, MARKS_REJECTED
from app.store.models import (
    OUTBOX_CONFIRMING, OUTBOX_DONE, OUTBOX_IN_FLIGHT, OUTBOX_PARKED, OUTBOX_PENDING, OUTBOX_UNCERTAIN,
)

log = logging.getLogger("packdesk.marks")

FIRST_POLL_S = 1.0
MAX_POLL_S = 60.0
SLOW_CHECK_POLLS = 8  # Ozon still checking after this many looks (minutes): say so on the command
IN_PROCESS = "validation_in_process"
SHIP_AVAILABLE = "ship_available"
SHIP_NOT_AVAILABLE = "ship_not_available"
UPDATE_AVAILABLE = "update_available"
UPDATE_NOT_AVAILABLE = "update_not_available"


class MarksFlow:
    def __init__(self, client, db, *, now: Callable[[], datetime]):
        self.client, self.db, self.now = client, db, now

    # -- the handler -------------------------------------------------------------------------
    def handle(self, command: Command) -> Outcome:
        number = command.posting_number
        with self.db.read() as session:
            posting = lookups.get_posting(session, number)
            record = store_marks.get(session, number)
            units = store_marks.units_of(session, number)
            names = {x.sku: x.name for x in posting.items} if posting is not None else {}
            local_state = posting.local_state if posting is not None else None
        fp = command.payload.get("fingerprint")
        if posting is None:
            return Outcome(OUTBOX_PARKED, "the posting is no longer in the cache")
        if local_state == LocalState.CANCELLED:
            return Outcome(OUTBOX_PARKED, "cancelled on Ozon: nothing to hand over")
        if record is None or record.fingerprint != fp or store_marks.fingerprint(units) != fp:
            return Outcome(OUTBOX_DONE, "superseded by a newer set of this posting")
        after_ship = bool(command.payload.get("correction"))
        step = (command.result or {}).get("step", "create")
        if command.state in (OUTBOX_UNCERTAIN, OUTBOX_IN_FLIGHT):
            step = "status"  # the set's answer was lost: read Ozon's side back before anything else
        if step == "create":
            return self._send(command, units, names, after_ship)
        return self._look(command, units, names, after_ship)

    # -- create-or-get, validate, set ----------------------------------------------------------
    def _send(self, command: Command, units, names: dict, after_ship: bool,
              sheet: ExemplarSheet | None = None) -> Outcome:
        number = command.posting_number
        try:  # after the ship create-or-get is closed: the ids are the ones kept then
            sheet = sheet or (self._sheet(command, units) if after_ship else self.client.exemplar_create_or_get(number))
        except OzonBusinessError as exc:
            return self._refused_state(command, exc)
        except OzonNotFound:
            return Outcome(OUTBOX_PARKED, problem("not_on_ozon"), local_state=LocalState.PROBLEM,
                           problem=problem("not_on_ozon"))
        try:
            legal = needs_buyer(sheet) and self.client.exemplar_buyer_is_legal(number)
        except OzonNotFound:
            return Outcome(OUTBOX_PARKED, problem("not_on_ozon"), local_state=LocalState.PROBLEM,
                           problem=problem("not_on_ozon"))
        built = build(sheet, units, legal_buyer=legal)
        exemplars = sheet_as_json(sheet)
        if built.refusals:
            return self._rejected(command, built.refusals, names, exemplars=exemplars, status=None)
        if not built.products:
            return self._accepted(command, "nothing to hand over", exemplars, None)
        if not after_ship:
            checks = self.client.exemplar_validate(number, built.products)
            bad = [c for c in checks if not c.valid]
            if bad:
                by_index = {(p["product_id"], i): built.units[e["exemplar_id"]]
                            for p in built.products for i, e in enumerate(p["exemplars"])}
                refusals = [self._refusal(units, by_index.get((c.sku, c.index)), c.sku, c.errors) for c in bad]
                return self._rejected(command, refusals, names, exemplars=exemplars, status=None)
        self._in_flight(command, built, exemplars)
        try:
            self.client.exemplar_set(number, built.products, multi_box_qty=sheet.multi_box_qty)
            if after_ship:
                self.client.exemplar_update(number)
        except OzonBusinessError as exc:
            return self._refused_state(command, exc)
        except OzonTransportError as exc:
            state = OUTBOX_UNCERTAIN if exc.maybe_applied else OUTBOX_PENDING
            return Outcome(state, str(exc), delay_s=backoff_s(command.attempts),
                           result={"step": "status" if exc.maybe_applied else "create",
                                   "units": _keys(built.units)})
        record = {"step": "status", "polls": 0, "units": _keys(built.units)}

        def write(session) -> None:
            row = store_marks.get(session, number)
            row.exemplars, row.ozon_status, row.updated_at = exemplars, IN_PROCESS, self.now()

        return Outcome(OUTBOX_CONFIRMING, None, delay_s=FIRST_POLL_S, result=record, write=write)

    # -- status ------------------------------------------------------------------------------
    def _look(self, command: Command, units, names: dict, after_ship: bool) -> Outcome:
        number = command.posting_number
        status = self.client.exemplar_status(number)
        ours = build(self._sheet(command, units), units)
        if not ours.products or ours.refusals:
            ours = None  # nothing of ours is known to Ozon yet
        if status.status == IN_PROCESS:
            polls = int(command.result.get("polls", 0)) + 1
            note = "Ozon is still checking the marking codes" if polls >= SLOW_CHECK_POLLS else None
            return Outcome(OUTBOX_CONFIRMING, note, delay_s=min(MAX_POLL_S, FIRST_POLL_S * 2 ** polls),
                           result={**command.result, "step": "status", "polls": polls})
        if ours is None or not _holds(status, ours):
            # Ozon holds another set (our set was lost, or never arrived): send ours again, complete
            log.info("marks %s: Ozon does not hold this set; sending it again", number)
            return self._send(command, units, names, after_ship)
        if status.status in (SHIP_AVAILABLE, UPDATE_AVAILABLE) and not _failed(status):
            return self._accepted(command, None, None, status.status)
        if status.status == UPDATE_NOT_AVAILABLE and not after_ship:
            return self._accepted(command, "shipped: Ozon takes no more changes", None, status.status)
        refusals = self._refusals(status, ours, units)
        if not refusals:  # refused with no unit named: say so rather than guess
            refusals = [Refusal(None, 0, None, 0, 0, "", (status.status,))]
        return self._rejected(command, refusals, names, exemplars=None, status=status.status)

    # -- outcomes ----------------------------------------------------------------------------
    def _accepted(self, command: Command, note: str | None, exemplars: dict | None, status: str | None) -> Outcome:
        number, fp, now = command.posting_number, command.payload.get("fingerprint"), self.now()

        def write(session) -> None:
            row = store_marks.get(session, number)
            if row is None or row.fingerprint != fp:
                return  # a newer set was queued meanwhile: it decides
            row.stage, row.accepted, row.ozon_status = MARKS_ACCEPTED, fp, status or SHIP_AVAILABLE
            row.failed, row.problem, row.updated_at = [], None, now
            if exemplars is not None:
                row.exemplars = exemplars
            store_marks.wake_ship(session, number, now)

        log.info("marks %s: accepted by Ozon (%s)", number, status or "nothing needed")
        return Outcome(OUTBOX_DONE, note, result={**(command.result or {}), "step": "done", "status": status},
                       write=write)

    def _rejected(self, command: Command, refusals: list[Refusal], names: dict, *, exemplars: dict | None,
                  status: str | None) -> Outcome:
        number, fp, now = command.posting_number, command.payload.get("fingerprint"), self.now()
        failed = [r.as_dict() | {"product": names.get(r.sku, str(r.sku))} for r in refusals]
        said = problem("marks_refused", detail="; ".join(_describe(f) for f in failed))

        def write(session) -> None:
            row = store_marks.get(session, number)
            if row is None or row.fingerprint != fp:
                return
            row.stage, row.failed, row.problem, row.updated_at = MARKS_REJECTED, failed, said, now
            row.ozon_status = status
            if exemplars is not None:
                row.exemplars = exemplars
            store_postings.set_local_state(session, number, LocalState.PROBLEM, problem=said)

        log.warning("marks %s: %s", number, said)
        return Outcome(OUTBOX_PARKED, said, result={**(command.result or {}), "step": "rejected",
                                                       "status": status}, write=write)

    def _refused_state(self, command: Command, exc: OzonBusinessError) -> Outcome:
        """Ozon refused an exemplar method: decide from the posting's status on Ozon."""
        code = exc.ozon_code or "refused"
        if code != "INVALID_POSTING_STATE" and "does not belong" not in str(exc):
            return self._rejected(command, [Refusal(None, 0, None, 0, 0, "", (code,))], {}, exemplars=None,
                                  status=None)
        posting = self.client.get_posting(command.posting_number)
        if posting.status in CANCELLED_STATUSES:
            return Outcome(OUTBOX_PARKED, "cancelled on Ozon: nothing to hand over", postings=[posting],
                           local_state=LocalState.CANCELLED)
        if posting.status in SHIPPED_STATUSES:
            return Outcome(OUTBOX_DONE, f"shipped already ({posting.status}): marks are corrected after the ship",
                           postings=[posting])
        if posting.status in PACKABLE_STATUSES and "does not belong" in str(exc):
            return Outcome(OUTBOX_PENDING, code, delay_s=backoff_s(command.attempts), result={"step": "create"})
        if posting.status in PACKABLE_STATUSES:  # e.g. a ship being processed: look again shortly
            return Outcome(OUTBOX_PENDING, code, delay_s=backoff_s(command.attempts), result={"step": "create"})
        return Outcome(OUTBOX_PARKED, f"posting is {posting.status} on Ozon", postings=[posting],
                       local_state=LocalState.PROBLEM, problem=problem("ozon_status", status=posting.status))

    # -- helpers -----------------------------------------------------------------------------
    def _in_flight(self, command: Command, built: BuiltSet, exemplars: dict) -> None:
        """Committed before ``set`` is sent: the exemplar ids and which unit has which, so a crash or a
        lost answer is read back against the very set that may have arrived."""
        number, now = command.posting_number, self.now()

        def write(session) -> None:
            row = store_marks.get(session, number)
            if row is not None:
                row.exemplars, row.updated_at = exemplars, now
            store_outbox.mark(session, command.id, OUTBOX_IN_FLIGHT, bump_attempts=True, now=now,
                              result={"step": "status", "polls": 0, "units": _keys(built.units)})

        self.db.writer.call(write)

    def _sheet(self, command: Command, units) -> ExemplarSheet:
        """create-or-get as the cache keeps it (the ids do not change): the set we sent, rebuilt."""
        with self.db.read() as session:
            record = store_marks.get(session, command.posting_number)
            kept = dict(record.exemplars or {}) if record is not None else {}
        return ExemplarSheet(command.posting_number, None, tuple(ExemplarNeeds(
            sku=int(sku), quantity=int(p["quantity"]), exemplar_ids=tuple(p["ids"]), mark_needed=p["mark"],
            jw_uin_needed=p["jw_uin"], imei_needed=p["imei"], gtd_needed=p["gtd"], rnpt_needed=p["rnpt"],
            weight_needed=p["weight"], weight_min=p["weight_min"], weight_max=p["weight_max"])
            for sku, p in kept.items()))

    def _refusals(self, status: ExemplarStatus, ours: BuiltSet, units) -> list[Refusal]:
        found = []
        for check in status.exemplars:
            codes = [c for m in check.marks if m.check_status == "failed" for c in (m.error_codes or ("failed",))]
            codes += list(check.errors)
            if codes:
                found.append(self._refusal(units, ours.units.get(check.exemplar_id), check.sku, tuple(codes)))
        return found

    @staticmethod
    def _refusal(units, unit_id: int | None, sku: int, codes) -> Refusal:
        same = [u for u in units if u.sku == sku]
        unit = next((u for u in same if u.id == unit_id), None)
        nth = same.index(unit) + 1 if unit is not None else 0
        return Refusal(unit_id, sku, unit.line_no if unit else None, nth, len(same),
                       mask(unit.mark) if unit is not None and unit.mark else "", tuple(codes))


def _keys(units: dict[int, int]) -> dict[str, int]:
    return {str(k): v for k, v in units.items()}


def _holds(status: ExemplarStatus, ours: BuiltSet) -> bool:
    """Ozon's status shows exactly the codes of our set on each of its exemplars."""
    shown = {c.exemplar_id: [m.mark for m in c.marks] for c in status.exemplars}
    return all(shown.get(exemplar_id) == codes for exemplar_id, codes in ours.marks_of().items())


def _failed(status: ExemplarStatus) -> bool:
    return any(m.check_status == "failed" for c in status.exemplars for m in c.marks) or any(
        c.errors for c in status.exemplars)


def _describe(failed: dict) -> str:
    what = failed["product"]
    if failed["nth"]:
        what += f" #{failed['nth']}/{failed['of']}"
    if failed["mark"]:
        what += f" ({failed['mark']})"
    return f"{what}: {', '.join(failed['codes'])}"
