"""``Station``: one packing bench — scan → verify → weigh → pack — kept in the database.

One instance per bench (the GUI's and ``packdesk replay``'s are the same class). Its state lives
in the ``stations`` table, so a new process resumes where the last one stopped. Every public method
decides in one writer transaction, writes an event-log line, commits, and only then returns a
``StationResult``. Calls come from one thread (the GUI's station thread, the replay loop); Ozon
is asked about a posting off that thread, with a short timeout (``Remote``). Where that thread can
be come back to (``later``, the GUI), a posting the cache holds as packable opens at once and
Ozon's re-read is checked when it arrives: the packer never waits on the network to start.

Scans: a posting number or Ozon label barcode opens (claims) the posting; an item barcode counts
a unit (idle: opens the packable posting with the earliest deadline that holds it); a marking
code counts a unit of a marked product; command barcodes ``CMD:…`` (``classify.COMMANDS``); the
QR of the station's own order label (``PDK:<posting>``) matches a parcel on the verify-first
shelf with its printed Ozon label (``shelf``).

Meeting Ozon's label delay: verify-first (default) packs and ships, and with
``order_label = "on_pack"`` queues the own order label in the pack transaction (printed by the
print path, ``on_order_label`` is called after the commit to wake it); a label-first wave's parcel
(``app.services.waves``) is shipped already, so its weight is recorded with no network step.

The decisions live in ``flows`` (open, count, weigh, pack, short, teach), ``codes`` (what a
scanned code means), ``commands`` (the command barcodes), ``shelf`` and ``wave_bench``; ``state``
and ``units`` read and write the cache with statements built once; ``opening`` asks Ozon between
transactions about a posting to open. Here: routing, and the transaction around each decision.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any

from app.config import SETTINGS
from app.devices.scanners.gs1 import mask
from app.services.people import directory, sign_in
from app.services.station import codes, commands, flows, mark_fix, shelf
from app.services.station import results as r
from app.services.station import state as s
from app.services.station.classify import classify
from app.services.station.opening import Opening
from app.services.station.remote import Remote

log = logging.getLogger("packdesk.station")

ORDER_LABEL_CHOICES = SETTINGS["station.order_label"].choices  # "never", "on_pack"
IDLE_SIGN_OUT_S = SETTINGS["station.idle_sign_out_min"].default * 60


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Station(Opening):
    def __init__(self, db, name: str, *, packer: str | None = None, remote: Remote | None = None,
                 tolerance_pct: float = 10.0, allowance_g: float = 0.0,
                 supervisors: Callable[[str], bool] | Iterable[str] = (),
                 now: Callable[[], datetime] = utcnow, order_label: str = "never",
                 on_order_label: Callable[[str], object] | None = None,
                 idle_sign_out_s: float = IDLE_SIGN_OUT_S) -> None:
        """``idle_sign_out_s``: the person signed in is signed out after this long without a decision
        (``app.services.people.sign_in``). ``order_label``: "never" or "on_pack" (``StationSettings.order_label``);
        ``on_order_label(posting)``: called after a pack commit that queued the own order label
        (e.g. ``PrintWorker.print_due`` or ``SyncService.wake``), on the calling thread: it must
        only hand the work over."""
        if order_label not in ORDER_LABEL_CHOICES:
            raise ValueError(f"order_label must be one of {ORDER_LABEL_CHOICES}, not {order_label!r}")
        self.db, self.name, self.packer = db, name, packer
        self.remote = remote
        self.order_label, self.on_order_label = order_label, on_order_label
        self.tolerance_pct, self.allowance_g = tolerance_pct, allowance_g
        self._may_supervise = supervisors if callable(supervisors) else _member_of(supervisors)
        self.now = now
        self.idle_sign_out_s = idle_sign_out_s
        self._listeners: list[tuple[Callable[[r.StationResult], object], bool]] = []  # (listener, after the answer)
        # view(session, row): what a screen shows after a decision, read in the decision's own
        # transaction once it is decided, with the station's row as written (one transaction
        # instead of a second read at every scan); take it with ``take_view()``. None: nobody wants one.
        self.view: Callable[[Any, s.StationState], dict] | None = None
        self._view: dict | None = None
        # later(step): run ``step`` some time later on the thread that calls the station and show
        # the StationResult it returns, if any (the GUI's station worker). With it, a posting the
        # cache holds as packable opens at once and Ozon's re-read is checked when it arrives (a
        # cancellation then stops the packer); without it (replay), an open waits for Ozon's word.
        self.later: Callable[[Callable[[], r.StationResult | None]], object] | None = None
        # follow_up(step): run ``step`` once the decision's answer has been shown, on the thread that
        # calls the station (the GUI's station worker: just after the window's repaint, so the work a
        # decision sets off (the evidence video, Ozon's re-read) does not compete with the packer's
        # screen for the two cores and the interpreter). None: at once (replay).
        self.follow_up: Callable[[Callable[[], object]], object] | None = None
        self.account_names: dict[str, str] = {}  # several Ozon accounts: Client-Id -> the name screens show

    @classmethod
    def from_config(cls, db, config, *, remote: Remote | None = None, packer: str | None = None,
                    **kw: Any) -> Station:
        st = config.station
        kw.setdefault("order_label", getattr(st, "order_label", "never"))
        kw.setdefault("idle_sign_out_s", getattr(st, "idle_sign_out_min", IDLE_SIGN_OUT_S / 60) * 60)
        return cls(db, st.name, packer=packer, remote=remote, tolerance_pct=st.weight_tolerance_pct,
                   allowance_g=st.packaging_allowance_g,
                   supervisors=kw.pop("supervisors", getattr(st, "supervisors", ())), **kw)

    def close(self) -> None:
        if self.remote is not None:
            self.remote.close()

    def listen(self, listener: Callable[[r.StationResult], object], *, after_answer: bool = False) -> None:
        """Call ``listener(result)`` after each decision is committed, on the calling thread:
        it must be short and only hand things on (the bench's assembly uses it, e.g. for the
        demo's parcel on a ``sim://`` scale). ``after_answer``: what the answer need not wait for
        (the evidence follower) runs through ``follow_up``, in the order of the decisions.
        A listener that raises is logged and passed over."""
        self._listeners.append((listener, after_answer))

    # -- the scanner -------------------------------------------------------------------------
    def scan(self, text: str) -> r.StationResult:
        scanned = classify(text)
        if scanned.kind == "bad":
            return self._write(lambda t: codes.bad(t, scanned))
        if scanned.kind == "command":
            return self.command(scanned.command, *scanned.args)
        if scanned.kind == "posting":
            return self._open_by_code(scanned.text, via="number")
        if scanned.kind == "own_label":
            return self._write(lambda t: shelf.match(t, scanned.text))
        if scanned.kind == "mark":
            if scanned.problem:
                return self._write(lambda t: flows.refused(
                    t, r.MARKING_INVALID, t.row.open_posting, reason=scanned.notes.get("reason", "format"),
                    problem=scanned.problem, mark=mask(scanned.text), expects=mark_fix.expected_sku(t)))
            return self._item(scanned.text, scanned.mark.barcodes(), mark=scanned.mark)
        return self._code(scanned)

    def command(self, name: str, *args: str) -> r.StationResult:
        """A command barcode (``CMD:NAME[:ARG...]``) or the same from a button."""
        if name == "LOGIN":
            credential = args[0] if args else ""
            return self.sign_in(credential, via="pin" if credential.isdigit() else "badge")
        if name == "LOGOUT":
            return self.sign_out()
        if name == "ACK":
            return self.acknowledge()
        if name == "PARK":
            return self.park()
        if name == "NEXT-BOX":
            return self.next_box()
        if name == "CANCEL":
            return self.release()
        if name == "SHORT":
            return self.short(":".join(args))
        if name == "OVERRIDE-WEIGHT":
            return self.override_weight(args[0] if args else "")
        if name == "TEACH":
            line = int(args[1]) if len(args) > 1 and args[1].isdigit() else None
            return self.teach(None, line, args[0] if args else "")
        raise ValueError(f"unknown station command {name!r}")

    # -- the scale ---------------------------------------------------------------------------
    def weigh(self, grams: float, *, stable: bool = True) -> r.StationResult:
        """A scale reading. Moving readings are ignored; a stable one is checked once every unit is
        verified: accepted → packed and ship queued (one transaction); mismatch → re-weigh or override."""
        if not stable:
            return self._write(lambda t: flows.refused(t, r.WEIGHT_UNSTABLE, t.row.open_posting, measured_g=grams))
        number = self._open_number() if self.remote is not None else None  # offline: nobody to ask
        lookup = self._ask(number) if number else None
        return self._after_pack(self._write(lambda t: flows.weigh(
            t, float(grams), lookup, tolerance_pct=self.tolerance_pct, allowance_g=self.allowance_g,
            own_label=self.order_label == "on_pack")))

    def expected_weight_g(self, number: str | None = None) -> float | None:
        """The catalogue weight of a posting (default: the open one) plus the packaging allowance,
        as the weight check expects it; None when a product has no weight or nothing is open."""
        number = number or self._open_number()
        if number is None:
            return None
        with self.db.read() as session:
            return flows.expected_g(session, s.get_posting(session, number), self.allowance_g)[0]

    def override_weight(self, by: str) -> r.StationResult:
        """A supervisor accepts the weight held as a mismatch; ``by``: their badge or PIN (a bench
        without people: a name of ``[station] supervisors``)."""
        confirm = self._confirmer(by)
        return self._after_pack(self._write(lambda t: commands.override_weight(
            t, confirm(t), own_label=self.order_label == "on_pack")))

    # -- people ------------------------------------------------------------------------------
    def sign_in(self, credential: str, *, via: str = "pin") -> r.StationResult:
        """A badge (``CMD:LOGIN:<badge>``) or a typed PIN: its person works at this bench from now."""
        person = directory.identify(self.db, credential)  # a PIN's scrypt check: not in the writer's lane
        return self._write(lambda t: sign_in.sign_in(t, person, via=via), gated=False)

    def sign_out(self) -> r.StationResult:
        """``CMD:LOGOUT`` or the button: the person signed in leaves the bench."""
        return self._write(sign_in.sign_out, gated=False)

    def expire_idle(self) -> r.StationResult | None:
        """Sign out the person signed in when the idle time ran out (the screen asks now and then)."""
        outcome = self._write(lambda t: sign_in.expire(t, self.idle_sign_out_s), gated=False)
        return outcome if isinstance(outcome, r.StationResult) else None

    def unsigned(self) -> r.StationResult | None:
        """``sign_in_required`` when this bench's people sign in and nobody is (the other modes of
        the bench, hand-over and returns, ask before they decide), else None."""
        return self._write(lambda t: None)

    def signed_in(self) -> str | None:
        """Who is signed in at this bench (None: nobody, or the idle time ran out)."""
        with self.db.read() as session:
            row = s.read_row(session, self.name)
        if row is None or row.signed_in_at is None:
            return None
        return None if sign_in.idle_for(row, self.now()) > self.idle_sign_out_s else row.packer

    def _confirmer(self, credential: str) -> Callable[[s.Txn], Any]:
        """Who confirms (found by badge or PIN before the transaction) -> ``(name, allowed)`` or a refusal."""
        person = directory.identify(self.db, credential)
        return lambda t: sign_in.confirmer(t, person, credential, self._may_supervise)

    def short(self, args: str = "") -> r.StationResult:
        """The open posting's units cannot all be found: flag it for a person. A bench whose people
        sign in takes it from a supervisor: ``CMD:SHORT:<badge or PIN>[:reason]``; else ``CMD:SHORT[:reason]``."""
        if not self._people_sign_in():
            return self._write(lambda t: flows.short(t, args.strip()))
        credential, _, reason = args.partition(":")
        confirm = self._confirmer(credential.strip())

        def decide(t: s.Txn) -> r.StationResult:
            who = confirm(t)
            if isinstance(who, r.StationResult):
                return who
            name, allowed = who
            if not allowed:
                return flows.refused(t, r.NOT_AUTHORIZED, t.row.open_posting, person=name, action="short")
            return flows.short(t, reason.strip(), by=name)
        return self._write(decide)

    def _people_sign_in(self) -> bool:
        from app.store import people as store_people

        with self.db.read() as session:
            return store_people.anyone(session)

    # -- commands ----------------------------------------------------------------------------
    def acknowledge(self) -> r.StationResult:
        return self._write(commands.acknowledge)

    def park(self) -> r.StationResult:
        return self._write(commands.park)

    def release(self) -> r.StationResult:
        """Put the open posting back (``CMD:CANCEL``): its counted units are dropped, claim released."""
        return self._write(commands.release)

    def next_box(self) -> r.StationResult:
        return self._write(commands.next_box)

    def teach(self, barcode: str | None, line_no: int | None, by: str) -> r.StationResult:
        """Link ``barcode`` (None: the unknown barcode just scanned) to a line of the open posting
        (None: the only line with units to go), confirmed by ``by``, who needs the right to."""
        confirm = self._confirmer(by)

        def decide(t: s.Txn) -> r.StationResult:
            who = confirm(t)
            return who if isinstance(who, r.StationResult) else flows.teach(t, barcode, line_no, *who)
        return self._write(decide)

    def status(self, *, refresh: bool = False) -> r.StationResult:
        """A look at the station; an open posting found cancelled meanwhile (the sync wrote it, or
        Ozon says so with ``refresh``) is stopped loudly. Writes only when something changed."""
        number = self._open_number()
        lookup = self._ask(number) if (number and refresh) else None
        if number is not None:
            with self.db.read() as session:
                posting = s.get_posting(session, number)
                gone = posting is None or s.not_packable_reason(posting, self.name) is not None
            if gone or (lookup is not None and lookup.posting is not None):
                return self._write(lambda t: flows.recheck(t, lookup))
        with self.db.read() as session:
            row = s.read_row(session, self.name)
            state = r.IDLE if row is None else (r.ERROR if row.error_code else row.state)
            return r.result(r.STATUS, number, state, error=(row.error_code if row else None) or "")

    def snapshot(self, session=None, row: s.StationState | None = None) -> dict[str, Any]:
        """The open posting's lines and counts, the box, the held error and the parked postings
        (read in ``session`` when given: a read session that goes on reading for a view, or the
        decision's own transaction, with the station's ``row`` as it was just written)."""
        if session is None:
            with self.db.read() as session:
                return self.snapshot(session)
        if row is None:
            row = s.read_row(session, self.name)
        snap: dict[str, Any] = {"station": self.name, "state": r.IDLE, "posting": None, "lines": [],
                                "box": 1, "error": None, "parked": []}
        if row is None:
            return snap
        snap.update(state=r.ERROR if row.error_code else row.state, posting=row.open_posting,
                    box=row.box_no, error=row.error_code, error_data=dict(row.error_data or {}))
        snap["parked"] = [n for n in s.claimed_open(session, self.name) if n != row.open_posting]
        posting, counts, _ = s.get_counted(session, row.open_posting) if row.open_posting else (None, {}, None)
        if posting is not None:
            snap["lines"] = [{"line": x.line_no, "sku": x.sku, "offer_id": x.offer_id, "name": x.name,
                              "quantity": x.quantity, "counted": counts.get(x.line_no, 0),
                              "needs_mark": s.needs_mark(posting, x.sku)} for x in posting.items]
        return snap

    # -- internals ---------------------------------------------------------------------------
    def _write(self, decide: Callable[[s.Txn], r.StationResult], *, gated: bool = True) -> r.StationResult:
        """``decide`` in one writer transaction; ``gated``: only with a person signed in, when the
        bench's people sign in (``sign_in.gate``)."""
        self._view = None
        outcome = self.db.writer.call_first(self.decide_in, decide, gated=gated)
        if isinstance(outcome, r.StationResult):
            self._log(outcome)
            self._tell(outcome)
        return outcome

    def _log(self, outcome: r.StationResult) -> None:
        """The decision's log line, made now (its time) and handed to the log's handlers once the
        answer is out (``follow_up``): formatting it twice, writing the log file and telling the
        in-app log took the station's thread, and the window's, before the answer."""
        if not log.isEnabledFor(logging.INFO):
            return
        record = log.makeRecord(log.name, logging.INFO, __file__, 0, "%s: %s %s (%s)",
                                (self.name, outcome.code, outcome.posting or "", outcome.state), None)
        if self.follow_up is None:
            log.handle(record)
        else:
            self.follow_up(lambda: log.handle(record))

    def decide_in(self, session, decide: Callable[[s.Txn], r.StationResult], *, gated: bool = True,
                  name: str | None = None) -> r.StationResult:
        """``decide`` on the station's row (or the row of ``name``: ``rehearsal``) in the writer
        transaction of ``session``; the row is written back once, and the view read after it."""
        now = self.now()
        row = s.load_row(session, name or self.name, self.packer, now)
        t = s.Txn(session, row, self.packer, now)
        outcome = (gated and sign_in.gate(t, self.idle_sign_out_s)) or decide(t)
        if isinstance(outcome, r.StationResult):  # else: nothing decided yet
            if row.signed_in_at is None:
                row.packer = self.packer
            row.updated_at = now
        s.save_row(session, row)  # once, and only when something changed
        if self.view is not None and isinstance(outcome, r.StationResult):
            view = self._read_view(session, row)
            if name is None:
                self._view = view
        return outcome

    def _tell(self, outcome: r.StationResult) -> None:
        later = []
        for listener, after_answer in self._listeners:
            if after_answer and self.follow_up is not None:
                later.append(listener)
            else:
                self._call(listener, outcome)
        if later:
            self.follow_up(lambda: [self._call(listener, outcome) for listener in later])

    @staticmethod
    def _call(listener: Callable[[r.StationResult], object], outcome: r.StationResult) -> None:
        try:
            listener(outcome)
        except Exception:  # the decision is committed: a listener's bug must not undo the answer
            log.exception("a station listener failed on %s", outcome.code)

    def take_view(self) -> dict | None:
        """The ``view`` read with the last decision of the last call (None: there was none)."""
        view, self._view = self._view, None
        return view

    def _read_view(self, session, row: s.StationState) -> dict | None:
        """``view(session, row)``; a failure there is a bug of the screen's, logged; it never
        undoes the decision (the caller then reads the view on its own). Under a savepoint where
        a failed statement spoils the transaction (PostgreSQL; SQLite's goes on)."""
        try:
            if session.get_bind().dialect.name == "sqlite":
                return self.view(session, row)
            with session.begin_nested():
                return self.view(session, row)
        except Exception:
            log.exception("reading the view after a decision failed")
            return None

    def _open_number(self) -> str | None:
        with self.db.read() as session:
            row = s.read_row(session, self.name)
            return None if row is None else row.open_posting

    def _after_pack(self, outcome: r.StationResult) -> r.StationResult:
        if outcome.data.get("order_label") == "queued" and self.on_order_label is not None:
            try:
                self.on_order_label(outcome.posting)
            except Exception:  # the label is queued in the database: the next print pass takes it
                log.exception("waking the printer for the order label of %s failed", outcome.posting)
        return outcome


def _member_of(names: Iterable[str]) -> Callable[[str], bool]:
    allowed = {n.strip().casefold() for n in names if n and n.strip()}
    return lambda person: bool(person) and person.strip().casefold() in allowed
