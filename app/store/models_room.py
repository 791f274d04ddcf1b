"""Tables a room of benches shares on one PostgreSQL (``app.services.room``).

``rate_budgets``: one row per Ozon account (API host and Client-Id), the room's token bucket.
Ozon counts requests per Client-Id, whichever bench sends them, so every bench's client takes its
turn from this row (``app.store.room.reserve``). ``tat`` is the end of the last slot handed out, in
seconds on the database server's clock (``clock_timestamp()``): the benches' own clocks may differ,
the server's is the one they share. A single bench on SQLite has no row: its limiter is in-process.
"""
from __future__ import annotations

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class RateBudgetRow(Base):
    __tablename__ = "rate_budgets"

    account: Mapped[str] = mapped_column(String(200), primary_key=True)  # "api-seller.ozon.ru/123456"
    rate: Mapped[float] = mapped_column(Float)  # [ozon] requests_per_second, for the whole room
    tat: Mapped[float] = mapped_column(Float, default=0.0)  # the next free slot, server clock (epoch s)
