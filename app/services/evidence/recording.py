"""``Evidence``: clips and photos recorded, sealed in the evidence log, and the storage rules kept.

One per bench (``app.bench``: part ``evidence``). All its work runs on its own thread
("packdesk-evidence"): a caller only queues, so a scan never waits for the camera, a hash or the
log. The camera is a ``RecorderLink`` (``app/devices/camera``), or nothing when ``[devices]
camera`` is empty; the log and the sealing of records work either way.

    evidence.start_clip("handover", "carriage-7", header=[...])   # the API other areas call
    evidence.note("14:03:21 parcel 8001-1 scanned")               # a line burned into the clip
    evidence.stop_clip("handover", "carriage-7")
    evidence.photo("weighing", "8001-1", posting="8001-1", line="742 g")
    evidence.seal_events("8001-1", reason="packed")               # the posting's records into the log

Packing is followed through ``Station.listen`` (``packing.PackingFollower``). A clip lives as a row
of ``evidence_files``: ``recording``, then ``sealed`` with its SHA-256 in an evidence log entry, or
``failed`` with the reason (what was recorded of it is hashed and kept too: reported, never dropped).
A missing or failing camera is a warning (log and ``on_state``) and packing goes on.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from app.messages import text
from app.services.evidence import chain, storage
from app.store import evidence as store
from app.store.evidence_models import FILE_FAILED, FILE_RECORDING, FILE_SEALED

log = logging.getLogger("packdesk.evidence")

THREAD_NAME = "packdesk-evidence"
RESTART_AFTER_S = 10.0     # a recorder that ended is started again for a clip after this long
FINISH_TIMEOUT_S = 60.0    # a stopped clip not finalised by then is failed
PRUNE_EVERY_S = 600.0
# camera states for the status bar
OFF, STARTING, READY, RECORDING, FAILED = "off", "starting", "ready", "recording", "failed"
# not states: news through on_state, for the banner
CLIP_FAILED = "clip_failed"  # detail: why, key: the clip's
OVER_QUOTA = "over_quota"    # detail: GB used, key: the quota in GB


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Evidence:
    def __init__(self, db, data_dir: Path, *, station: str, camera_uri: str = "", camera_factory=None,
                 quota_bytes: int = 20 * storage.GB, retention_days: int = 180, lang: str = "ru",
                 now: Callable[[], datetime] = utcnow,
                 on_state: Callable[[str, str, str], None] | None = None) -> None:
        """``camera_factory(on_event) -> link`` (None: no camera). ``on_state(state, detail, key)``
        runs on the evidence thread: the camera's state, why it failed, the clip being recorded; or
        news for the banner (not a state): ``CLIP_FAILED``, why, the clip's key; ``OVER_QUOTA``, GB used, quota."""
        self.db, self.data_dir, self.station = db, Path(data_dir), station
        self.camera_uri, self.camera_factory = camera_uri, camera_factory
        self.quota_bytes, self.retention_days = quota_bytes, retention_days
        self.lang, self.now, self.on_state = lang, now, on_state
        self.state, self.detail = (STARTING if camera_factory else OFF), ""
        self._reported: tuple | None = None
        self.link = None
        self.generation = 0  # which recorder an event comes from: a replaced one's are ignored
        self.link_started = -RESTART_AFTER_S
        self.active: dict[str, Any] | None = None    # the clip being recorded
        self.pending: dict[int, dict[str, Any]] = {}  # stopped, waiting to be finalised (and photos)
        self.last_prune = float("-inf")
        self.warned: set[str] = set()
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._idle = threading.Condition()
        self._busy = 0
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._closed = False

    def start(self) -> Evidence:
        self._thread.start()
        self._queue(self._recover)
        if self.camera_factory is not None:
            self._queue(self._open_link)
        self._queue(self._prune)
        return self

    # -- the API (any thread: only queues) --------------------------------------------------
    def start_clip(self, kind: str, key: str, *, posting: str | None = None, box: int | None = None,
                   packer: str | None = None, header: list[str] | None = None) -> None:
        self._queue(self._start_clip, kind, key, posting, box, packer, list(header or []))

    def stop_clip(self, kind: str | None = None, key: str | None = None) -> None:
        """Stop the clip being recorded (only if it is of ``kind``/``key`` when given)."""
        self._queue(self._stop_clip, kind, key)

    def note(self, line: str, *, key: str | None = None) -> None:
        self._queue(self._note, line, key)

    def photo(self, purpose: str, key: str, *, posting: str | None = None, packer: str | None = None,
              header: list[str] | None = None, line: str = "") -> None:
        self._queue(self._photo, purpose, key, posting, packer, list(header or []), line)

    def seal_events(self, posting: str, *, reason: str) -> None:
        self._queue(self._seal_events, posting, reason)

    def submit(self, job: Callable[..., Any], *args: Any) -> None:
        """Run ``job(*args)`` on the evidence thread (``packing`` queues its decisions this way)."""
        self._queue(job, *args)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until nothing is queued or waiting to be finalised (commands and tests)."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._busy or self.pending:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(min(left, 0.2))
                if self.pending:
                    self._queue(self._expire)
        return True

    def wait_camera(self, timeout: float) -> bool:
        """Wait until the camera has started or failed (False: still starting after ``timeout``). A
        headless run (``packdesk replay``) scans at once: without this its first clip would begin
        with the recorder's start-up, not with the packing."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self.state == STARTING:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def close(self, timeout: float = 20.0) -> None:
        """Stop the clip being recorded, wait for the clips to be finalised and sealed, end."""
        if self._closed:
            return
        self._closed = True
        if self._thread.is_alive():
            self._queue(self._stop_clip, None, None)
            self.wait_idle(timeout)
            self._queue(self._close_link, timeout)
            self._jobs.put(None)
            self._thread.join(timeout)
        for clip in list(self.pending.values()):
            log.warning("%s %s: not finalised when the bench closed", clip["kind"], clip["key"])

    # -- the evidence thread -----------------------------------------------------------------
    def _queue(self, job: Callable[..., Any], *args: Any) -> None:
        if threading.current_thread() is self._thread:
            job(*args)  # from a job: at once, so that the order of what it asks is kept
            return
        with self._idle:
            self._busy += 1
        self._jobs.put((job, args))

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            job, args = item
            try:
                job(*args)
            except Exception:  # a bug in one job must not end the evidence thread
                log.exception("evidence job %s failed", getattr(job, "__name__", job))
            finally:
                with self._idle:
                    self._busy -= 1
                    self._idle.notify_all()

    def _set_state(self, state: str, detail: str = "") -> None:
        with self._idle:
            self.state, self.detail = state, detail
            self._idle.notify_all()  # wait_camera
        if state == FAILED and detail not in self.warned:
            self.warned.add(detail)
            log.warning(text("camera_unavailable", "en", camera=self.camera_uri, detail=detail))
        reported = (state, detail, self.active["key"] if self.active else "")
        if reported == self._reported or self.on_state is None:
            return
        self._reported = reported
        try:
            self.on_state(*reported)
        except Exception:
            log.exception("reporting the camera's state failed")

    def _open_link(self) -> None:
        self.link_started = time.monotonic()
        self.generation += 1
        generation = self.generation
        self._set_state(STARTING)
        self.link = self.camera_factory(lambda event: self._queue(self._on_camera, event, generation))

    def _close_link(self, timeout: float) -> None:
        if self.link is not None:
            link, self.link = self.link, None
            link.close(timeout)

    def _link_ready(self) -> bool:
        """A running recorder (started again when it ended, not more often than RESTART_AFTER_S)."""
        if self.camera_factory is None:
            return False
        if self.link is not None and self.link.alive:
            return True
        if time.monotonic() - self.link_started >= RESTART_AFTER_S:
            self.generation += 1  # the old recorder's last words are not this one's
            self._close_link(2.0)
            self._open_link()
            return self.link is not None and self.link.alive
        return False

    # clips ---------------------------------------------------------------------------------
    def _start_clip(self, kind: str, key: str, posting: str | None, box: int | None, packer: str | None,
                    header: list[str]) -> None:
        if self.active is not None:
            self._stop_clip(None, None)
        if self.camera_factory is None:
            return
        now = self.now()
        name = f"{key}-box{box}" if box else f"{kind}-{key}"
        row = {"kind": "clip", "purpose": kind, "key": key, "posting_number": posting, "box_no": box,
               "station": self.station, "packer": packer, "path": storage.new_path("clip", name, now, ".mp4"),
               "started_at": now}
        row["id"] = self.db.writer.call(lambda s: store.add_file(s, **row))
        if not self._link_ready():
            self._fail(row, self.detail or "the camera is not available")
            return
        self.active = row
        self.link.send({"op": "start", "clip": row["id"], "path": str(self._abs(row["path"])), "header": header})
        self._set_state(RECORDING if self.state in (READY, RECORDING) else self.state, self.detail)

    def _stop_clip(self, kind: str | None, key: str | None) -> None:
        clip = self.active
        if clip is None or (kind is not None and clip["purpose"] != kind) or (key is not None and clip["key"] != key):
            return
        self.active = None
        clip["stopped"] = time.monotonic()
        self.pending[clip["id"]] = clip
        if self.link is not None:
            self.link.send({"op": "stop", "clip": clip["id"]})
        if self.state == RECORDING:
            self._set_state(READY)

    def _note(self, line: str, key: str | None) -> None:
        clip = self.active
        if clip is not None and (key is None or clip["key"] == key) and self.link is not None:
            self.link.send({"op": "note", "clip": clip["id"], "line": line})

    def _photo(self, purpose: str, key: str, posting: str | None, packer: str | None, header: list[str],
               line: str) -> None:
        if self.camera_factory is None:
            return
        now = self.now()
        row = {"kind": "photo", "purpose": purpose, "key": key, "posting_number": posting, "station": self.station,
               "packer": packer, "path": storage.new_path("photo", f"{key}-{purpose}", now, ".jpg"),
               "started_at": now}
        row["id"] = self.db.writer.call(lambda s: store.add_file(s, **row))
        if not self._link_ready():
            self._fail(row, self.detail or "the camera is not available")
            return
        row["stopped"] = time.monotonic()
        self.pending[row["id"]] = row
        self.link.send({"op": "photo", "photo": row["id"], "path": str(self._abs(row["path"])),
                        "header": header, "line": line})

    def _on_camera(self, event: dict[str, Any], generation: int) -> None:
        if generation != self.generation:
            return  # a recorder that was replaced: its clips were failed when it was
        kind = event["ev"]
        if kind == "ready":
            self._set_state(RECORDING if self.active else READY)
        elif kind == "camera_failed":
            self._set_state(FAILED, str(event.get("detail") or "camera error"))
        elif kind == "recording":
            self._set_state(RECORDING)
        elif kind in ("finished", "photo"):
            row = self.pending.pop(int(event.get("clip", event.get("photo", 0))), None)
            if row is not None:
                self._seal(row, Path(event["path"]), event)
        elif kind in ("clip_failed", "photo_failed"):
            row = self.pending.pop(int(event.get("clip", event.get("photo", 0))), None)
            if row is None and self.active is not None and self.active["id"] == event.get("clip"):
                row, self.active = self.active, None
            if row is not None:
                self._fail(row, str(event.get("detail") or "failed"), Path(event["path"]) if event.get("path") else None)
        elif kind == "exited":
            self._recorder_ended(event)
        self._expire()

    def _recorder_ended(self, event: dict[str, Any]) -> None:
        if self._closed and not self.pending and self.active is None:
            return
        detail = f"the recorder stopped (exit code {event.get('code')})" + (
            f": {event['detail']}" if event.get("detail") else "")
        for row in [*self.pending.values(), *([self.active] if self.active else [])]:
            self._fail(row, detail)
        self.pending.clear()
        self.active = None
        if not self._closed:
            self._set_state(FAILED, detail)

    def _expire(self) -> None:
        for row in [r for r in self.pending.values() if time.monotonic() - r["stopped"] > FINISH_TIMEOUT_S]:
            self.pending.pop(row["id"], None)
            self._fail(row, f"not finalised within {FINISH_TIMEOUT_S:.0f} s")

    def _seal(self, row: dict[str, Any], path: Path, event: dict[str, Any]) -> None:
        """Hash the file and put the hash in the log, with the row, in one transaction."""
        relative = self._relative(path)
        digest, size = chain.file_sha256(path)
        ended = self.now()
        values = {"state": FILE_SEALED, "path": relative, "sha256": digest, "size": size, "ended_at": ended,
                  "duration_ms": event.get("duration_ms"), "frames": event.get("frames")}
        self.db.writer.call(self._record, row, values, ended)
        log.info("%s %s sealed: %s (%d bytes, sha256 %s)", row["kind"], row["key"], relative, size, digest[:16])
        self._prune()

    def _fail(self, row: dict[str, Any], detail: str, path: Path | None = None) -> None:
        """A clip or photo that could not be made: reported, and what exists of it hashed and kept."""
        path = path if path is not None else self._abs(row["path"])
        digest, size = chain.file_sha256(path) if path.exists() else (None, None)
        ended = self.now()
        values = {"state": FILE_FAILED, "detail": detail[:500], "sha256": digest, "size": size, "ended_at": ended}
        if path.exists():
            values["path"] = self._relative(path)
        self.db.writer.call(self._record, row, values, ended)
        known = self.state == FAILED and detail == self.detail  # the camera's warning said it already
        log.log(logging.INFO if known else logging.WARNING, text("camera_clip_failed", "en", key=row["key"],
                                                                 detail=detail))
        if not known:
            self._news(CLIP_FAILED, detail, row["key"])

    def _news(self, what: str, detail: str, key: str) -> None:
        if self.on_state is not None:
            try:
                self.on_state(what, detail, key)
            except Exception:
                log.exception("reporting %s failed", what)

    def _record(self, session, row: dict[str, Any], values: dict[str, Any], now: datetime) -> None:
        payload = {"file": row["id"], "kind": row["kind"], "purpose": row["purpose"], "key": row["key"],
                   "box": row.get("box_no"), "path": values.get("path", row["path"]), "state": values["state"],
                   "sha256": values.get("sha256"), "size": values.get("size"), "detail": values.get("detail"),
                   "started_at": chain.iso(row["started_at"]), "ended_at": chain.iso(now),
                   "duration_ms": values.get("duration_ms"), "frames": values.get("frames")}
        entry = chain.append(session, kind=row["kind"], posting_number=row["posting_number"], station=self.station,
                             now=now, payload=payload)
        store.update_file(session, row["id"], **values, seq=entry["seq"])

    def _seal_events(self, posting: str, reason: str) -> None:
        now = self.now()
        self.db.writer.call(lambda s: chain.seal_events(s, posting, now=now, station=self.station, reason=reason))

    def _recover(self) -> None:
        """Rows a previous run left ``recording`` (it stopped mid-clip): failed, what exists kept."""
        with self.db.read() as session:
            left = store.files_in_state(session, FILE_RECORDING, station=self.station)
        for row in left:
            self._fail(row, "the bench stopped while it was being recorded")

    def _prune(self) -> None:
        if time.monotonic() - self.last_prune < PRUNE_EVERY_S:
            return
        self.last_prune = time.monotonic()
        report = storage.prune(self.db, self.data_dir, quota_bytes=self.quota_bytes,
                               retention_days=self.retention_days, now=self.now(), station=self.station)
        if report.over_quota and "quota" not in self.warned:
            self.warned.add("quota")
            used, quota = f"{report.used / storage.GB:.1f}", f"{self.quota_bytes / storage.GB:g}"
            log.warning(text("evidence_over_quota", "en", used=used, quota=quota))
            self._news(OVER_QUOTA, used, quota)

    def _abs(self, relative: str) -> Path:
        return storage.evidence_dir(self.data_dir) / relative

    def _relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(storage.evidence_dir(self.data_dir).resolve()).as_posix()
        except ValueError:
            return str(path)
