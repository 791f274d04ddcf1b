"""Keyboard layout tables: physical key -> US character, and Russian ЙЦУКЕН text -> US character.

Physical keys are numbered by PC scan code set 1, which Linux evdev codes equal for this block.
Qt's ``nativeScanCode()`` is evdev code + 8 on X11/xcb and Wayland (an XKB keycode) and the set-1
make code on Windows (0x100 set for E0-extended keys); macOS gives none.
"""
from __future__ import annotations

import sys

PLATFORMS = ("x11", "evdev", "windows")

ENTER, TAB, RIGHT_BRACKET = 0x1C, 0x0F, 0x1B
MODIFIER_CODES = frozenset((0x1D, 0x2A, 0x36, 0x38, 0x3A, 0x45, 0x46))  # Ctrl Shift Shift Alt Caps Num Scroll
EXTENDED_CHAR_CODES = frozenset((ENTER, 0x35))  # keypad Enter and keypad '/' carry the E0 flag

# set-1 code -> (plain, shifted) on the US layout
US_KEYS: dict[int, tuple[str, str]] = {
    0x29: ("`", "~"), 0x0C: ("-", "_"), 0x0D: ("=", "+"), 0x1A: ("[", "{"), 0x1B: ("]", "}"),
    0x27: (";", ":"), 0x28: ("'", '"'), 0x2B: ("\\", "|"), 0x56: ("\\", "|"), 0x33: (",", "<"),
    0x34: (".", ">"), 0x35: ("/", "?"), 0x39: (" ", " "),
}
US_KEYS.update({0x02 + i: (d, s) for i, (d, s) in enumerate(zip("1234567890", "!@#$%^&*()"))})
for _start, _row in ((0x10, "qwertyuiop"), (0x1E, "asdfghjkl"), (0x2C, "zxcvbnm")):
    US_KEYS.update({_start + i: (c, c.upper()) for i, c in enumerate(_row)})
# the numeric keypad gives characters only with NumLock on (then the event carries text)
KEYPAD_KEYS: dict[int, str] = {0x37: "*", 0x4A: "-", 0x4E: "+", 0x53: ".", 0x52: "0", 0x4F: "1",
                               0x50: "2", 0x51: "3", 0x4B: "4", 0x4C: "5", 0x4D: "6", 0x47: "7",
                               0x48: "8", 0x49: "9"}
_EVDEV_EXTENDED = {96: ENTER, 98: 0x35, 97: 0x1D, 100: 0x38}  # KPENTER KPSLASH RIGHTCTRL RIGHTALT


def default_platform() -> str | None:
    """Which kind of native scan codes Qt delivers here; None where it gives none (macOS)."""
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return None
    return "x11"


def pc_code(native: int, platform: str) -> tuple[int, bool] | None:
    """Native scan code -> (set-1 code, E0-extended), or None when unknown."""
    if native <= 0:
        return None
    if platform in ("x11", "evdev"):
        code = native - 8 if platform == "x11" else native
        if code in _EVDEV_EXTENDED:
            return _EVDEV_EXTENDED[code], True
        return (code, False) if 0 < code < 0x60 else None
    if platform == "windows":
        if native >> 8 in (0x01, 0xE0):
            return native & 0xFF, True
        return (native, False) if native < 0x80 else None
    raise ValueError(f"unknown scan code platform {platform!r}; use one of {', '.join(PLATFORMS)}")


def us_char(code: int, extended: bool, shift: bool, text: str) -> str | None:
    """The character the US layout gives for this physical key, or None (not a character key)."""
    if extended:
        return "/" if code == 0x35 else None
    if code in US_KEYS:
        return US_KEYS[code][1 if shift else 0]
    if code in KEYPAD_KEYS and text:  # no text: NumLock off, the key is an arrow or Home/End
        return KEYPAD_KEYS[code]
    return None


# --- Russian ЙЦУКЕН (Windows/XKB "ru") typed on a US-positioned scanner ---------------------
_RU_PLAIN = "ё1234567890-=йцукенгшщзхъ\\фывапролджэячсмитьбю."
_US_PLAIN = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
_RU_SHIFT = 'Ё!"№;%:?*()_+ЙЦУКЕНГШЩЗХЪ/ФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,'
_US_SHIFT = '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?'
RU_TO_US: dict[str, str] = {**dict(zip(_RU_PLAIN, _US_PLAIN)), **dict(zip(_RU_SHIFT, _US_SHIFT))}
RU_MARKERS = frozenset(c for c in RU_TO_US if c.isalpha() and not c.isascii()) | {"№"}


def looks_russian(text: str) -> bool:
    """Text that can only have come through the Russian layout (Cyrillic letters or №)."""
    return any(c in RU_MARKERS for c in text)


def ru_to_us(text: str) -> str:
    """Undo the Russian layout: every character as the US layout would have typed it."""
    return "".join(RU_TO_US.get(c, c) for c in text)
