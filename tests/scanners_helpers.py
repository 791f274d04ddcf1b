"""Shared bits of the scanner tests: a virtual keyboard-wedge scanner, a fake clock, a pty scanner.

The keyboard grid below is written from the physical keyboard (evdev key numbers, the legends
printed on US and Russian keycaps), independently of app.devices.scanners.layouts.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from app.devices.scanners import KeyEvent, Mod
from scale_emulators import Device, PtyEmulator

GS = "\x1d"
GTIN = "04006381333931"  # EAN-13 4006381333931 with a leading 0: a valid check digit
SERIAL13 = '5Gm<"sH&w;D/_'  # letters and symbols the Russian layout corrupts
KEY_ID = "ee10"
CRYPTO44 = "MEUCIQD+kZ9x/ab3Cq7LmN0pQrStUvWxYz12345678w="
LONG_CODE = f"01{GTIN}21{SERIAL13}{GS}91{KEY_ID}{GS}92{CRYPTO44}"

# (evdev code of the first key, US legends, US shifted, RU legends, RU shifted) per keyboard row
ROWS = [
    (2, "1234567890-=", "!@#$%^&*()_+", "1234567890-=", '!"№;%:?*()_+'),
    (16, "qwertyuiop[]", "QWERTYUIOP{}", "йцукенгшщзхъ", "ЙЦУКЕНГШЩЗХЪ"),
    (30, "asdfghjkl;'`", 'ASDFGHJKL:"~', "фывапролджэё", "ФЫВАПРОЛДЖЭЁ"),
    (43, "\\zxcvbnm,./", "|ZXCVBNM<>?", "\\ячсмитьбю.", "/ЯЧСМИТЬБЮ,"),
]
SPACE, ENTER, TAB, LEFT_CTRL, LEFT_SHIFT, RIGHT_BRACKET = 57, 28, 15, 29, 42, 27
QT_KEYS = {"Return": 0x01000004, "Tab": 0x01000001, "Shift": 0x01000020, "Control": 0x01000021,
           "BracketRight": 0x5D}


@dataclass(frozen=True)
class PhysicalKey:
    evdev: int
    shift: bool
    us: str
    ru: str


def _keyboard() -> dict[str, PhysicalKey]:
    keys = {" ": PhysicalKey(SPACE, False, " ", " ")}
    for first, us, us_shift, ru, ru_shift in ROWS:
        for i in range(len(us)):
            keys.setdefault(us[i], PhysicalKey(first + i, False, us[i], ru[i]))
            keys.setdefault(us_shift[i], PhysicalKey(first + i, True, us_shift[i], ru_shift[i]))
    return keys


US_KEYBOARD = _keyboard()


def native_code(evdev: int, platform: str) -> int:
    """What Qt reports as nativeScanCode(): X11/xcb add 8; Windows gives the set-1 code (= evdev here)."""
    return evdev + 8 if platform == "x11" else evdev


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


class WedgeScanner:
    """Types a code the way a keyboard-wedge scanner set to the US layout does, as the host sees it.

    ``layout`` is the host's active layout ("us" or "ru"); ``platform`` "x11"/"windows" gives native
    scan codes, None leaves them out; ``gs`` says how GS arrives: "ctrl" (Ctrl+] as the key press),
    "text" (text "\\x1d"), "drop" (the scanner omits it). Shift/Ctrl presses come as separate events.
    """

    def __init__(self, *, layout: str = "us", platform: str | None = "x11", gs: str = "ctrl",
                 gap: float = 0.008, suffix: str = "Return", caps_lock: bool = False) -> None:
        self.layout, self.platform, self.gs, self.gap, self.suffix = layout, platform, gs, gap, suffix
        self.caps_lock = caps_lock  # the host's Caps Lock is on: letters' text comes in the other case

    def _code(self, evdev: int) -> int:
        return native_code(evdev, self.platform) if self.platform else 0

    def events(self, code: str, clock: FakeClock) -> list[KeyEvent]:
        out: list[KeyEvent] = []

        def press(**kwargs) -> None:
            out.append(KeyEvent(timestamp=clock.advance(self.gap), **kwargs))

        for char in code:
            if char == GS:
                if self.gs == "drop":
                    continue
                press(key=QT_KEYS["Control"], native_scan_code=self._code(LEFT_CTRL), modifiers=Mod.CTRL)
                text = GS if self.gs == "text" else ("]" if self.layout == "us" else "ъ")
                key = QT_KEYS["BracketRight"] if self.layout == "us" else ord("Ъ")
                press(text=text, key=key, native_scan_code=self._code(RIGHT_BRACKET), modifiers=Mod.CTRL)
                continue
            phys = US_KEYBOARD[char]
            mods = Mod.SHIFT if phys.shift else Mod.NONE
            if phys.shift:
                press(key=QT_KEYS["Shift"], native_scan_code=self._code(LEFT_SHIFT), modifiers=Mod.SHIFT)
            text = phys.us if self.layout == "us" else phys.ru
            if self.caps_lock and text.isalpha():
                text = text.swapcase()
            press(text=text, key=ord(text.upper()) if len(text) == 1 else 0,
                  native_scan_code=self._code(phys.evdev), modifiers=mods)
        if self.suffix == "Return":
            press(text="\r", key=QT_KEYS["Return"], native_scan_code=self._code(ENTER))
        elif self.suffix == "Tab":
            press(text="\t", key=QT_KEYS["Tab"], native_scan_code=self._code(TAB))
        return out


def typed_by_hand(text: str, clock: FakeClock, gaps) -> list[KeyEvent]:
    """A person typing ``text`` on the US layout, ``gaps`` seconds between keys (cycled)."""
    out = []
    gaps = list(gaps)
    for i, char in enumerate(text):
        phys = US_KEYBOARD[char]
        out.append(KeyEvent(text=char, key=ord(char.upper()), native_scan_code=phys.evdev + 8,
                            modifiers=Mod.SHIFT if phys.shift else Mod.NONE,
                            timestamp=clock.advance(gaps[i % len(gaps)])))
    return out


class PtyScanner(PtyEmulator):
    """A USB-COM scanner on a raw pty pair; ``send()`` is a trigger pull. ``pull_cable``/``replug``
    (with ``link``) come from the scale emulator."""

    def __init__(self, link: Path | None = None) -> None:
        super().__init__(Device(), link)

    def send(self, data: bytes) -> None:
        self._send(data)


class Collector:
    """Scans and states from a reader's I/O thread; ``wait`` for a count without sleeping blindly."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.scans: list = []
        self.states: list[str] = []

    def scan(self, scan) -> None:
        with self.cond:
            self.scans.append(scan)
            self.cond.notify_all()

    def state(self, state: str) -> None:
        with self.cond:
            self.states.append(state)
            self.cond.notify_all()

    def wait(self, predicate, timeout: float = 5.0, what: str = "condition"):
        with self.cond:
            if not self.cond.wait_for(lambda: predicate(self), timeout):
                raise AssertionError(f"timed out waiting for {what}; states {self.states}, scans {self.scans}")
            return predicate(self)

    def wait_scans(self, count: int, timeout: float = 5.0) -> list:
        self.wait(lambda c: len(c.scans) >= count, timeout, f"{count} scans")
        with self.cond:
            return list(self.scans)

    def wait_state(self, prefix: str, timeout: float = 5.0, after: int = 0) -> str:
        self.wait(lambda c: any(s.startswith(prefix) for s in c.states[after:]), timeout, f"state {prefix!r}")
        with self.cond:
            return next(s for s in self.states[after:] if s.startswith(prefix))
