"""The tracking monitor's part of a sync pass (``app.services.sync.parts``): the last steps of an
rFBS parcel with the seller's own carrier (``delivery_step`` commands) and the buyer's message with
the tracking number (stage ``buyer_chat`` queues ``buyer_message`` commands)."""
from __future__ import annotations

from app.services.sync.part import SyncPart
from app.services.tracking import buyer_chat, steps

STAGE = "buyer_chat"


def make_part(client, db, config, now) -> SyncPart:
    return SyncPart(stage=STAGE, pull=buyer_chat.BuyerNotify(client, db, config, now), needs_ozon=False,
                    commands={steps.KIND: steps.DeliveryStepSend(client, db, config, now),
                              buyer_chat.KIND: buyer_chat.BuyerMessageSend(client, db, config, now)})
