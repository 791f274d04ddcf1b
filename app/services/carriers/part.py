"""The carriers' part of a sync pass (``app.services.sync.parts``): the ``carrier_ship`` command and the
stage ``carriers``, which queues a carrier shipment for each packed rFBS posting whose delivery
method is mapped to a carrier (``[carriers.*] delivery_methods``) and has none yet, and reads the
carriers' own tracking of the parcels they carry (``app.services.carriers.tracking``).

Queued from the stage, not inside the bench's pack transaction: the station stays free of carriers,
and a posting packed while the sync was away (or before a crash) is found on the next pass. The
``dedupe_key`` (``carrier:<posting>:ship``) keeps it to one command per parcel whoever queues it.
"""
from __future__ import annotations

import logging

from sqlalchemy import select

from app.services.carriers.parcel import build_parcel
from app.services.carriers.refetch import REFETCH_KIND, CarrierLabel
from app.services.carriers.registry import Carriers
from app.services.carriers.tracking import CarrierTracking
from app.services.carriers.send import KIND, CarrierShip, dedupe_key
from app.services.ozon.errors import OzonNotFound
from app.services.sync.part import SyncPart
from app.store.accounts import engine_account, scoped
from app.statuses import CANCELLED_STATUSES, LocalState
from app.store import lookups
from app.store import outbox as store_outbox
from app.store.models import OutboxRow, PostingRow, ProductRow

log = logging.getLogger("packdesk.carriers")

STAGE = "carriers"
PACKED_STATES = (LocalState.PACKED, LocalState.SHIPPED, LocalState.LABELLED)


def waiting_for_carrier(session, method_ids, account: str | None = None) -> list[str]:
    """Packed postings of these delivery methods without a carrier command, oldest packed first
    (``account``: of that Ozon account only, on a bench with several)."""
    if not method_ids:
        return []
    queued = select(OutboxRow.posting_number).where(OutboxRow.kind == KIND)
    return list(session.scalars(scoped(
        select(PostingRow.posting_number)
        .where(PostingRow.delivery_method_id.in_(list(method_ids)), PostingRow.local_state.in_(PACKED_STATES),
               PostingRow.posting_number.not_in(queued))
        .order_by(PostingRow.packed_at, PostingRow.posting_number), account)))


class QueueShipments:
    """The stage: one ``carrier_ship`` command per packed posting of a carrier's method."""

    def __init__(self, client, db, config, now) -> None:
        self.client, self.db, self.config, self.now = client, db, config, now

    def __call__(self) -> int:
        settings = self.config.carriers
        methods = {m: c.name for c in settings.carriers for m in c.delivery_methods}
        with self.db.read() as session:
            numbers = waiting_for_carrier(session, methods, engine_account(self.config))
        queued = 0
        for number in numbers:
            try:
                on_ozon = self.client.get_posting(number)  # where Ozon says it goes, and that it still goes
            except OzonNotFound:
                on_ozon = None
            if on_ozon is not None and on_ozon.status in CANCELLED_STATUSES:
                log.info("%s is cancelled on Ozon: no carrier shipment", number)
                continue
            addressee = on_ozon.addressee if on_ozon is not None else None
            with self.db.read() as session:
                posting = lookups.get_posting(session, number)
                products = {p.sku: p for p in session.scalars(
                    select(ProductRow).where(ProductRow.sku.in_([i.sku for i in posting.items])))}
                parcel = build_parcel(posting, products, addressee)
                carrier, station = methods[posting.delivery_method_id], posting.packed_by
            self.db.writer.call(lambda s: store_outbox.add(
                s, kind=KIND, posting_number=number, payload={"carrier": carrier, "parcel": parcel.to_json()},
                dedupe_key=dedupe_key(number), station=station, now=self.now()))
            log.info("%s shipment queued for %s", carrier, number)
            queued += 1
        return queued


def make_part(client, db, config, now) -> SyncPart:
    if config is None:  # the stage list only (tests/test_sync_stages.py)
        return SyncPart(stage=STAGE, pull=lambda: 0)
    carriers = Carriers(config.carriers, now)
    queue = QueueShipments(client, db, config, now)
    track = CarrierTracking(db, carriers, station=config.station.name, now=now)

    def pull() -> dict:
        return {"queued": queue(), "tracked": track()}

    return SyncPart(stage=STAGE, pull=pull,
                    commands={KIND: CarrierShip(db, carriers=carriers, data_dir=config.data_dir, now=now),
                              REFETCH_KIND: CarrierLabel(db, carriers=carriers, data_dir=config.data_dir, now=now)})
