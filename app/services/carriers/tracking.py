"""The carriers' own tracking, read by the sync's ``carriers`` stage: for each parcel a carrier
shipped (its tracking number, ``kind`` carrier) and not yet delivered or returned, the carrier's
history is asked at most every ``CHECK_EVERY`` and its last event kept on the tracking number
(``carrier_stage``, ``carrier_status``, ``carrier_status_at``). The Tracking tab and
``packdesk track`` show it (a parcel the carrier sends back is flagged ``returning``). Ozon is told
what the carrier saw and it does not show yet (non-integrated rFBS: ``app.services.tracking.steps``,
through the outbox, confirmed by re-reading): ``last-mile`` when the parcel is out with the courier
or at the pickup point, ``delivered`` when the buyer has it.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from app.services.carriers.base import DELIVERED, LAST_MILE, RETURNED, CarrierError
from app.services.tracking.steps import DELIVERED_STEP, LAST_MILE as LAST_MILE_STEP
from app.services.tracking.steps import done_on_ozon, request_step
from app.statuses import CANCELLED_STATUSES, DELIVERING
from app.store.bulk import naive_utc
from app.store.models import PostingRow
from app.store.models_handover import KIND_CARRIER, TrackingNumberRow

log = logging.getLogger("packdesk.carriers.tracking")

CHECK_EVERY = timedelta(minutes=30)
PER_PASS = 50  # carriers' tracking is asked at most this many times a pass


class CarrierTracking:
    def __init__(self, db, carriers: Callable[[str], object], *, station: str, now: Callable[[], datetime]) -> None:
        self.db, self.carriers, self.station, self.now = db, carriers, station, now

    def __call__(self) -> int:
        """Ask the carriers about the parcels due a look; returns how many were asked."""
        now = naive_utc(self.now())
        t, p = TrackingNumberRow.__table__.c, PostingRow.__table__.c
        with self.db.read() as session:
            due = session.execute(
                select(t.id, t.posting_number, t.tracking_number, t.carrier, p.status, p.substatus)
                .join_from(TrackingNumberRow.__table__, PostingRow.__table__, p.posting_number == t.posting_number)
                .where(t.kind == KIND_CARRIER, or_(t.carrier_stage.is_(None), t.carrier_stage.not_in((DELIVERED, RETURNED))),
                       or_(t.carrier_checked_at.is_(None), t.carrier_checked_at <= now - CHECK_EVERY),
                       p.status.not_in(sorted(CANCELLED_STATUSES)))
                .order_by(t.carrier_checked_at.is_not(None), t.carrier_checked_at, t.id).limit(PER_PASS)).all()
        tell: dict[str, list[str]] = {LAST_MILE_STEP: [], DELIVERED_STEP: []}  # step -> postings
        for row_id, number, tracking, name, status, substatus in due:
            carrier = self.carriers(name)
            if carrier is None:
                continue
            try:
                events = carrier.history(tracking)
            except CarrierError as exc:  # the next pass asks again; one carrier down stops no other
                log.info("%s tracking of %s (%s) not read: %s", name, number, tracking, exc)
                continue
            values = {"carrier_checked_at": now}
            if events:
                last = events[-1]
                values.update(carrier_stage=last.stage, carrier_status=f"{last.name} {last.place}".strip(),
                              carrier_status_at=naive_utc(last.at))
                step = _STEP_OF.get(last.stage)
                if step is not None and status == DELIVERING and not done_on_ozon(step, status, substatus):
                    tell[step].append(number)
            self.db.writer.call(lambda s, i=row_id, v=values: s.execute(
                update(TrackingNumberRow).where(TrackingNumberRow.id == i).values(**v)))
        for step, numbers in tell.items():  # own-carrier rFBS only (request_step says which)
            if numbers:
                queued, _ = request_step(self.db, numbers, step, station=self.station, now=self.now())
                for number in queued:
                    log.info("%s: its carrier says %s, '%s' queued for Ozon", number, step, step)
        return len(due)


_STEP_OF = {LAST_MILE: LAST_MILE_STEP, DELIVERED: DELIVERED_STEP}  # the carrier's stage -> Ozon's step
