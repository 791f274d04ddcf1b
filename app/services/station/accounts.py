"""Scanning across Ozon accounts: a posting number or label barcode opens whichever account holds it.

``AccountLookups`` offers ``get_posting`` / ``get_by_barcode`` as one ``OzonClient`` does (for
``Remote``), over the clients of every configured account. A posting the cache already holds is asked
of its own account only (with that account's credentials: another account's answer would be Ozon's
"not found"); one the cache does not know is asked of each account in turn, and the first that knows
it owns it (``account_of``, which the station stamps on the cached posting).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping

from app.services.ozon.errors import OzonError, OzonNotFound
from app.services.ozon.models import Posting

log = logging.getLogger("packdesk.station.accounts")


class AccountLookups:
    def __init__(self, clients: Mapping[str, object], cached_account: Callable[[str], str]) -> None:
        """``clients``: Client-Id -> the account's (station) client, in the configured order;
        ``cached_account(number)``: the account the cache holds a posting for ("" : none)."""
        self.clients = dict(clients)
        self.cached_account = cached_account
        self._found_with: dict[str, str] = {}
        self._lock = threading.Lock()

    def account_of(self, number: str) -> str:
        """The Client-Id whose credentials found ``number`` last ("" : not asked yet)."""
        with self._lock:
            return self._found_with.get(number, "")

    def get_posting(self, number: str) -> Posting:
        owner = self.cached_account(number)
        order = [owner] if owner in self.clients else list(self.clients)
        return self._first(order, lambda client: client.get_posting(number), number)

    def get_by_barcode(self, code: str) -> Posting:
        return self._first(list(self.clients), lambda client: client.get_by_barcode(code), code)

    def carriage_methods(self, **kw) -> list:
        """Ozon's word on today's delivery methods of every account (each method is one account's).

        An account that could not answer is never taken for one that lists nothing: asked about
        one method (``delivery_method_id``) that no answering account lists, the failure is the
        answer, as it is when no account answered. A listing of every method goes on without
        that account's, with a warning naming it."""
        methods, failed = [], {}
        for client_id, client in self.clients.items():
            try:
                methods.extend(client.carriage_methods(**kw))
            except OzonError as exc:  # one account's word missing: the others' still count
                failed[client_id] = exc
        if not failed:
            return methods
        asked = kw.get("delivery_method_id")
        if not methods or (asked is not None and all(m.delivery_method_id != asked for m in methods)):
            raise next(iter(failed.values()))
        log.warning("delivery methods without Ozon account(s) %s, which did not answer: %s", ", ".join(failed),
                    "; ".join(str(exc) for exc in failed.values()))
        return methods

    def close(self) -> None:
        for client in self.clients.values():
            client.close()

    def _first(self, order: list[str], ask: Callable[[object], Posting | None], key: str) -> Posting:
        failure: OzonError | None = None
        for client_id in order:
            try:
                posting = ask(self.clients[client_id])
            except OzonNotFound:
                continue
            except OzonError as exc:  # this account could not say: the others may still know it
                failure = exc
                continue
            if posting is not None:
                with self._lock:
                    self._found_with[posting.posting_number] = client_id
                return posting
        if failure is not None:
            raise failure  # not known where Ozon could answer, unknown where it could not: not "not found"
        raise OzonNotFound(f"no configured Ozon account knows {key}", ozon_code="POSTING_NOT_FOUND", http_status=404)
