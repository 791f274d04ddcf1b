"""The tracking monitor's reads of the cache: postings shipped and not delivered yet, postings
cancelled after their label printed, and the carrier / domestic tracking numbers kept per posting."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.statuses import CANCELLED_STATUSES, IN_TRANSIT_STATUSES, LocalState
from app.store.bulk import chunked, naive_utc
from app.store.models import LABEL_PRINTED, LabelRow, PostingRow
from app.store.models_handover import KIND_CARRIER, TrackingNumberRow

_p = PostingRow.__table__
_l = LabelRow.__table__
_t = TrackingNumberRow.__table__

COLUMNS = (_p.c.posting_number, _p.c.status, _p.c.substatus, _p.c.local_state, _p.c.tracking_number,
           _p.c.shipment_date, _p.c.delivering_date, _p.c.packed_at, _p.c.synced_at, _p.c.status_changed_at,
           _p.c.delivery_method_id,
           _p.c.delivery_method_name, _p.c.tpl_integration_type, _p.c.problem)


def in_transit(session: Session, cancelled_since: datetime) -> list[dict]:
    """Every posting shipped or handed over and not delivered, and every posting cancelled after its
    label printed (label printed since ``cancelled_since``), as dicts of ``COLUMNS`` (+ ``label_printed_at``)."""
    printed = (select(_l.c.posting_number, func.max(_l.c.printed_at).label("printed_at"))
               .where(_l.c.state == LABEL_PRINTED).group_by(_l.c.posting_number).subquery())
    moving = select(*COLUMNS, printed.c.printed_at).select_from(
        _p.outerjoin(printed, printed.c.posting_number == _p.c.posting_number)
    ).where(_p.c.status.in_(sorted(IN_TRANSIT_STATUSES)))
    cancelled = select(*COLUMNS, printed.c.printed_at).select_from(
        _p.join(printed, printed.c.posting_number == _p.c.posting_number)
    ).where(_p.c.status.in_(sorted(CANCELLED_STATUSES)), printed.c.printed_at >= naive_utc(cancelled_since))
    rows = [*session.execute(moving).mappings(), *session.execute(cancelled).mappings()]
    return [{**dict(row), "label_printed_at": row["printed_at"]} for row in rows]


def carrier_numbers(session: Session, numbers: Iterable[str]) -> dict[str, str]:
    """The carrier tracking number captured at a hand-over, per posting (the latest)."""
    found: dict[str, str] = {}
    for chunk in chunked(list(numbers)):
        for number, tracking in session.execute(
                select(_t.c.posting_number, _t.c.tracking_number)
                .where(_t.c.posting_number.in_(chunk), _t.c.kind == KIND_CARRIER).order_by(_t.c.id)):
            found[number] = tracking
    return found


def refused_registration(session: Session, substatus: str, skip_states: Iterable[str]) -> list[str]:
    """Postings the delivery partner refused to register, not yet a problem (or cancelled) here."""
    return list(session.scalars(select(_p.c.posting_number).where(
        _p.c.substatus == substatus, _p.c.local_state.not_in(list(skip_states))).order_by(_p.c.posting_number)))


def still_refused(session: Session, refused: str, problem: str) -> list[str]:
    """Postings that are a problem (``problem``) for the partner's refusal and still refused."""
    return list(session.scalars(select(_p.c.posting_number).where(
        _p.c.local_state == LocalState.PROBLEM, _p.c.problem == problem, _p.c.substatus == refused)))


def registered_after_refusal(session: Session, refused: str, problem: str, statuses: Iterable[str]) -> list[str]:
    """Postings made a problem (``problem``) for the partner's refusal (substatus ``refused``) that
    Ozon now shows past it, in one of ``statuses``."""
    return list(session.scalars(select(_p.c.posting_number).where(
        _p.c.local_state == LocalState.PROBLEM, _p.c.problem == problem, _p.c.substatus != refused,
        _p.c.status.in_(sorted(statuses))).order_by(_p.c.posting_number)))


# -- domestic tracking numbers (cross-border: the forwarder's, e.g. China-side) ---------------------

