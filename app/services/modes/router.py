"""``ScanRouter``: one bench's scanner, sent to the mode the bench is in. Qt-free; the window's
station thread and ``packdesk replay`` call it instead of ``Station.scan``.

    router = ScanRouter(db, station, [HandoverMode(db, station.name, ...)])
    router.scan("CMD:HANDOVER")       # -> the hand-over mode (the bench is in it now)
    router.scan("12345678-0001-1")    # -> a parcel into the courier's bag
    router.scan("CMD:HANDOVER-CLOSE") # -> closed: the bench packs again
    router.scan("4630875402508")      # -> Station.scan, as before

Modes. Packing is the ``Station`` itself (``PACKING``); every other mode is an object with
``name``, ``enters`` (the command barcodes that bring a packing bench into it), ``scan(text)``,
``command(name, *args)``, ``acknowledge()``, ``refuse(what)`` (a weight or anything else it does
not take now), ``status()``, ``view()`` (state and held error for the pack view), ``mode_after()``
(the bench's mode after its last decision, None when it cannot tell), ``listen`` and ``close``;
each answers ``StationResult``s. A mode decides in its own writer transactions and writes the
bench's mode itself (``app.store.handovers.set_mode``), in the same transaction as the decision
that enters or leaves it, so the mode survives a restart exactly as decided.

Speed. The router keeps the bench's mode in memory: read from the database at start, then taken
from each decision of a mode other than packing (``mode_after``; read again only when a mode
cannot tell). A packing scan costs no database round trip more than the station's own: the text
is classified (pure, microseconds) only to see whether it is a command that enters another mode,
and an item barcode is looked up in the return mode's memory of return barcodes (read again when the
sync has written returns: ``ReturnMode.opens``, ``refresh``).
One bench, one router: the bench's scanner is driven by one process.

Later modes plug in the same way:
- returns (issue 12): ``ReturnMode`` (app.services.returns.mode), ``name = "return"``; a packing scan
  of kind ``code`` that its ``opens(text)`` claims (a return's barcode, answered from memory) goes to
  it; it writes its mode into ``bench_modes`` when a return opens and ``packing`` when
  ``CMD:RETURN-CLOSE`` closes it;
- sign-in (issue 14): ``CMD:LOGIN:<badge>`` is the same in every mode: ``router.everywhere("LOGIN",
  handler)`` registers a handler the router calls before any mode (the handler sets the packer,
  e.g. ``station.packer``, whom every later decision carries).
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from app.services.station.classify import classify
from app.services.station.results import StationResult
from app.store import handovers as store_modes

log = logging.getLogger("packdesk.modes")

PACKING = "packing"


class Mode(Protocol):
    name: str
    enters: frozenset[str]

    def scan(self, text: str) -> StationResult: ...
    def command(self, name: str, *args: str) -> StationResult: ...
    def acknowledge(self) -> StationResult: ...
    def refuse(self, what: str) -> StationResult: ...
    def status(self) -> StationResult: ...
    def view(self) -> dict[str, Any]: ...
    def mode_after(self) -> str | None: ...
    def listen(self, listener: Callable[[StationResult], object]) -> None: ...
    def close(self) -> None: ...


class ScanRouter:
    def __init__(self, db, station, modes: Iterable[Mode] = ()) -> None:
        self.db, self.station, self.name = db, station, station.name
        self.modes: dict[str, Mode] = {m.name: m for m in modes}
        self._entered_by = {command: m for m in self.modes.values() for command in m.enters}
        # modes a packing scan itself may open (a return's barcode): ``opens(text) -> bool``, from memory
        self._openers = [m for m in self.modes.values() if callable(getattr(m, "opens", None))]
        self._everywhere: dict[str, Callable[..., StationResult]] = {
            name: (lambda *args, n=name: self.station.command(n, *args)) for name in ("LOGIN", "LOGOUT")}
        self.mode = PACKING
        self._reload()

    def everywhere(self, command: str, handler: Callable[..., StationResult]) -> None:
        """A command every mode answers the same way (``handler(*args)``), e.g. a sign-in."""
        self._everywhere[command] = handler

    def listen(self, listener: Callable[[StationResult], object]) -> None:
        """``listener(result)`` after each committed decision of any mode (see ``Station.listen``)."""
        self.station.listen(listener)
        for mode in self.modes.values():
            mode.listen(listener)

    def close(self) -> None:
        for mode in self.modes.values():
            try:
                mode.close()
            except Exception:  # closing goes on with the next one
                log.exception("closing the %s mode failed", mode.name)

    # -- the scanner, the buttons and the scale ------------------------------------------------
    def scan(self, text: str) -> StationResult:
        scanned = classify(text)
        if scanned.kind == "command":
            if scanned.command in self._everywhere:
                return self._everywhere[scanned.command](*scanned.args)
            if self.mode == PACKING and scanned.command in self._entered_by:
                return self._in(self._entered_by[scanned.command], lambda m: m.command(scanned.command, *scanned.args))
        if self.mode == PACKING:
            if scanned.kind == "code":
                opener = next((m for m in self._openers if m.opens(scanned.text)), None)
                if opener is not None:
                    return self._in(opener, lambda m: m.scan(text))
            return self.station.scan(text)
        return self._in(self.modes[self.mode], lambda m: m.scan(text))

    def command(self, name: str, *args: str) -> StationResult:
        """A command from a button (as from its barcode)."""
        if name in self._everywhere:
            return self._everywhere[name](*args)
        if self.mode == PACKING:
            if name in self._entered_by:
                return self._in(self._entered_by[name], lambda m: m.command(name, *args))
            return self.station.command(name, *args)
        return self._in(self.modes[self.mode], lambda m: m.command(name, *args))

    def acknowledge(self) -> StationResult:
        if self.mode == PACKING:
            return self.station.acknowledge()
        return self._in(self.modes[self.mode], lambda m: m.acknowledge())

    def weigh(self, grams: float, *, stable: bool = True) -> StationResult:
        if self.mode == PACKING:
            return self.station.weigh(grams, stable=stable)
        return self._in(self.modes[self.mode], lambda m: m.refuse("weight"))

    def status(self, *, refresh: bool = False) -> StationResult:
        if self.mode == PACKING:
            return self.station.status(refresh=refresh)
        return self.modes[self.mode].status()

    @property
    def packing(self) -> bool:
        return self.mode == PACKING

    def view(self, snapshot: dict[str, Any]) -> dict[str, Any]:
        """The pack view's snapshot with the mode the bench is in (and its state and held error)."""
        if self.mode == PACKING:
            return {**snapshot, "mode": PACKING}
        return {**snapshot, **self.modes[self.mode].view()}

    # -- internals -----------------------------------------------------------------------------
    def _in(self, mode: Mode, call: Callable[[Mode], StationResult]) -> StationResult:
        refused = self.station.unsigned()  # a bench whose people sign in decides nothing for nobody
        if refused is not None:
            return refused
        try:
            return call(mode)
        finally:  # the decision may have entered or left the mode (committed with it)
            after = mode.mode_after()
            if after in self.modes or after == PACKING:
                self.mode = after
            else:
                self._reload()

    def _reload(self) -> None:
        with self.db.read() as session:
            mode = store_modes.get_mode(session, self.name)
        self.mode = mode if mode in self.modes or mode == PACKING else PACKING
