"""rFBS Aggregator's part of a sync pass (``app.services.sync.parts``): the number of boxes before
the ship (``multibox_qty`` commands) and the stage ``aggregator`` (partner refusals become problems)."""
from __future__ import annotations

from app.services.aggregator.multibox import KIND, MultiboxSend
from app.services.aggregator.registration import RegistrationWatch
from app.services.sync.parts import SyncPart

STAGE = "aggregator"


def make_part(client, db, config, now) -> SyncPart:
    return SyncPart(stage=STAGE, pull=RegistrationWatch(client, db, config, now),
                    commands={KIND: MultiboxSend(client, db, config, now)}, needs_ozon=False)