def add_domestic(session: Session, *, posting: str, numbers: Iterable[str], carrier: str, kind: str, state: str,
                 station: str, now: datetime) -> list[str]:
    """Record numbers not recorded yet for the posting; returns the new ones."""
    have = set(session.scalars(select(_t.c.tracking_number).where(_t.c.posting_number == posting, _t.c.kind == kind)))
    new = [n for n in dict.fromkeys(numbers) if n not in have]
    for number in new:
        session.execute(_t.insert(), {"posting_number": posting, "tracking_number": number, "carrier": carrier,
                                      "kind": kind, "state": state, "station": station, "captured_by": station,
                                      "captured_at": naive_utc(now)})
    return new


def carrier_states(session: Session, numbers: Iterable[str]) -> dict[str, tuple[str | None, str | None, datetime | None]]:
    """What the carrier's own tracking last said of each posting's parcel: (stage, its words, when)."""
    found: dict[str, tuple[str | None, str | None, datetime | None]] = {}
    for chunk in chunked(list(numbers)):
        for number, stage, words, at in session.execute(
                select(_t.c.posting_number, _t.c.carrier_stage, _t.c.carrier_status, _t.c.carrier_status_at)
                .where(_t.c.posting_number.in_(chunk), _t.c.kind == KIND_CARRIER, _t.c.carrier_stage.is_not(None))
                .order_by(_t.c.id)):
            found[number] = (stage, words, at)
    return found


def numbers_of_kind(session: Session, numbers: Iterable[str], kind: str) -> dict[str, list[str]]:
    """The tracking numbers of ``kind`` recorded for each of these postings, in the order recorded."""
    found: dict[str, list[str]] = {}
    for chunk in chunked(list(numbers)):
        for number, tracking in session.execute(
                select(_t.c.posting_number, _t.c.tracking_number)
                .where(_t.c.posting_number.in_(chunk), _t.c.kind == kind).order_by(_t.c.id)):
            found.setdefault(number, []).append(tracking)
    return found


def domestic_rows(session: Session, kind: str) -> list[dict]:
    """Every domestic number with its posting's Ozon status and tracking number, oldest first."""
    rows = session.execute(
        select(_t.c.posting_number, _t.c.tracking_number, _t.c.carrier, _t.c.captured_at, _p.c.status,
               _p.c.tracking_number.label("ozon_tracking_number"))
        .select_from(_t.outerjoin(_p, _p.c.posting_number == _t.c.posting_number))
        .where(_t.c.kind == kind).order_by(_t.c.posting_number, _t.c.id)).mappings()
    return [dict(row) for row in rows]


# -- buyer messages --------------------------------------------------------------------------------

def to_notify(session: Session, integration_types: Iterable[str], statuses: Iterable[str], kind: str,
              limit: int = 200) -> list[dict]:
    """rFBS postings on their way with a tracking number (Ozon's, or the carrier's captured here) and
    no buyer message queued yet: ``posting_number``, ``tracking_number``, ``carrier``."""
    from app.store.models import OutboxRow

    queued = select(OutboxRow.posting_number).where(OutboxRow.kind == kind, OutboxRow.posting_number.is_not(None))
    captured = (select(_t.c.posting_number, func.max(_t.c.tracking_number).label("captured"))
                .where(_t.c.kind == KIND_CARRIER).group_by(_t.c.posting_number).subquery())
    rows = session.execute(
        select(_p.c.posting_number, _p.c.tracking_number, captured.c.captured, _p.c.delivery_method_name)
        .select_from(_p.outerjoin(captured, captured.c.posting_number == _p.c.posting_number))
        .where(_p.c.tpl_integration_type.in_(list(integration_types)), _p.c.status.in_(list(statuses)),
               _p.c.posting_number.not_in(queued),
               (_p.c.tracking_number.is_not(None) & (_p.c.tracking_number != "")) | captured.c.captured.is_not(None))
        .order_by(_p.c.posting_number).limit(limit)).mappings()
    return [{"posting_number": r["posting_number"], "tracking_number": r["tracking_number"] or r["captured"],
             "carrier": r["delivery_method_name"] or ""} for r in rows]
