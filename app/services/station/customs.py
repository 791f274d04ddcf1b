"""Customs numbers of a legal entity's posting, scanned or typed at the bench.

A legal entity's posting whose products need a GTD (customs declaration) or an RNPT (batch of
traceable goods) cannot ship with the absence flags a person's posting takes: the exemplar flow
makes it a problem naming each unit (``gtd_for_legal_buyer``/``rnpt_for_legal_buyer``). Scanning
the posting at the bench opens it on those units and asks for each number in turn (``unit_id``
results of kind ``gtd``/``rnpt``: checked for their shape, refused with the reason, kept with the
unit). Once every unit has its numbers the posting is packed again and its complete set goes to Ozon
again (the ship, still waiting, goes once Ozon accepts it), as after a marking code's fix (``mark_fix``).
"""
from __future__ import annotations

from sqlalchemy import select, update

from app.devices.scanners.gs1 import for_log
from app.services.marks import identifiers as ids
from app.services.marks.exemplar_set import GTD_FOR_LEGAL_BUYER, RNPT_FOR_LEGAL_BUYER
from app.services.station import results as r
from app.services.station import state as s
from app.statuses import LocalState
from app.store import marks as store_marks
from app.store import postings as store_postings
from app.store.marks_models import MARKS_REJECTED
from app.store.models import PackedUnitRow

KIND_OF = {GTD_FOR_LEGAL_BUYER: ids.GTD, RNPT_FOR_LEGAL_BUYER: ids.RNPT}


def wanted(t: s.Txn, number: str) -> list[tuple[dict, str]] | None:
    """What the posting's units still lack, in order: (the refused unit, ``gtd``/``rnpt``); None when
    the posting is no legal entity's posting waiting for customs numbers (anything else was refused)."""
    record = store_marks.get(t.session, number)
    if record is None or record.stage != MARKS_REJECTED or not record.failed:
        return None
    failed = list(record.failed)
    if any(not f.get("unit") or not f.get("codes") or not set(f["codes"]) <= set(KIND_OF) for f in failed):
        return None
    have = {row.id: row for row in t.session.execute(
        select(PackedUnitRow.id, PackedUnitRow.gtd, PackedUnitRow.rnpt).where(PackedUnitRow.posting_number == number))}
    found = []
    for f in failed:
        for code in f["codes"]:
            kind = KIND_OF[code]
            row = have.get(f["unit"])
            if row is not None and not getattr(row, kind):
                found.append((f, kind))
    return found


def reopen(t: s.Txn, posting: s.BenchPosting, counts: dict[int, int]):
    """Open the problem posting on the first unit that lacks its number, or None."""
    if posting.claimed_by not in (None, t.name):
        return None
    waiting = wanted(t, posting.posting_number)
    if not waiting:
        return None
    number = posting.posting_number
    if not store_postings.claim_posting(t.session, number, t.name, t.now):
        return None
    store_postings.set_local_state(t.session, number, LocalState.IN_PROGRESS, problem=posting.problem)
    t.clear_error()
    t.row.open_posting, t.row.state, t.row.box_no = number, r.PACKING, 1
    unit, kind = waiting[0]
    counted, total = s.totals(posting, counts)
    data = {"counted": counted, "total": total, "resumed": True, "scanned": "number", "box": 1,
            "fix_customs": len(waiting), "kind": kind, "product": unit.get("product", ""), "nth": unit["nth"],
            "of": unit["of"], "sku": unit["sku"]}
    t.log(r.POSTING_OPENED, number, data)
    opened = posting.claimed_here(t.name)
    return r.result(r.POSTING_OPENED, number, t.state(), **data), opened, counts


def take(t: s.Txn, number: str, code: str) -> r.StationResult | None:
    """A scan while the open posting waits for a unit's GTD/RNPT: kept, or refused with the reason."""
    waiting = wanted(t, number)
    if not waiting:
        return None
    unit, kind = waiting[0]
    about = {"kind": kind, "sku": unit["sku"], "product": unit.get("product", ""), "nth": unit["nth"],
             "of": unit["of"]}
    checked = ids.check(kind, code)
    if not checked.valid:
        return s.refused(t, r.UNIT_ID_INVALID, number, reason=checked.reason, scanned=for_log(code), **about)
    t.session.execute(update(PackedUnitRow).where(PackedUnitRow.id == unit["unit"]).values({kind: checked.value}))
    left = len(waiting) - 1
    data = {**about, "value": checked.value, "left": left}
    t.clear_error()
    if left:
        t.log(r.UNIT_ID_ACCEPTED, number, data)
        return r.result(r.UNIT_ID_ACCEPTED, number, t.state(), **data)
    # every unit has its numbers: packed again, the complete set goes to Ozon again
    store_postings.set_local_state(t.session, number, LocalState.PACKED)
    store_postings.release_posting(t.session, number, t.name)
    store_marks.queue_set(t.session, number, station=t.name, now=t.now)
    t.go_idle()
    data["resent"] = True
    t.log(r.UNIT_ID_ACCEPTED, number, data)
    return r.result(r.UNIT_ID_ACCEPTED, number, t.state(), **data)
