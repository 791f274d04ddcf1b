"""The marking codes' part of a sync pass: the ``marks`` command and the ``marks`` stage.

The stage queues the set of every packed posting that needs exemplars and has none on its way for
the units it holds (the pack queues it in its own transaction; this catches what a crash, an old
database or requirements that came after the pack left behind). Local work only: it runs when
Ozon cannot be reached too.
"""
from __future__ import annotations

from app.services.marks.flow import MarksFlow
from app.services.sync.part import SyncPart
from app.store import marks as store_marks

STAGE = "marks"


def make_marks_part(client, db, config, now) -> SyncPart:
    flow = MarksFlow(client, db, now=now)

    def queue_waiting() -> int:
        def write(session) -> int:
            numbers = store_marks.packed_waiting(session)
            for number in numbers:
                store_marks.queue_set(session, number, station=None, now=now())
            return len(numbers)

        return db.writer.call(write)

    return SyncPart(stage=STAGE, commands={store_marks.MARKS_COMMAND: flow.handle}, pull=queue_waiting,
                    needs_ozon=False)
