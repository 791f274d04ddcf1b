"""The local cache: what the bench knows about Ozon, and what it has decided.

Times are naive UTC datetimes (SQLite keeps no zone). JSON columns hold plain lists/dicts.
Changing a table here needs a new migration in ``app/store/migrations/versions``.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON, BigInteger, Boolean, ColumnElement, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text,
    UniqueConstraint, and_, literal_column, text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.statuses import AWAITING_PACKAGING, PACKABLE_LOCAL_STATES, LocalState
from app.store.bulk import one_of_literals

# Fixed constraint names, so later migrations (SQLite batch mode included) can name what they drop.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PostingRow(Base):
    __tablename__ = "postings"

    posting_number: Mapped[str] = mapped_column(String(64), primary_key=True)
    account: Mapped[str] = mapped_column(String(32), default="", server_default="", index=True)  # Client-Id
    order_id: Mapped[int | None] = mapped_column(BigInteger)
    order_number: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(48), index=True)
    substatus: Mapped[str | None] = mapped_column(String(64))
    shipment_date: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    in_process_at: Mapped[datetime | None] = mapped_column(DateTime)
    delivering_date: Mapped[datetime | None] = mapped_column(DateTime)
    delivery_method_id: Mapped[int | None] = mapped_column(BigInteger)
    delivery_method_name: Mapped[str | None] = mapped_column(String(255))
    warehouse_id: Mapped[int | None] = mapped_column(BigInteger)
    tpl_provider_id: Mapped[int | None] = mapped_column(BigInteger)
    tpl_integration_type: Mapped[str | None] = mapped_column(String(32))
    tracking_number: Mapped[str | None] = mapped_column(String(128))
    available_actions: Mapped[list] = mapped_column(JSON, default=list)
    requirements: Mapped[dict] = mapped_column(JSON, default=dict)
    is_multibox: Mapped[bool] = mapped_column(Boolean, default=False)
    multi_box_qty: Mapped[int] = mapped_column(Integer, default=1)
    parent_posting_number: Mapped[str | None] = mapped_column(String(64))
    delivery_schema: Mapped[str | None] = mapped_column(String(32))
    is_express: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel_reason: Mapped[str | None] = mapped_column(Text)  # Ozon's words, in Russian
    cancelled_by: Mapped[str | None] = mapped_column(String(16))  # app.statuses.CANCELLED_BY: who, in any language
    upper_barcode: Mapped[str | None] = mapped_column(String(64), index=True)
    lower_barcode: Mapped[str | None] = mapped_column(String(64), index=True)
    scanit: Mapped[str | None] = mapped_column(String(64), index=True)  # the code on Ozon's new-format label
    # what this bench has made of it
    local_state: Mapped[str] = mapped_column(String(16), default=LocalState.WAITING.value, index=True)  # app.statuses
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime)
    problem: Mapped[str | None] = mapped_column(Text)
    synced_at: Mapped[datetime | None] = mapped_column(DateTime)
    status_changed_at: Mapped[datetime | None] = mapped_column(DateTime)  # when a sync first saw this status
    packed_at: Mapped[datetime | None] = mapped_column(DateTime)
    packed_by: Mapped[str | None] = mapped_column(String(64))  # station
    measured_weight_g: Mapped[float | None] = mapped_column(Float)
    wave_id: Mapped[int | None] = mapped_column(Integer, index=True)  # shipped in this label-first wave

    # not a column: the posting's lines (the store's lookups load them eagerly)
    items: Mapped[list[PostingItemRow]] = relationship(
        order_by="PostingItemRow.line_no", passive_deletes=True,
    )


def awaiting_packaging(columns) -> ColumnElement:
    """Ozon's ``awaiting_packaging``, in no wave: the postings of the partial index ``ix_postings_packable``
    (a few thousand of a cache of 100,000). Only columns a scan's decision never writes: a claim that
    starts a posting (its ``local_state`` waiting -> in_progress) leaves the index as it is, where a term
    on ``local_state`` here would make SQLite rewrite the posting's entry (one page more of each such
    commit, measured)."""
    return and_(columns.status == literal_column(f"'{AWAITING_PACKAGING}'"), columns.wave_id.is_(None))


def packable(columns) -> ColumnElement:
    """The postings a scan of an item may open, by the columns of ``postings`` or of an alias of it:
    :func:`awaiting_packaging`, and the bench's waiting or in progress (read from the row). The scan's
    lookup (``app.store.lookups``) names these terms, so the database knows the index serves it."""
    return and_(awaiting_packaging(columns), one_of_literals(columns.local_state, PACKABLE_LOCAL_STATES))


# the posting number only, so the index stays small
Index("ix_postings_packable", PostingRow.posting_number, sqlite_where=awaiting_packaging(PostingRow.__table__.c),
      postgresql_where=awaiting_packaging(PostingRow.__table__.c))


class PostingItemRow(Base):
    __tablename__ = "posting_items"

    posting_number: Mapped[str] = mapped_column(
        String(64), ForeignKey("postings.posting_number", ondelete="CASCADE"), primary_key=True
    )
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[int] = mapped_column(BigInteger)
    offer_id: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(Text)
    quantity: Mapped[int] = mapped_column(Integer)
    price: Mapped[str | None] = mapped_column(String(32))

    # by product, covering the posting: an idle item scan finds its candidates without the rows
    __table_args__ = (Index("ix_posting_items_sku_posting_number", "sku", "posting_number"),)


class ProductRow(Base):
    __tablename__ = "products"

    sku: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    product_id: Mapped[int | None] = mapped_column(BigInteger)
    offer_id: Mapped[str] = mapped_column(String(128), index=True)
    name: Mapped[str] = mapped_column(Text)
    weight_g: Mapped[float | None] = mapped_column(Float)
    height_mm: Mapped[float | None] = mapped_column(Float)
    width_mm: Mapped[float | None] = mapped_column(Float)
    depth_mm: Mapped[float | None] = mapped_column(Float)
    # Ozon's link to the main photo (its CDN); "": it has none; NULL: synced before links were kept
    primary_image: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime)


class ProductBarcodeRow(Base):
    __tablename__ = "product_barcodes"

    barcode: Mapped[str] = mapped_column(String(128), primary_key=True)
    sku: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(16), default="ozon")  # ozon | taught
    taught_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_product_barcodes_sku", "sku"),)


class WarehouseRow(Base):
    __tablename__ = "warehouses"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(255))
    is_rfbs: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str | None] = mapped_column(String(32))


class DeliveryMethodRow(Base):
    __tablename__ = "delivery_methods"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(255))
    warehouse_id: Mapped[int | None] = mapped_column(BigInteger)
    provider_id: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str | None] = mapped_column(String(32))
    cutoff: Mapped[str | None] = mapped_column(String(32))


class SyncStateRow(Base):
    """Cursors and marks of the sync engine (e.g. last full pass, key expiry)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class EventRow(Base):
    """Append-only log of what happened at the benches: evidence for disputes."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    station: Mapped[str] = mapped_column(String(64))
    packer: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(48))  # no index: nothing looks events up by kind alone
    posting_number: Mapped[str | None] = mapped_column(String(64), index=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)


# outbox states
OUTBOX_PENDING = "pending"        # to be sent (at or after not_before)
OUTBOX_IN_FLIGHT = "in_flight"    # sent, answer not yet recorded (after a crash: outcome unknown)
OUTBOX_UNCERTAIN = "uncertain"    # the answer was lost: read back from Ozon before any resend
OUTBOX_CONFIRMING = "confirming"  # Ozon accepted it; waiting for its asynchronous effect
OUTBOX_DONE = "done"
OUTBOX_PARKED = "parked"          # can never succeed as is; a person must look (reason in last_error)
OUTBOX_STATES = (
    OUTBOX_PENDING, OUTBOX_IN_FLIGHT, OUTBOX_UNCERTAIN, OUTBOX_CONFIRMING, OUTBOX_DONE, OUTBOX_PARKED,
)
OUTBOX_OPEN_STATES = (OUTBOX_PENDING, OUTBOX_IN_FLIGHT, OUTBOX_UNCERTAIN, OUTBOX_CONFIRMING)


class OutboxRow(Base):
    """A command for Ozon, written in the same transaction as the decision that caused it."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    posting_number: Mapped[str | None] = mapped_column(String(64), index=True)
    account: Mapped[str] = mapped_column(String(32), default="", server_default="")  # sent with its credentials
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    dedupe_key: Mapped[str] = mapped_column(String(128), unique=True)
    state: Mapped[str] = mapped_column(String(16), default=OUTBOX_PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    result: Mapped[dict] = mapped_column(JSON, default=dict)
    station: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class PackedUnitRow(Base):
    """One verified unit: a scan that counted against a posting line (evidence, and the counts)."""

    __tablename__ = "packed_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # looked up by the leading column of the unique (posting_number, mark) below
    posting_number: Mapped[str] = mapped_column(
        String(64), ForeignKey("postings.posting_number", ondelete="CASCADE")
    )
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[int] = mapped_column(BigInteger)
    box_no: Mapped[int] = mapped_column(Integer, default=1)
    barcode: Mapped[str] = mapped_column(String(128))
    mark: Mapped[str | None] = mapped_column(Text)  # Chestny ZNAK marking code, when the unit has one
    weight_g: Mapped[float | None] = mapped_column(Float)  # a unit Ozon needs weighed (sold by weight)
    gtd: Mapped[str | None] = mapped_column(String(32))   # customs declaration, for a legal entity's posting
    rnpt: Mapped[str | None] = mapped_column(String(40))  # batch of traceable goods, likewise
    station: Mapped[str] = mapped_column(String(64))
    packer: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        UniqueConstraint("posting_number", "mark"),
        # a marking code seen in any posting is a duplicate; units without one stay out (a count writes no page here)
        Index("ix_packed_units_mark", "mark", sqlite_where=text("mark IS NOT NULL"),
              postgresql_where=text("mark IS NOT NULL")),
    )


