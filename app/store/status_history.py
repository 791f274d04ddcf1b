"""Writing and reading Ozon's status history of postings (``models_history``)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from app.store.bulk import CHUNK, chunked, naive_utc
from app.store.models_history import PostingStatusRow

_h = PostingStatusRow.__table__
_INSERT = insert(_h)
_OF = (select(_h.c.status, _h.c.substatus, _h.c.seen_at)
       .where(_h.c.posting_number == bindparam("number")).order_by(_h.c.id))


def record(session: Session, seen: Iterable[tuple[str, str, str | None]], now: datetime) -> None:
    """(posting, status, substatus) seen at ``now``: each a row of the history."""
    rows = [{"posting_number": n, "status": st, "substatus": sub, "seen_at": naive_utc(now)} for n, st, sub in seen]
    for chunk in chunked(rows, CHUNK):
        session.execute(_INSERT, list(chunk))


def of_posting(session: Session, posting_number: str) -> list[tuple[str, str | None, datetime]]:
    """(status, substatus, seen at) of the posting, oldest first."""
    return [tuple(row) for row in session.execute(_OF, {"number": posting_number})]
