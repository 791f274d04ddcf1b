"""What the work after packing adds to a sync pass: one ``SyncPart`` per area (hand-over, marking
codes, carriers, tracking, the rFBS aggregator, returns), made from the pass's Ozon client, cache,
configuration and clock by a maker listed in ``PART_MAKERS``. What a part holds (its outbox commands,
its own stage, what a ship waits for in it): ``app.services.sync.part``.

The engine knows no area by name: adding one is a maker here, nothing else in the sync. The areas
build their parts of ``app.services.sync.part`` and never import this list.
"""
from __future__ import annotations

from app.services.aggregator.sync_part import make_part as _aggregator
from app.services.carriers.part import make_part as _carriers
from app.services.handover.sync_part import make_part as _handover
from app.services.marks.part import make_marks_part as _marks
from app.services.returns.sync_part import make_part as _returns
from app.services.sync.part import PartMaker, SyncPart
from app.services.tracking.sync_part import make_part as _tracking

__all__ = ["PART_MAKERS", "PartMaker", "SyncPart"]

PART_MAKERS: tuple[PartMaker, ...] = (_marks, _handover, _carriers, _tracking, _aggregator, _returns)
