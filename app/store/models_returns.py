"""Tables of returns and cases (imported by ``app.store.models``; migration 0013).

- ``returns``: one row per return Ozon lists (FBS ``/v1/returns/list``, rFBS
  ``/v2/returns/rfbs/list``), with Ozon's state and the bench's own: ``local_state`` ``new`` until a
  bench opens it (scanning its barcode), ``open`` while its units are scanned back, ``closed``.
- ``return_units``: each unit scanned back, with the verdict against what shipped.
- ``cases``: the seller's record of a dispute about one posting (type, notes, resolution,
  attachments); an open case keeps the posting's evidence (``app.services.evidence.storage``).

Times are naive UTC.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base

MODE_RETURN = "return"  # the bench's mode while a return is open (app.services.modes)
SCHEME_FBS, SCHEME_RFBS = "fbs", "rfbs"
RETURN_NEW, RETURN_OPEN, RETURN_CLOSED = "new", "open", "closed"
RETURN_LOCAL_STATES = (RETURN_NEW, RETURN_OPEN, RETURN_CLOSED)
UNIT_OK, UNIT_MISMATCH = "ok", "mismatch"
# cases
CASE_TYPES = ("damaged", "missing_item", "wrong_item", "not_delivered", "return")
RESOLUTIONS = ("refund", "resend", "rejected")
CASE_OPEN, CASE_CLOSED = "open", "closed"


class ReturnRow(Base):
    __tablename__ = "returns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scheme: Mapped[str] = mapped_column(String(8))
    ozon_id: Mapped[int] = mapped_column(BigInteger)
    posting_number: Mapped[str] = mapped_column(String(64), index=True)
    barcode: Mapped[str] = mapped_column(String(128), index=True)  # FBS logistic barcode / rFBS return number
    kind: Mapped[str] = mapped_column(String(32))  # Ozon's type (ClientReturn, Cancellation...) or "rfbs"
    sku: Mapped[int | None] = mapped_column(BigInteger)
    offer_id: Mapped[str] = mapped_column(String(128), default="")
    name: Mapped[str] = mapped_column(Text, default="")
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(64), default="")       # Ozon's (FBS sys_name, rFBS state)
    state_name: Mapped[str] = mapped_column(Text, default="")
    # rFBS: Ozon's group of the state (New, Delivering, ...; app.messages.return_states); "" for FBS or not known
    group_state: Mapped[str] = mapped_column(String(64), default="", server_default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[list] = mapped_column(JSON, default=list)        # rFBS: [{id, name}] Ozon offers now
    rejection_reasons: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    synced_at: Mapped[datetime | None] = mapped_column(DateTime)
    # the bench's side
    local_state: Mapped[str] = mapped_column(String(16), default=RETURN_NEW)
    station: Mapped[str | None] = mapped_column(String(64))           # the bench it is open at
    packer: Mapped[str | None] = mapped_column(String(64))
    opened_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[list] = mapped_column(JSON, default=list)           # condition notes: [{at, text}]
    error_code: Mapped[str | None] = mapped_column(String(48))        # a mismatch shown until ACK or the next unit

    __table_args__ = (UniqueConstraint("scheme", "ozon_id"), Index("ix_returns_station", "station"))


class ReturnUnitRow(Base):
    __tablename__ = "return_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    return_id: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    barcode: Mapped[str] = mapped_column(String(128))
    sku: Mapped[int | None] = mapped_column(BigInteger)
    mark: Mapped[str | None] = mapped_column(Text)    # as scanned (shown masked)
    verdict: Mapped[str] = mapped_column(String(16))  # ok | mismatch
    reason: Mapped[str] = mapped_column(String(32), default="")  # mismatch: other_product, other_mark, extra
    station: Mapped[str] = mapped_column(String(64))
    packer: Mapped[str | None] = mapped_column(String(64))


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    posting_number: Mapped[str] = mapped_column(String(64), index=True)
    type: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(8), default=CASE_OPEN)
    resolution: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[list] = mapped_column(JSON, default=list)        # [{at, by, text}]
    attachments: Mapped[list] = mapped_column(JSON, default=list)  # [{name, path, sha256, size, at}]
    return_id: Mapped[int | None] = mapped_column(Integer)
    opened_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
