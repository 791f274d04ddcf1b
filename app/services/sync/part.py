"""``SyncPart``: what one area after packing adds to a sync pass (``app.services.sync.parts`` lists
the areas' makers; an area imports this module only, so the list and the areas import no loop).

- ``commands``: the outbox kinds it sends (kind → handler, as ``OutboxDrainer.handlers``: a handler
  takes a ``Command`` and returns an ``Outcome``; commands are written by the area's decisions in
  the same transaction, through ``app.store.outbox``);
- ``pull``: optionally, its own stage of the pass (named ``stage`` in the summary, messages in
  ``app.messages.sync``), run after the products and before the second drain, failing on its own
  like every stage (``PassSummary.run``);
- ``before_ship``: optionally, what a ship command waits for in this area (None: it may go; else
  the ``Outcome`` the ship takes meanwhile), asked by ``OutboxDrainer`` before it sends a ship.
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
    before_ship: Callable[[Command], Outcome | None] | None = None


PartMaker = Callable[[Any, Any, Any, Callable[[], datetime]], SyncPart]  # (client, db, config, now)
