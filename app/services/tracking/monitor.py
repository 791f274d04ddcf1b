"""The tracking monitor: every posting shipped and not yet delivered or closed, with what needs a
person (CONTRACT.md, ``packdesk track``).

    rows = watch(db, config, now=utcnow())      # flagged first, then the longest in their status
    [row.as_json() for row in rows]             # CONTRACT.md's shape

A row's ``flag`` (the first that applies, in this order of urgency):

- ``not_scanned_by_ozon``: handed over ``[handover] unscanned_after_h`` hours ago (or flagged by the
  sync's ``handover`` stage) and Ozon still shows it waiting (``awaiting_deliver``, ``not_accepted``,
  ``posting_not_in_sort_center``);
- ``registration_error``: the rFBS Aggregator's partner refused to register it;
- ``cancelled_after_label``: cancelled on Ozon after its label printed (the parcel must not leave);
- ``returning``: on its way back to the seller;
- ``late``: shipped and still at the seller's after its ship-by date, or travelling longer than
  ``[tracking] deliver_within_days`` since its hand-over.

Days in the status are counted from the moment the posting entered it as far as the cache knows:
the hand-over (or Ozon's ``delivering_date``) for a parcel on its way, the packing for one waiting at
the seller's, the label for one cancelled after it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from app.services.carriers.base import IN_TRANSIT as CARRIER_IN_TRANSIT
from app.services.carriers.base import RETURNED as CARRIER_RETURNED
from app.statuses import (
    CANCELLED_STATUSES, NOT_SCANNED_BY_OZON_STATUSES, RETURNING_SUBSTATUSES, SHIPPED_STATUSES,
    SUBSTATUS_NOT_IN_SORT_CENTER, SUBSTATUS_REGISTRATION_ERROR,
)
from app.store import handovers as store_handovers
from app.store import tracking as store
from app.store.models_handover import FLAG_NOT_SCANNED, KIND_DOMESTIC

FLAG_REGISTRATION_ERROR = "registration_error"
FLAG_LATE = "late"
FLAG_CANCELLED_AFTER_LABEL = "cancelled_after_label"
FLAG_RETURNING = "returning"
# most urgent first (the order rows sort in)
FLAGS = (FLAG_NOT_SCANNED, FLAG_REGISTRATION_ERROR, FLAG_CANCELLED_AFTER_LABEL, FLAG_RETURNING, FLAG_LATE)
CANCELLED_LOOK_BACK = timedelta(days=14)
CARRIER_SILENT = timedelta(days=3)  # no event from the seller's own carrier this long: the parcel is stuck  # a cancellation after the label stays on the monitor this long


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Tracked:
    posting_number: str
    status: str
    substatus: str | None
    local_state: str
    handed_over_at: datetime | None
    carriage_id: int | None
    tracking_number: str | None
    flag: str | None
    since: datetime | None        # in this status since (as far as the cache knows)
    days: int | None              # whole days in this status
    delivery_method: str | None
    arbitration: str | None = None
    domestic: tuple[str, ...] = ()  # cross-border: the forwarder's domestic numbers (kept here, not Ozon's)
    carrier_says: str = ""          # the seller's own carrier's tracking: its last event (app.services.carriers)

    def as_json(self) -> dict:
        """CONTRACT.md's shape, nothing more."""
        return {"posting_number": self.posting_number, "status": self.status, "substatus": self.substatus,
                "local_state": self.local_state,
                "handed_over_at": self.handed_over_at.isoformat() if self.handed_over_at else None,
                "carriage_id": self.carriage_id, "tracking_number": self.tracking_number, "flag": self.flag}


