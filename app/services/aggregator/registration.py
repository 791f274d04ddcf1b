"""After the ship of a partner-delivery posting (rFBS Aggregator): it waits in
``awaiting_registration`` until the partner registers it — on the waiting shelf (packed, waiting
for its label), not an error; the label is fetched once Ozon shows ``awaiting_deliver`` (the label
fetch keeps it "not ready" meanwhile). A partner's refusal (substatus ``posting_registration_error``)
makes the posting a problem with Ozon's word, for a person (Ozon's support, or a cancellation), and
parks its label at once (the Queues' failed list, Problem ``posting_registration_error``) instead
of asking Ozon for it again and again. When the partner registers it after all (Ozon support), the
posting is shipped again and its label is fetched.

The sync stage ``aggregator`` runs over the cache the pass has just refreshed."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from app.messages.problems import problem
from app.statuses import SHIPPED_STATUSES, SUBSTATUS_REGISTRATION_ERROR, LocalState
from app.store import labels as store_labels
from app.store import postings as store_postings
from app.store import tracking as store

log = logging.getLogger("packdesk.aggregator")

PROBLEM = problem("registration_refused")


class RegistrationWatch:
    def __init__(self, client, db, config, now: Callable[[], datetime]) -> None:
        self.db = db

    def __call__(self) -> int:
        def write(session) -> tuple[list[str], list[str]]:
            refused = store.refused_registration(session, SUBSTATUS_REGISTRATION_ERROR,
                                                 (LocalState.PROBLEM, LocalState.CANCELLED))
            if refused:
                store_postings.set_local_state(session, refused, LocalState.PROBLEM, problem=PROBLEM)
            # its label, and one made after it became a problem (a ship confirmed late), is not asked for
            store_labels.park_unfetched(session, store.still_refused(session, SUBSTATUS_REGISTRATION_ERROR, PROBLEM),
                                        PROBLEM, kind=SUBSTATUS_REGISTRATION_ERROR)
            registered = store.registered_after_refusal(session, SUBSTATUS_REGISTRATION_ERROR, PROBLEM,
                                                        SHIPPED_STATUSES)
            if registered:
                store_postings.set_local_state(session, registered, LocalState.SHIPPED)
                store_labels.unpark(session, registered, kind=SUBSTATUS_REGISTRATION_ERROR)
            return refused, registered

        refused, registered = self.db.writer.call(write)
        for number in refused:
            log.warning("%s: the delivery partner refused to register it; its label is parked", number)
        for number in registered:
            log.info("%s: registered by the delivery partner after all; its label is fetched", number)
        return len(refused)
