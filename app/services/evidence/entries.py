"""The entries of a posting's timeline (``app.services.evidence.timeline``): what each area's source
yields, a ``TimelineEntry`` (something that happened) or an ``Attachment`` (a file the bundle carries),
asked with the posting's ``Context``. The areas that add a source (hand-over, returns) import these,
never the timeline that lists them."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime                      # naive UTC, as the cache keeps times
    area: str                         # packing | camera | label | handover | tracking | ozon | return | case
    code: str                         # what happened: posting_opened, clip, label_printed, ...
    data: dict = field(default_factory=dict)
    station: str | None = None
    packer: str | None = None
    files: tuple[str, ...] = ()       # names in the bundle this entry shows
    record: int | None = None         # the event record's id, when it is one


@dataclass(frozen=True)
class Attachment:
    """A file the bundle carries: ``name`` in the ZIP, where it is, and the hash the log sealed."""

    name: str
    path: Path | None                 # None: listed, but not there (failed, pruned)
    kind: str                         # clip | photo | label | act | ...
    sealed_sha256: str | None = None
    seq: int | None = None            # the evidence log entry that sealed it
    note: str = ""                    # why it is missing or failed
    data: bytes | None = None         # made for the bundle (no file of its own): its content


@dataclass
class Context:
    posting: str
    data_dir: Path
    evidence_dir: Path


Source = Callable[[Any, Context], Iterable[TimelineEntry | Attachment]]
