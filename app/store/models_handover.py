"""Tables of the work after packing: the mode each bench is in, hand-overs and their parcels, and
the tracking numbers given to Ozon (imported by ``app.store.models``; migration 0006).

A hand-over is one delivery method's parcels leaving on one departure day, scanned out at one
bench. Its row is also the hand-over mode's state at that bench (a held error, the parcel whose
carrier barcode comes next), the way the ``stations`` row is the packing mode's; and it records
the close as it goes through the outbox, step by step (each intent written before its call to
Ozon), then the receipt. Times are naive UTC.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base

# the modes a bench's scanner drives (app.services.modes)
MODE_PACKING = "packing"
MODE_HANDOVER = "handover"

# hand-over states
HANDOVER_OPEN = "open"        # parcels being scanned out
HANDOVER_CLOSED = "closed"    # handed over: the close goes on in the outbox (close_step)
HANDOVER_STATES = (HANDOVER_OPEN, HANDOVER_CLOSED)
# how a hand-over reaches Ozon
SCHEME_CARRIAGE = "carriage"  # FBS with Ozon logistics: a carriage, its act and barcode
SCHEME_TRACKING = "tracking"  # rFBS with the seller's own carrier: a tracking number per parcel
# the close's steps (carriage): create → check → trim → approve → confirm → documents → done;
# "refused": Ozon refused a step for good (close_error says what)
CLOSE_STEPS = ("create", "check", "trim", "approve", "confirm", "documents", "done", "refused")
# a parcel of a hand-over
PARCEL_EXPECTED = "expected"            # due to leave, not scanned yet
PARCEL_AWAITING_TRACKING = "awaiting_tracking"  # rFBS: label scanned, the carrier's barcode comes next
PARCEL_SCANNED = "scanned"              # in the courier's bag
PARCEL_CANCELLED = "cancelled"          # cancelled on Ozon: taken out, never shipped
PARCEL_DEFERRED = "deferred"            # missing at a forced close: waits for a later carriage (note: why)
PARCEL_STATES = (PARCEL_EXPECTED, PARCEL_AWAITING_TRACKING, PARCEL_SCANNED, PARCEL_CANCELLED, PARCEL_DEFERRED)
# after the hand-over
FLAG_NOT_SCANNED = "not_scanned_by_ozon"  # Ozon has not scanned it N hours after the hand-over
ARBITRATION_REQUESTED, ARBITRATION_OPENED, ARBITRATION_REFUSED = "requested", "opened", "refused"
# tracking numbers given to Ozon
TRACK_CAPTURED = "captured"  # scanned at the hand-over, sent once it closes
TRACK_QUEUED = "queued"      # the hand-over closed: its tracking_send command is in the outbox
TRACK_ACCEPTED = "accepted"  # Ozon took it
TRACK_PARKED = "parked"      # Ozon refused it for good (error says why)
TRACK_STATES = (TRACK_CAPTURED, TRACK_QUEUED, TRACK_ACCEPTED, TRACK_PARKED)
KIND_CARRIER = "carrier"     # the carrier's number Ozon gets (tracking-number/set)
KIND_DOMESTIC = "domestic"   # cross-border: the forwarder's domestic (e.g. China-side) number, kept here only
# the delivering step of an rFBS parcel (asynchronous on Ozon's side)
DELIVERING_REQUESTED, DELIVERING_CONFIRMED, DELIVERING_REFUSED = "requested", "confirmed", "refused"


class BenchModeRow(Base):
    """The mode a bench is in (packing, hand-over; later returns): it survives a restart."""

    __tablename__ = "bench_modes"

    station: Mapped[str] = mapped_column(String(64), primary_key=True)
    mode: Mapped[str] = mapped_column(String(16), default=MODE_PACKING)
    since: Mapped[datetime] = mapped_column(DateTime)


class HandoverRow(Base):
    __tablename__ = "handovers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station: Mapped[str] = mapped_column(String(64))
    packer: Mapped[str | None] = mapped_column(String(64))
    delivery_method_id: Mapped[int] = mapped_column(BigInteger)
    delivery_method_name: Mapped[str | None] = mapped_column(String(255))
    departure_date: Mapped[date] = mapped_column(Date)
    scheme: Mapped[str] = mapped_column(String(16))  # SCHEME_CARRIAGE | SCHEME_TRACKING
    carrier: Mapped[str | None] = mapped_column(String(32))  # own carrier: russian_post | cdek | other
    state: Mapped[str] = mapped_column(String(16), default=HANDOVER_OPEN)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))  # the packer at the close
    forced_by: Mapped[str | None] = mapped_column(String(64))  # the supervisor who closed it incomplete
    force_reason: Mapped[str | None] = mapped_column(Text)
    ozon: Mapped[dict] = mapped_column(JSON, default=dict)  # Ozon's word on the method at the start
    # the hand-over mode's state at its bench
    error_code: Mapped[str | None] = mapped_column(String(48))
    error_data: Mapped[dict] = mapped_column(JSON, default=dict)
    awaiting_tracking: Mapped[str | None] = mapped_column(String(64))
    # the close, step by step (the outbox's handover_close command)
    close_step: Mapped[str | None] = mapped_column(String(16))
    sent_step: Mapped[str | None] = mapped_column(String(16))  # a step whose request may have reached Ozon
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    known_carriages: Mapped[list] = mapped_column(JSON, default=list)  # the method's carriages before the create
    carriage_id: Mapped[int | None] = mapped_column(BigInteger)
    carriage_status: Mapped[str | None] = mapped_column(String(24))
    added_by_ozon: Mapped[list] = mapped_column(JSON, default=list)    # in Ozon's act, not scanned here
    removed_by_ozon: Mapped[list] = mapped_column(JSON, default=list)  # scanned here, left out by Ozon
    close_notes: Mapped[list] = mapped_column(JSON, default=list)      # warnings for a person (Ozon's words)
    close_error: Mapped[str | None] = mapped_column(Text)              # Ozon refused a step for good
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    act_pdf: Mapped[str | None] = mapped_column(Text)  # under the data dir
    barcode_text: Mapped[str | None] = mapped_column(String(64))
    documents_at: Mapped[datetime | None] = mapped_column(DateTime)
    act_printed: Mapped[str | None] = mapped_column(Text)  # where the act went (printer, or "saved")
    # the receipt: a photo or scan of the signed act
    receipt_path: Mapped[str | None] = mapped_column(Text)
    receipt_at: Mapped[datetime | None] = mapped_column(DateTime)
    receipt_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_handovers_station_state", "station", "state"),
        Index("ix_handovers_carriage_id", "carriage_id"),
    )


class HandoverParcelRow(Base):
    """A parcel of a hand-over: expected at its start (or scanned in as one of its method's)."""

    __tablename__ = "handover_parcels"

    handover_id: Mapped[int] = mapped_column(Integer, ForeignKey("handovers.id", ondelete="CASCADE"),
                                             primary_key=True)
    posting_number: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(20), default=PARCEL_EXPECTED)
    scanned_at: Mapped[datetime | None] = mapped_column(DateTime)
    scanned_by: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    flag: Mapped[str | None] = mapped_column(String(32))  # FLAG_NOT_SCANNED
    flagged_at: Mapped[datetime | None] = mapped_column(DateTime)
    arbitration: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (Index("ix_handover_parcels_posting_number", "posting_number"),)


