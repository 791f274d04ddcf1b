"""The counted units of a posting (``packed_units``): one row per verified unit, its box and scan.

Runs inside the decision's writer transaction (reads for the pack view run in a read session);
each statement is built once, at import: at a scan, building one costs more than running it.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete, func, insert, select
from sqlalchemy.orm import Session

from app.statuses import LocalState
from app.store.models import PackedUnitRow, PostingRow

_u, _p = PackedUnitRow.__table__.c, PostingRow.__table__.c
_OF = _u.posting_number == bindparam("number")

_BY_LINE = select(_u.line_no, func.count(), func.max(_u.box_no)).where(_OF).group_by(_u.line_no)
_ADD = insert(PackedUnitRow.__table__)
_IN_BOX = select(func.count()).select_from(PackedUnitRow.__table__).where(_OF, _u.box_no == bindparam("box"))
_MARK_SEEN = (  # this posting's unit, or another's that is not cancelled
    select(_u.posting_number)
    .select_from(PackedUnitRow.__table__.join(PostingRow.__table__, _p.posting_number == _u.posting_number))
    .where(_u.mark == bindparam("mark"), (_OF) | (_p.local_state != LocalState.CANCELLED))
    .limit(1)
)
_DROP = delete(PackedUnitRow.__table__).where(_OF)
_PACKAGES = (select(_u.box_no, _u.sku, func.count()).where(_OF)
             .group_by(_u.box_no, _u.sku).order_by(_u.box_no, _u.sku))


def line_counts(session: Session, number: str) -> dict[int, int]:
    """Units counted per line."""
    return {line_no: count for line_no, count, _ in session.execute(_BY_LINE, {"number": number})}


def add(session: Session, *, posting_number: str, line_no: int, sku: int, box_no: int, barcode: str,
        mark: str | None, station: str, packer: str | None, at: datetime) -> None:
    session.execute(_ADD, {"posting_number": posting_number, "line_no": line_no, "sku": sku, "box_no": box_no,
                           "barcode": barcode, "mark": mark, "station": station, "packer": packer, "at": at})


def in_box(session: Session, number: str, box_no: int) -> int:
    return session.execute(_IN_BOX, {"number": number, "box": box_no}).scalar() or 0


def mark_seen(session: Session, number: str, mark: str) -> str | None:
    """The posting that already holds this marking code (this one, or another not cancelled)."""
    return session.execute(_MARK_SEEN, {"number": number, "mark": mark}).scalar()


def drop(session: Session, number: str) -> int:
    return session.execute(_DROP, {"number": number}).rowcount or 0


def packages(session: Session, number: str) -> list[list[list[int]]]:
    """One package per box, ``[[sku, qty], ...]`` each, as the ship command takes them."""
    boxes: dict[int, list[list[int]]] = {}
    for box_no, sku, count in session.execute(_PACKAGES, {"number": number}):
        boxes.setdefault(box_no, []).append([int(sku), int(count)])
    return [boxes[b] for b in sorted(boxes)]
