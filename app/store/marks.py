"""A posting's exemplars (marking codes, GTD/RNPT flags, weights) on their way to Ozon.

The flow (``app.services.marks``) sends the complete set of a packed posting and records Ozon's
verdict here; the ship command asks :func:`blocks_ship` before it goes. A set is named by its
fingerprint: a hash of the posting's counted units (id, product, code, weight), so a replaced
code or a re-packed posting is a new set that Ozon must accept again before the ship.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from app.statuses import LocalState
from app.store import outbox as store_outbox
from app.store.bulk import naive_utc
from app.store.marks_models import (
    MARKS_ACCEPTED, MARKS_REJECTED, MARKS_SENDING, PostingMarksRow,
)
from app.store.models import OUTBOX_OPEN_STATES, OUTBOX_PENDING, OutboxRow, PackedUnitRow, PostingRow

# ``requirements`` lists (of SKUs) that make a posting wait for its exemplars before the ship
EXEMPLAR_REQUIREMENTS = (
    "products_requiring_mandatory_mark", "products_requiring_gtd", "products_requiring_rnpt",
    "products_requiring_jw_uin", "products_requiring_imei", "products_requiring_weight",
)
MARKS_COMMAND = "marks"
SHIP_AVAILABLE = "ship_available"

__all__ = ["EXEMPLAR_REQUIREMENTS", "MARKS_ACCEPTED", "MARKS_REJECTED", "MARKS_SENDING", "Unit",
           "blocks_ship", "fingerprint", "get", "needs_exemplars", "queue_set", "units_of"]


@dataclass(frozen=True, slots=True)
class Unit:
    """A counted unit as the exemplar set takes it (``mark`` is the raw code: never log it)."""

    id: int
    line_no: int
    sku: int
    mark: str | None
    weight_g: float | None
    gtd: str | None = None    # customs numbers, for a legal entity's posting (``station.customs``)
    rnpt: str | None = None


def needs_exemplars(requirements: dict | None) -> bool:
    return any((requirements or {}).get(key) for key in EXEMPLAR_REQUIREMENTS)


def required_skus(requirements: dict | None, key: str) -> set[int]:
    return {int(sku) for sku in (requirements or {}).get(key) or () if str(sku).isdigit()}


_u = PackedUnitRow.__table__.c
_UNITS = (select(_u.id, _u.line_no, _u.sku, _u.mark, _u.weight_g, _u.gtd, _u.rnpt)
          .where(_u.posting_number == bindparam("number")).order_by(_u.id))


def units_of(session: Session, number: str) -> list[Unit]:
    return [Unit(*row) for row in session.execute(_UNITS, {"number": number})]


def fingerprint(units: list[Unit]) -> str:
    """The set's name: changes when a unit, its code or its weight changes."""
    data = json.dumps([[u.id, u.sku, u.mark, u.weight_g] + ([u.gtd, u.rnpt] if u.gtd or u.rnpt else [])
                       for u in units], separators=(",", ":"))  # (a set without customs numbers: named as before)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def get(session: Session, number: str) -> PostingMarksRow | None:
    return session.get(PostingMarksRow, number, populate_existing=True)


def queue_set(session: Session, number: str, *, station: str | None, now: datetime) -> str:
    """Queue the complete set of the posting's units now (same transaction as the decision that
    made it): the record names the new set, a ``marks`` command sends it. Returns its fingerprint."""
    fp = fingerprint(units_of(session, number))
    row = get(session, number)
    if row is None:
        row = PostingMarksRow(posting_number=number, exemplars={}, failed=[])
        session.add(row)
    if row.fingerprint != fp or row.stage == MARKS_REJECTED:
        row.stage = MARKS_ACCEPTED if row.accepted == fp else MARKS_SENDING
        row.fingerprint, row.failed, row.problem = fp, [], None
    row.updated_at = naive_utc(now)
    session.flush()
    if row.stage == MARKS_SENDING:
        key = f"marks:{number}:{fp[:24]}:"
        keys = list(session.scalars(select(OutboxRow.dedupe_key).where(
            OutboxRow.posting_number == number, OutboxRow.kind == MARKS_COMMAND,
            OutboxRow.state.in_(OUTBOX_OPEN_STATES))))
        if not any(k.startswith(key) for k in keys):  # one open command per set; again once it ended
            sent = session.scalar(select(func.count()).select_from(OutboxRow).where(
                OutboxRow.posting_number == number, OutboxRow.kind == MARKS_COMMAND)) or 0
            store_outbox.add(session, kind=MARKS_COMMAND, posting_number=number, payload={"fingerprint": fp},
                             dedupe_key=f"{key}{sent}", station=station, now=now)
    return fp


