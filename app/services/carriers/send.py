"""The ``carrier_ship`` outbox command: one carrier shipment per packed rFBS parcel, walked step by
step (each step's result kept in the command's ``result`` before the next):

1. the shipment: looked up at the carrier by our reference (the Ozon posting number) FIRST, and
   only when the carrier does not know it, created — marked in flight before the call. A lost
   answer (timeout, reset, 5xx) makes the command ``uncertain``; a crash leaves it in flight and the
   restart makes it ``uncertain``: either way the next run finds the shipment by its reference
   instead of creating a second one;
2. the tracking number: CDEK validates an order in the background (``cdek_number`` comes later),
   Otpravka gives the ШПИ when the order joins a batch: polled (``confirming``) until it is there;
3. the label PDF (CDEK makes the print form in the background: polled too), written to the data dir;
4. done, in one transaction: the carrier's label is queued to print at the packing bench (label row
   of kind ``carrier``), the tracking number recorded and its ``tracking_send`` command queued (the
   hand-over's batched ``tracking-number/set``, numbers only: ``delivering`` waits for the hand-over).

A carrier refusal (bad address, weight over the tariff, credentials refused) parks the command and
the parcel (``problem``) with the carrier's own words; the hint per kind is in app/messages/carriers.py.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.messages.problems import problem
from app.services.carriers.base import (
    CREDENTIALS, CarrierRefused, CarrierUnavailable, Parcel, Shipment, refusal_problem,
)
from app.services.carriers.parcel import check_parcel
from app.services.handover.close import TRACKING_KIND
from app.services.labels.files import write_pdf
from app.services.sync.outbox import Command, Outcome, backoff_s, take
from app.statuses import CANCELLED_STATUSES, LocalState
from app.store import labels as store_labels
from app.store import outbox as store_outbox
from app.store.bulk import naive_utc
from app.store.models import (
    LABEL_FETCHED, OUTBOX_CONFIRMING, OUTBOX_DONE, OUTBOX_PARKED, OUTBOX_PENDING, OUTBOX_UNCERTAIN, PostingRow,
)
from app.store.models_handover import TRACK_QUEUED, TrackingNumberRow

log = logging.getLogger("packdesk.carriers.send")

KIND = "carrier_ship"
LABEL_KIND = store_labels.CARRIER  # the label row of the carrier's label
LABEL_DIR = "carrier-labels"
POLL_S = 2.0                 # the carrier's background steps are looked at again this soon
CREDENTIALS_WAIT_S = 600.0   # refused credentials: parked (a person fixes them, then retries)
CANCELLED_NOTE = "cancelled on Ozon: no carrier shipment made"
# the carriers' documented APIs (carriers-notes.md) give no cancel of a made shipment: a person does it
CANCELLED_AFTER_NOTE = "cancelled on Ozon after the carrier shipment was made: cancel it at the carrier"


def dedupe_key(posting_number: str) -> str:
    return f"carrier:{posting_number}:ship"


def known_shipment(result: dict, parcel: Parcel) -> Shipment | None:
    """The shipment a ``carrier_ship`` command recorded in its result (None: none made yet)."""
    if not result.get("carrier_id"):
        return None
    return Shipment(parcel.reference, result["carrier_id"], result.get("tracking") or None,
                    dict(result.get("extra") or {}))


class CarrierShip:
    """The ``carrier_ship`` handler. ``carriers(name)`` gives the carrier client (one per pass)."""

    def __init__(self, db, *, carriers: Callable[[str], object], data_dir: Path,
                 now: Callable[[], datetime]) -> None:
        self.db, self.carriers, self.data_dir, self.now = db, carriers, Path(data_dir), now

    def __call__(self, command: Command) -> Outcome:
        name = command.payload["carrier"]
        parcel = Parcel.from_json(command.payload["parcel"])
        result = dict(command.result or {})
        try:
            carrier = self.carriers(name)
            if carrier is None:
                return Outcome(OUTBOX_PARKED, f"{name}: no such carrier configured",
                               local_state=LocalState.PROBLEM, problem=problem("carrier_not_configured", carrier=name))
            shipment = known_shipment(result, parcel)
            if self._cancelled(command.posting_number):  # a cancelled posting is never shipped
                if shipment is None:
                    shipment = carrier.find(parcel.reference)  # a lost create may have made one
                return self._stop_cancelled(name, parcel.reference, shipment, result)
            if shipment is None:
                check_parcel(parcel)  # what no carrier takes is refused before any call
                shipment = carrier.find(parcel.reference)  # before any (re)send: never two shipments
                if shipment is None:
                    take(self.db, command, self.now())
                    try:
                        shipment = carrier.create(parcel)
                    except CarrierUnavailable as exc:
                        state = OUTBOX_UNCERTAIN if exc.maybe_applied else OUTBOX_PENDING
                        return Outcome(state, str(exc), delay_s=backoff_s(command.attempts))
                    log.info("%s shipment %s created for %s", name, shipment.carrier_id, parcel.reference)
                else:
                    log.info("%s already holds a shipment for %s (%s): not created again", name,
                             parcel.reference, shipment.carrier_id)
                result.update(self._keep(shipment))
            if not shipment.tracking_number:
                shipment = carrier.progress(shipment)
                result.update(self._keep(shipment))
                if not shipment.tracking_number:
                    return Outcome(OUTBOX_CONFIRMING, f"waiting for {name}'s tracking number", delay_s=POLL_S,
                                   result=result)
            shipment, pdf = carrier.label(shipment)
            result.update(self._keep(shipment))
            if pdf is None:
                return Outcome(OUTBOX_CONFIRMING, f"waiting for {name}'s label", delay_s=POLL_S, result=result)
        except CarrierRefused as exc:
            return self._refused(name, command, exc, result)
        except CarrierUnavailable as exc:  # a read or a later step: nothing new was created
            state = command.state if command.state != OUTBOX_PENDING or not result else OUTBOX_CONFIRMING
            return Outcome(state, str(exc), delay_s=backoff_s(command.attempts), result=result or None)
        result["label"] = write_pdf(self.data_dir, f"{name}-{parcel.reference}", pdf, folder=LABEL_DIR)
        return Outcome(OUTBOX_DONE, None, result=result,
                       write=self._finish(command, name, shipment.tracking_number, result["label"]))

    def _cancelled(self, number: str) -> bool:
        with self.db.read() as session:
            status = session.scalar(select(PostingRow.status).where(PostingRow.posting_number == number))
        return status in CANCELLED_STATUSES

    @staticmethod
    def _stop_cancelled(name: str, number: str, shipment: Shipment | None, result: dict) -> Outcome:
        if shipment is None:
            log.info("%s is cancelled on Ozon before its %s shipment: none created", number, name)
            return Outcome(OUTBOX_PARKED, CANCELLED_NOTE, result=result or None, local_state=LocalState.CANCELLED)
        log.warning("%s is cancelled on Ozon after its %s shipment %s was made: cancel it at the carrier",
                    number, name, shipment.carrier_id)
        return Outcome(OUTBOX_PARKED, f"{CANCELLED_AFTER_NOTE} ({name} {shipment.carrier_id})",
                       result={**result, **CarrierShip._keep(shipment), "cancelled_after": True},
                       local_state=LocalState.CANCELLED)


    @staticmethod
    def _keep(shipment: Shipment) -> dict:
        return {"carrier_id": shipment.carrier_id, "tracking": shipment.tracking_number, "extra": shipment.extra}

    def _refused(self, name: str, command: Command, exc: CarrierRefused, result: dict) -> Outcome:
        log.warning("%s refused %s: %s", name, command.posting_number, exc)
        reason = f"{name} refused ({exc.kind}): {exc}"
        if exc.kind == CREDENTIALS:  # not the parcel's fault: the parcel waits, the command is retried later
            return Outcome(OUTBOX_PENDING, reason, delay_s=CREDENTIALS_WAIT_S, result=result or None)
        return Outcome(OUTBOX_PARKED, reason, result={**result, "refusal": exc.kind, "code": exc.code,
                                                         "message": str(exc)},
                       local_state=LocalState.PROBLEM, problem=refusal_problem(name, exc.kind, str(exc)))

    def _finish(self, command: Command, name: str, tracking: str, label: str):
        number, station, now = command.posting_number, command.station, self.now()

        def write(session) -> None:
            store_labels.ensure(session, [number], station=station, now=now, kind=LABEL_KIND,
                                state=LABEL_FETCHED)
            row = store_labels.get(session, number, LABEL_KIND)
            store_labels.mark_fetched(session, row.id, pdf_path=label, page=0, now=now)
            tracking_row = TrackingNumberRow(posting_number=number, tracking_number=tracking, carrier=name,
                                             state=TRACK_QUEUED, station=station, captured_by=name,
                                             captured_at=naive_utc(now))
            session.add(tracking_row)
            session.flush()
            # the posting's own command: it goes after the posting's ship (the drain keeps a posting's
            # commands in order), so Ozon gets the number once the parcel is shipped on Ozon
            store_outbox.add(session, kind=TRACKING_KIND, posting_number=number,
                             payload={"tracking": [tracking_row.id], "deliver": False},
                             dedupe_key=f"carrier:{number}:tracking", station=station, now=now)
        return write
