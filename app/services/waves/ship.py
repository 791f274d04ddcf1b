"""Shipping a planned wave: claim, mark and queue one ``ship`` per posting, in one transaction."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from app.services.waves.checks import check_posting
from app.services.waves.plan import _multibox, blocker
from app.statuses import LocalState
from app.store import claims as store_claims
from app.store import lookups
from app.store import outbox as store_outbox
from app.store import postings as store_postings
from app.store import products as store_products
from app.store import waves as store_waves
from app.store.events import append_event
from app.store.models import MEMBER_DROPPED, MEMBER_PENDING, MEMBER_PLANNED, WAVE_SHIPPED

log = logging.getLogger("packdesk.waves")


@dataclass(frozen=True)
class WaveShipped:
    wave_id: int
    queued: list[str]                                         # in pick order
    dropped: list[tuple[str, str]] = field(default_factory=list)  # no longer packable: (posting, why)
    already: bool = False                                     # the wave had shipped before: nothing new

    def as_dict(self) -> dict:
        return {"wave": self.wave_id, "queued": self.queued, "count": len(self.queued),
                "dropped": [{"posting_number": n, "reason": why} for n, why in self.dropped],
                "already_shipped": self.already}


def ship_wave(db, wave_id: int, station: str, *, now: datetime) -> WaveShipped:
    """Claim the wave's postings for ``station`` and queue their ship commands (full quantities,
    one package) in one transaction; the outbox sends them. A member no longer packable is
    dropped with its reason. LookupError for an unknown wave; shipping twice queues nothing."""
    def write(session) -> WaveShipped:
        wave = store_waves.get_wave(session, wave_id)
        if wave is None:
            raise LookupError(f"no wave {wave_id}")
        if wave.state == WAVE_SHIPPED:
            members = store_waves.members(session, wave_id)
            return WaveShipped(wave_id, [m.posting_number for m in members if m.state != MEMBER_DROPPED
                                         and m.pick_order > 0], already=True)
        planned = [m for m in store_waves.members(session, wave_id) if m.state == MEMBER_PLANNED]
        store_claims.hold_all(session, [m.posting_number for m in planned])  # read as the benches left them
        postings = {m.posting_number: lookups.get_posting(session, m.posting_number) for m in planned}
        skus = {line.sku for p in postings.values() if p is not None for line in p.items}
        barcodes = store_products.barcodes_by_sku(session, skus)
        known = set(store_products.products_by_sku(session, skus))
        queued, dropped = [], []
        for member in planned:
            number, posting = member.posting_number, postings[member.posting_number]
            why = "no longer in the cache" if posting is None else blocker(posting, station) or check_posting(
                posting.items, posting.requirements, multibox=_multibox(posting), barcodes=barcodes, known_skus=known)
            if why is None and not store_postings.claim_posting(session, number, station, now):
                why = "claimed by another station"
            if why is not None:
                store_waves.set_member(session, wave_id, number, MEMBER_DROPPED, reason=why)
                dropped.append((number, why))
                continue
            posting.local_state, posting.wave_id = LocalState.IN_PROGRESS, wave_id
            store_outbox.enqueue(session, kind="ship", posting_number=number,
                                 payload={"packages": [_full_package(posting)], "wave": wave_id},
                                 dedupe_key=f"ship:{number}", station=station, now=now)
            store_waves.set_member(session, wave_id, number, MEMBER_PENDING)
            append_event(session, kind="wave_ship_queued", station=station, posting_number=number, now=now,
                         data={"wave": wave_id, "pick": member.pick_order})
            queued.append(number)
        wave.state, wave.station, wave.shipped_at = WAVE_SHIPPED, station, now
        append_event(session, kind="wave_shipped", station=station, now=now,
                     data={"wave": wave_id, "queued": len(queued), "dropped": len(dropped)})
        return WaveShipped(wave_id, queued, dropped)

    shipped = db.writer.call(write)
    log.info("wave %d: %d ship command(s) queued, %d dropped", wave_id, len(shipped.queued), len(shipped.dropped))
    return shipped


def _full_package(posting) -> list[list[int]]:
    """Every unit of the posting in one package, ``[[sku, quantity], ...]`` by sku."""
    quantities: dict[int, int] = {}
    for line in posting.items:
        quantities[int(line.sku)] = quantities.get(int(line.sku), 0) + int(line.quantity)
    return [[sku, qty] for sku, qty in sorted(quantities.items())]
