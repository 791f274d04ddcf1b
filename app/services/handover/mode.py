"""``HandoverMode``: the bench's scanner during a hand-over (a mode of ``app.services.modes``).

Every decision runs in one writer transaction (``Txn``), writes its event-log line and commits
before it answers; the mode's state (a held error, the parcel whose carrier barcode comes next) is
the open hand-over's row, so a restart resumes it. Ozon is asked only between transactions, with the
station's short timeout: about a parcel before it is counted, about the method when a hand-over
starts. After a close commits, the sync is woken (``on_close``) and the answer waits up to
``close_wait_s`` for Ozon's carriage, approved with its act stored (or the tracking numbers taken),
to report it; what is not done by then goes on in the outbox (the Hand-over tab shows it).

Commands: ``HANDOVER[:<id>]`` starts or resumes, ``HANDOVER-CLOSE[:FORCE:<supervisor>[:<reason>]]``
closes, ``ACK`` clears a cancelled parcel's stop, ``CANCEL`` goes back to packing with the hand-over
left open; packing commands are answered ``not_now``.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime, timezone, tzinfo
from typing import Any

from app.services.handover import close as closing
from app.services.handover import results as hr
from app.services.handover import scan_out, start
from app.services.handover.txn import Txn, local_day
from app.services.ozon.errors import OzonError
from app.services.station.classify import Classified, classify
from app.services.station.remote import Lookup, Remote
from app.store import handovers as store
from app.store.models_handover import MODE_HANDOVER, MODE_PACKING, SCHEME_CARRIAGE, TRACK_ACCEPTED, TRACK_PARKED

log = logging.getLogger("packdesk.handover")

WORD_TIMEOUT_S = 2.0   # Ozon's word on a method when a hand-over starts
CLOSE_WAIT_S = 8.0     # a close waits this long for Ozon's carriage before it answers
CLOSE_POLL_S = 0.1


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def local_zone() -> tzinfo:
    return datetime.now().astimezone().tzinfo


class HandoverMode:
    name = MODE_HANDOVER
    enters = frozenset({"HANDOVER", "HANDOVER-CLOSE"})  # commands that bring a packing bench here

    def __init__(self, db, station: str, *, remote: Remote | None = None, carriage_methods: Callable | None = None,
                 packer: Callable[[], str | None] = lambda: None,
                 supervisors: Callable[[str], bool] | Iterable[str] = (), now: Callable[[], datetime] = utcnow,
                 zone: tzinfo | None = None, tracking_pattern: str | None = None,
                 close_wait_s: float = CLOSE_WAIT_S) -> None:
        """``remote``: the station's Ozon look-ups (a posting re-read before it is counted);
        ``carriage_methods(departure=, delivery_method_id=)``: Ozon's word on a method (the
        station's client's); both None: offline."""
        self.db, self.station = db, station
        self.remote, self._carriage_methods = remote, carriage_methods
        self.packer, self.now = packer, now
        self.zone = zone or local_zone()
        self.tracking_pattern = tracking_pattern or None
        self.close_wait_s = close_wait_s
        self._may_supervise = supervisors if callable(supervisors) else _member_of(supervisors)
        # who forces a close, by badge or PIN: (name, may) (bench: app.services.people.directory.confirm_override)
        self.confirm: Callable[[str], tuple[str, bool]] | None = None
        self.on_close: Callable[[], object] | None = None  # wakes the sync after a close
        self._listeners: list[Callable[[hr.HandoverResult], object]] = []
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="packdesk-handover-ozon")
        self._mode_after: str | None = None

    def listen(self, listener: Callable[[hr.HandoverResult], object]) -> None:
        """``listener(result)`` after each committed decision, on the calling thread (short)."""
        self._listeners.append(listener)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    # -- the scanner ---------------------------------------------------------------------------
    def scan(self, text: str) -> hr.HandoverResult:
        scanned = classify(text)
        if scanned.kind == "command":
            return self.command(scanned.command, *scanned.args)
        return self.parcel(scanned)

    def parcel(self, scanned: Classified) -> hr.HandoverResult:
        ask_first = self.remote is not None
        outcome = self._write(lambda t: scan_out.at_once(t, scanned, ask_first=ask_first) if t.handover
                              else _not_open(t))
        if isinstance(outcome, hr.HandoverResult):
            return outcome
        _, number = outcome
        lookup = self.remote.posting(number)
        return self._write(lambda t: scan_out.with_lookup(t, number, lookup) if t.handover else _not_open(t))

    def command(self, name: str, *args: str) -> hr.HandoverResult:
        if name == "HANDOVER":
            method = int(args[0]) if args and args[0].isdigit() else None
            return self.begin(method)
        if name == "HANDOVER-CLOSE":
            if args and args[0].upper() == "FORCE":
                return self.finish(force_by=args[1] if len(args) > 1 else "", reason=":".join(args[2:]))
            return self.finish()
        if name == "ACK":
            return self.acknowledge()
        if name == "CANCEL":
            return self.leave()
        return self.refuse(f"CMD:{name}")

    def refuse(self, what: str) -> hr.HandoverResult:
        """Something the hand-over does not take (a weight, a packing command)."""
        return self._write(lambda t: t.answer(hr.NOT_NOW, None, what=what))

    def acknowledge(self) -> hr.HandoverResult:
        def decide(t: Txn) -> hr.HandoverResult:
            h = t.handover
            if h is not None and h.error_code == hr.HANDOVER_INCOMPLETE:  # held until scanned or forced
                data = {k: v for k, v in (h.error_data or {}).items() if k != "posting"}
                t.log(hr.HANDOVER_INCOMPLETE, None, {**data, "repeated": True})
                return hr.result(hr.HANDOVER_INCOMPLETE, None, t.state(), **data)
            held = h.error_code if h is not None else None
            if h is not None:
                t.clear_error()
            return t.answer(hr.ACKNOWLEDGED, None, error=held or "", **(t.tally() if h is not None else {}))
        return self._write(decide)

    def leave(self) -> hr.HandoverResult:
        """``CMD:CANCEL``: back to packing; the hand-over stays open, ``CMD:HANDOVER`` goes on with it."""
        def decide(t: Txn) -> hr.HandoverResult:
            t.enter(MODE_PACKING)
            h = t.handover
            method = (h.delivery_method_name or str(h.delivery_method_id)) if h is not None else ""
            result = t.answer(hr.HANDOVER_LEFT, None, method=method, **(t.tally() if h is not None else {}))
            return hr.result(result.code, None, hr.IDLE, **result.data)
        return self._write(decide)

    def begin(self, method_id: int | None) -> hr.HandoverResult:
        outcome = self._write(lambda t: start.choose(t, method_id))
        if isinstance(outcome, hr.HandoverResult):
            return outcome
        _, method_id, name, integration = outcome
        word = self._word(method_id) if integration == start.OZON_LOGISTICS else {}
        return self._write(lambda t: start.create(t, method_id, name, integration, word))

    def finish(self, *, force_by: str | None = None, reason: str = "") -> hr.HandoverResult:
        may = self._may_supervise
        if force_by is not None and self.confirm is not None:  # a badge or PIN: the person's name is recorded
            force_by, allowed = self.confirm(force_by)
            may = lambda _person: allowed  # noqa: E731
        outcome = self._write(lambda t: closing.close(t, force_by=force_by, reason=reason, may_supervise=may))
        if outcome.code != hr.HANDOVER_CLOSED:
            return outcome
        if self.on_close is not None:
            try:
                self.on_close()
            except Exception:  # the commands are in the outbox: the next pass sends them
                log.exception("waking the sync after the close of hand-over %s failed", outcome.data.get("handover"))
        return self._follow(outcome)

    def status(self) -> hr.HandoverResult:
        with self.db.read() as session:
            t = self._txn(session)
            if t.handover is None:
                return hr.result(hr.STATUS, None, hr.IDLE)
            h = t.handover
            return hr.result(hr.STATUS, h.error_data.get("posting") if h.error_code else None, t.state(),
                             method=h.delivery_method_name or str(h.delivery_method_id),
                             error=h.error_code or "", **t.tally())

    def view(self) -> dict[str, Any]:
        """For the pack view: the state and held error of this bench's hand-over."""
        with self.db.read() as session:
            h = store.open_handover(session, self.station)
        if h is None:
            return {"mode": MODE_HANDOVER, "state": hr.HANDOVER, "error": None}
        return {"mode": MODE_HANDOVER, "state": hr.ERROR if h.error_code else hr.HANDOVER, "error": h.error_code,
                "error_data": dict(h.error_data or {}), "handover": h.id}

    # -- internals -----------------------------------------------------------------------------
    def _txn(self, session) -> Txn:
        return Txn(session, self.station, self.packer(), self.now(), self.zone,
                   store.open_handover(session, self.station), self.tracking_pattern)

    def mode_after(self) -> str | None:
        """The bench's mode after this mode's last decision, read or written in that decision's
        transaction, so the router needs no read of its own. Taken once: None after it was taken,
        and when the last call decided nothing (it failed, or only read)."""
        after, self._mode_after = self._mode_after, None
        return after

    def _write(self, decide: Callable[[Txn], Any]) -> Any:
        def run(session):
            t = self._txn(session)
            opened = t.handover
            outcome = decide(t)
            for handover in {id(h): h for h in (opened, t.handover) if h is not None}.values():
                store.save_mode_state(session, handover, t.now)
            # no mode written: the bench is in the mode it was (a close refused at a packing bench
            # whose hand-over is left open leaves it packing), read in this transaction
            return outcome, t.mode_after or store.get_mode(session, self.station)

        self._mode_after = None  # a decision that fails leaves the router to read the mode itself
        outcome, self._mode_after = self.db.writer.call_first(run)
        if isinstance(outcome, hr.HandoverResult):
            log.info("%s: %s %s (%s)", self.station, outcome.code, outcome.posting or "", outcome.state)
            for listener in self._listeners:
                try:
                    listener(outcome)
                except Exception:  # the decision is committed: a listener's bug must not undo it
                    log.exception("a hand-over listener failed on %s", outcome.code)
        return outcome

    def _word(self, method_id: int) -> dict[str, Any]:
        """Ozon's word on the method for today, asked with a short timeout (offline: said so)."""
        checked = self.now().isoformat()
        if self._carriage_methods is None:
            return start.ozon_word(None, checked_at=checked, detail="offline")
        day = local_day(self.now(), self.zone)
        try:
            future = self._pool.submit(self._carriage_methods, departure=day, delivery_method_id=method_id)
        except RuntimeError:
            return start.ozon_word(None, checked_at=checked, detail="offline")
        try:
            methods = future.result(timeout=WORD_TIMEOUT_S)
        except FutureTimeout:
            future.cancel()
            return start.ozon_word(None, checked_at=checked, detail="timeout")
        except OzonError as exc:
            log.info("Ozon's word on delivery method %s could not be had: %s", method_id, exc)
            return start.ozon_word(None, checked_at=checked, detail=str(exc))
        return start.ozon_word([m for m in methods if m.delivery_method_id == method_id], checked_at=checked)

    def _follow(self, closed: hr.HandoverResult) -> hr.HandoverResult:
        """Wait (bounded) for the close's commands to reach Ozon, and report what they got to."""
        handover_id = closed.data["handover"]
        deadline = time.monotonic() + self.close_wait_s
        data = dict(closed.data)
        while True:
            with self.db.read() as session:
                row = store.get(session, handover_id)
                tracking = store.tracking_of(session, handover_id)
                settled = (row.close_step in ("done", "refused") if row.scheme == SCHEME_CARRIAGE
                           else all(x.state in (TRACK_ACCEPTED, TRACK_PARKED) for x in tracking))
                if settled or time.monotonic() >= deadline:
                    data.update(carriage_id=row.carriage_id, act_pdf=row.act_pdf,
                                tracking_accepted=sum(1 for x in tracking if x.state == TRACK_ACCEPTED))
                    if row.scheme == SCHEME_CARRIAGE and row.close_step == "done":
                        data["variant"] = "carriage"
                    elif row.close_step == "refused":
                        data.update(variant="refused", close_error=row.close_error or "")
                    return hr.result(closed.code, None, closed.state, **data)
            time.sleep(CLOSE_POLL_S)


def _not_open(t: Txn) -> hr.HandoverResult:
    """No hand-over is open at this bench (any more): it packs again."""
    t.enter(MODE_PACKING)
    return t.answer(hr.HANDOVER_NOT_OPEN, None)


def _member_of(names: Iterable[str]) -> Callable[[str], bool]:
    allowed = {n.strip().casefold() for n in names if n and n.strip()}
    return lambda person: bool(person) and person.strip().casefold() in allowed
