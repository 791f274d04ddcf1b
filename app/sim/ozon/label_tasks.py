"""Ozon's label tasks (``/v3/posting/fbs/package-label/create`` + ``/v2/posting/fbs/package-label/get``)
and the files they leave on the simulated CDN.

Choices made here (Ozon documents none of them; ozon-after-ship.md §2):
- One task per label size: a ``big_label`` task for every request; a ``small_label`` task as well
  when every posting of the request goes by Ozon partner delivery (rFBS Aggregator), whose labels
  are 58x40 mm. A partner-delivery posting's page is 58x40 mm in either task, other postings'
  75x120 mm (``label.render_pdf``).
- A task answers ``pending`` on its first look and ``in_progress`` until it has been looked at
  ``label_task_polls`` times; then it completes. Readiness is judged then: a posting whose label is
  not made yet (``label_delay_s`` after it turned ``awaiting_deliver``) goes to
  ``unprinted_postings`` with "The next postings aren't ready"; one no longer ``awaiting_deliver``
  with INVALID_ARGUMENT.
- The file holds a page per printed posting, in request order, the unprinted ones left out (the
  client maps pages the same way). It is served by the file host at an unguessable path for
  ``label_link_ttl_s`` after the task completed; then the link answers 403 like an expired CDN link.
- Create refuses the whole request (400 INVALID_ARGUMENT) when a posting is unknown or not
  ``awaiting_deliver``, as the old label methods did.
"""
from __future__ import annotations

import itertools
import secrets
import threading
from dataclasses import dataclass, field
from typing import Callable

from app.sim.ozon import label
from app.sim.ozon.errors import MSG_LABELS_NOT_READY, not_found
from app.sim.ozon.world import World

BIG, SMALL = "big_label", "small_label"


@dataclass
class _Task:
    task_id: int
    task_type: str
    numbers: list[str]
    looks: int = 0
    completed: bool = False
    printed: list[str] = field(default_factory=list)
    unprinted: list[tuple[str, str]] = field(default_factory=list)
    file_url: str = ""


@dataclass
class _File:
    data: bytes
    expires_at: float


class LabelTasks:
    """The tasks and their files; ``file_base()`` is the file host's URL (it runs beside the API)."""

    def __init__(self, world: World, file_base: Callable[[], str]):
        self.world = world
        self._file_base = file_base
        self._lock = threading.Lock()
        self._tasks: dict[int, _Task] = {}
        self._files: dict[str, _File] = {}
        self._ids = itertools.count(int(world.config.seed) % 1000 * 1_000_000 + 31_000_001)

    def file_base(self) -> str:
        """The file host's URL (product photos are served there too)."""
        return self._file_base()

    def create(self, numbers: list[str]) -> list[dict]:
        """The tasks for ``numbers`` (ApiError INVALID_ARGUMENT when one may have no label)."""
        postings = self.world.label_postings(numbers)
        kinds = [BIG] + ([SMALL] if all(p.method.partner_delivery for p in postings) else [])
        with self._lock:
            tasks = [_Task(next(self._ids), kind, list(numbers)) for kind in kinds]
            self._tasks.update((task.task_id, task) for task in tasks)
        return [{"task_id": task.task_id, "task_type": task.task_type} for task in tasks]

    def look(self, task_id: int) -> dict:
        """The ``/v2/posting/fbs/package-label/get`` answer for a task (404 for an unknown one)."""
        with self._lock:
            task = self._tasks.get(task_id)
            if task is None:
                raise not_found("task not found")
            task.looks += 1
            if not task.completed and task.looks > self.world.config.label_task_polls:
                self._complete(task)
            status = "completed" if task.completed else ("pending" if task.looks == 1 else "in_progress")
            return {
                "status": {
                    "code": status,
                    "postings_count": len(task.numbers),
                    "printed_postings_count": len(task.printed),
                    "unprinted_postings": [{"posting_number": n, "message": m} for n, m in task.unprinted],
                },
                "file_url": task.file_url,
                "error": {"code": "", "message": ""},
            }

    def file(self, token: str) -> bytes | None | bool:
        """The file behind a link: its bytes, False when the link expired, None when unknown."""
        with self._lock:
            found = self._files.get(token)
        if found is None:
            return None
        return found.data if self.world.clock() < found.expires_at else False

    def _complete(self, task: _Task) -> None:
        world = self.world
        with world.lock:
            world.settle()
            ready = []
            for number in task.numbers:
                posting = world.get(number)
                if posting is None or posting.status != "awaiting_deliver":
                    task.unprinted.append((number, "INVALID_ARGUMENT"))
                elif not world.label_ready(posting):
                    task.unprinted.append((number, MSG_LABELS_NOT_READY))
                else:
                    ready.append(posting)
            data = label.render_pdf(ready) if ready else b""
            now = world.clock()
        task.printed = [p.posting_number for p in ready]
        task.completed = True
        for gone in [token for token, kept in self._files.items() if kept.expires_at <= now]:
            del self._files[gone]  # expired links answer 403 until the next task completes, then 404
        if ready:
            token = secrets.token_urlsafe(24)
            self._files[token] = _File(data, now + world.config.label_link_ttl_s)
            name = task.printed[0] if len(task.printed) == 1 else "labels"
            task.file_url = f"{self._file_base()}/labels/{token}/{name}.pdf"
