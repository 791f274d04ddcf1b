"""The people who work at the benches (``app.services.people``): packers, supervisors, admins.

A person signs in with a badge (a barcode ``CMD:LOGIN:<badge>``) or a PIN. Neither is stored as
it is: ``badge_hash`` is the SHA-256 of the badge (a random code of 60+ bits, looked up by equality;
a new badge replaces the old one), ``pin_hash`` a salted scrypt hash (``app.services.people.credentials``).
``name`` is what the event log, the audit and the statistics show.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # packer | supervisor | admin
    badge_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