class StationRow(Base):
    """What one bench is doing: the station is a state in the database, not in a process."""

    __tablename__ = "stations"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    open_posting: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(24), default="idle")
    box_no: Mapped[int] = mapped_column(Integer, default=1)
    error_code: Mapped[str | None] = mapped_column(String(48))
    error_data: Mapped[dict] = mapped_column(JSON, default=dict)
    packer: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # when ``packer`` signed in with a badge or PIN (None: nobody signed in; ``packer`` is then the
    # name the bench was started with, if any). ``updated_at`` is the last decision: idle time.
    signed_in_at: Mapped[datetime | None] = mapped_column(DateTime)


# label states
LABEL_WAITING = "waiting"    # the posting is shipped (or shipping); Ozon's label is not fetched yet
LABEL_FETCHED = "fetched"    # the PDF is in the data dir; to be printed on the packing station
LABEL_PRINTED = "printed"
LABEL_FAILED = "failed"      # fetching or printing failed for now; reason in last_error, retried or reprinted
LABEL_PARKED = "parked"      # can never be had as is (posting cancelled...); a person must look
LABEL_STATES = (LABEL_WAITING, LABEL_FETCHED, LABEL_PRINTED, LABEL_FAILED, LABEL_PARKED)
# whose label: Ozon's, the bench's own order label, an rFBS carrier's (app.services.carriers)
LABEL_OZON, LABEL_OWN, LABEL_CARRIER = "ozon", "own", "carrier"


