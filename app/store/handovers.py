"""Hand-overs in the cache: the mode of each bench, a hand-over's parcels, the close's progress and
the tracking numbers given to Ozon (tables in ``models_handover``).

The statements a parcel scan runs are built once (at a scan, building a statement costs more than
the indexed query); everything else is plain ORM.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, case, func, insert, or_, select, update
from sqlalchemy.orm import Session

from app.statuses import AWAITING_DELIVER, READY_FOR_HANDOVER_STATES
from app.store.accounts import scoped
from app.store.bulk import chunked, naive_utc
from app.store.models import PostingRow
from app.store.models_handover import (
    HANDOVER_CLOSED, HANDOVER_OPEN, KIND_CARRIER, MODE_PACKING, PARCEL_AWAITING_TRACKING, PARCEL_EXPECTED,
    PARCEL_SCANNED, SCHEME_CARRIAGE, TRACK_ACCEPTED, TRACK_CAPTURED, TRACK_PARKED, BenchModeRow, HandoverParcelRow,
    HandoverRow, TrackingNumberRow,
)

_modes = BenchModeRow.__table__
_h = HandoverRow.__table__
_hp = HandoverParcelRow.__table__
_t = TrackingNumberRow.__table__
_p = PostingRow.__table__


# -- the mode of a bench ------------------------------------------------------------------------

_MODE = select(_modes.c.mode).where(_modes.c.station == bindparam("station"))


def get_mode(session: Session, station: str) -> str:
    return session.execute(_MODE, {"station": station}).scalar() or MODE_PACKING


def set_mode(session: Session, station: str, mode: str, now: datetime) -> None:
    """Put the bench in ``mode`` (in the decision's own transaction: it survives a restart)."""
    changed = session.execute(update(_modes).where(_modes.c.station == station),
                              {"mode": mode, "since": naive_utc(now)}).rowcount
    if not changed:
        session.execute(insert(_modes), {"station": station, "mode": mode, "since": naive_utc(now)})


# -- the open hand-over of a bench (the hand-over mode's state) ---------------------------------

@dataclass(slots=True)
class OpenHandover:
    """The columns a parcel scan decides by (``stored``: as read, to write back only a change)."""

    id: int
    delivery_method_id: int
    delivery_method_name: str | None
    departure_date: date
    scheme: str
    carrier: str | None
    error_code: str | None
    error_data: dict
    awaiting_tracking: str | None
    stored: tuple = field(default=(), repr=False)

    def mode_state(self) -> tuple:
        return (self.error_code, dict(self.error_data or {}), self.awaiting_tracking)


_OPEN = (select(_h.c.id, _h.c.delivery_method_id, _h.c.delivery_method_name, _h.c.departure_date, _h.c.scheme,
                _h.c.carrier, _h.c.error_code, _h.c.error_data, _h.c.awaiting_tracking)
         .where(_h.c.station == bindparam("station"), _h.c.state == HANDOVER_OPEN)
         .order_by(_h.c.id.desc()).limit(1))
_SAVE_MODE_STATE = update(_h).where(_h.c.id == bindparam("hid"))


def open_handover(session: Session, station: str) -> OpenHandover | None:
    row = session.execute(_OPEN, {"station": station}).first()
    if row is None:
        return None
    found = OpenHandover(*row)
    found.error_data = dict(found.error_data or {})
    found.stored = found.mode_state()
    return found


def save_mode_state(session: Session, handover: OpenHandover, now: datetime) -> None:
    """Write the held error and the awaited tracking back, when they changed."""
    state = handover.mode_state()
    if state == handover.stored:
        return
    session.execute(_SAVE_MODE_STATE, {"hid": handover.id, "error_code": state[0], "error_data": state[1],
                                       "awaiting_tracking": state[2], "updated_at": naive_utc(now)})
    handover.stored = state


# -- parcels ------------------------------------------------------------------------------------

_PARCEL = select(_hp.c.state).where(_hp.c.handover_id == bindparam("hid"), _hp.c.posting_number == bindparam("number"))
_SET_PARCEL = update(_hp).where(_hp.c.handover_id == bindparam("hid"), _hp.c.posting_number == bindparam("number"))
_INSERT_PARCEL = insert(_hp)
_COUNTS = select(_hp.c.state, func.count()).where(_hp.c.handover_id == bindparam("hid")).group_by(_hp.c.state)


def parcel_state(session: Session, handover_id: int, number: str) -> str | None:
    return session.execute(_PARCEL, {"hid": handover_id, "number": number}).scalar()


def set_parcel(session: Session, handover_id: int, number: str, state: str, *, now: datetime | None = None,
               by: str | None = None, note: str | None = None) -> None:
    values: dict[str, Any] = {"hid": handover_id, "number": number, "state": state, "note": note}
    if now is not None:
        values.update(scanned_at=naive_utc(now), scanned_by=by)
    session.execute(_SET_PARCEL, values)


def add_parcel(session: Session, handover_id: int, number: str, state: str, *, now: datetime, by: str | None) -> None:
    """A parcel of the hand-over's method that was not expected at its start (shipped since)."""
    session.execute(_INSERT_PARCEL, {"handover_id": handover_id, "posting_number": number, "state": state,
                                     "scanned_at": naive_utc(now), "scanned_by": by})


def counts(session: Session, handover_id: int) -> dict[str, int]:
    return dict(session.execute(_COUNTS, {"hid": handover_id}).all())


def numbers_in(session: Session, handover_id: int, states: Iterable[str]) -> list[str]:
    return list(session.scalars(select(_hp.c.posting_number).where(
        _hp.c.handover_id == handover_id, _hp.c.state.in_(list(states))).order_by(_hp.c.posting_number)))


def in_bag_with_status(session: Session, handover_id: int, statuses: Iterable[str]) -> list[str]:
    """Parcels scanned into the bag whose cached Ozon status is one of ``statuses`` (a cancellation
    the sync brought after the scan)."""
    p = _p.c
    return list(session.scalars(
        select(_hp.c.posting_number).join_from(HandoverParcelRow.__table__, _p,
                                               p.posting_number == _hp.c.posting_number)
        .where(_hp.c.handover_id == handover_id, _hp.c.state == PARCEL_SCANNED, p.status.in_(sorted(statuses)))
        .order_by(_hp.c.posting_number)))


def parcels(session: Session, handover_id: int) -> list[HandoverParcelRow]:
    return list(session.scalars(select(HandoverParcelRow).where(HandoverParcelRow.handover_id == handover_id)
                                .order_by(HandoverParcelRow.state, HandoverParcelRow.posting_number)))


def missing(session: Session, handover_id: int) -> list[str]:
    """Parcels not (fully) scanned: expected ones, and rFBS ones whose carrier barcode never came."""
    return numbers_in(session, handover_id, (PARCEL_EXPECTED, PARCEL_AWAITING_TRACKING))


# -- what is ready to leave ---------------------------------------------------------------------

_READY = and_(_p.c.status == AWAITING_DELIVER, _p.c.local_state.in_(sorted(READY_FOR_HANDOVER_STATES)))


def _due_by(until: datetime):
    return or_(_p.c.shipment_date.is_(None), _p.c.shipment_date < naive_utc(until))


def ready_methods(session: Session, due_by: datetime, integration_types: Iterable[str]) -> list[tuple]:
    """(delivery method id, its name, integration type, parcels ready, of them due by ``due_by``)
    for each method with parcels shipped and waiting at the bench (not handed over). Parcels due
    later may go early (Ozon's "optional" ones)."""
    due = func.sum(case((_due_by(due_by), 1), else_=0))
    return [tuple(row) for row in session.execute(
        select(_p.c.delivery_method_id, func.max(_p.c.delivery_method_name), func.max(_p.c.tpl_integration_type),
               func.count(), due)
        .where(_READY, _p.c.tpl_integration_type.in_(list(integration_types)), _p.c.delivery_method_id.is_not(None))
        .group_by(_p.c.delivery_method_id).order_by(_p.c.delivery_method_id))]


def ready_parcels(session: Session, method_id: int) -> list[str]:
    """The method's parcels shipped and waiting at the bench: a hand-over's expected ones (Ozon's
    carriage takes every one awaiting delivery, those due later too)."""
    return list(session.scalars(select(_p.c.posting_number)
                                .where(_READY, _p.c.delivery_method_id == method_id)
                                .order_by(_p.c.shipment_date, _p.c.posting_number)))


def method_of(session: Session, method_id: int) -> tuple[str | None, str | None]:
    """(name, integration type) of a delivery method as its postings carry them."""
    row = session.execute(select(func.max(_p.c.delivery_method_name), func.max(_p.c.tpl_integration_type))
                          .where(_p.c.delivery_method_id == method_id)).first()
    return (row[0], row[1]) if row else (None, None)


# -- hand-overs ---------------------------------------------------------------------------------

def create(session: Session, *, station: str, packer: str | None, method_id: int, method_name: str | None,
           departure: date, scheme: str, carrier: str | None, ozon: dict, parcels: list[str], now: datetime) -> int:
    now = naive_utc(now)
    row = HandoverRow(station=station, packer=packer, delivery_method_id=method_id, delivery_method_name=method_name,
                      departure_date=departure, scheme=scheme, carrier=carrier, state=HANDOVER_OPEN, started_at=now,
                      ozon=dict(ozon), error_data={}, known_carriages=[], added_by_ozon=[], removed_by_ozon=[],
                      close_notes=[], updated_at=now)
    session.add(row)
    session.flush()
    for chunk in chunked(parcels):
        session.execute(insert(_hp), [{"handover_id": row.id, "posting_number": n, "state": PARCEL_EXPECTED}
                                      for n in chunk])
    return row.id


def get(session: Session, handover_id: int) -> HandoverRow | None:
    return session.get(HandoverRow, handover_id, populate_existing=True)


def change(session: Session, handover_id: int, now: datetime, **values: Any) -> None:
    """Record what the close (or the receipt) got to."""
    session.execute(update(_h).where(_h.c.id == handover_id), {**values, "updated_at": naive_utc(now)})


def recent(session: Session, station: str | None = None, limit: int = 20) -> list[HandoverRow]:
    stmt = select(HandoverRow).order_by(HandoverRow.id.desc()).limit(limit)
    if station is not None:
        stmt = stmt.where(HandoverRow.station == station)
    return list(session.scalars(stmt))


def closed_before(session: Session, moment: datetime, since: datetime) -> list[HandoverRow]:
    return list(session.scalars(select(HandoverRow).where(
        HandoverRow.state == HANDOVER_CLOSED, HandoverRow.closed_at < naive_utc(moment),
        HandoverRow.closed_at >= naive_utc(since)).order_by(HandoverRow.id)))


def handed_over(session: Session, numbers: Iterable[str]) -> dict[str, dict[str, Any]]:
    """For each posting that left in a closed hand-over: when, which hand-over and carriage, the
    act, and its flag (the tracking monitor's data)."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunked(list(numbers)):
        for row in session.execute(
                select(_hp.c.posting_number, _h.c.id, _h.c.closed_at, _h.c.carriage_id, _h.c.act_pdf, _hp.c.flag,
                       _hp.c.arbitration)
                .select_from(_hp.join(_h, _h.c.id == _hp.c.handover_id))
                .where(_hp.c.posting_number.in_(chunk), _hp.c.state == PARCEL_SCANNED, _h.c.state == HANDOVER_CLOSED)
                .order_by(_h.c.id)):
            found[row[0]] = {"handover_id": row[1], "handed_over_at": row[2], "carriage_id": row[3],
                             "act_pdf": row[4], "flag": row[5], "arbitration": row[6]}
    return found


# -- tracking numbers ---------------------------------------------------------------------------

def tracking_owner(session: Session, tracking_number: str) -> str | None:
    """The posting a carrier tracking number was already given to, if any."""
    return session.execute(select(_t.c.posting_number).where(
        _t.c.tracking_number == tracking_number, _t.c.kind == KIND_CARRIER).limit(1)).scalar()


def capture_tracking(session: Session, *, posting: str, tracking: str, carrier: str, handover_id: int,
                     station: str, by: str | None, now: datetime) -> None:
    session.execute(insert(_t), {"posting_number": posting, "tracking_number": tracking, "carrier": carrier,
                                 "kind": KIND_CARRIER, "state": TRACK_CAPTURED, "handover_id": handover_id,
                                 "station": station, "captured_by": by, "captured_at": naive_utc(now)})


def carrier_tracked(session: Session, posting: str) -> TrackingNumberRow | None:
    """The tracking number a carrier shipment gave the posting when it was packed
    (app.services.carriers), not yet part of a hand-over; None when there is none."""
    return session.scalars(select(TrackingNumberRow).where(
        TrackingNumberRow.posting_number == posting, TrackingNumberRow.kind == KIND_CARRIER,
        TrackingNumberRow.handover_id.is_(None)).order_by(TrackingNumberRow.id.desc()).limit(1)).first()


def tracking_of(session: Session, handover_id: int) -> list[TrackingNumberRow]:
    return list(session.scalars(select(TrackingNumberRow).where(TrackingNumberRow.handover_id == handover_id)
                                .order_by(TrackingNumberRow.posting_number)))


def tracking_rows(session: Session, ids: Iterable[int]) -> list[TrackingNumberRow]:
    return list(session.scalars(select(TrackingNumberRow).where(TrackingNumberRow.id.in_(list(ids)))
                                .order_by(TrackingNumberRow.id).execution_options(populate_existing=True)))


def change_tracking(session: Session, ids: Iterable[int], now: datetime, **values: Any) -> None:
    ids = list(ids)
    if ids:
        session.execute(update(_t).where(_t.c.id.in_(ids)), values)


# -- replay's drain ------------------------------------------------------------------------------

def undrained(session: Session) -> int:
    """Closed hand-overs whose carriage is not approved with its act stored yet (a close Ozon
    refused for good counts as parked), and tracking numbers of closed hand-overs not yet accepted
    or parked."""
    carriages = session.scalar(select(func.count()).select_from(_h).where(
        _h.c.state == HANDOVER_CLOSED, _h.c.scheme == SCHEME_CARRIAGE,
        or_(_h.c.close_step.is_(None), _h.c.close_step.not_in(("done", "refused"))))) or 0
    closed = select(_h.c.id).where(_h.c.state == HANDOVER_CLOSED)
    tracking = session.scalar(select(func.count()).select_from(_t).where(
        _t.c.handover_id.in_(closed), _t.c.state.not_in((TRACK_ACCEPTED, TRACK_PARKED)))) or 0
    return carriages + tracking



# -- after the hand-over ------------------------------------------------------------------------

def unscanned(session: Session, closed_before: datetime, since: datetime, statuses: Iterable[str],
              substatus: str, limit: int = 50, account: str | None = None) -> list[tuple[str, int, datetime]]:
    """Parcels of hand-overs closed in [since, closed_before) that Ozon has not taken in as far as
    the cache knows (status in ``statuses`` or ``substatus``), not flagged yet: (posting, hand-over,
    closed at). ``account``: that Ozon account's parcels only (a bench with several)."""
    return [tuple(row) for row in session.execute(scoped(
        select(_hp.c.posting_number, _h.c.id, _h.c.closed_at)
        .select_from(_hp.join(_h, _h.c.id == _hp.c.handover_id).join(_p, _p.c.posting_number == _hp.c.posting_number))
        .where(_h.c.state == HANDOVER_CLOSED, _h.c.closed_at < naive_utc(closed_before),
               _h.c.closed_at >= naive_utc(since), _hp.c.state == PARCEL_SCANNED, _hp.c.flag.is_(None),
               or_(_p.c.status.in_(list(statuses)), _p.c.substatus == substatus))
        .order_by(_h.c.closed_at, _hp.c.posting_number).limit(limit), account))]


def flag_parcel(session: Session, handover_id: int, number: str, flag: str | None, now: datetime) -> None:
    session.execute(update(_hp).where(_hp.c.handover_id == handover_id, _hp.c.posting_number == number),
                    {"flag": flag, "flagged_at": naive_utc(now) if flag else None})


def flagged(session: Session) -> list[tuple]:
    """(posting, hand-over, closed at, flag, arbitration, Ozon status) of every flagged parcel."""
    return [tuple(row) for row in session.execute(
        select(_hp.c.posting_number, _h.c.id, _h.c.closed_at, _hp.c.flag, _hp.c.arbitration, _p.c.status)
        .select_from(_hp.join(_h, _h.c.id == _hp.c.handover_id).outerjoin(_p, _p.c.posting_number == _hp.c.posting_number))
        .where(_hp.c.flag.is_not(None)).order_by(_h.c.closed_at, _hp.c.posting_number))]


def set_arbitration(session: Session, number: str, state: str) -> int:
    """The dispute state of a posting's parcel in its (last) closed hand-over."""
    return session.execute(update(_hp).where(_hp.c.posting_number == number, _hp.c.state == PARCEL_SCANNED),
                           {"arbitration": state}).rowcount
