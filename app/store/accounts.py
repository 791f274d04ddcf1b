"""Which Ozon account (Client-Id) each cached posting, command and label belongs to.

Postings are keyed by their number alone; ``postings.account`` says whose it is. A command's or a
label's account is its own ``account`` when set, else its posting's: what is sent for a posting goes
with that posting's account's credentials. Rows from before several accounts (account "") are
adopted by the single configured account when the bench opens the cache (``adopt_unowned``).
"""
from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.store.bulk import chunked
from app.store.models import LabelRow, OutboxRow, PostingRow

log = logging.getLogger("packdesk.store")
_postings = PostingRow.__table__


def own(session: Session, rows: list[dict[str, Any]], account: str) -> list[dict[str, Any]]:
    """``rows`` without the postings the cache holds for another Ozon account."""
    held: dict[str, str] = {}
    for chunk in chunked([row["posting_number"] for row in rows]):
        held.update(session.execute(select(_postings.c.posting_number, _postings.c.account)
                                    .where(_postings.c.posting_number.in_(chunk), _postings.c.account != "",
                                           _postings.c.account != account)).all())
    for number, other in held.items():
        log.warning("posting %s read with account %s is held for account %s: left alone", number, account, other)
    return [row for row in rows if row["posting_number"] not in held]


def account_of(session: Session, number: str) -> str:
    """The Client-Id of the account a cached posting belongs to ("" : unknown or not cached)."""
    return session.scalar(select(_postings.c.account).where(_postings.c.posting_number == number)) or ""


def command_account():
    """SQL: a command's account (its own, else its posting's), for an outer join of outbox and postings."""
    return func.coalesce(func.nullif(OutboxRow.account, ""), PostingRow.account, "")


def adopt_unowned(session: Session, account: str) -> int:
    """Give the rows without an account (from before several accounts) to ``account``."""
    changed = 0
    for model in (PostingRow, OutboxRow, LabelRow):
        changed += session.execute(update(model).where(model.account == "").values(account=account)).rowcount or 0
    return changed


def engine_account(config) -> str | None:
    """The Client-Id a sync engine's configuration serves on a bench with ``[[ozon.accounts]]``
    (``app.services.sync.accounts.account_config``); None on a single-account bench, where every
    cached posting is the one account's."""
    return config.ozon.client_id if getattr(config, "ozon_accounts", ()) else None


def scoped(stmt, account: str | None):
    """``stmt`` (over postings) limited to ``account``'s postings; unchanged for None."""
    return stmt if account is None else stmt.where(PostingRow.account == account)


def keyed(key: str, account: str | None) -> str:
    """A sync state key of one account's (``key`` itself on a single-account bench)."""
    return key if account is None else f"{key} {account}"[:64]