class LabelRow(Base):
    """A parcel label: Ozon's (fetched as PDF) or the station's own order label."""

    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    posting_number: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16), default=LABEL_OZON)  # LABEL_OZON | LABEL_OWN | LABEL_CARRIER
    account: Mapped[str] = mapped_column(String(32), default="", server_default="")  # fetched with its credentials
    state: Mapped[str] = mapped_column(String(16), default=LABEL_WAITING, index=True)
    station: Mapped[str | None] = mapped_column(String(64), index=True)  # prints on the bench that packed it
    pdf_path: Mapped[str | None] = mapped_column(Text)
    pdf_page: Mapped[int] = mapped_column(Integer, default=0)  # the label's page in pdf_path (0-based)
    printer: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    copies: Mapped[int] = mapped_column(Integer, default=0)  # prints made (reprints included)
    not_before: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    error_kind: Mapped[str | None] = mapped_column(String(24))  # printer error kind (offline, no_paper...)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime)
    printed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # verify-first: when the parcel's own order label was scanned against this printed Ozon label
    matched_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("posting_number", "kind"),)


# wave states
WAVE_PLANNED = "planned"   # chosen and checked; nothing sent
WAVE_SHIPPED = "shipped"   # claimed and every member's ship command queued
WAVE_STATES = (WAVE_PLANNED, WAVE_SHIPPED)
# wave member states
MEMBER_PLANNED = "planned"      # in a planned wave
MEMBER_EXCLUDED = "excluded"    # left out by the plan's checks (reason)
MEMBER_DROPPED = "dropped"      # no longer packable when the wave shipped (reason); not shipped
MEMBER_PENDING = "pending"      # ship queued/sent; the bench has not verified the parcel yet
MEMBER_VERIFIED = "verified"    # the bench verified units and weight
MEMBER_SHORT = "short"          # units missing at the bench: a person decides (reason)
MEMBER_STATES = (MEMBER_PLANNED, MEMBER_EXCLUDED, MEMBER_DROPPED, MEMBER_PENDING, MEMBER_VERIFIED, MEMBER_SHORT)


