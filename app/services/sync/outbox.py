"""Draining the outbox: each command for Ozon is sent, confirmed, or parked with its reason.

Commands are written by the station in the same transaction as the decision behind them
(``app.store.outbox.enqueue``). Here every due command goes through its handler, which
returns an ``Outcome``; the outcome is committed before the next command is looked at.

Idempotency rules (CONTRACT.md, "Durability and restarts"):
- a command is marked ``in_flight`` (committed) before it is sent; after a crash such rows
  become ``uncertain`` and are resent only after the posting has been read back from Ozon
  and still needs it;
- a lost answer (read timeout, reset, 5xx) also makes the command ``uncertain``;
- an effect that already happened (``POSTING_ALREADY_SHIPPED``) resolves the command as done;
- a command that can never succeed is ``parked`` with its reason, never retried forever.

Several sync processes may share the database (a room of benches: normally only the account's sync
leader drains, but a leader taking over overlaps the last one's pass). A command is taken by
compare-and-set on its (state, attempts): marking it ``in_flight`` bumps ``attempts``, so of two
processes holding the same snapshot only one sends it (the other is told ``CommandTaken`` and
passes it by), and an outcome is recorded only over the row as its sender left it.
"""
from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from app.messages.problems import problem
from app.services.ozon.errors import (
    OzonAuthError, OzonBusinessError, OzonError, OzonNotFound, OzonRateLimited, OzonTransportError,
)
from app.services.ozon.models import Posting, ShipPackage
from app.services.sync.mapping import item_rows, posting_row
from app.statuses import (
    CANCELLED_STATUSES, HANDED_OVER_STATUSES, PACKABLE_STATUSES, SHIPPED_STATUSES, LocalState,
)
from app.store import labels as store_labels
from app.store import marks as store_marks
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store import waves as store_waves
from app.store.models import (
    OUTBOX_CONFIRMING, OUTBOX_DONE, OUTBOX_IN_FLIGHT, OUTBOX_PARKED, OUTBOX_PENDING, OUTBOX_UNCERTAIN,
)

log = logging.getLogger("packdesk.sync.outbox")

MAX_BACKOFF_S = 300.0
CONFIRM_POLL_S = 2.0
CONFIRM_GIVE_UP = timedelta(minutes=10)
MARKS_WAIT_S = 5.0            # a ship waiting for Ozon's word on the marking codes looks again (woken sooner)
MARKS_REJECTED_WAIT_S = 60.0  # ... while the posting is a problem waiting for new codes at the bench  # an async ship that shows no effect by then is read back as uncertain


@dataclass(frozen=True)
class Command:
    """A snapshot of one outbox row, detached from any session."""

    id: int
    kind: str
    posting_number: str | None
    payload: dict
    state: str
    attempts: int
    result: dict
    updated_at: datetime
    station: str | None = None


@dataclass
class Outcome:
    state: str
    last_error: str | None = None
    delay_s: float | None = None
    result: dict | None = None
    postings: list[Posting] = field(default_factory=list)  # read back from Ozon: refresh the cache
    local_state: str | None = None  # set on the command's posting (and split children) with the outcome
    problem: str | None = None
    write: Callable[[object], None] | None = None  # more to write in the same transaction (session)
    waiting: bool = False  # held back by another command of the posting: the others may go on


class CommandTaken(Exception):
    """Another sync process took the command first (it sends it and records what came of it)."""


def take(db, command: Command, now: datetime) -> None:
    """Take the command to send it: ``in_flight``, one more attempt, committed, by compare-and-set on
    the row as ``command`` read it. CommandTaken when another process took it since. A handler
    that walks several steps in one call takes it once, before its first send (the outcome is
    recorded over the row as this take left it)."""
    taken = db.writer.call(store_outbox.mark, command.id, OUTBOX_IN_FLIGHT, bump_attempts=True,
                           expect_state=command.state, expect_attempts=command.attempts, now=now)
    if taken is None:
        raise CommandTaken(f"outbox row {command.id}")


