"""``keyboard``: a keyboard-wedge scanner. No I/O thread: the UI's event filter feeds key presses
from the GUI thread, which then owns the handle (feeding it from another thread is a bug)."""
from __future__ import annotations

import logging
import threading
from typing import Callable, Self

from .errors import WrongThread
from .keys import KeyEvent
from .gs1 import for_log
from .scan import Scan
from .wedge import Typed, WedgeDecoder, WedgeResult

ScanCallback = Callable[[Scan], None]
StateCallback = Callable[[str], None]


class KeyboardScanner:
    """States: "idle", "connected" (after ``start()``), "stopped". A stopped scanner holds no keys."""

    source = "keyboard"
    port = "keyboard"

    def __init__(self, *, on_scan: ScanCallback, on_state: StateCallback | None = None,
                 **decoder_options) -> None:
        self.on_scan, self.on_state = on_scan, on_state
        self.decoder = WedgeDecoder(**decoder_options)
        self.log = logging.getLogger("packdesk.devices.scanner[keyboard]")
        self._state = "idle"
        self._owner: int | None = None

    def start(self) -> Self:
        self._set_state("connected")
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._set_state("stopped")

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def state(self) -> str:
        return self._state

    # --- the owning (GUI) thread ---------------------------------------------------------
    def feed(self, event: KeyEvent) -> WedgeResult:
        """Hand one key press over; scans go to ``on_scan``, ``Typed`` keys come back to re-send."""
        self._check_owner()
        if self._state != "connected":
            return WedgeResult(False, ())
        result = self.decoder.feed(event)
        self._deliver(result.outputs)
        return result

    def poll(self, now: float | None = None) -> list[Typed]:
        """Call at ``next_deadline()`` (a single-shot timer): settles keys the scanner or a person left."""
        self._check_owner()
        return self._deliver(self.decoder.poll(now))

    def next_deadline(self) -> float | None:
        return self.decoder.next_deadline()

    def reset(self) -> list[Typed]:
        """Give back held keys now (the window lost focus, a dialog opened)."""
        self._check_owner()
        return self.decoder.reset()

    def _deliver(self, outputs) -> list[Typed]:
        typed = []
        for item in outputs:
            if isinstance(item, Scan):
                self.log.debug("scan %r", for_log(item.code))
                try:
                    self.on_scan(item)
                except Exception:  # a broken listener must not break the keyboard
                    self.log.exception("scanner callback failed")
            else:
                typed.append(item)
        return typed

    def _check_owner(self) -> None:
        me = threading.get_ident()
        if self._owner is None:
            self._owner = me
        elif self._owner != me:
            raise WrongThread(f"keyboard scanner fed from thread {threading.current_thread().name!r}, "
                              "but another thread owns it")

    def _set_state(self, state: str) -> None:
        if state == self._state:
            return
        self._state = state
        if state == "stopped":
            self.decoder.reset()
        self.log.info("%s", state)
        if self.on_state is not None:
            try:
                self.on_state(state)
            except Exception:
                self.log.exception("scanner callback failed")
