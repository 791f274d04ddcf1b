"""The one writer lane: every write to the cache runs on one thread, one short transaction each.

Callers hand over a function ``fn(session, *args, **kw)``; the lane runs it inside
``with session.begin():`` (commit on return, rollback on exception) and settles a
:class:`concurrent.futures.Future` with its return value or its exception. Reads never come here:
they use short sessions of their own (``Database.read()``).

A write submitted from the lane thread itself (from inside another write, or from a future's
done-callback) runs at once instead of queueing behind itself: inside the running write it joins
that transaction under a SAVEPOINT, so its failure undoes only its own part.
"""
from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("packdesk.store.writer")

THREAD_NAME = "packdesk-db-writer"

T = TypeVar("T")

_STOP = object()


class WriterClosed(RuntimeError):
    """A write was submitted after the lane was closed."""


class WriterLane:
    def __init__(self, sessions: sessionmaker[Session], *, name: str = THREAD_NAME) -> None:
        self._sessions = sessions
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._active: Session | None = None  # the session of the write running now (lane thread only)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def in_lane(self) -> bool:
        """True when called from the lane's own thread."""
        return threading.current_thread() is self._thread

    def submit(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> Future[T]:
        """Queue ``fn(session, *args, **kw)``; the future holds its result or its exception."""
        if self.in_lane():
            return self._run_inline(fn, args, kw)
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise WriterClosed("the database writer lane is closed")
            self._queue.put((future, fn, args, kw))
        return future

    def call(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> T:
        """Run ``fn`` on the lane and wait for it; its exception is raised here."""
        return self.submit(fn, *args, **kw).result()

    def close(self, timeout: float | None = None) -> None:
        """Run what is queued, then stop the thread (waits up to ``timeout`` seconds)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._queue.put(_STOP)
        if not self.in_lane():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("writer lane still busy after %.1f s at close", timeout or 0.0)

    # -- the lane thread ----------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is _STOP:
                return
            future, fn, args, kw = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = self._transaction(fn, args, kw)
            except BaseException as exc:  # noqa: BLE001 - the caller gets it through the future
                log.debug("write %s failed: %r", getattr(fn, "__name__", fn), exc)
                future.set_exception(exc)
            else:
                future.set_result(result)

    def _transaction(self, fn: Callable[..., T], args: tuple, kw: dict) -> T:
        with self._sessions() as session, session.begin():
            self._active = session
            try:
                return fn(session, *args, **kw)
            finally:
                self._active = None

    def _run_inline(self, fn: Callable[..., T], args: tuple, kw: dict) -> Future[T]:
        future: Future[T] = Future()
        future.set_running_or_notify_cancel()
        session = self._active
        try:
            if session is None:
                result = self._transaction(fn, args, kw)
            else:
                with session.begin_nested():
                    result = fn(session, *args, **kw)
        except BaseException as exc:  # noqa: BLE001 - the caller gets it through the future
            future.set_exception(exc)
        else:
            future.set_result(result)
        return future
