"""The sync of a bench with several Ozon accounts: one ``SyncEngine`` per account, each with its own
client (its own Client-Id, key and rate budget: Ozon counts requests per Client-Id), run one after
the other; an account whose pass fails or cannot start never stops the others' (named in the log).

Each engine syncs only its own account: the postings it reads are stamped with its Client-Id, it
reconciles only that account's open postings, drains only that account's commands (a command's
account is its own, else its posting's: ``app.store.accounts``) and fetches only its labels. A
single-account bench keeps its one ``SyncEngine`` with no account (nothing changes for it).

The areas after packing (``app.services.sync.parts``: marks, hand-over, carriers, tracking,
aggregator, returns) join every account's engine: their commands go with the account that owns the
posting, and their stages look only at that account's postings (``app.store.accounts.engine_account``).

``AccountsEngine`` is what the bench runs (``SyncService``, ``packdesk sync``): one pass is a pass of
every account, their summaries merged into one (a stage is ``ok`` only when it was for every account).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from app.config import Config, with_overrides
from app.config_accounts import OzonAccount
from app.services.sync.engine import SyncEngine

log = logging.getLogger("packdesk.sync")


@dataclass
class AccountSync:
    account: OzonAccount
    engine: SyncEngine


def account_config(config: Config, account: OzonAccount) -> Config:
    """The configuration as one account's engine sees it: its Client-Id, warehouses and rate."""
    rps = account.requests_per_second or config.ozon.requests_per_second
    return with_overrides(config, ozon={"client_id": account.client_id, "warehouse_ids": list(account.warehouse_ids),
                                        "requests_per_second": rps})


def account_engines(config: Config, db, clients: Mapping[str, object], *,
                    leaders: Mapping[str, object] | None = None, **engine_kw) -> list[AccountSync]:
    """One engine per configured account that has a client (``clients``: Client-Id -> OzonClient);
    ``leaders``: in a room, each account's ``SyncLeader`` (Ozon counts requests per Client-Id)."""
    syncs = []
    for account in config.accounts:
        client = clients.get(account.client_id)
        if client is None:
            log.warning("Ozon account %s is not synced: no API key for it", account.label)
            continue
        leader = (leaders or {}).get(account.client_id)
        syncs.append(AccountSync(account, SyncEngine(client, db, account_config(config, account),
                                                     account=account.client_id, leader=leader, **engine_kw)))
    return syncs


def run_account_passes(syncs: Sequence[AccountSync]) -> dict:
    """A pass for every account, each on its own: Client-Id -> its PassSummary, or the exception that
    stopped it (the other accounts' passes still run). A refused key is said as a warning (the
    summary names the account); anything else is our bug, logged with its traceback."""
    from app.services.ozon.errors import OzonAuthError

    results: dict = {}
    for sync in syncs:
        try:
            results[sync.account.client_id] = sync.engine.run_pass()
        except OzonAuthError as exc:
            log.warning("sync pass of Ozon account %s failed: %s", sync.account.label, type(exc).__name__)
            results[sync.account.client_id] = exc
        except Exception as exc:  # noqa: BLE001 - one account's bug must not stop the next
            log.exception("sync pass of Ozon account %s crashed", sync.account.label)
            results[sync.account.client_id] = exc
    return results


class AccountsEngine:
    """Every account's engine as one to its callers: ``run_pass`` runs each account's pass in turn
    (``run_account_passes``) and returns one ``PassSummary``; ``after_pass`` callables run once after
    all of them, ``after_stage`` ones after that stage of each account's pass. A refused key stops that
    account's pass only (named in the summary); the others still run."""

    def __init__(self, syncs: Sequence[AccountSync]) -> None:
        self.syncs = list(syncs)
        self.after_pass: list[Callable[[], object]] = []
        self.after_stage: dict[str, list[Callable[[], object]]] = {}
        for sync in self.syncs:  # one dict: what is added to it later reaches every account's engine
            sync.engine.after_stage = self.after_stage
        leaders = [s.engine.leader for s in self.syncs if s.engine.leader is not None]
        self.leader = _Leaders(leaders) if leaders else None

    @property
    def on_progress(self):
        """Long work of a pass (the GUI's progress bar): every account's engine tells it."""
        return self.syncs[0].engine.on_progress if self.syncs else None

    @on_progress.setter
    def on_progress(self, report) -> None:
        for sync in self.syncs:
            sync.engine.on_progress = report

    def run_pass(self):
        from app.services.ozon.errors import OzonAuthError
        from app.services.sync.summary import merge_summaries

        results = run_account_passes(self.syncs)
        merged = merge_summaries([(sync.account.label, results[sync.account.client_id]) for sync in self.syncs])
        # a bug that stopped an account's pass reaches the crash dialog like a stage's (SyncService)
        merged.bugs += [r for r in results.values() if isinstance(r, Exception) and not isinstance(r, OzonAuthError)]
        for call in self.after_pass:
            try:
                call()
            except Exception:  # noqa: BLE001 - a follower's bug must not stop the sync
                log.exception("a call after the sync pass failed")
        return merged


class _Leaders:
    """The room's leaders of this bench's accounts, as one (``SyncService.wake``)."""

    def __init__(self, leaders: list) -> None:
        self.leaders = leaders

    @property
    def on_wake(self):
        return self.leaders[0].on_wake

    @on_wake.setter
    def on_wake(self, call) -> None:
        for leader in self.leaders:
            leader.on_wake = call

    def start(self) -> _Leaders:
        for leader in self.leaders:
            leader.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        for leader in self.leaders:
            leader.stop(timeout)

    @property
    def leading(self) -> bool:
        return all(leader.leading for leader in self.leaders)

    def nudge(self) -> None:
        for leader in self.leaders:
            if not leader.leading:
                leader.nudge()
