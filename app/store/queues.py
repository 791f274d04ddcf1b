"""Reads for the bench's queue views: plain tuples through SQLAlchemy Core, no ORM objects.

A queue can hold thousands of postings and is re-read after every sync pass. Loading them as
ORM instances (with items) costs ~40 ms per thousand and leaves a large heap for the garbage
collector to walk while the window is painting; these reads build small dicts instead.

    rows = postings_in_queue(session, status=("awaiting_packaging",), local_states=("waiting",))
    rows[0] == {"posting_number": ..., "shipment_date": ..., "items": [("Mug", "mug-1", 1234, 2)], ...}
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import LABEL_FAILED, LABEL_PARKED, LABEL_PRINTED, LabelRow, PostingItemRow, PostingRow

_p = PostingRow.__table__.c
_i = PostingItemRow.__table__.c
_l = LabelRow.__table__.c

POSTING_KEYS = ("posting_number", "shipment_date", "status", "local_state", "warehouse_id",
                "delivery_method_name", "claimed_by", "account", "problem")
LABEL_KEYS = ("posting_number", "state", "printer", "printed_at", "copies", "last_error", "error_kind",
              "attempts")


def postings_in_queue(session: Session, *, status: Iterable[str] | None = None,
                      local_states: Iterable[str]) -> list[dict]:
    """Postings with ``local_state`` in ``local_states`` (and Ozon ``status`` in ``status`` if
    given), by deadline (undated last); each with ``items``: (name, offer_id, sku, quantity)."""
    where = [_p.local_state.in_(list(local_states))]
    if status is not None:
        where.append(_p.status.in_(list(status)))
    rows = session.execute(
        select(*(_p[key] for key in POSTING_KEYS)).where(*where)
        .order_by(_p.shipment_date.is_(None), _p.shipment_date, _p.posting_number)
    )
    found = {row[0]: dict(zip(POSTING_KEYS, row), items=[]) for row in rows}
    if found:
        lines = session.execute(
            select(_i.posting_number, _i.name, _i.offer_id, _i.sku, _i.quantity)
            .join(PostingRow.__table__, _p.posting_number == _i.posting_number)
            .where(*where).order_by(_i.posting_number, _i.line_no)
        )
        for number, name, offer_id, sku, quantity in lines:
            posting = found.get(number)
            if posting is not None:
                posting["items"].append((name, offer_id, sku, quantity))
    return list(found.values())


def labels_in_queue(session: Session, *, station: str | None, printed_since: datetime | None = None) -> list[dict]:
    """Labels printed since ``printed_since`` (newest first), or, without it, the failed and
    parked ones a person should look at (newest first); of ``station`` if given."""
    stmt = select(*(_l[key] for key in LABEL_KEYS))
    if printed_since is not None:
        stmt = stmt.where(_l.state == LABEL_PRINTED, _l.printed_at >= printed_since).order_by(_l.printed_at.desc())
    else:
        stmt = stmt.where(_l.state.in_((LABEL_FAILED, LABEL_PARKED))).order_by(_l.id.desc())
    if station is not None:
        stmt = stmt.where(_l.station == station)
    return [dict(zip(LABEL_KEYS, row)) for row in session.execute(stmt)]
