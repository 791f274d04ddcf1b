"""The returns' part of a sync pass (``app.services.sync.parts``): its stage ``returns`` (FBS returns
from ``/v1/returns/list``, rFBS return requests from ``/v2/returns/rfbs/list`` with the actions
Ozon offers on each, ``/v2/returns/rfbs/get``) and its outbox command ``rfbs_return_action``.

The FBS list is asked for what changed since the last pass (a day of overlap; the first pass looks
back ``LOOK_BACK``); the rFBS list for requests created within ``LOOK_BACK`` (their state changes
are only seen by reading them again). rFBS requests still open are read one by one for their actions.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from app.services.returns.actions import ACTION_KIND, ActionSend
from app.services.sync.part import SyncPart
from app.store import returns as store
from app.store import sync_state
from app.store.accounts import engine_account, keyed
from app.store.bulk import naive_utc

STAGE = "returns"
PULLED = "returns.pulled_at"
LOOK_BACK = timedelta(days=60)
OVERLAP = timedelta(days=1)
FINAL_GROUPS = frozenset({"approved", "rejected"})  # rFBS requests that offer nothing more
MAX_DETAILS = 100  # rFBS requests read for their actions per pass


class ReturnsPull:
    def __init__(self, client, db, now: Callable[[], datetime], account: str | None = None) -> None:
        """``account``: on a bench with several Ozon accounts, the one ``client`` reads (each lists its own)."""
        self.client, self.db, self.now = client, db, now
        self.pulled_key = keyed(PULLED, account)

    def __call__(self) -> dict:
        now = naive_utc(self.now())
        with self.db.read() as session:
            last = sync_state.get_state(session, self.pulled_key)
        since = datetime.fromisoformat(last) - OVERLAP if last else now - LOOK_BACK
        until = (now + timedelta(minutes=5)).replace(tzinfo=timezone.utc)
        fbs = self.client.fbs_returns(since=since.replace(tzinfo=timezone.utc), until=until)
        rfbs = self.client.rfbs_returns(since=(now - LOOK_BACK).replace(tzinfo=timezone.utc), until=until)
        details = {}
        for item in [r for r in rfbs if r.group_state.casefold() not in FINAL_GROUPS][:MAX_DETAILS]:
            details[item.ozon_id] = self.client.rfbs_return(item.ozon_id)

        def write(session):
            new = store.upsert(session, [*fbs, *rfbs], now, details)
            sync_state.set_state(session, self.pulled_key, now.isoformat(), now)
            return len(new)

        return {"returns": len(fbs) + len(rfbs), "new": self.db.writer.call(write)}


def make_part(client, db, config, now) -> SyncPart:
    return SyncPart(stage=STAGE, pull=ReturnsPull(client, db, now, engine_account(config)),
                    commands={ACTION_KIND: ActionSend(client, db, now)})
