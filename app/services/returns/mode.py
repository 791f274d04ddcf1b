"""``ReturnMode``: a return opened at the bench (a mode of ``app.services.modes``).

A packing bench opens a return when its barcode is scanned (the FBS return's logistic barcode, or an
rFBS return number): ``opens(text)`` tells the router from the barcodes of returns not closed, kept
in memory: read at the first scan, then again when the sync's returns stage has written them and
after each pass (``refresh``, the sync's hooks), so a packing scan never reads the database for them. Opening answers
``return_opened`` with what shipped in the posting (products, masked marking codes) and its packing
clip, for the screen to show beside the unpacking clip the evidence recorder starts
(``app.services.returns.evidence``, a listener). Each unit scanned back is checked against what
shipped (``check``): ``return_unit_ok`` or ``return_unit_mismatch`` (shown red until ``CMD:ACK`` or the next unit). ``CMD:RETURN-NOTE:<text>`` adds a condition note, ``CMD:RETURN-PHOTO`` takes a photo,
``CMD:RETURN-CLOSE`` closes it (``return_closed``; a mismatch opens a case for the posting, which
keeps its evidence) and the bench packs again.

Each decision runs in one writer transaction, logs its event and commits before it answers; the
open return is its row (``returns.station``/``local_state``), so a restart resumes it.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from app.devices.scanners.gs1 import mask
from app.services.returns import cases as case_rules
from app.services.returns import check as rules
from app.services.returns import results as rr
from app.services.station.classify import Classified, classify
from app.store import events as store_events
from app.store import evidence as store_evidence
from app.store import handovers as store_modes
from app.store import products as store_products
from app.store import returns as store
from app.store.models import PostingItemRow, StationRow
from app.store.models_handover import MODE_PACKING
from app.store.models_returns import (
    MODE_RETURN, RETURN_CLOSED, RETURN_OPEN, UNIT_OK, ReturnRow, ReturnUnitRow,
)

log = logging.getLogger("packdesk.returns")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class ReturnMode:
    name = MODE_RETURN
    enters = frozenset({"RETURN-CLOSE", "RETURN-NOTE", "RETURN-PHOTO"})

    def __init__(self, db, station: str, *, packer: Callable[[], str | None] = lambda: None,
                 now: Callable[[], datetime] = utcnow) -> None:
        self.db, self.station, self.packer, self.now = db, station, packer, now
        self._listeners: list[Callable[[rr.ReturnResult], object]] = []
        self._mode_after: str | None = None
        self._codes: set[str] | None = None  # not read yet

    def listen(self, listener: Callable[[rr.ReturnResult], object]) -> None:
        self._listeners.append(listener)

    def close(self) -> None:
        pass

    # -- the router's question -------------------------------------------------------------------
    def opens(self, text: str) -> bool:
        """Is this packing-bench scan a return's barcode? (from memory, read at the first scan)"""
        codes = self._codes
        if codes is None:
            codes = self.refresh()
        return text in codes

    def refresh(self) -> set[str]:
        """Read the barcodes of the returns not closed again (after a sync pass brought new ones)."""
        with self.db.read() as session:
            codes = self._codes = store.barcodes(session)
        return codes

    # -- the scanner -------------------------------------------------------------------------------
    def scan(self, text: str) -> rr.ReturnResult:
        scanned = classify(text)
        if scanned.kind == "command":
            return self.command(scanned.command, *scanned.args)
        if scanned.kind == "bad":
            return self._write(lambda s, r: self._answer(s, r, rr.BAD_SCAN, problem=scanned.problem or ""))
        return self._write(lambda s, r: self._scanned(s, r, scanned))

    def command(self, name: str, *args: str) -> rr.ReturnResult:
        if name == "RETURN-CLOSE":
            return self._write(self._close)
        if name == "RETURN-NOTE":
            note = ":".join(args).strip()
            return self._write(lambda s, r: self._note(s, r, note))
        if name == "RETURN-PHOTO":
            return self._write(lambda s, r: self._answer(s, r, rr.RETURN_PHOTO) if r is not None
                               else self._answer(s, r, rr.RETURN_NOT_OPEN))
        if name == "ACK":
            return self.acknowledge()
        return self.refuse(f"CMD:{name}")

    def acknowledge(self) -> rr.ReturnResult:
        def decide(session, row):
            if row is not None:
                row.error_code = None
            return self._answer(session, row, rr.ACKNOWLEDGED, **self._tally(session, row))
        return self._write(decide)

    def refuse(self, what: str) -> rr.ReturnResult:
        return self._write(lambda s, r: self._answer(s, r, rr.NOT_NOW, what=what))

    def status(self) -> rr.ReturnResult:
        with self.db.read() as session:
            row = store.open_at(session, self.station)
            if row is None:
                return rr.result(rr.STATUS, None, rr.IDLE, variant="idle")
            return rr.result(rr.STATUS, row.posting_number, rr.RETURN, **self._about(row), **self._tally(session, row))

    def view(self) -> dict[str, Any]:
        with self.db.read() as session:
            row = store.open_at(session, self.station)
            if row is None:
                return {"mode": MODE_RETURN, "state": rr.IDLE, "error": None}
            held = row.error_code  # a mismatch: red until CMD:ACK or the next unit
            return {"mode": MODE_RETURN, "state": rr.ERROR if held else rr.RETURN, "return": row.id,
                    "error": held, "posting": row.posting_number,
                    **self._about(row), **self._tally(session, row)}

    def mode_after(self) -> str | None:
        after, self._mode_after = self._mode_after, None
        return after

    # -- decisions (in the writer's transaction) --------------------------------------------------
    def _scanned(self, session, row: ReturnRow | None, scanned: Classified) -> rr.ReturnResult:
        found = store.by_barcode(session, scanned.text) if scanned.kind in ("code", "posting") else None
        if found is not None and (row is None or found.id != row.id):
            if row is not None:  # another return's barcode while one is open: close this one first
                return self._answer(session, row, rr.RETURN_BUSY, station=self.station, **self._about(row))
            return self._open(session, found)
        if row is None:
            return self._answer(session, None, rr.RETURN_NOT_OPEN)
        if found is not None:  # its own barcode again: where it stands
            return self._answer(session, row, rr.STATUS, **self._tally(session, row))
        return self._unit(session, row, scanned)

    def _open(self, session, found: ReturnRow) -> rr.ReturnResult:
        if found.local_state == RETURN_OPEN and found.station not in (None, self.station):
            return self._answer(session, None, rr.RETURN_BUSY, station=found.station, **self._about(found))
        bench = session.get(StationRow, self.station)
        if bench is not None and bench.open_posting:
            return self._answer(session, None, rr.RETURN_POSTING_OPEN, open=bench.open_posting)
        found.local_state, found.station, found.packer = RETURN_OPEN, self.station, self.packer()
        found.opened_at = found.opened_at or self.now()
        found.closed_at = None
        self._enter(session, MODE_RETURN)
        shipped = store.shipped(session, found.posting_number)
        names = _names(session, {u.sku for u in shipped} | ({found.sku} if found.sku else set()))
        clips = [f for f in store_evidence.files_for(session, found.posting_number)
                 if f["kind"] == "clip" and f.get("purpose") != "return"]
        data = {**self._about(found), **self._tally(session, found),
                "shipped": [{"sku": u.sku, "product": names.get(u.sku, str(u.sku)),
                             "mark": mask(u.mark) if u.mark else None, "box": u.box_no, "packed_at": u.at.isoformat(),
                             "station": u.station, "packer": u.packer} for u in shipped],
                "packing_clips": [{"path": c["path"], "state": c["state"], "sha256": c.get("sha256")} for c in clips]}
        if not shipped:
            data["variant"] = "unverified"
        return self._answer(session, found, rr.RETURN_OPENED, **data)

    def _unit(self, session, row: ReturnRow, scanned: Classified) -> rr.ReturnResult:
        mark = scanned.mark.code if scanned.kind == "mark" and scanned.mark is not None else None
        codes = scanned.mark.barcodes() if mark else [scanned.text]
        skus = list(dict.fromkeys(p.sku for code in codes for p in store_products.products_by_barcode(session, code)))
        shipped = [rules.Shipped(u.sku, u.mark) for u in store.shipped(session, row.posting_number)]
        lines: dict[int, int] = {}
        for item in session.query(PostingItemRow).filter(PostingItemRow.posting_number == row.posting_number):
            lines[item.sku] = lines.get(item.sku, 0) + item.quantity
        units = store.units(session, row.id)
        back = [rules.Back(u.sku, u.mark) for u in units if u.verdict == UNIT_OK]
        verdict = rules.check_unit(mark=mark, skus=skus, shipped=shipped, lines=lines, back=back)
        product = _names(session, {verdict.sku} if verdict.sku else set()).get(verdict.sku, "") or scanned.text
        shown = {"product": product, "scanned_code": scanned.text if mark is None else "",
                 "mark": f" [{mask(mark)}]" if mark else ""}
        if verdict.outcome == rules.SCAN_MARK:
            return self._answer(session, row, rr.RETURN_SCAN_MARK, **shown)
        session.add(ReturnUnitRow(return_id=row.id, at=self.now(), barcode=scanned.text if mark is None else codes[0],
                                  sku=verdict.sku, mark=mark, verdict=verdict.outcome, reason=verdict.reason,
                                  station=self.station, packer=self.packer()))
        session.flush()
        tally = self._tally(session, row)
        row.error_code = None if verdict.outcome == rules.OK else rr.RETURN_UNIT_MISMATCH
        if verdict.outcome == rules.OK:
            return self._answer(session, row, rr.RETURN_UNIT_OK, **shown, **tally, unverified=verdict.unverified)
        shown["mark"] = mask(mark) if mark else ""
        return self._answer(session, row, rr.RETURN_UNIT_MISMATCH, variant=verdict.reason, **shown, **tally)

    def _note(self, session, row: ReturnRow | None, note: str) -> rr.ReturnResult:
        if row is None:
            return self._answer(session, None, rr.RETURN_NOT_OPEN)
        if note:
            row.notes = [*(row.notes or []), {"at": self.now().isoformat(), "by": self.packer(), "text": note}]
        return self._answer(session, row, rr.RETURN_NOTE, note=note, **self._about(row))

    def _close(self, session, row: ReturnRow | None) -> rr.ReturnResult:
        if row is None:
            self._enter(session, MODE_PACKING)
            return self._answer(session, None, rr.RETURN_NOT_OPEN)
        tally = self._tally(session, row)
        row.local_state, row.closed_at, row.error_code = RETURN_CLOSED, self.now(), None
        self._enter(session, MODE_PACKING)
        data = {**self._about(row), **tally}
        if tally["mismatch"]:
            case = case_rules.open_for_return(session, row, by=self.packer() or self.station, now=self.now())
            data.update(case=case.id, variant="case")
        if self._codes is not None:
            self._codes.discard(row.barcode)
        answer = self._answer(session, row, rr.RETURN_CLOSED, **data)
        return rr.result(answer.code, answer.posting, rr.IDLE, **answer.data)

    # -- internals ---------------------------------------------------------------------------------
    def _about(self, row: ReturnRow) -> dict[str, Any]:
        return {"return": row.id, "return_number": row.barcode, "scheme": row.scheme, "product": row.name,
                "quantity": row.quantity, "sku": row.sku}

    def _tally(self, session, row: ReturnRow | None) -> dict[str, int]:
        if row is None:
            return {}
        units = store.units(session, row.id)
        ok = sum(1 for u in units if u.verdict == UNIT_OK)
        return {"ok": ok, "mismatch": len(units) - ok, "scanned": len(units)}

    def _enter(self, session, mode: str) -> None:
        store_modes.set_mode(session, self.station, mode, self.now())
        self._entered = mode

    def _answer(self, session, row: ReturnRow | None, code: str, /, **data) -> rr.ReturnResult:
        posting = row.posting_number if row is not None else None
        logged = {k: v for k, v in data.items() if k not in ("shipped", "packing_clips")}
        store_events.append_event(session, kind=code, station=self.station, packer=self.packer(),
                                  posting_number=posting, data=logged, now=self.now())
        return rr.result(code, posting, rr.RETURN if row is not None else rr.IDLE, **data)

    def _write(self, decide: Callable[[Any, ReturnRow | None], rr.ReturnResult]) -> rr.ReturnResult:
        def run(session):
            self._entered = None
            outcome = decide(session, store.open_at(session, self.station))
            return outcome, self._entered or store_modes.get_mode(session, self.station)

        self._mode_after = None
        outcome, self._mode_after = self.db.writer.call_first(run)
        log.info("%s: %s %s", self.station, outcome.code, outcome.posting or "")
        for listener in self._listeners:
            try:
                listener(outcome)
            except Exception:  # the decision is committed: a listener's bug must not undo it
                log.exception("a return listener failed on %s", outcome.code)
        return outcome


def _names(session, skus: set[int]) -> dict[int, str]:
    return {sku: p.name for sku, p in store_products.products_by_sku(session, skus).items()}