def watch(db, config, *, now: datetime) -> list[Tracked]:
    """The monitor's rows, the ones needing a person first."""
    with db.read() as session:
        rows = store.in_transit(session, now - CANCELLED_LOOK_BACK)
        numbers = [row["posting_number"] for row in rows]
        handed = store_handovers.handed_over(session, numbers)
        carrier = store.carrier_numbers(session, numbers)
        domestic = store.numbers_of_kind(session, numbers, KIND_DOMESTIC)
        carried = store.carrier_states(session, numbers)
    for row in rows:  # the carrier's stage joins the flags' rules (a parcel it sends back is returning)
        row["carrier_stage"], row["carrier_says"], row["carrier_at"] = carried.get(row["posting_number"],
                                                                                   (None, None, None))
    unscanned_after = timedelta(hours=config.handover.unscanned_after_h)
    travel = timedelta(days=config.tracking.deliver_within_days)
    tracked = [_row(row, handed.get(row["posting_number"], {}), carrier.get(row["posting_number"]), now,
                    unscanned_after, travel, tuple(domestic.get(row["posting_number"], ()))) for row in rows]
    rank = {flag: index for index, flag in enumerate(FLAGS)}
    tracked.sort(key=lambda t: (rank.get(t.flag, len(FLAGS)), -(t.days or 0), t.posting_number))
    return tracked


def flag_of(row: dict, handed: dict, now: datetime, unscanned_after: timedelta, travel: timedelta) -> str | None:
    """The first flag that applies to a posting (``row``: the cache's columns; ``handed``: its hand-over)."""
    status, substatus = row["status"], row["substatus"]
    handed_over_at = handed.get("handed_over_at")
    waiting = status in NOT_SCANNED_BY_OZON_STATUSES or substatus == SUBSTATUS_NOT_IN_SORT_CENTER
    overdue = handed_over_at is not None and now - handed_over_at >= unscanned_after
    if waiting and (overdue or handed.get("flag") == FLAG_NOT_SCANNED):
        return FLAG_NOT_SCANNED
    if substatus == SUBSTATUS_REGISTRATION_ERROR:
        return FLAG_REGISTRATION_ERROR
    if status in CANCELLED_STATUSES:
        return FLAG_CANCELLED_AFTER_LABEL
    if substatus in RETURNING_SUBSTATUSES or row.get("carrier_stage") == CARRIER_RETURNED:
        return FLAG_RETURNING
    if status in SHIPPED_STATUSES and handed_over_at is None:
        if row["shipment_date"] is not None and row["shipment_date"] < now - timedelta(days=1):
            return FLAG_LATE
    else:
        left = handed_over_at or row["delivering_date"]
        if left is not None and now - left > travel:
            return FLAG_LATE
    heard = row.get("carrier_at")  # the seller's own carrier: its last event
    if row.get("carrier_stage") == CARRIER_IN_TRANSIT and heard is not None and now - heard > CARRIER_SILENT:
        return FLAG_LATE  # stuck: the carrier has said nothing of the parcel for days
    return None


def _since(row: dict, handed: dict) -> datetime | None:
    """When the posting came into its status: as a sync saw it change; for a row cached before
    packdesk kept that time (or never seen changing), the nearest thing the cache knows."""
    if row.get("status_changed_at") is not None:
        return row["status_changed_at"]
    if row["status"] in CANCELLED_STATUSES:
        return row["synced_at"] or row["label_printed_at"]
    if row["status"] in SHIPPED_STATUSES:
        return row["packed_at"] or row["synced_at"]
    return row["delivering_date"] or handed.get("handed_over_at") or row["synced_at"]


def _row(row: dict, handed: dict, carrier: str | None, now: datetime, unscanned_after: timedelta,
         travel: timedelta, domestic: tuple[str, ...] = ()) -> Tracked:
    since = _since(row, handed)
    return Tracked(
        posting_number=row["posting_number"], status=row["status"], substatus=row["substatus"],
        local_state=row["local_state"], handed_over_at=handed.get("handed_over_at"),
        carriage_id=handed.get("carriage_id"), tracking_number=row["tracking_number"] or carrier,
        flag=flag_of(row, handed, now, unscanned_after, travel), since=since,
        days=max(0, (now - since).days) if since is not None else None,
        delivery_method=row["delivery_method_name"], arbitration=handed.get("arbitration"), domestic=domestic,
        carrier_says=row.get("carrier_says") or "")
