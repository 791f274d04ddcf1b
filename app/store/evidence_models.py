"""The evidence tables: the hash-chained evidence log and the clips and photos it seals.

``evidence_log`` is append-only: each entry names the one before it by its hash
(``prev_hash``), so a changed, removed or inserted entry breaks the chain; ``payload`` says
what the entry seals (a clip's SHA-256, the hashes of a posting's event records, ...).
``evidence_files`` lists each clip and photo with its state; a clip that could not be finalised
stays listed with the reason (never dropped), a pruned one keeps its row and its hash.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base

# evidence file states
FILE_RECORDING = "recording"  # the camera is on it (or a photo is being taken)
FILE_SEALED = "sealed"        # finished, its SHA-256 is in the evidence log
FILE_FAILED = "failed"        # could not be recorded or finalised (reason in detail); reported, kept
FILE_PRUNED = "pruned"        # removed by the storage rules; the row and its hash stay
FILE_STATES = (FILE_RECORDING, FILE_SEALED, FILE_FAILED, FILE_PRUNED)


class EvidenceEntryRow(Base):
    """One entry of the evidence log (``seq`` 1, 2, ... with no gap)."""

    __tablename__ = "evidence_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(32))
    posting_number: Mapped[str | None] = mapped_column(String(64), index=True)
    station: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    payload_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)  # a fork of the chain cannot be written
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)


class EvidenceFileRow(Base):
    """A clip or a photo kept as evidence (``path`` relative to the data dir's ``evidence/``)."""

    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))              # clip | photo
    purpose: Mapped[str] = mapped_column(String(32))           # packing | weighing | handover | ...
    key: Mapped[str] = mapped_column(String(128), index=True)  # what it is of: a posting, a carriage, ...
    posting_number: Mapped[str | None] = mapped_column(String(64), index=True)
    box_no: Mapped[int | None] = mapped_column(Integer)
    station: Mapped[str | None] = mapped_column(String(64))
    packer: Mapped[str | None] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default=FILE_RECORDING, index=True)
    detail: Mapped[str | None] = mapped_column(Text)           # why it failed, how it was pruned
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(BigInteger)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    frames: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    seq: Mapped[int | None] = mapped_column(Integer)           # the evidence log entry that seals it