class TrackingNumberRow(Base):
    """A tracking number of a posting: the carrier's, for Ozon (``kind`` carrier); later also the
    forwarder's domestic numbers of a cross-border posting (another kind, several per posting)."""

    __tablename__ = "tracking_numbers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    posting_number: Mapped[str] = mapped_column(String(64), index=True)
    tracking_number: Mapped[str] = mapped_column(String(64), index=True)
    carrier: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16), default=KIND_CARRIER)
    state: Mapped[str] = mapped_column(String(16), default=TRACK_CAPTURED, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    handover_id: Mapped[int | None] = mapped_column(Integer, index=True)
    station: Mapped[str | None] = mapped_column(String(64))
    captured_by: Mapped[str | None] = mapped_column(String(64))
    captured_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)  # last sent (a lost answer is read back)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)
    delivering: Mapped[str | None] = mapped_column(String(16))  # requested | confirmed | refused
    delivering_at: Mapped[datetime | None] = mapped_column(DateTime)
    # what the carrier's own tracking says of the parcel (app.services.carriers.tracking, migration 0016)
    carrier_stage: Mapped[str | None] = mapped_column(String(16))   # in_transit | delivered | returned
    carrier_status: Mapped[str | None] = mapped_column(Text)        # the carrier's words for its last event
    carrier_status_at: Mapped[datetime | None] = mapped_column(DateTime)
    carrier_checked_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("posting_number", "kind", "tracking_number"),)
