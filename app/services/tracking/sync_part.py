"""The tracking monitor's part of a sync pass (``app.services.sync.parts``): the last steps of an
rFBS parcel with the seller's own carrier (``delivery_step`` commands)."""
from __future__ import annotations

from app.services.sync.parts import SyncPart
from app.services.tracking.steps import KIND, DeliveryStepSend


def make_part(client, db, config, now) -> SyncPart:
    return SyncPart(commands={KIND: DeliveryStepSend(client, db, config, now)})
