"""``Station``: one packing bench — scan → verify → weigh → pack — kept in the database.

One instance per bench (the GUI's and ``packdesk replay``'s are the same class). Its state lives
in the ``stations`` table, so a new process resumes where the last one stopped. Every public method
decides in one writer transaction, writes an event-log line, commits, and only then returns a
``StationResult``. Calls come from one thread (the GUI thread, the replay loop); Ozon is asked
about a posting off that thread, with a short timeout (``Remote``).

Scans: a posting number or Ozon label barcode opens (claims) the posting; an item barcode counts
a unit (idle: opens the packable posting with the earliest deadline that holds it); a marking
code counts a unit of a marked product; command barcodes ``CMD:…`` (``classify.COMMANDS``); the
QR of the station's own order label (``PDK:<posting>``) matches a parcel on the verify-first
shelf with its printed Ozon label (``shelf``).

Meeting Ozon's label delay: verify-first (default) packs and ships, and with
``order_label = "on_pack"`` queues the own order label in the pack transaction (printed by the
print path, ``on_order_label`` is called after the commit to wake it); a label-first wave's parcel
(``app.services.waves``) is shipped already, so its weight is recorded with no network step.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any

from app.services.station import flows, shelf
from app.services.station.classify import Classified, classify, looks_like_label
from app.services.station import results as r
from app.services.station import state as s
from app.services.station.remote import Lookup, Remote
from app.services.station.weighing import check_weight, expected_weight
from app.store import postings as store_postings
from app.store import products as store_products
from app.store import waves as store_waves

log = logging.getLogger("packdesk.station")

ORDER_LABEL_CHOICES = ("never", "on_pack")
MAX_CANDIDATES = 3  # idle item scan: postings tried when Ozon says the first ones are gone


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Station:
    def __init__(self, db, name: str, *, packer: str | None = None, remote: Remote | None = None,
                 tolerance_pct: float = 10.0, allowance_g: float = 0.0,
                 supervisors: Callable[[str], bool] | Iterable[str] = (),
                 now: Callable[[], datetime] = utcnow, order_label: str = "never",
                 on_order_label: Callable[[str], object] | None = None) -> None:
        """``order_label``: "never" or "on_pack" (``StationSettings.order_label``);
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

    @classmethod
    def from_config(cls, db, config, *, remote: Remote | None = None, packer: str | None = None,
                    **kw: Any) -> Station:
        st = config.station
        kw.setdefault("order_label", getattr(st, "order_label", "never"))
        return cls(db, st.name, packer=packer, remote=remote, tolerance_pct=st.weight_tolerance_pct,
                   allowance_g=st.packaging_allowance_g,
                   supervisors=kw.pop("supervisors", getattr(st, "supervisors", ())), **kw)

    def close(self) -> None:
        if self.remote is not None:
            self.remote.close()

    # -- the scanner -------------------------------------------------------------------------
    def scan(self, text: str) -> r.StationResult:
        scanned = classify(text)
        if scanned.kind == "bad":
            return self._write(lambda t: self._bad(t, scanned))
        if scanned.kind == "command":
            return self.command(scanned.command, *scanned.args)
        if scanned.kind == "posting":
            return self._open(scanned.text, via="number", lookup=self._ask(scanned.text))
        if scanned.kind == "own_label":
            return self._write(lambda t: shelf.match(t, scanned.text))
        if scanned.kind == "mark":
            if scanned.problem:
                return self._write(lambda t: flows.refused(
                    t, r.MARKING_INVALID, t.row.open_posting, problem=scanned.problem, excerpt=scanned.text[:40]))
            return self._item(scanned.text, scanned.mark.barcodes(), mark=scanned.mark)
        return self._code(scanned)

    def command(self, name: str, *args: str) -> r.StationResult:
        """A command barcode (``CMD:NAME[:ARG...]``) or the same from a button."""
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
        number = self._open_number()
        lookup = self._ask(number) if number else None
        return self._after_pack(self._write(lambda t: self._weigh(t, float(grams), lookup)))

    def expected_weight_g(self) -> float | None:
        """The catalogue weight of the open posting (what a ``sim://`` scale is loaded with)."""
        number = self._open_number()
        if number is None:
            return None
        with self.db.read() as session:
            return self._expected(session, s.get_posting(session, number))[0]

    def override_weight(self, by: str) -> r.StationResult:
        def run(t: s.Txn) -> r.StationResult:
            if t.row.error_code != r.WEIGHT_MISMATCH:
                return flows.refused(t, r.NOTHING_TO_OVERRIDE, t.row.open_posting)
            if not self._may_supervise(by):
                return flows.refused(t, r.NOT_AUTHORIZED, t.row.open_posting, person=by, action="override-weight")
            weight = {k: v for k, v in t.row.error_data.items() if k != "posting"}
            t.log("weight_override", t.row.open_posting, {**weight, "by": by})
            return flows.pack(t, weight, override_by=by, own_label=self.order_label == "on_pack")

        return self._after_pack(self._write(run))

    def short(self, reason: str = "") -> r.StationResult:
        """``CMD:SHORT[:reason]``: the open posting's units cannot all be found: flag it for a person."""
        return self._write(lambda t: flows.short(t, reason.strip()))

    # -- commands ----------------------------------------------------------------------------
    def acknowledge(self) -> r.StationResult:
        def run(t: s.Txn) -> r.StationResult:
            held = t.row.error_code
            t.clear_error()
            t.log(r.ACKNOWLEDGED, t.row.open_posting, {"error": held})
            return r.result(r.ACKNOWLEDGED, t.row.open_posting, t.state(), error=held or "")

        return self._write(run)

    def park(self) -> r.StationResult:
        def run(t: s.Txn) -> r.StationResult:
            number = t.row.open_posting
            if number is None:
                return flows.refused(t, r.NOTHING_OPEN, None)
            t.clear_error()
            t.go_idle()
            t.log(r.POSTING_PARKED, number, {})
            return r.result(r.POSTING_PARKED, number, t.state())

        return self._write(run)

    def release(self) -> r.StationResult:
        """Put the open posting back (``CMD:CANCEL``): its counted units are dropped, claim released."""
        def run(t: s.Txn) -> r.StationResult:
            number = t.row.open_posting
            if number is None:
                return flows.refused(t, r.NOTHING_OPEN, None)
            dropped = s.drop_units(t.session, number)
            posting = s.get_posting(t.session, number)
            if posting is not None and store_waves.in_pending_wave(posting):
                pass  # shipped with its wave: it stays this station's, to be verified again
            elif posting is not None and posting.local_state == "in_progress":
                store_postings.release_posting(t.session, number, t.name)
                store_postings.set_local_state(t.session, number, "waiting")
            else:
                store_postings.release_posting(t.session, number, t.name)
            t.clear_error()
            t.go_idle()
            t.log(r.POSTING_RELEASED, number, {"dropped": dropped})
            return r.result(r.POSTING_RELEASED, number, t.state(), dropped=dropped)

        return self._write(run)

    def next_box(self) -> r.StationResult:
        def run(t: s.Txn) -> r.StationResult:
            number = t.row.open_posting
            if number is None:
                return flows.refused(t, r.NOTHING_OPEN, None)
            if s.units_in_box(t.session, number, t.row.box_no) == 0:
                return flows.refused(t, r.BOX_EMPTY, number, box=t.row.box_no)
            t.row.box_no += 1
            t.clear_error()
            t.log(r.BOX_STARTED, number, {"box": t.row.box_no})
            return r.result(r.BOX_STARTED, number, t.state(), box=t.row.box_no)

        return self._write(run)

    def teach(self, barcode: str | None, line_no: int | None, by: str) -> r.StationResult:
        """Link ``barcode`` (None: the unknown barcode just scanned) to a line of the open posting
        (None: the only line with units to go), confirmed by ``by``, who needs the right to."""
        return self._write(lambda t: flows.teach(t, barcode, line_no, by, self._may_supervise(by)))

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
            row = session.get(s.StationRow, self.name)
            state = r.IDLE if row is None else (r.ERROR if row.error_code else row.state)
            return r.result(r.STATUS, number, state, error=(row.error_code if row else None) or "")

    def snapshot(self) -> dict[str, Any]:
        """The open posting's lines and counts, the box, the held error and the parked postings."""
        with self.db.read() as session:
            row = session.get(s.StationRow, self.name)
            snap: dict[str, Any] = {"station": self.name, "state": r.IDLE, "posting": None, "lines": [],
                                    "box": 1, "error": None, "parked": []}
            if row is None:
                return snap
            snap.update(state=r.ERROR if row.error_code else row.state, posting=row.open_posting,
                        box=row.box_no, error=row.error_code, error_data=dict(row.error_data or {}))
            snap["parked"] = [n for n in s.claimed_open(session, self.name) if n != row.open_posting]
            posting = s.get_posting(session, row.open_posting) if row.open_posting else None
            if posting is not None:
                counts = s.line_counts(session, posting.posting_number)
                snap["lines"] = [{"line": x.line_no, "sku": x.sku, "offer_id": x.offer_id, "name": x.name,
                                  "quantity": x.quantity, "counted": counts.get(x.line_no, 0),
                                  "needs_mark": s.needs_mark(posting, x.sku)} for x in posting.items]
            return snap

    # -- internals ---------------------------------------------------------------------------
    def _write(self, decide: Callable[[s.Txn], r.StationResult]) -> r.StationResult:
        def run(session) -> r.StationResult:
            now = self.now()
            row = s.load_row(session, self.name, self.packer, now)
            t = s.Txn(session, row, self.packer, now)
            outcome = decide(t)
            if isinstance(outcome, r.StationResult):  # else: nothing decided yet, nothing to save
                row.packer, row.updated_at = self.packer, now
            return outcome

        outcome = self.db.writer.call(run)
        if isinstance(outcome, r.StationResult):
            log.info("%s: %s %s (%s)", self.name, outcome.code, outcome.posting or "", outcome.state)
        return outcome

    def _open_number(self) -> str | None:
        with self.db.read() as session:
            row = session.get(s.StationRow, self.name)
            return None if row is None else row.open_posting

    def _ask(self, number: str) -> Lookup | None:
        """Ozon's word on a posting, except for a wave's parcel: shipped already, it is verified
        with no network step at all."""
        if self.remote is None:
            return None
        with self.db.read() as session:
            posting = s.get_posting(session, number)
            if posting is not None and store_waves.in_pending_wave(posting):
                return None
        return self.remote.posting(number)

    def _after_pack(self, outcome: r.StationResult) -> r.StationResult:
        if outcome.data.get("order_label") == "queued" and self.on_order_label is not None:
            try:
                self.on_order_label(outcome.posting)
            except Exception:  # the label is queued in the database: the next print pass takes it
                log.exception("waking the printer for the order label of %s failed", outcome.posting)
        return outcome

    def _bad(self, t: s.Txn, scanned: Classified) -> r.StationResult:
        data = {"problem": scanned.problem or "", "excerpt": scanned.text}
        t.log(r.BAD_SCAN, t.row.open_posting, data)  # the station's state stays as it is
        return r.result(r.BAD_SCAN, t.row.open_posting, t.state(), **data)

    def _open(self, number: str, *, via: str, lookup: Lookup | None) -> r.StationResult:
        def run(t: s.Txn) -> r.StationResult:
            if lookup is not None and lookup.posting is not None:
                s.save_fresh(t.session, lookup.posting, t.now)
            if lookup is not None and lookup.found is False and s.get_posting(t.session, number) is None:
                return flows.refused(t, r.POSTING_NOT_FOUND, number, scanned=via)
            return flows.open_posting(t, number, via=via)

        return self._write(run)

    def _code(self, scanned: Classified) -> r.StationResult:
        """An item barcode or an Ozon label barcode: the cache decides which. The common case (a
        posting open, a known item) is decided in one transaction; opening needs Ozon first."""
        code = scanned.text
        outcome = self._write(lambda t: self._code_at_once(t, code, scanned.notes))
        if isinstance(outcome, r.StationResult):
            return outcome
        kind, number = outcome
        if kind == "label":
            return self._open(number, via="label", lookup=self._ask(number))
        if kind == "idle":
            return self._item(code, [code], notes=scanned.notes)
        lookup = self.remote.by_barcode(code) if self.remote is not None else Lookup(detail="offline")
        if lookup.posting is not None:
            return self._open(lookup.posting.posting_number, via="label", lookup=lookup)
        return self._write(lambda t: flows.refused(t, r.POSTING_NOT_FOUND, None, barcode=code, ozon=lookup.detail))

    def _code_at_once(self, t: s.Txn, code: str, notes: dict):
        """A result, or what must happen outside the transaction: ("label", number) to open a
        posting by its label, ("ask", None) to ask Ozon about a label, ("idle", None) to find one."""
        if store_products.products_by_barcode(t.session, code):
            if t.row.open_posting is None:
                return flows.goods_on_hold(t) or ("idle", None)
            return flows.count_unit(t, code, notes=notes)
        label = store_postings.find_by_label_barcode(t.session, code)
        if label is not None:
            return ("label", label.posting_number)
        if looks_like_label(code):
            return ("ask", None)
        if t.row.open_posting is None:
            return ("idle", None)
        return flows.count_unit(t, code, notes=notes)

    def _item(self, code: str, barcodes: list[str], *, mark=None, notes: dict | None = None) -> r.StationResult:
        outcome = self._write(lambda t: flows.goods_on_hold(t) if t.row.open_posting is None
                              else flows.count_unit(t, code, mark=mark, notes=notes))
        if outcome is not None:
            return outcome
        tried: list[str] = []
        for _ in range(MAX_CANDIDATES):
            number = self._candidate(barcodes, tried)
            if number is None:
                break
            lookup = self._ask(number)
            outcome = self._write(lambda t: self._open_and_count(t, number, lookup, code, mark))
            if outcome.code != r.POSTING_NOT_PACKABLE:
                return outcome
            tried.append(number)
        return self._write(lambda t: self._nothing_wants(t, code, barcodes, notes or {}))

    def _candidate(self, barcodes: list[str], tried: list[str]) -> str | None:
        with self.db.read() as session:
            for barcode in barcodes:
                posting = store_postings.find_packable_by_item_barcode(session, barcode, self.name)
                if posting is not None and posting.posting_number not in tried:
                    return posting.posting_number
        return None

    def _open_and_count(self, t: s.Txn, number: str, lookup: Lookup | None, code: str, mark) -> r.StationResult:
        if lookup is not None and lookup.posting is not None:
            s.save_fresh(t.session, lookup.posting, t.now)
        opened = flows.open_posting(t, number, via="item")
        if opened.code != r.POSTING_OPENED:
            return opened
        counted = flows.count_unit(t, code, mark=mark)
        return r.StationResult(counted.ok, counted.code, counted.posting, counted.state,
                               {**counted.data, "opened": number})

    def _nothing_wants(self, t: s.Txn, code: str, barcodes: list[str], notes: dict) -> r.StationResult:
        found = next((p for b in barcodes if (p := store_products.products_by_barcode(t.session, b))), None)
        if not found:
            return flows.refused(t, r.UNKNOWN_BARCODE, None, barcode=code, **notes)
        return flows.refused(t, r.NO_PACKABLE_POSTING, None, barcode=code, product=found[0].name, sku=found[0].sku)

    def _weigh(self, t: s.Txn, grams: float, lookup: Lookup | None) -> r.StationResult:
        number = t.row.open_posting
        if number is None:
            return flows.refused(t, r.NOTHING_OPEN, None, measured_g=grams)
        if lookup is not None and lookup.posting is not None:
            s.save_fresh(t.session, lookup.posting, t.now)
        posting = s.get_posting(t.session, number)
        reason = None if posting is None else s.not_packable_reason(posting, t.name)
        if reason is not None:
            return flows.stop_loudly(t, posting, reason)
        if not s.is_complete(posting, s.line_counts(t.session, number)):
            counted, total = s.totals(posting, s.line_counts(t.session, number))
            return flows.refused(t, r.NOT_COMPLETE, number, counted=counted, total=total, measured_g=grams)
        expected, missing = self._expected(t.session, posting)
        check = check_weight(grams, expected, self.tolerance_pct, missing)
        if not check.accepted:
            t.hold(r.WEIGHT_MISMATCH, **check.as_data())
            t.row.state = r.WEIGHING
            t.log(r.WEIGHT_MISMATCH, number, check.as_data())
            return r.result(r.WEIGHT_MISMATCH, number, t.state(), **check.as_data())
        data = check.as_data()
        if not check.checked:
            data["unchecked"] = True
        return flows.pack(t, data, own_label=self.order_label == "on_pack")

    def _expected(self, session, posting) -> tuple[float | None, tuple[int, ...]]:
        if posting is None:
            return None, ()
        products = store_products.products_by_sku(session, [x.sku for x in posting.items])
        lines = [(x.sku, x.quantity, getattr(products.get(x.sku), "weight_g", None)) for x in posting.items]
        return expected_weight(lines, self.allowance_g)


def _member_of(names: Iterable[str]) -> Callable[[str], bool]:
    allowed = {n.strip().casefold() for n in names if n and n.strip()}
    return lambda person: bool(person) and person.strip().casefold() in allowed
