"""Key presses as plain values, so the wedge decoder needs no Qt (the UI converts QKeyEvents).

``key`` is a Qt key code (``Qt.Key`` value) or a name such as "Return", "Tab", "BracketRight"
("Key_Return" works too); the Qt codes are repeated here as numbers.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Mod(enum.IntFlag):
    NONE = 0
    SHIFT = 1
    CTRL = 2
    ALT = 4
    META = 8


# Qt::Key values (qnamespace.h)
KEY_CODES = {
    "Escape": 0x01000000, "Tab": 0x01000001, "Backtab": 0x01000002, "Backspace": 0x01000003,
    "Return": 0x01000004, "Enter": 0x01000005, "Shift": 0x01000020, "Control": 0x01000021,
    "Meta": 0x01000022, "Alt": 0x01000023, "CapsLock": 0x01000024, "NumLock": 0x01000025,
    "ScrollLock": 0x01000026, "Super_L": 0x01000053, "Super_R": 0x01000054, "AltGr": 0x01001103,
    "BracketRight": 0x5D,
}
HARD_SIGN = ord("Ъ")  # Qt's key for Cyrillic letters is their (upper case) code point: the ] key under "ru"
MODIFIER_KEYS = frozenset(KEY_CODES[n] for n in (
    "Shift", "Control", "Meta", "Alt", "CapsLock", "NumLock", "ScrollLock", "Super_L", "Super_R", "AltGr"))
ENTER_KEYS = frozenset((KEY_CODES["Return"], KEY_CODES["Enter"]))


def key_code(key: int | str) -> int:
    """A Qt key code from a code or a name ("Return", "Key_Return", a single character)."""
    if isinstance(key, int):
        return key
    name = key.removeprefix("Key_")
    if name in KEY_CODES:
        return KEY_CODES[name]
    if len(name) == 1:
        return ord(name.upper())
    raise ValueError(f"unknown key name {key!r}")


@dataclass(frozen=True)
class KeyEvent:
    """One key press. ``timestamp`` is seconds on the decoder's monotonic clock (None: stamp on arrival);
    ``native_scan_code`` 0 means unknown. ``opaque`` is for the UI adapter (e.g. a copy of the
    QKeyEvent to re-send when the key turns out to be typing); the decoder never looks at it."""

    text: str = ""
    key: int | str = 0
    native_scan_code: int = 0
    modifiers: Mod = Mod.NONE
    timestamp: float | None = None
    auto_repeat: bool = False
    opaque: Any = field(default=None, compare=False, repr=False)

    @property
    def code(self) -> int:
        return key_code(self.key)