def blocks_ship(session: Session, number: str) -> str | None:
    """Why the ship of ``number`` must wait for its exemplars (None: it may go): the posting needs
    them and Ozon has not said ``ship_available`` for exactly the units it holds now."""
    requirements = session.scalar(select(PostingRow.requirements).where(PostingRow.posting_number == number))
    if not needs_exemplars(requirements):
        return None
    row = get(session, number)
    if row is None:
        return "marks_not_sent"
    if row.stage == MARKS_REJECTED:
        return "marks_rejected"
    if row.stage != MARKS_ACCEPTED or row.ozon_status != SHIP_AVAILABLE:
        return "marks_checking"
    if row.accepted != fingerprint(units_of(session, number)):
        return "marks_changed"
    return None


def wake_ship(session: Session, number: str, now: datetime) -> None:
    """The ship waiting for this posting's exemplars may go at once."""
    session.execute(update(OutboxRow).where(
        OutboxRow.posting_number == number, OutboxRow.kind == "ship", OutboxRow.state == OUTBOX_PENDING,
    ).values(not_before=naive_utc(now)))


def packed_waiting(session: Session, limit: int = 200) -> list[str]:
    """Packed postings that need exemplars while Ozon has not accepted the set they hold now
    (nothing queued, a record lost, the requirements came after the pack): the stage queues them."""
    rows = session.execute(
        select(PostingRow.posting_number, PostingRow.requirements, PostingMarksRow.stage,
               PostingMarksRow.fingerprint)
        .outerjoin(PostingMarksRow, PostingMarksRow.posting_number == PostingRow.posting_number)
        .where(PostingRow.local_state == LocalState.PACKED)
        .order_by(PostingRow.posting_number).limit(limit * 5)
    ).all()
    found = []
    for number, requirements, stage, fp in rows:
        if not needs_exemplars(requirements) or stage == MARKS_REJECTED:
            continue
        if fp is None or fp != fingerprint(units_of(session, number)):
            found.append(number)
        if len(found) == limit:
            break
    return found


def resend(session: Session, number: str, *, station: str | None, now: datetime) -> None:
    """Ozon refused the ship for want of exemplars it had accepted: send the set again."""
    row = get(session, number)
    if row is None:
        queue_set(session, number, station=station, now=now)
        return
    row.accepted, row.ozon_status, row.stage = None, None, MARKS_SENDING
    row.fingerprint = None  # queue_set names the set anew and queues its command
    session.flush()
    queue_set(session, number, station=station, now=now)


def queue_correction(session: Session, number: str, unit_id: int, code: str, *, station: str | None,
                     now: datetime) -> str:
    """After the ship (Ozon's status ``update_available``): a unit's code corrected; the complete set
    goes to Ozon again with ``set`` + ``/v1/.../exemplar/update``. Returns the new set's fingerprint."""
    session.execute(update(PackedUnitRow).where(PackedUnitRow.id == unit_id, PackedUnitRow.posting_number == number)
                    .values(mark=code))
    fp = fingerprint(units_of(session, number))
    row = get(session, number)
    if row is None:
        raise LookupError(f"{number}: no exemplars were ever sent, nothing to correct")
    row.stage, row.fingerprint, row.failed, row.problem, row.updated_at = MARKS_SENDING, fp, [], None, naive_utc(now)
    session.flush()
    store_outbox.add(session, kind=MARKS_COMMAND, posting_number=number, payload={"fingerprint": fp, "correction": True},
                     dedupe_key=f"marks:{number}:{fp[:24]}:fix", station=station, now=now)
    return fp
