"""rFBS Aggregator's part of a sync pass (``app.services.sync.parts``): the number of boxes before
the ship (``multibox_qty`` commands, and a multi-box posting's ship waits for them) and the stage
``aggregator`` (partner refusals become problems)."""
from __future__ import annotations

from app.services.aggregator.multibox import KIND, MultiboxSend, before_ship
from app.services.aggregator.registration import RegistrationWatch
from app.services.sync.part import SyncPart

STAGE = "aggregator"


def make_part(client, db, config, now) -> SyncPart:
    return SyncPart(stage=STAGE, pull=RegistrationWatch(client, db, config, now),
                    commands={KIND: MultiboxSend(client, db, config, now)}, needs_ozon=False,
                    before_ship=lambda command: before_ship(db, command, now()))  # its number of boxes first
