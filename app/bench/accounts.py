"""The Ozon part of a bench with several seller accounts (``[[ozon.accounts]]``): what
``app.bench.ozon`` opens instead of the single account's clients and sync.

- ``clients``: Client-Id -> the account's sync client, each with its own key and rate budget
  (Ozon counts requests per Client-Id); ``client`` is the first (what a single-account tool gets);
- ``lookups``: the station's look-ups over every account (``app.services.station.accounts``): a
  scanned posting is asked of the account the cache holds it for, an unknown one of each in turn;
- ``engine``: one sync engine per account run as one (``app.services.sync.accounts``); in a room,
  each account has its own sync leader.

An account without a key is left out with a problem (``no_api_key`` naming it); the others work.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping

from app.bench.ozon import lookup_client, sync_client
from app.bench.problem import BenchProblem
from app.config_accounts import resolve_account_key
from app.services.sync.accounts import account_config

log = logging.getLogger("packdesk.bench")


def open_accounts(bench, keys: Mapping[str, str] | None, limiters) -> None:
    """Each configured account's clients (``keys``: Client-Id -> key, else each from the
    environment or the keyring)."""
    from app.services.ozon.errors import OzonConfigError
    from app.services.station.accounts import AccountLookups

    config, clients, lookups = bench.config, {}, {}
    try:
        for account in config.accounts:
            key = (keys or {}).get(account.client_id) or resolve_account_key(account)
            if not key:
                log.warning("Ozon account %s has no API key: left out", account.label)
                bench.problems.append(("no_account_key", f"{account.label} ({account.client_id})"))
                continue
            own = account_config(config, account)
            try:
                clients[account.client_id] = sync_client(own, key, limiters=limiters)
                lookups[account.client_id] = lookup_client(own, key, limiters=limiters)
            except OzonConfigError as exc:
                raise BenchProblem("config_invalid", f"{account.label}: {exc}") from None
    except BaseException:
        for client in (*clients.values(), *lookups.values()):
            client.close()
        raise
    if not clients:
        raise BenchProblem("no_account_key", ", ".join(f"{a.label} ({a.client_id})" for a in config.accounts))
    bench.clients = clients
    bench.client = next(iter(clients.values()))
    bench.lookups = AccountLookups(lookups, cached_account=lambda number: _cached_account(bench.db, number))
    if len(config.accounts) == 1:  # rows from before the account table belong to it
        from app.store import accounts as store_accounts

        adopted = bench.db.writer.call(store_accounts.adopt_unowned, config.accounts[0].client_id)
        if adopted:
            log.info("%d cached rows adopted by Ozon account %s", adopted, config.accounts[0].label)


def _cached_account(db, number: str) -> str:
    from app.store import accounts as store_accounts

    with db.read() as session:
        return store_accounts.account_of(session, number)


def account_engine(bench, print_labels):
    """Every account's sync engine, run as one; in a room each account has its sync leader."""
    from app.services.sync.accounts import AccountsEngine, account_engines
    from app.store.room import shared

    leaders = {}
    if shared(bench.db.dialect):
        from app.services.room.budget import account_key
        from app.services.room.leader import SyncLeader

        leaders = {cid: SyncLeader(bench.db, account_key(bench.config.ozon.base_url, cid), bench.config.station.name)
                   for cid in bench.clients}
    return AccountsEngine(account_engines(bench.config, bench.db, bench.clients, leaders=leaders,
                                          print_labels=print_labels))
