"""Reading the queues out of the cache: plain rows, no Qt, run off the GUI thread.

    snapshot = load_queues(db, station="bench-1")   # QueueSnapshot of tuples of dicts
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timezone

from app.messages.devices import device_state_words, label_state_word
from app.messages.problems import problem_words
from app.messages.statuses import status_word
from app.statuses import AWAITING_PACKAGING, PACKABLE_LOCAL_STATES, LocalState
from app.store import labels as store_labels
from app.store import products as store_products
from app.store import queues, reference

AWAITING_LOCAL = tuple(sorted(PACKABLE_LOCAL_STATES))
PACKED_LOCAL = (LocalState.PACKED, LocalState.SHIPPED)  # waiting for their label


@dataclass(frozen=True)
class QueueSnapshot:
    awaiting: list[dict] = field(default_factory=list)
    packed: list[dict] = field(default_factory=list)
    printed_today: list[dict] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)  # postings waiting for a person, said in words
    warehouses: dict[int, str] = field(default_factory=dict)


def local_midnight_utc(now: datetime | None = None) -> datetime:
    """Start of today on this computer's clock, as naive UTC (the store's time)."""
    local = (now or datetime.now(timezone.utc)).astimezone()
    start = datetime.combine(local.date(), time(0), tzinfo=local.tzinfo)
    return start.astimezone(timezone.utc).replace(tzinfo=None)


def _posting(p: dict, warehouses: dict[int, str], barcodes: dict[int, list[str]], accounts: dict[str, str]) -> dict:
    items = p["items"]
    first = [b for _, _, sku, _ in items for b in barcodes.get(sku, [])[:1]]
    return {
        "posting_number": p["posting_number"], "shipment_date": p["shipment_date"], "status": p["status"],
        "local_state": p["local_state"], "warehouse_id": p["warehouse_id"],
        "warehouse": warehouses.get(p["warehouse_id"] or 0, str(p["warehouse_id"] or "")),
        "delivery_method": p["delivery_method_name"] or "", "units": sum(q for *_, q in items),
        "items": ", ".join(name or offer_id or str(sku) for name, offer_id, sku, _ in items),
        "barcode": first[0] if first else "", "claimed_by": p["claimed_by"] or "",
        "account": accounts.get(p["account"], p["account"]),
    }


def _problem(p: dict, lang: str, warehouses: dict[int, str], barcodes: dict[int, list[str]],
             accounts: dict[str, str]) -> dict:
    return {**_posting(p, warehouses, barcodes, accounts), "status_said": status_word(p["status"], lang),
            "problem": problem_words(p["problem"], lang)}


def _label(row: dict) -> dict:
    return {"posting_number": row["posting_number"], "state": row["state"], "printer": row["printer"] or "",
            "printed_at": row["printed_at"], "copies": row["copies"], "error": row["last_error"] or "",
            "error_kind": row["error_kind"] or "", "attempts": row["attempts"]}


def _failed(row: dict, lang: str) -> dict:
    """A label that did not print: its state and why in the packer's words (the details as they came)."""
    label = _label(row)
    return {**label, "state_said": label_state_word(label["state"], lang),
            "error_said": device_state_words(label["error_kind"], lang)}


def load_queues(db, station: str | None = None, *, now: datetime | None = None,
                accounts: dict[str, str] | None = None, lang: str = "en") -> QueueSnapshot:
    """``accounts``: several Ozon accounts, Client-Id -> the name shown in the ``account`` field;
    ``lang``: the language the problems are said in."""
    accounts = accounts or {}
    with db.read() as session:
        warehouses = {w.id: w.name for w in reference.list_warehouses(session)}
        awaiting = queues.postings_in_queue(session, status=(AWAITING_PACKAGING,), local_states=AWAITING_LOCAL)
        packed = queues.postings_in_queue(session, local_states=PACKED_LOCAL)
        problems = queues.postings_in_queue(session, local_states=(LocalState.PROBLEM,))
        skus = {sku for p in (*awaiting, *packed, *problems) for _, _, sku, _ in p["items"]}
        barcodes = store_products.barcodes_by_sku(session, skus)
        printed = queues.labels_in_queue(session, station=station, printed_since=local_midnight_utc(now))
        failed = queues.labels_in_queue(session, station=station)
    return QueueSnapshot(
        awaiting=[_posting(p, warehouses, barcodes, accounts) for p in awaiting],
        packed=[_posting(p, warehouses, barcodes, accounts) for p in packed],
        printed_today=[_label(r) for r in printed], failed=[_failed(r, lang) for r in failed],
        problems=[_problem(p, lang, warehouses, barcodes, accounts) for p in problems],
        warehouses=warehouses,
    )


def request_reprint(db, posting_number: str) -> None:
    """Put a label back in line to print (the print worker picks it up on its next round)."""
    db.writer.call(store_labels.request_reprint, posting_number)