@dataclass
class DrainStats:
    done: int = 0
    parked: int = 0
    retried: int = 0
    bugs: list[Exception] = field(default_factory=list)  # our bugs met while handling a command

    def add(self, state: str) -> None:
        if state == OUTBOX_DONE:
            self.done += 1
        elif state == OUTBOX_PARKED:
            self.parked += 1
        else:
            self.retried += 1


def backoff_s(attempts: int, rng: random.Random = random.Random()) -> float:
    """Bounded exponential backoff with full jitter."""
    return min(MAX_BACKOFF_S, rng.uniform(0.5, 1.0) * 2.0 ** min(attempts, 10))


class OutboxDrainer:
    def __init__(self, client, db, *, now: Callable[[], datetime], account: str | None = None):
        """``account``: drain only that Ozon account's commands (the client is that account's)."""
        self.client, self.db, self.now, self.account = client, db, now, account
        self.handlers: dict[str, Callable[[Command], Outcome]] = {"ship": self._ship}
        # what a ship waits for in the areas after packing (``SyncPart.before_ship``): None lets it go
        self.ship_gates: list[Callable[[Command], Outcome | None]] = []

    # --- the loop ------------------------------------------------------------------------
    def recover(self) -> int:
        """At start: commands caught in flight by a crash have an unknown outcome."""
        return self.db.writer.call(store_outbox.recover_after_crash, now=self.now())

    def drain(self, limit: int = 200) -> DrainStats:
        stats = DrainStats()
        with self.db.read() as session:
            due = [_snapshot(row) for row in store_outbox.due(session, self.now(), limit=limit,
                                                                  account=self.account)]
        busy: set[str] = set()
        for command in due:
            if command.posting_number in busy:
                continue  # keep commands of one posting in order
            try:
                outcome = self._run(command)
            except CommandTaken:
                log.info("%s %s: taken by another sync process", command.kind, command.posting_number)
                if command.posting_number:
                    busy.add(command.posting_number)
                continue
            except OzonAuthError:
                raise
            except Exception as exc:  # our bug: this command waits, the others still go out
                log.exception("%s %s: handling the command failed (a bug)", command.kind, command.posting_number)
                stats.bugs.append(exc)
                # it may have reached Ozon before the bug: read back before any resend
                outcome = Outcome(OUTBOX_UNCERTAIN, f"bug: {type(exc).__name__}: {exc}",
                                  delay_s=backoff_s(command.attempts))
            if not self._record(command, outcome):
                continue
            stats.add(outcome.state)
            if outcome.state not in (OUTBOX_DONE, OUTBOX_PARKED) and command.posting_number and not outcome.waiting:
                busy.add(command.posting_number)
        return stats

    def _run(self, command: Command) -> Outcome:
        handler = self.handlers.get(command.kind)
        if handler is None:
            return Outcome(OUTBOX_PARKED, f"unknown command kind {command.kind!r}")
        try:
            return handler(command)
        except (OzonAuthError, CommandTaken):
            raise  # auth stops the pass: nothing will work until the key is fixed
        except OzonRateLimited as exc:
            return Outcome(command.state if command.state != OUTBOX_IN_FLIGHT else OUTBOX_UNCERTAIN,
                           str(exc), delay_s=max(exc.retry_after or 0, backoff_s(command.attempts)))
        except OzonError as exc:
            # a read-back failed (network, 5xx, bad answer): try again later, keep the state
            return Outcome(command.state, str(exc), delay_s=backoff_s(command.attempts))

    def _record(self, command: Command, outcome: Outcome) -> bool:
        """Commit the outcome, unless another process moved the row on meanwhile (False)."""
        now = self.now()
        not_before = now + timedelta(seconds=outcome.delay_s) if outcome.delay_s else None
        # the row as this process left it: as read, or sent by this process (in flight, one more attempt)
        ours = {(command.state, command.attempts), (OUTBOX_IN_FLIGHT, command.attempts + 1)}

        def write(session) -> bool:
            if store_outbox.version(session, command.id) not in ours:
                return False
            for posting in outcome.postings:
                store_postings.upsert_postings(session, [posting_row(posting)],
                                               {posting.posting_number: item_rows(posting)}, now=now)
            if outcome.local_state and command.posting_number:
                numbers = [command.posting_number, *(outcome.result or {}).get("postings", [])]
                if command.payload.get("wave") and outcome.local_state == LocalState.SHIPPED:
                    # a label-first wave's parcel stays in_progress until the bench has verified it
                    store_waves.shipped_after_verify(session, numbers)
                else:
                    store_postings.set_local_state(session, numbers, outcome.local_state, problem=outcome.problem)
            if outcome.write is not None:
                outcome.write(session)
            store_outbox.mark(session, command.id, outcome.state, last_error=outcome.last_error,
                              not_before=not_before, result=outcome.result, now=now)
            if command.kind == "ship" and outcome.state == OUTBOX_DONE:
                # the shipped posting (or each child of a split) gets its Ozon label, printed at this station
                shipped = (outcome.result or {}).get("postings") or [command.posting_number]
                store_labels.ensure(session, shipped, station=command.station, now=now)
            return True

        if not self.db.writer.call(write):
            log.info("%s %s: %s meanwhile recorded by another sync process; this outcome (%s) is dropped",
                     command.kind, command.posting_number, command.state, outcome.state)
            return False
        level = logging.WARNING if outcome.state == OUTBOX_PARKED else logging.INFO
        log.log(level, "%s %s: %s -> %s%s", command.kind, command.posting_number, command.state, outcome.state,
                f" ({outcome.last_error})" if outcome.last_error else "")
        return True

    def _mark_in_flight(self, command: Command) -> None:
        take(self.db, command, self.now())

    # --- ship ----------------------------------------------------------------------------
    def _ship(self, command: Command) -> Outcome:
        number = command.posting_number
        if command.state in (OUTBOX_UNCERTAIN, OUTBOX_CONFIRMING):
            decided = self._ship_read_back(command)
            if decided is not None:
                return decided
        waiting = self._waiting(command)
        if waiting is not None:
            return waiting
        packages = [ShipPackage(products=tuple((int(sku), int(qty)) for sku, qty in package))
                    for package in command.payload["packages"]]
        self._mark_in_flight(command)
        try:
            result = self.client.ship(number, packages)
        except OzonBusinessError as exc:
            return self._ship_refused(command, exc)
        except OzonNotFound as exc:
            return Outcome(OUTBOX_PARKED, f"POSTING_NOT_FOUND: {exc}", local_state=LocalState.PROBLEM,
                           problem=problem("not_on_ozon"))
        except OzonTransportError as exc:
            if exc.maybe_applied:
                return Outcome(OUTBOX_UNCERTAIN, str(exc), delay_s=backoff_s(command.attempts))
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=backoff_s(command.attempts))
        except OzonRateLimited as exc:  # not sent
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=max(exc.retry_after or 0, 1.0))
        return Outcome(OUTBOX_CONFIRMING, None, delay_s=CONFIRM_POLL_S,
                       result={"postings": list(result.posting_numbers)})

    def _waiting(self, command: Command) -> Outcome | None:
        """What a ship waits for, unsent: its marking codes, then each area's gate. None: it may go."""
        for gate in (self._marks_first, *self.ship_gates):
            outcome = gate(command)
            if outcome is not None:
                return outcome
        return None

    def _marks_first(self, command: Command) -> Outcome | None:
        """A posting that needs exemplars ships only once Ozon said ``ship_available`` for the units it
        holds now (app.store.marks): else the ship waits, unsent, and the marks command goes on."""
        with self.db.read() as session:
            reason = store_marks.blocks_ship(session, command.posting_number)
        if reason is None:
            return None
        delay = MARKS_REJECTED_WAIT_S if reason == "marks_rejected" else MARKS_WAIT_S
        return Outcome(OUTBOX_PENDING, f"waiting for Ozon to accept the marking codes ({reason})",
                       delay_s=delay, waiting=True)

    def _ship_refused(self, command: Command, exc: OzonBusinessError) -> Outcome:
        code = exc.ozon_code or ""
        if code == "EXEMPLAR_INFO_NOT_FILLED_COMPLETELY":  # Ozon forgot the set it accepted: send it again
            number, now = command.posting_number, self.now()
            return Outcome(OUTBOX_PENDING, code, delay_s=MARKS_WAIT_S, waiting=True,
                           write=lambda session: store_marks.resend(session, number, station=command.station, now=now))
        if code == "POSTING_ALREADY_SHIPPED":
            return Outcome(OUTBOX_CONFIRMING, None, delay_s=0.0)  # read back for the children, then done
        if code == "POSTING_ALREADY_CANCELLED":
            return Outcome(OUTBOX_PARKED, "cancelled on Ozon: not shipped", local_state=LocalState.CANCELLED)
        if code in ("HAS_INCORRECT_STATUS", "TRANSITION_IS_NOT_POSSIBLE", "INVALID_POSTING_STATE"):
            return Outcome(OUTBOX_UNCERTAIN, code, delay_s=0.0)  # decide from what Ozon shows
        return Outcome(OUTBOX_PARKED, f"Ozon refused the ship: {code or exc}", local_state=LocalState.PROBLEM,
                       problem=problem("ship_refused", code=code or exc))

    def _ship_read_back(self, command: Command) -> Outcome | None:
        """Decide from the posting's state on Ozon; None means: send (again)."""
        posting = self.client.get_posting(command.posting_number)
        children = [p for p in self._children(posting)]
        status = posting.status
        result = {"postings": [p.posting_number for p in children] or list((command.result or {}).get("postings", []))}
        if status in SHIPPED_STATUSES or status in HANDED_OVER_STATUSES or (children and all(
                c.status in SHIPPED_STATUSES | HANDED_OVER_STATUSES for c in children)):
            return Outcome(OUTBOX_DONE, None, result=result, postings=[posting, *children],
                           local_state=LocalState.SHIPPED)
        if status in CANCELLED_STATUSES:
            return Outcome(OUTBOX_PARKED, "cancelled on Ozon: not shipped", postings=[posting],
                           local_state=LocalState.CANCELLED)
        if status not in PACKABLE_STATUSES:
            return Outcome(OUTBOX_PARKED, f"posting is {status} on Ozon; cannot ship", postings=[posting],
                           local_state=LocalState.PROBLEM, problem=problem("ozon_status", status=status))
        if posting.substatus == "ship_failed":
            log.warning("ship of %s failed on Ozon's side; sending again", command.posting_number)
            return None
        in_process = "ship_async_in_process" in posting.available_actions
        if in_process or (command.state == OUTBOX_CONFIRMING and self.now() - command.updated_at < CONFIRM_GIVE_UP):
            return Outcome(OUTBOX_CONFIRMING, None, delay_s=CONFIRM_POLL_S, result=command.result)
        return None  # uncertain and still awaiting packaging: the ship never took effect

    def _children(self, posting: Posting) -> list[Posting]:
        numbers = [n for n in posting.related_postings if n != posting.posting_number]
        return [self.client.get_posting(n) for n in numbers]


def _snapshot(row) -> Command:
    return Command(id=row.id, kind=row.kind, posting_number=row.posting_number, payload=dict(row.payload or {}),
                   state=row.state, attempts=row.attempts, result=dict(row.result or {}),
                   updated_at=row.updated_at, station=row.station)
