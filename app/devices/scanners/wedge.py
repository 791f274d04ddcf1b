"""Keyboard-wedge decoder: key presses in, complete scans (or keys a person typed) out.

Pure and Qt-free: the UI's event filter converts each QKeyEvent into a ``KeyEvent`` and feeds it.

A scan is a burst of character keys less than ``burst_gap`` apart (a scanner sends one every
5-20 ms; people rarely type faster than 60-100 ms), at least ``min_length`` long, ended by the
suffix key (Enter or Tab; with ``suffix="none"`` by ``reset_gap`` of silence). Once a burst is
``min_length`` long a few slower gaps (``max_hiccups``, each under ``reset_gap``) are forgiven.
Everything else comes back as ``Typed`` keys, in order, for the UI to hand to the focused field.

Characters are read by physical key (``native_scan_code`` + Shift -> US layout) where the event
carries one, else from the text, undoing the Russian layout when the burst shows it was active.
GS (0x1D) arrives as text "\\x1d" or as Ctrl+] (whatever the layout calls that key); a long
Chestny ZNAK code that lost its GS gets it back (``gs1.restore_gs``). Alt+numpad emulation is not
undone: set such scanners to plain US keys, or better to USB-COM or HID POS mode.

Caps Lock: a character read by its physical key takes its case from Shift, so Caps Lock cannot
touch it. A letter read from the text (no scan code: macOS, remote desktops) comes inverted. A
scanner presses Shift for each upper-case letter, so when *every* such letter of a marking code
disagrees with its Shift, Caps Lock was on for the whole burst (it cannot change within one) and
the case is put back exactly. Only for marking codes: their verification tail mixes cases, so an
all-disagreeing burst cannot be chance, while a short all-capitals code (``OZN…``) from a scanner
that types capitals by toggling Caps Lock itself would be. Where some letters agree and some do
not, nothing can tell which are right: the code goes on unchanged (Ozon's registry or the station's
own check refuses it: ``app.services.station.marking``).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, NamedTuple

from .errors import BadScan
from .gs1 import GS, looks_like_mark
from .keys import ENTER_KEYS, HARD_SIGN, KEY_CODES, MODIFIER_KEYS, KeyEvent, Mod
from .layouts import (ENTER, MODIFIER_CODES, RIGHT_BRACKET, TAB, default_platform, looks_russian, pc_code,
                      ru_to_us, us_char)
from .scan import Scan, make_scan

SUFFIXES = ("enter", "tab", "none")
MIN_CAPS_LETTERS = 8  # letters from the text all inverted: Caps Lock (a marking code has dozens)
LAYOUTS = ("auto", "ru", "us")
_GS_TEXT = frozenset("]ъЪ")
_GS_KEYS = frozenset((KEY_CODES["BracketRight"], HARD_SIGN))


@dataclass(frozen=True)
class Typed:
    """Keys that were held back and turned out to be typing: re-send them to the focused widget."""

    keys: tuple[KeyEvent, ...]

    @property
    def text(self) -> str:
        return "".join(k.text for k in self.keys)


class WedgeResult(NamedTuple):
    held: bool  # the decoder took this key: the UI must not deliver it now (it may come back in Typed)
    outputs: tuple[Scan | Typed, ...]  # in order


class WedgeDecoder:
    """Not thread-safe: one thread (the GUI's) feeds and polls it. Times are seconds on ``clock``."""

    def __init__(self, *, suffix: str = "enter", burst_gap: float = 0.040, reset_gap: float = 0.150,
                 min_length: int = 4, max_hiccups: int = 2, layout: str = "auto",
                 scan_codes: str | None = "auto", clock: Callable[[], float] = time.monotonic) -> None:
        if suffix not in SUFFIXES:
            raise ValueError(f"suffix {suffix!r} is not one of {', '.join(SUFFIXES)}")
        if layout not in LAYOUTS:
            raise ValueError(f"layout {layout!r} is not one of {', '.join(LAYOUTS)}")
        if not 0 < burst_gap < reset_gap or min_length < 1:
            raise ValueError("need 0 < burst_gap < reset_gap and min_length >= 1")
        self.suffix, self.layout = suffix, layout
        self.burst_gap, self.reset_gap = burst_gap, reset_gap
        self.min_length, self.max_hiccups = min_length, max_hiccups
        self.platform = default_platform() if scan_codes == "auto" else scan_codes
        if self.platform is not None:
            pc_code(1, self.platform)  # rejects an unknown platform name now
        self.clock = clock
        self._keys: list[KeyEvent] = []
        self._chars: list[tuple[str, bool, bool]] = []  # (character, read by physical key, Shift held)
        self._last_at = 0.0
        self._hiccups = 0

    # --- feeding -------------------------------------------------------------------------
    def feed(self, event: KeyEvent) -> WedgeResult:
        """One key press. Bare modifier presses are not held (``held`` False)."""
        now = self.clock() if event.timestamp is None else event.timestamp
        kind, char, by_code = self._classify(event)
        if kind == "modifier":
            return WedgeResult(False, ())
        out = self.poll(now)
        if kind == "char":
            if self._keys and now - self._last_at >= self.burst_gap:  # slow, yet under reset_gap
                if self._hiccups < self.max_hiccups:
                    self._hiccups += 1
                else:
                    out += self._flush()
            self._keys.append(event)
            self._chars.append((char, by_code, Mod.SHIFT in event.modifiers))
            self._last_at = now
        elif kind == self.suffix and self._complete(now):
            self._keys.append(event)
            out.append(self._scan())
        else:
            self._keys.append(event)
            out += self._flush()
        return WedgeResult(True, tuple(out))

    def poll(self, now: float | None = None) -> list[Scan | Typed]:
        """Settle held keys once enough quiet time passed; call it at ``next_deadline()``."""
        now = self.clock() if now is None else now
        deadline = self.next_deadline()
        if deadline is None or now < deadline:
            return []
        if self.suffix == "none" and self._complete(now, ended=True):
            return [self._scan()]
        return self._flush()

    def next_deadline(self) -> float | None:
        """When held keys must be settled if no key comes first; None when nothing is held."""
        if not self._keys:
            return None
        short = len(self._chars) < self.min_length
        return self._last_at + (self.burst_gap if short else self.reset_gap)

    def reset(self) -> list[Typed]:
        """Give back whatever is held (e.g. the window lost focus)."""
        return self._flush()

    @property
    def pending(self) -> bool:
        return bool(self._keys)

    # --- internals -----------------------------------------------------------------------
    def _complete(self, now: float, *, ended: bool = False) -> bool:
        """Held keys make a scan if they end now: long enough, and the end came as fast as a scanner's."""
        return len(self._chars) >= self.min_length and (ended or now - self._last_at < self.burst_gap)

    def _scan(self) -> Scan | Typed:
        chars = self._caps_lock_undone()
        typed = "".join(c for c, by_code in chars if not by_code)
        if self.layout == "ru" or (self.layout == "auto" and looks_russian(typed)):
            code = "".join(c if by_code else ru_to_us(c) for c, by_code in chars)
        else:
            code = "".join(c for c, _ in chars)
        try:
            scan = make_scan(code, "keyboard")
        except BadScan:  # e.g. nothing but GS: not a code after all
            return self._flush()[0]
        self._clear()
        return scan

    def _caps_lock_undone(self) -> list[tuple[str, bool]]:
        """The burst's characters, with the case Caps Lock inverted put back (see the module doc)."""
        chars = [(c, by_code) for c, by_code, _ in self._chars]
        letters = [(c, shift) for c, by_code, shift in self._chars if not by_code and c.isalpha()]
        if len(letters) < MIN_CAPS_LETTERS or not all(c.isupper() != shift for c, shift in letters):
            return chars
        fixed = [(c.swapcase() if not by_code and c.isalpha() else c, by_code) for c, by_code in chars]
        plain = ru_to_us("".join(c for c, _ in fixed))
        return fixed if looks_like_mark(plain) or looks_like_mark(plain.replace(GS, "")) else chars

    def _flush(self) -> list[Typed]:
        keys = tuple(self._keys)
        self._clear()
        return [Typed(keys)] if keys else []

    def _clear(self) -> None:
        self._keys.clear()
        self._chars.clear()
        self._hiccups = 0

    def _classify(self, event: KeyEvent) -> tuple[str, str, bool]:
        """("modifier"|"char"|"enter"|"tab"|"other", character, read by physical key)."""
        key, text, mods = event.code, event.text, event.modifiers
        found = pc_code(event.native_scan_code, self.platform) if self.platform else None
        code, extended = found if found else (0, False)
        if key in MODIFIER_KEYS or (code in MODIFIER_CODES and not text):
            return "modifier", "", False
        if event.auto_repeat:  # a key held down: a person, never a scanner
            return "other", "", False
        if text == GS or (Mod.CTRL in mods and (key in _GS_KEYS or text in _GS_TEXT
                                                 or (code == RIGHT_BRACKET and not extended))):
            return "char", GS, True
        if mods & (Mod.CTRL | Mod.ALT | Mod.META):
            return "other", "", False
        if key in ENTER_KEYS or code == ENTER or text in ("\r", "\n"):
            return "enter", "", False
        if key == KEY_CODES["Tab"] or (code == TAB and not extended) or text == "\t":
            return ("other" if Mod.SHIFT in mods else "tab"), "", False
        if found:
            char = us_char(code, extended, Mod.SHIFT in mods, text)
            if char is not None:
                return "char", char, True
        if len(text) == 1 and text.isprintable():
            return "char", text, False
        return "other", "", False
