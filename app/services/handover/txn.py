"""One hand-over decision: the writer transaction's session, the bench's open hand-over (its mode
state), who and when. Every decision writes its event-log line and returns a ``HandoverResult``;
the caller commits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from sqlalchemy.orm import Session

from app.services.handover import results as hr
from app.store import events as store_events
from app.store import handovers as store
from app.store.handovers import OpenHandover
from app.store.models_handover import PARCEL_AWAITING_TRACKING, PARCEL_EXPECTED, PARCEL_SCANNED


@dataclass
class Txn:
    session: Session
    station: str
    packer: str | None
    now: datetime  # naive UTC
    zone: tzinfo
    handover: OpenHandover | None
    tracking_pattern: str | None = None  # [handover] tracking_pattern: other carriers' numbers
    mode_after: str | None = None  # the bench's mode this decision wrote (None: it wrote none)

    def enter(self, mode: str) -> None:
        """Put the bench in ``mode`` with this decision (``bench_modes``, in its transaction)."""
        store.set_mode(self.session, self.station, mode, self.now)
        self.mode_after = mode

    def log(self, kind: str, posting: str | None, data: dict[str, Any]) -> None:
        data = {**data, "handover": self.handover.id} if self.handover is not None else data
        store_events.append_event(self.session, kind=kind, station=self.station, packer=self.packer,
                                  posting_number=posting, data=data, now=self.now)

    def state(self) -> str:
        if self.handover is None:
            return hr.IDLE  # no hand-over open: the bench packs
        return hr.ERROR if self.handover.error_code else hr.HANDOVER

    def hold(self, code: str, **data: Any) -> None:
        self.handover.error_code, self.handover.error_data = code, _jsonable(data)

    def clear_error(self) -> None:
        self.handover.error_code, self.handover.error_data = None, {}

    def answer(self, code: str, posting: str | None, /, **data: Any) -> hr.HandoverResult:
        """Log the outcome and answer it (a held code holds the bench until it is cleared)."""
        if code in hr.HELD_CODES and self.handover is not None:
            self.hold(code, posting=posting, **data)
        self.log(code, posting, data)
        if self.handover is not None:  # which hand-over (the evidence follows it by its id)
            data.setdefault("handover", self.handover.id)
        return hr.result(code, posting, self.state(), **data)

    def tally(self) -> dict[str, int]:
        """expected / scanned / missing of the open hand-over (cancelled parcels are not expected)."""
        by_state = store.counts(self.session, self.handover.id)
        scanned = by_state.get(PARCEL_SCANNED, 0)
        missing = len_missing(by_state)
        return {"expected": scanned + missing, "scanned": scanned, "missing": missing}

    def today(self) -> date:
        return local_day(self.now, self.zone)


def len_missing(by_state: dict[str, int]) -> int:
    return by_state.get(PARCEL_EXPECTED, 0) + by_state.get(PARCEL_AWAITING_TRACKING, 0)


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The bench's calendar day at ``moment`` (naive UTC)."""
    return moment.replace(tzinfo=timezone.utc).astimezone(zone).date()


def day_end_utc(day: date, zone: tzinfo) -> datetime:
    """The first moment after ``day`` in the bench's zone, as naive UTC."""
    start = datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(days=1)
    return start.astimezone(timezone.utc).replace(tzinfo=None)


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if isinstance(v, (str, int, float, bool, list, dict, type(None)))}
