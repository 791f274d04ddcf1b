"""The hand-over's part of a sync pass (``app.services.sync.parts``): its outbox commands (the
carriage's close, tracking numbers, disputes) and its stage ``handover`` (Ozon's word on today's
departures, parcels Ozon has not scanned)."""
from __future__ import annotations

from app.services.handover.afterwards import ARBITRATION_KIND, Afterwards, ArbitrationSend
from app.services.handover.carriage import CarriageClose
from app.services.handover.close import CLOSE_KIND, TRACKING_KIND
from app.services.handover.tracking import TrackingSend
from app.services.sync.part import SyncPart

STAGE = "handover"


def make_part(client, db, config, now) -> SyncPart:
    return SyncPart(stage=STAGE, pull=Afterwards(client, db, config, now),
                    commands={CLOSE_KIND: CarriageClose(client, db, config, now),
                              TRACKING_KIND: TrackingSend(client, db, config, now),
                              ARBITRATION_KIND: ArbitrationSend(client, db, config, now)})
