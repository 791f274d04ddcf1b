"""After the ship of a partner-delivery posting (rFBS Aggregator): it waits in
``awaiting_registration`` until the partner registers it — on the waiting shelf (packed, waiting
for its label), not an error; the label is fetched once Ozon shows ``awaiting_deliver`` (the label
fetch keeps it "not ready" meanwhile). A partner's refusal (substatus ``posting_registration_error``)
makes the posting a problem with Ozon's word, for a person (Ozon's support, or a cancellation).

The sync stage ``aggregator`` runs over the cache the pass has just refreshed."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from app.statuses import SUBSTATUS_REGISTRATION_ERROR, LocalState
from app.store import postings as store_postings
from app.store import tracking as store

log = logging.getLogger("packdesk.aggregator")

PROBLEM = f"the delivery partner refused to register it (Ozon: {SUBSTATUS_REGISTRATION_ERROR}): " \
          "write to Ozon support or cancel the posting"


class RegistrationWatch:
    def __init__(self, client, db, config, now: Callable[[], datetime]) -> None:
        self.db = db

    def __call__(self) -> int:
        def write(session) -> list[str]:
            numbers = store.refused_registration(session, SUBSTATUS_REGISTRATION_ERROR,
                                                 (LocalState.PROBLEM, LocalState.CANCELLED))
            if numbers:
                store_postings.set_local_state(session, numbers, LocalState.PROBLEM, problem=PROBLEM)
            return numbers

        numbers = self.db.writer.call(write)
        for number in numbers:
            log.warning("%s: the delivery partner refused to register it", number)
        return len(numbers)
