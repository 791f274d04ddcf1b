"""The tables of the exemplar flow (marking codes before the ship): imported by ``models``."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base

# what the bench knows of a posting's exemplars (``PostingMarksRow.stage``)
MARKS_SENDING = "sending"      # a set is on its way (create-or-get, validate, set, status)
MARKS_ACCEPTED = "accepted"    # Ozon said ship_available for the set ``accepted``
MARKS_REJECTED = "rejected"    # Ozon (or its format check) refused units: ``failed`` names them
MARKS_STAGES = (MARKS_SENDING, MARKS_ACCEPTED, MARKS_REJECTED)


class PostingMarksRow(Base):
    """A posting's exemplars on Ozon: the ids Ozon gave, the set last sent, Ozon's verdict.

    ``fingerprint`` names the complete set last queued (a hash of the posting's units and their
    codes, ``app.store.marks.fingerprint``); ``accepted`` the set Ozon last answered
    ``ship_available`` for. The ship goes only while both equal the units' fingerprint now.
    Marking codes themselves stay in ``packed_units.mark``: nothing here holds one unmasked.
    """

    __tablename__ = "posting_marks"

    posting_number: Mapped[str] = mapped_column(
        String(64), ForeignKey("postings.posting_number", ondelete="CASCADE"), primary_key=True)
    stage: Mapped[str] = mapped_column(String(16), default=MARKS_SENDING)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    accepted: Mapped[str | None] = mapped_column(String(64))
    ozon_status: Mapped[str | None] = mapped_column(String(32))  # /v5/.../exemplar/status: status
    exemplars: Mapped[dict] = mapped_column(JSON, default=dict)  # create-or-get, per sku (no codes)
    failed: Mapped[list] = mapped_column(JSON, default=list)     # units Ozon refused (masked codes)
    problem: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
