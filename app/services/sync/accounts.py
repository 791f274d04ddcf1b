"""The sync of a bench with several Ozon accounts: one ``SyncEngine`` per account, each with its own
client (its own Client-Id, key and rate budget: Ozon counts requests per Client-Id), run one after
the other; an account whose pass fails or cannot start never stops the others' (named in the log).

Each engine syncs only its own account: the postings it reads are stamped with its Client-Id, it
reconciles only that account's open postings, drains only that account's commands (a command's
account is its own, else its posting's: ``app.store.accounts``) and fetches only its labels. A
single-account bench keeps its one ``SyncEngine`` with no account (nothing changes for it).

Not per account yet: the areas after packing (``app.services.sync.parts``: marks, hand-over,
carriers, tracking, aggregator, returns) read the whole cache with one client, so with several
accounts their stages are left out of the engines (``part_makers=()``).
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


def account_engines(config: Config, db, clients: Mapping[str, object], **engine_kw) -> list[AccountSync]:
    """One engine per configured account that has a client (``clients``: Client-Id -> OzonClient)."""
    syncs = []
    for account in config.accounts:
        client = clients.get(account.client_id)
        if client is None:
            log.warning("Ozon account %s is not synced: no API key for it", account.label)
            continue
        syncs.append(AccountSync(account, SyncEngine(client, db, account_config(config, account),
                                                     account=account.client_id, part_makers=(), **engine_kw)))
    return syncs


def run_account_passes(syncs: Sequence[AccountSync],
                       on_failure: Callable[[OzonAccount, BaseException], object] | None = None) -> dict:
    """A pass for every account, each on its own: Client-Id -> its PassSummary, or the exception that
    stopped it (the other accounts' passes still run)."""
    results: dict = {}
    for sync in syncs:
        try:
            results[sync.account.client_id] = sync.engine.run_pass()
        except Exception as exc:  # noqa: BLE001 - one account's failure must not stop the next
            log.warning("sync pass of Ozon account %s failed: %s", sync.account.label, type(exc).__name__)
            results[sync.account.client_id] = exc
            if on_failure is not None:
                on_failure(sync.account, exc)
    return results
