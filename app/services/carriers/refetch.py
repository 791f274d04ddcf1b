"""The ``carrier_label`` outbox command: a carrier's label whose PDF is gone from the data dir (a
cleared folder, a disk swapped) is fetched again from the carrier before it prints.

The printer finds the file missing and queues this command instead of waiting for a fetch no one
makes (Ozon's labels have the sync's fetcher; a carrier's came with its shipment). The handler
takes the shipment the ``carrier_ship`` command recorded (its carrier id and tracking number: no new
shipment, ever), asks the carrier for the label (polled while the carrier makes it), writes it
atomically and puts the label row back to ``fetched``; the print thread prints it on its next round.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.services.carriers.base import CarrierRefused, CarrierUnavailable, Parcel
from app.services.carriers.send import KIND, LABEL_DIR, LABEL_KIND, POLL_S, known_shipment
from app.services.labels.files import write_pdf
from app.services.sync.outbox import Command, Outcome, backoff_s
from app.store import labels as store_labels
from app.store import outbox as store_outbox
from app.store.models import OUTBOX_CONFIRMING, OUTBOX_DONE, OUTBOX_PARKED, OUTBOX_PENDING

log = logging.getLogger("packdesk.carriers.refetch")

REFETCH_KIND = "carrier_label"


def queue_refetch(session, posting_number: str, *, station: str | None, now: datetime, reason: str) -> None:
    """In the printer's transaction: fetch this posting's carrier label again (once per loss)."""
    label = store_labels.get(session, posting_number, LABEL_KIND)
    store_outbox.add(session, kind=REFETCH_KIND, posting_number=posting_number, payload={"reason": reason},
                     dedupe_key=f"{REFETCH_KIND}:{posting_number}:{label.fetched_at if label else now}",
                     station=station, now=now)


class CarrierLabel:
    """The ``carrier_label`` handler."""

    def __init__(self, db, *, carriers: Callable[[str], object], data_dir: Path,
                 now: Callable[[], datetime]) -> None:
        self.db, self.carriers, self.data_dir, self.now = db, carriers, Path(data_dir), now

    def __call__(self, command: Command) -> Outcome:
        number = command.posting_number
        with self.db.read() as session:
            shipped = next((c for c in store_outbox.for_posting(session, number)
                            if c.kind == KIND and c.state == OUTBOX_DONE), None)
        if shipped is None:
            return Outcome(OUTBOX_PARKED, f"{number}: no carrier shipment recorded to fetch its label from")
        name, result = shipped.payload["carrier"], dict(shipped.result or {})
        shipment = known_shipment(result, Parcel.from_json(shipped.payload["parcel"]))
        carrier = self.carriers(name)
        if carrier is None or shipment is None:
            return Outcome(OUTBOX_PARKED, f"{name}: not configured, or the shipment is not known")
        try:
            shipment, pdf = carrier.label(shipment)
        except CarrierRefused as exc:
            return Outcome(OUTBOX_PARKED, f"{name} refused the label ({exc.kind}): {exc}")
        except CarrierUnavailable as exc:
            return Outcome(OUTBOX_PENDING, str(exc), delay_s=backoff_s(command.attempts))
        if pdf is None:
            return Outcome(OUTBOX_CONFIRMING, f"waiting for {name}'s label", delay_s=POLL_S)
        path = write_pdf(self.data_dir, f"{name}-{number}", pdf, folder=LABEL_DIR)
        now = self.now()

        def write(session) -> None:
            row = store_labels.get(session, number, LABEL_KIND)
            if row is not None:
                store_labels.mark_fetched(session, row.id, pdf_path=path, page=0, now=now)

        log.info("%s label of %s fetched again into %s", name, number, path)
        return Outcome(OUTBOX_DONE, None, result={"label": path}, write=write)
