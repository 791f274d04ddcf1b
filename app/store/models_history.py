"""Ozon's status history of each posting, as the syncs saw it (migration 0015): one row each time a
posting is first seen or its status or substatus differs from the cache's. Append-only; the
dispute bundle's timeline shows it."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class PostingStatusRow(Base):
    __tablename__ = "posting_status_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    posting_number: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(64))
    substatus: Mapped[str | None] = mapped_column(String(64))
    seen_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_posting_status_history_posting", "posting_number", "id"),)
