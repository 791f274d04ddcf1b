"""A posting's row held by the decision that claims it, so that no two benches open, pack or ship it.

On PostgreSQL (a room of benches) a decision reads the posting and then claims it; between the two,
another bench's decision could claim, pack and let it go, and the stale read would open a posting
already packed. ``hold`` takes the row's lock first (``SELECT … FOR UPDATE``): the other bench's
decision on that posting waits the few milliseconds until this one commits, then reads what it
wrote (``claimed`` by this bench, with its name). Searches for a posting to open (an idle item
scan) pass over rows held this way (``SKIP LOCKED``, ``lookups.packable_by_item_barcode``), so two
benches scanning the same product at once open two postings instead of queueing for one.

On SQLite (one bench, and a ``packdesk sync`` beside it) the writer lane takes the database's write
lock at ``BEGIN IMMEDIATE``: every decision already runs alone, and ``hold`` does nothing.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.store.models import PostingRow

_p = PostingRow.__table__
_HOLD = select(_p.c.posting_number).where(_p.c.posting_number == bindparam("number")).with_for_update()
_HOLD_ALL = (select(_p.c.posting_number).where(_p.c.posting_number.in_(bindparam("numbers", expanding=True)))
             .order_by(_p.c.posting_number).with_for_update())  # always in one order: no deadlock


def _row_locks(session: Session) -> bool:
    return session.get_bind().dialect.name != "sqlite"


def hold(session: Session, number: str) -> None:
    """Lock the posting's row until the transaction ends, before reading it to decide."""
    if _row_locks(session):
        session.execute(_HOLD, {"number": number})


def hold_all(session: Session, numbers: Iterable[str]) -> None:
    """``hold`` for several postings (a wave), taken in posting-number order."""
    numbers = sorted(set(numbers))
    if numbers and _row_locks(session):
        session.execute(_HOLD_ALL, {"numbers": numbers})
