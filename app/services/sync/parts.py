"""What the work after packing adds to a sync pass: its outbox commands and its own stage.

Hand-over, marking codes, returns, carriers... each area offers one ``SyncPart``, made from the
pass's Ozon client, cache, configuration and clock by a maker listed in ``PART_MAKERS``:

- ``commands``: the outbox kinds it sends (kind → handler, as ``OutboxDrainer.handlers``: a handler
  takes a ``Command`` and returns an ``Outcome``; commands are written by the area's decisions in
  the same transaction, through ``app.store.outbox``);
- ``pull``: optionally, its own stage of the pass (named ``stage`` in the summary, messages in
  ``app.messages.sync``), run after the products and before the second drain, failing on its own
  like every stage (``PassSummary.run``).

The engine knows no area by name: adding one is a maker here, nothing else in the sync.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.services.sync.outbox import Command, Outcome


@dataclass(frozen=True)
class SyncPart:
    stage: str | None = None  # its stage's name in the pass summary (None: it has no pull)
    commands: Mapping[str, Callable[[Command], Outcome]] = field(default_factory=dict)
    pull: Callable[[], object] | None = None
    needs_ozon: bool = True  # skipped (not failed) when Ozon cannot be reached this pass
    # its pull concerns the whole account: in a room of benches only the sync leader runs it
    # (False: every bench runs it, e.g. work on its own parcels); commands go with the outbox (leader)
    whole_account: bool = True


PartMaker = Callable[[Any, Any, Any, Callable[[], datetime]], SyncPart]  # (client, db, config, now)

def _marks(client, db, config, now) -> SyncPart:
    from app.services.marks.part import make_marks_part  # the area imports this module: no cycle at import
    return make_marks_part(client, db, config, now)


def _handover(client, db, config, now) -> SyncPart:
    from app.services.handover.sync_part import make_part

    return make_part(client, db, config, now)


def _returns(client, db, config, now) -> SyncPart:
    from app.services.returns.sync_part import make_part

    return make_part(client, db, config, now)


def _tracking(client, db, config, now) -> SyncPart:
    from app.services.tracking.sync_part import make_part

    return make_part(client, db, config, now)


def _carriers(client, db, config, now) -> SyncPart:
    from app.services.carriers.part import make_part

    return make_part(client, db, config, now)


def _aggregator(client, db, config, now) -> SyncPart:
    from app.services.aggregator.sync_part import make_part

    return make_part(client, db, config, now)


PART_MAKERS: tuple[PartMaker, ...] = (_marks, _handover, _carriers, _tracking, _aggregator, _returns)
