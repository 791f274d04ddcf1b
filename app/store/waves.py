"""Label-first waves in the cache: a wave, its members in pick order, and what became of each.

A posting shipped in a wave carries ``postings.wave_id``; until the bench has verified its
parcel it stays ``in_progress`` and claimed by the wave's station (Ozon shows it shipped).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.statuses import LocalState
from app.store.bulk import chunked, naive_utc
from app.store.models import (
    LABEL_OWN, LABEL_PRINTED, MEMBER_EXCLUDED, MEMBER_PENDING, MEMBER_PLANNED, MEMBER_STATES, WAVE_PLANNED, LabelRow,
    PostingRow, WavePostingRow, WaveRow,
)


def create_wave(session: Session, *, station: str, chosen: Sequence[str], excluded: Iterable[tuple[str, str]],
                delivery_method_id: int | None, due_by: datetime | None, now: datetime) -> int:
    """A planned wave: ``chosen`` in pick order (1, 2, ...), ``excluded`` as (number, reason)."""
    wave = WaveRow(station=station, state=WAVE_PLANNED, delivery_method_id=delivery_method_id,
                   due_by=naive_utc(due_by), created_at=naive_utc(now))
    session.add(wave)
    session.flush()
    session.add_all(WavePostingRow(wave_id=wave.id, posting_number=n, pick_order=i, state=MEMBER_PLANNED)
                    for i, n in enumerate(chosen, start=1))
    session.add_all(WavePostingRow(wave_id=wave.id, posting_number=n, pick_order=0, state=MEMBER_EXCLUDED,
                                   reason=reason) for n, reason in excluded)
    session.flush()
    return wave.id


def get_wave(session: Session, wave_id: int) -> WaveRow | None:
    return session.get(WaveRow, wave_id, populate_existing=True)


def members(session: Session, wave_id: int) -> list[WavePostingRow]:
    """The wave's postings: picked ones in pick order, then the excluded ones."""
    return list(session.scalars(
        select(WavePostingRow).where(WavePostingRow.wave_id == wave_id)
        .order_by(WavePostingRow.pick_order == 0, WavePostingRow.pick_order, WavePostingRow.posting_number)
    ))


def member(session: Session, wave_id: int, number: str) -> WavePostingRow | None:
    return session.get(WavePostingRow, (wave_id, number), populate_existing=True)


def set_member(session: Session, wave_id: int, number: str, state: str, *, reason: str | None = None,
               verified_at: datetime | None = None) -> None:
    if state not in MEMBER_STATES:
        raise ValueError(f"unknown wave member state {state!r}")
    row = member(session, wave_id, number)
    if row is None:
        raise LookupError(f"posting {number} is not in wave {wave_id}")
    row.state, row.reason = state, reason
    if verified_at is not None:
        row.verified_at = naive_utc(verified_at)
    session.flush()


def in_pending_wave(posting: PostingRow) -> bool:
    """Shipped in a wave and not yet verified at the bench (nor flagged)."""
    return posting.wave_id is not None and posting.local_state == LocalState.IN_PROGRESS


def shipped_after_verify(session: Session, numbers: Iterable[str]) -> int:
    """A wave's ship is confirmed: only parcels the bench already verified (``packed``) become
    ``shipped``; unverified ones stay ``in_progress`` until the bench has seen them."""
    changed = 0
    for chunk in chunked(list(numbers)):
        changed += session.execute(
            update(PostingRow).where(PostingRow.posting_number.in_(chunk), PostingRow.local_state == LocalState.PACKED)
            .values(local_state=LocalState.SHIPPED)
        ).rowcount
    return changed


def pick_orders(session: Session, numbers: Iterable[str]) -> dict[str, tuple[int, int]]:
    """(wave id, pick order) of each of ``numbers`` shipped in a wave."""
    numbers = list(numbers)
    found: dict[str, tuple[int, int]] = {}
    for chunk in chunked(numbers):
        found.update((n, (w, o)) for n, w, o in session.execute(
            select(WavePostingRow.posting_number, WavePostingRow.wave_id, WavePostingRow.pick_order)
            .join(PostingRow, (PostingRow.posting_number == WavePostingRow.posting_number)
                  & (PostingRow.wave_id == WavePostingRow.wave_id))
            .where(WavePostingRow.posting_number.in_(chunk))
        ).all())
    return found


def pending_before(session: Session, wave_id: int, pick_order: int) -> list[str]:
    """Members shipped in the wave ahead of ``pick_order`` (for label order)."""
    return list(session.scalars(
        select(WavePostingRow.posting_number).where(
            WavePostingRow.wave_id == wave_id, WavePostingRow.pick_order > 0,
            WavePostingRow.pick_order < pick_order, WavePostingRow.state.in_((MEMBER_PENDING, "verified")))
        .order_by(WavePostingRow.pick_order)
    ))


def label_counts(session: Session, wave_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """(Ozon labels printed, postings shipped in the wave) of each wave: a wave's labels printed n of m."""
    counts: dict[int, tuple[int, int]] = {}
    for wave_id in sorted(set(wave_ids)):
        shipped = (select(WavePostingRow.posting_number)
                   .join(PostingRow, (PostingRow.posting_number == WavePostingRow.posting_number)
                         & (PostingRow.wave_id == WavePostingRow.wave_id))
                   .where(WavePostingRow.wave_id == wave_id, WavePostingRow.pick_order > 0))
        total = session.scalar(select(func.count()).select_from(shipped.subquery())) or 0
        printed = session.scalar(
            select(func.count(func.distinct(LabelRow.posting_number)))
            .where(LabelRow.posting_number.in_(shipped), LabelRow.kind != LABEL_OWN,
                   LabelRow.state == LABEL_PRINTED)) or 0
        counts[wave_id] = (printed, total)
    return counts
