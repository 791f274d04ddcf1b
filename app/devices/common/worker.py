"""``DeviceWorker``: one I/O thread per device that opens its transport, runs a session and
reconnects with backoff after the link is lost (a pulled cable, a reset socket)."""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable, Self

from .errors import DeviceUnavailable, TransportLost
from .transport import Transport

StateCallback = Callable[[str], None]

WARN_REPEAT_S = 10.0  # the same complaint about a device is logged at most this often


class DeviceWorker:
    """Owns one device. Subclasses implement ``_session``; callbacks run on the I/O thread.

    States reported through ``on_state``: "connecting", "connected", "disconnected: REASON",
    "unavailable: REASON" (the transport can't work here; the worker gives up), "stopped".
    The logger is ``packdesk.devices.KIND[PORT]``.
    """

    def __init__(self, make_transport: Callable[[], Transport], *, kind: str, port: str,
                 on_state: StateCallback | None = None, backoff: tuple[float, float] = (0.25, 5.0)) -> None:
        self.kind, self.port = kind, port
        self.on_state = on_state
        self.backoff = backoff
        self.log = logging.getLogger(f"packdesk.devices.{kind}[{port}]")
        self._make_transport = make_transport
        self._cond = threading.Condition()
        self._state = "idle"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._warned: dict[str, float] = {}

    # --- any thread ------------------------------------------------------------------------
    def start(self) -> Self:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"{self.kind}[{self.port}]", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        with self._cond:
            self._cond.notify_all()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def state(self) -> str:
        with self._cond:
            return self._state

    # --- the I/O thread ------------------------------------------------------------------
    def _session(self, transport: Transport) -> bool:
        """Talk to a connected device until stopped or the link is lost (raise TransportLost).

        Returns whether the session went well enough to reset the reconnect backoff."""
        raise NotImplementedError

    def _run(self) -> None:
        delay = self.backoff[0]
        self._set_state("connecting")
        while not self._stop.is_set():
            try:
                transport = self._make_transport()
                transport.open()
            except DeviceUnavailable as exc:
                self._set_state(f"unavailable: {exc}")
                return
            except OSError as exc:
                self._set_state(f"disconnected: {exc}")
                self._stop.wait(delay)
                delay = min(delay * 2, self.backoff[1])
                continue
            self._set_state("connected")
            try:
                if self._session(transport):
                    delay = self.backoff[0]
            except TransportLost as exc:
                self._set_state(f"disconnected: {exc}")
            except Exception as exc:  # our bug: log it, drop the link, try again later
                self.log.exception("%s session failed", self.kind)
                self._set_state(f"disconnected: internal error ({exc.__class__.__name__})")
            finally:
                transport.close()
            if not self._stop.is_set():
                self._stop.wait(delay)
                delay = min(delay * 2, self.backoff[1])
        self._set_state("stopped")

    def _state_changed_locked(self, state: str) -> None:
        """Hook run under the lock when the state changes (e.g. forget the last reading)."""

    def _set_state(self, state: str) -> None:
        with self._cond:
            if state == self._state:
                return
            self._state = state
            self._state_changed_locked(state)
            self._cond.notify_all()
        level = logging.WARNING if state.startswith(("disconnected", "unavailable")) else logging.INFO
        self.log.log(level, "%s", state)
        self._callback(self.on_state, state)

    def _callback(self, callback: Callable | None, value) -> None:
        if callback is None:
            return
        try:
            callback(value)
        except Exception:  # a broken listener must not kill the device thread
            self.log.exception("%s callback failed", self.kind)

    def _warn(self, key: str, message: str, *args) -> None:
        now = time.monotonic()
        if now - self._warned.get(key, float("-inf")) >= WARN_REPEAT_S:
            self._warned[key] = now
            self.log.warning(message, *args)
