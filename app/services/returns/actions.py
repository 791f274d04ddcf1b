"""rFBS return actions (approve, reject, confirm receipt, refund... whatever Ozon offers on a request
now: ``available_actions`` of ``/v2/returns/rfbs/get``) through the outbox: ``rfbs_return_action``.

``request_action`` is the decision: checked against the actions the cache holds, queued in the same
transaction (a ``dedupe_key`` per return, action and Ozon state: a double click queues once).
``ActionSend`` sends it once; a lost answer is read back (``/v2/returns/rfbs/get``): a state that
moved on, or the action no longer offered, means it took effect; only a request still in the state
it was in, offering the action, is sent again. Ozon's refusal parks it with Ozon's words.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from app.services.ozon.errors import OzonBusinessError, OzonNotFound, OzonTransportError
from app.services.sync.outbox import Command, Outcome, backoff_s, take
from app.store import outbox as store_outbox
from app.store import returns as store
from app.store.models import OUTBOX_DONE, OUTBOX_PARKED, OUTBOX_PENDING, OUTBOX_UNCERTAIN
from app.store.models_returns import SCHEME_RFBS

log = logging.getLogger("packdesk.returns.actions")

ACTION_KIND = "rfbs_return_action"
REJECT_IDS = frozenset({-1, -10})  # Ozon: a reason and a comment are required for these


class ActionRefused(ValueError):
    """The action cannot be asked for now (``code``: a message key of app.messages.returns)."""

    def __init__(self, code: str, **data) -> None:
        super().__init__(code)
        self.code, self.data = code, data


def request_action(session, return_id: int, action_id: int, *, comment: str = "",
                   rejection_reason_id: int | None = None, station: str | None, now: datetime) -> int:
    """Queue an action on an rFBS return (in the caller's transaction); the outbox row's id."""
    row = store.get(session, return_id)
    if row is None or row.scheme != SCHEME_RFBS:
        raise ActionRefused("return_action_not_rfbs")
    offered = {int(a["id"]): a.get("name", "") for a in row.actions or ()}
    if action_id not in offered:
        raise ActionRefused("return_action_not_offered", action=str(action_id))
    if action_id in REJECT_IDS and (rejection_reason_id is None or not comment.strip()):
        raise ActionRefused("return_action_needs_reason")
    command = store_outbox.enqueue(
        session, kind=ACTION_KIND, posting_number=row.posting_number, station=station, now=now,
        dedupe_key=f"{ACTION_KIND}:{row.ozon_id}:{action_id}:{row.state}",
        payload={"return": row.id, "return_id": row.ozon_id, "action_id": action_id,
                 "action": offered[action_id], "state_before": row.state, "comment": comment.strip(),
                 "rejection_reason_id": rejection_reason_id})
    return command.id


class ActionSend:
    """The ``rfbs_return_action`` handler."""

    def __init__(self, client, db, now: Callable[[], datetime]) -> None:
        self.client, self.db, self.now = client, db, now

    def __call__(self, command: Command) -> Outcome:
        p = command.payload
        if command.state == OUTBOX_UNCERTAIN or command.attempts > 0:  # it may have reached Ozon: read back
            try:
                detail = self.client.rfbs_return(p["return_id"])
            except OzonTransportError as exc:
                return Outcome(command.state, str(exc), delay_s=backoff_s(command.attempts))
            except OzonNotFound:
                return Outcome(OUTBOX_PARKED, "Ozon does not know this return any more")
            offered = {int(a["id"]) for a in detail.actions}
            if detail.state != p["state_before"] or p["action_id"] not in offered:
                self._refresh(p, detail)
                return Outcome(OUTBOX_DONE, result={"state": detail.state, "read_back": True})
        take(self.db, command, self.now())
        try:
            self.client.rfbs_return_action(p["return_id"], p["action_id"], comment=p.get("comment") or "",
                                           rejection_reason_id=p.get("rejection_reason_id"))
        except OzonTransportError as exc:
            state = OUTBOX_UNCERTAIN if exc.maybe_applied else OUTBOX_PENDING
            return Outcome(state, str(exc), delay_s=backoff_s(command.attempts + 1))
        except (OzonBusinessError, OzonNotFound) as exc:
            log.warning("Ozon refused action %s on rFBS return %s: %s", p["action_id"], p["return_id"], exc)
            return Outcome(OUTBOX_PARKED, f"Ozon refused: {exc}")
        try:
            detail = self.client.rfbs_return(p["return_id"])
        except (OzonTransportError, OzonBusinessError, OzonNotFound):  # the next pass reads it
            return Outcome(OUTBOX_DONE, result={"sent": True})
        self._refresh(p, detail)
        return Outcome(OUTBOX_DONE, result={"state": detail.state})

    def _refresh(self, p: dict, detail) -> None:
        def write(session):
            row = store.get(session, p["return"])
            if row is not None:
                if detail.state != row.state:  # its group comes with the next list; Ozon's name says it meanwhile
                    row.group_state = ""
                row.state, row.state_name = detail.state, detail.state_name or row.state_name
                row.actions, row.rejection_reasons = list(detail.actions), list(detail.rejection_reasons)
        self.db.writer.call(write)
