"""Several Ozon seller accounts on one bench: the ``[[ozon.accounts]]`` tables (CONTRACT.md).

    [ozon]
    base_url = "https://api-seller.ozon.ru"
    requests_per_second = 20          # each account's own budget (Ozon counts per Client-Id)

    [[ozon.accounts]]
    client_id = "123456"
    name = "Main shop"
    warehouse_ids = [1020000111542009]

    [[ozon.accounts]]
    client_id = "654321"
    name = "Second shop"              # warehouse_ids omitted: all its warehouses

Without ``[[ozon.accounts]]`` the single ``[ozon] client_id`` is the one account, exactly as before
(its key from ``PACKDESK_OZON_API_KEY`` or the keyring). With several accounts each key comes from
the OS keyring (service "packdesk", user = that client id) or ``PACKDESK_OZON_API_KEY_<client id>``
(a service's environment): the plain ``PACKDESK_OZON_API_KEY`` cannot say whose key it is. A key
is never part of the file: ``api_key`` in a table is refused by name.

Postings are keyed by their number alone (Ozon numbers them per order, unique across sellers in
practice); each cached posting records its account's client id, and everything sent for it (ship,
label, re-read) goes with that account's credentials.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from app.config_values import config_error
from app.keyring_store import read_secret

KEY_VARIABLE = "PACKDESK_OZON_API_KEY"  # with "_<client id>": that account's key
_KEYS = ("client_id", "name", "warehouse_ids", "requests_per_second")


@dataclass(frozen=True)
class OzonAccount:
    """One seller account: its Client-Id, the name the screens show and the warehouses it syncs."""

    client_id: str
    name: str = ""
    warehouse_ids: list[int] = field(default_factory=list)
    requests_per_second: float | None = None  # None: the [ozon] value
    single: bool = False  # the one-account form: its key may come from PACKDESK_OZON_API_KEY

    @property
    def label(self) -> str:
        return self.name or self.client_id


def parse_accounts(tables: Any, *, source: str = "") -> tuple[OzonAccount, ...]:
    """``[[ozon.accounts]]`` as accounts; ConfigError naming ``source`` and the key on bad input."""
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise config_error(source, "must be tables ([[ozon.accounts]])", "ozon.accounts", "setting_accounts_tables")
    accounts: list[OzonAccount] = []
    for index, table in enumerate(tables):
        where = f"ozon.accounts[{index}]"
        if "api_key" in table:
            raise config_error(source, "an API key is never written in the file: store it in the OS keyring "
                               "(service \"packdesk\", user = the client id)", f"{where}.api_key",
                               "setting_key_in_file")
        unknown = sorted(set(table) - set(_KEYS))
        if unknown:
            raise config_error(source, "unknown setting", f"{where}.{unknown[0]}", "setting_unknown")
        client_id = table.get("client_id")
        if isinstance(client_id, int) and not isinstance(client_id, bool):
            client_id = str(client_id)
        if not isinstance(client_id, str) or not client_id.strip().isdigit():
            raise config_error(source, f"expected the account's numeric Client-Id, got {client_id!r}",
                               f"{where}.client_id", "setting_client_id", value=repr(client_id))
        client_id = client_id.strip()
        if any(a.client_id == client_id for a in accounts):
            raise config_error(source, f"Client-Id {client_id} is configured twice", f"{where}.client_id",
                               "setting_client_id_twice", client_id=client_id)
        name = table.get("name", "")
        if not isinstance(name, str):
            raise config_error(source, f"expected text, got {name!r}", f"{where}.name", "setting_expected_text",
                               value=repr(name))
        warehouses = table.get("warehouse_ids", [])
        if not isinstance(warehouses, list) or not all(
                isinstance(w, int) and not isinstance(w, bool) for w in warehouses):
            raise config_error(source, f"expected a list of numbers, got {warehouses!r}", f"{where}.warehouse_ids",
                               "setting_expected_numbers", value=repr(warehouses))
        rps = table.get("requests_per_second")
        if rps is not None and (isinstance(rps, bool) or not isinstance(rps, (int, float)) or not 0.1 <= rps <= 50):
            raise config_error(source, f"expected a number from 0.1 to 50, got {rps!r}", f"{where}.requests_per_second",
                               "setting_number_range", low="0.1", high="50", value=repr(rps))
        accounts.append(OzonAccount(client_id, name.strip(), list(warehouses),
                                    None if rps is None else float(rps)))
    return tuple(accounts)


def resolve_account_key(account: OzonAccount, env: dict[str, str] | None = None) -> str | None:
    """The account's API key: ``PACKDESK_OZON_API_KEY_<client id>``, or ``PACKDESK_OZON_API_KEY``
    for the single-account form, else the OS keyring under its client id. Never logged."""
    env = os.environ if env is None else env
    if account.client_id and env.get(f"{KEY_VARIABLE}_{account.client_id}"):
        return env[f"{KEY_VARIABLE}_{account.client_id}"]
    if account.single and env.get(KEY_VARIABLE):
        return env[KEY_VARIABLE]
    return read_secret(account.client_id) if account.client_id else None
