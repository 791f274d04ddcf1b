"""The evidence log's rules: what is hashed, how entries are linked, and the walk that checks them.

An entry is ``seq``, ``at``, ``kind``, ``posting_number``, ``station`` and a JSON ``payload``:

    payload_hash = sha256(canonical(payload))
    entry_hash   = sha256(canonical({seq, at, kind, posting, station, prev, payload_hash}))

with ``prev`` the entry before it (``GENESIS`` for the first). ``canonical`` is JSON with sorted keys,
no spaces, UTF-8. A change to an entry changes its hash, which its successor names: the chain
breaks there. Event records are sealed by their own hashes (``event_hash``) in ``events`` entries,
files by their SHA-256 in ``clip``/``photo`` entries: a changed record or file no longer matches
its entry. (The log cannot stop someone who rewrites the whole chain and every copy of it; a
bundle's entries can be compared with the bench's log, which keeps growing after it.)
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from app.store import evidence as store

GENESIS = "0" * 64
FILE_CHUNK = 1 << 20


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_plain).encode()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> tuple[str, int]:
    """(SHA-256, size) of a file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while chunk := f.read(FILE_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def iso(value: datetime) -> str:
    """A time as the log hashes it: UTC, microseconds, ``Z``."""
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds") + "Z"


def entry_hash(entry: dict[str, Any]) -> str:
    return sha256(canonical({"seq": entry["seq"], "at": iso(entry["at"]) if isinstance(entry["at"], datetime)
                             else entry["at"], "kind": entry["kind"], "posting": entry["posting_number"],
                             "station": entry["station"], "prev": entry["prev_hash"],
                             "payload": entry["payload_hash"]}))


def event_hash(event: dict[str, Any]) -> str:
    """The hash of one event record (``app.store.evidence.EVENT_COLUMNS``) as the log seals it."""
    at = event["at"]
    return sha256(canonical({"id": event["id"], "at": iso(at) if isinstance(at, datetime) else at,
                             "station": event["station"], "packer": event["packer"], "kind": event["kind"],
                             "posting": event["posting_number"], "data": event["data"] or {}}))


def append(session, *, kind: str, payload: dict[str, Any], now: datetime, posting_number: str | None = None,
           station: str | None = None) -> dict[str, Any]:
    """Append one entry in the caller's writer transaction; returns it as written (a dict)."""
    tail = store.lock_tail(session)
    seq, prev = (1, GENESIS) if tail is None else (tail[0] + 1, tail[1])
    payload = json.loads(canonical(payload))  # as the JSON column gives it back
    entry = {"seq": seq, "at": _naive(now), "kind": kind, "posting_number": posting_number, "station": station,
             "payload": payload, "payload_hash": sha256(canonical(payload)), "prev_hash": prev}
    entry["entry_hash"] = entry_hash(entry)
    store.insert_entry(session, entry)
    return entry


def seal_events(session, posting_number: str, *, now: datetime, station: str | None,
                reason: str) -> dict[str, Any] | None:
    """An ``events`` entry for the posting's records not sealed yet (None: there are none)."""
    records = store.event_records(session, posting_number, after_id=store.last_sealed_event(session, posting_number))
    if not records:
        return None
    return append(session, kind="events", posting_number=posting_number, station=station, now=now,
                  payload={"reason": reason, "events": [[e["id"], event_hash(e)] for e in records]})


def as_json(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry as a bundle's manifest carries it (times as the log hashes them)."""
    return {**entry, "at": iso(entry["at"]) if isinstance(entry["at"], datetime) else entry["at"]}


# -- checking ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Break:
    """Where a check failed: which entry (or record, or file) and what is wrong."""

    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.where}: {self.detail}"


def check_entry(entry: dict[str, Any]) -> Break | None:
    """An entry on its own: its payload and its fields still give its hashes."""
    where = f"evidence log entry #{entry['seq']}"
    if sha256(canonical(entry["payload"])) != entry["payload_hash"]:
        return Break(where, "its content does not match its recorded hash (it was changed)")
    if entry_hash(entry) != entry["entry_hash"]:
        return Break(where, "its fields do not match its hash (it was changed)")
    return None


def check_links(entries: Iterable[dict[str, Any]]) -> tuple[int, str, Break | None]:
    """Walk a whole log, oldest first: (entries checked, the last hash, the first break or None)."""
    count, prev = 0, GENESIS
    for entry in entries:
        count += 1
        broken = check_entry(entry)
        if broken is None and entry["seq"] != count:
            broken = Break(f"evidence log entry #{entry['seq']}", f"expected #{count}: an entry is missing")
        if broken is None and entry["prev_hash"] != prev:
            broken = Break(f"evidence log entry #{entry['seq']}",
                           "it does not follow the entry before it (an entry was changed, removed or inserted)")
        if broken is not None:
            return count, prev, broken
        prev = entry["entry_hash"]
    return count, prev, None


def check_events(entry: dict[str, Any], records: dict[int, dict[str, Any]]) -> Break | None:
    """The event records an ``events`` entry seals still have the hashes it recorded."""
    for event_id, sealed in entry["payload"].get("events", []):
        record = records.get(event_id)
        if record is None:
            return Break(f"event record #{event_id}", f"missing (sealed by evidence log entry #{entry['seq']})")
        if event_hash(record) != sealed:
            return Break(f"event record #{event_id} ({record['kind']})",
                         f"differs from what evidence log entry #{entry['seq']} sealed (it was changed)")
    return None


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head: str
    broken: Break | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def verify_log(session, batch: int = 200) -> ChainReport:
    """Walk the database's whole log: links, hashes, and the event records it seals (read for a
    batch of entries at a time)."""
    count, head, broken = check_links(store.walk(session))
    if broken is None:
        sealing = [e for e in store.walk(session) if e["kind"] == "events"]
        for start in range(0, len(sealing), batch):
            chunk = sealing[start:start + batch]
            records = store.events_by_id(session, [pair[0] for e in chunk for pair in e["payload"].get("events", [])])
            broken = next((b for b in (check_events(e, records) for e in chunk) if b is not None), None)
            if broken is not None:
                break
    return ChainReport(count, head, broken)


def _naive(now: datetime) -> datetime:
    return now.astimezone(timezone.utc).replace(tzinfo=None) if now.tzinfo else now