class WaveRow(Base):
    """A label-first wave: postings shipped in one go, labels printed in pick order, verified after."""

    __tablename__ = "waves"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default=WAVE_PLANNED)
    delivery_method_id: Mapped[int | None] = mapped_column(BigInteger)
    due_by: Mapped[datetime | None] = mapped_column(DateTime)  # shipment_date at or before (UTC)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    shipped_at: Mapped[datetime | None] = mapped_column(DateTime)


class WavePostingRow(Base):
    """A posting of a wave, in pick order."""

    __tablename__ = "wave_postings"

    wave_id: Mapped[int] = mapped_column(Integer, ForeignKey("waves.id", ondelete="CASCADE"), primary_key=True)
    posting_number: Mapped[str] = mapped_column(String(64), primary_key=True)
    pick_order: Mapped[int] = mapped_column(Integer)  # 1, 2, ... (0: excluded)
    state: Mapped[str] = mapped_column(String(16), default=MEMBER_PLANNED)
    reason: Mapped[str | None] = mapped_column(Text)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_wave_postings_posting_number", "posting_number"),)


# tables of other modules join Base.metadata here (their migrations are in migrations/versions)
from app.store.marks_models import PostingMarksRow  # noqa: E402,F401  (marking codes kept per posting)
from app.store import models_room  # noqa: E402,F401  (a room of benches: the shared rate budget)
# the evidence log and its files live in their own module (their tables join this metadata)
from app.store.evidence_models import EvidenceEntryRow, EvidenceFileRow  # noqa: E402,F401
# the tables of the work after packing (bench modes, hand-overs, tracking numbers)
from app.store import models_handover  # noqa: E402,F401  (registers its tables on Base.metadata)
from app.store import models_people  # noqa: E402,F401  (packers, supervisors, admins and their credentials)
# returns, the units scanned back and the seller's cases (migration 0013)
from app.store import models_returns  # noqa: E402,F401  (registers its tables on Base.metadata)
from app.store import models_history  # noqa: E402,F401  (Ozon's status history of postings, migration 0015)
