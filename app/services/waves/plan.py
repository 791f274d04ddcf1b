"""Planning a wave: choose packable postings, check them, store the wave with its pick order."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from app.messages.problems import problem
from app.services.waves.checks import check_posting
from app.statuses import AWAITING_PACKAGING, PACKABLE_STATUSES, LocalState
from app.store import lookups
from app.store import products as store_products
from app.store import waves as store_waves
from app.store.events import append_event
from app.store.models import PostingRow

log = logging.getLogger("packdesk.waves")


@dataclass(frozen=True)
class WavePlan:
    wave_id: int | None                       # None: nothing could go in a wave, none was stored
    postings: list[str]                       # in pick order
    excluded: list[tuple[str, str]] = field(default_factory=list)  # (posting, why)
    left_over: int = 0                        # passed the checks, over --limit

    def as_dict(self) -> dict:
        return {"wave": self.wave_id, "postings": self.postings, "count": len(self.postings),
                "excluded": [{"posting_number": n, "reason": why} for n, why in self.excluded],
                "left_over": self.left_over}


def end_of_day(day: date, tz: timezone | None = None) -> datetime:
    """The last moment of ``day`` in ``tz`` (default: this machine's zone) as naive UTC: "due
    today" takes every posting whose shipment date falls before it (overdue ones included)."""
    local = datetime.combine(day + timedelta(days=1), time.min).replace(tzinfo=tz)
    if tz is None:
        local = local.astimezone()
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def plan_wave(db, station: str, *, delivery_method_id: int | None = None, due_by: datetime | None = None,
              limit: int | None = None, now: datetime) -> WavePlan:
    """Choose, check and store a wave (nothing is claimed or sent yet)."""
    def write(session) -> WavePlan:
        candidates = [p for p in lookups.list_postings(session, status=AWAITING_PACKAGING,
                                                              local_state=LocalState.WAITING)
                      if _wanted(p, delivery_method_id, due_by)]
        skus = {line.sku for p in candidates for line in p.items}
        barcodes = store_products.barcodes_by_sku(session, skus)
        known = set(store_products.products_by_sku(session, skus))
        chosen: list[PostingRow] = []
        excluded: list[tuple[str, str]] = []
        for posting in candidates:  # earliest deadline first
            why = blocker(posting, station) or check_posting(
                posting.items, posting.requirements, multibox=_multibox(posting), barcodes=barcodes,
                known_skus=known)
            if why is None:
                chosen.append(posting)
            else:
                excluded.append((posting.posting_number, why))
        left_over = max(0, len(chosen) - limit) if limit is not None else 0
        if limit is not None:
            chosen = chosen[:limit]
        picked = [p.posting_number for p in sorted(chosen, key=pick_key)]
        if not picked:  # an empty wave would only be a number to ship that ships nothing
            return WavePlan(None, [], excluded, left_over)
        wave_id = store_waves.create_wave(session, station=station, chosen=picked, excluded=excluded,
                                          delivery_method_id=delivery_method_id, due_by=due_by, now=now)
        append_event(session, kind="wave_planned", station=station, now=now,
                     data={"wave": wave_id, "postings": len(picked), "excluded": len(excluded),
                           "delivery_method_id": delivery_method_id,
                           "due_by": due_by.isoformat() if due_by else None})
        return WavePlan(wave_id, picked, excluded, left_over)

    plan = db.writer.call(write)
    if plan.wave_id is None:
        log.info("no wave planned: no posting could go in one (%d excluded)", len(plan.excluded))
    else:
        log.info("wave %d planned: %d posting(s), %d excluded", plan.wave_id, len(plan.postings), len(plan.excluded))
    return plan


def blocker(posting: PostingRow, station: str) -> str | None:
    """Why a posting cannot be taken into a wave now (claimed, in another wave, not packable)."""
    if posting.status not in PACKABLE_STATUSES:
        return problem("ozon_status", status=posting.status)
    if posting.wave_id is not None:
        return f"already shipped with wave {posting.wave_id}"
    if posting.local_state != LocalState.WAITING:
        return f"local state {posting.local_state}"
    if posting.claimed_by is not None:  # open or parked at a bench (this one included)
        return f"claimed by {posting.claimed_by}"
    return None


def pick_key(posting: PostingRow) -> tuple:
    """Pick order: postings of the same products together (by their first offer id), then by deadline."""
    first = min((line.offer_id or str(line.sku) for line in posting.items), default="")
    return (first, posting.shipment_date is None, posting.shipment_date or datetime.min, posting.posting_number)


def _wanted(posting: PostingRow, method: int | None, due_by: datetime | None) -> bool:
    if method is not None and posting.delivery_method_id != method:
        return False
    if due_by is not None and (posting.shipment_date is None or posting.shipment_date >= due_by):
        return False
    return True


def _multibox(posting: PostingRow) -> bool:
    return bool(posting.is_multibox) or (posting.multi_box_qty or 1) > 1
