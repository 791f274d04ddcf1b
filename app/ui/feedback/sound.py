"""``Sounder``: the bench's sounds behind one small interface (platform-notes §1).

``QtSounder`` preloads the WAVs with QSoundEffect; ``make_sounder()`` falls back to
``NullSounder`` when QtMultimedia cannot be imported (no libpulse) and each effect degrades to
``QApplication.beep()`` when it ends in status Error (no audio device). ``RecordingSounder`` keeps
what was asked for (tests).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from app.ui.resources import resource_dir

log = logging.getLogger("packdesk.ui.sound")

SOUNDS = ("accepted", "wrong_item", "over_scan", "posting_done", "error")

# station result code -> sound (codes not listed: silence for ok results, "error" for the rest)
_BY_CODE = {
    "item_accepted": "accepted", "posting_opened": "accepted", "acknowledged": "accepted",
    "box_started": "accepted", "barcode_taught": "accepted",
    "posting_complete": "accepted", "weight_accepted": "posting_done",
    "wrong_item": "wrong_item", "duplicate_unit": "wrong_item", "no_packable_posting": "wrong_item",
    "over_scan": "over_scan",
}
_QUIET = frozenset({"status", "waited", "weight_unstable"})


def sound_for(code: str, ok: bool) -> str | None:
    if code in _QUIET:
        return None
    return _BY_CODE.get(code, None if ok else "error")


class Sounder(Protocol):
    def play(self, name: str) -> None: ...


class NullSounder:
    def play(self, name: str) -> None:
        pass


class RecordingSounder:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


class QtSounder:
    def __init__(self, effects: dict) -> None:
        self.effects = effects

    @classmethod
    def load(cls, directory: Path | None = None, parent=None) -> "QtSounder":
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect

        directory = directory or resource_dir("sounds")
        effects = {}
        for name in SOUNDS:
            effect = QSoundEffect(parent)
            effect.setSource(QUrl.fromLocalFile(str(directory / f"{name}.wav")))
            effect.setVolume(0.9)
            effects[name] = effect
        return cls(effects)

    def play(self, name: str) -> None:
        from PySide6.QtMultimedia import QSoundEffect
        from PySide6.QtWidgets import QApplication

        effect = self.effects.get(name)
        if effect is None:
            log.debug("no sound %r", name)
            return
        if effect.status() == QSoundEffect.Status.Error:
            if name != "accepted":
                QApplication.beep()  # no audio device: a beep still says something went wrong
            return
        effect.play()


QUIET_QT_CATEGORIES = "qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false\n"


def make_sounder(parent=None) -> Sounder:
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules(QUIET_QT_CATEGORIES)  # optional libraries (pipewire, VA-API) missing
    try:
        from PySide6.QtMultimedia import QMediaDevices

        if not QMediaDevices.audioOutputs():  # no sound card or audio server: Qt would warn on every play
            log.warning("sounds off: no audio output device; errors beep instead")
            return BeepSounder()
        return QtSounder.load(parent=parent)
    except ImportError as exc:  # QtMultimedia needs libpulse on Linux
        log.warning("sounds off: QtMultimedia is not usable here (%s)", exc)
        return NullSounder()


class BeepSounder:
    """No audio device: the system beep for everything but a plain accepted unit."""

    def play(self, name: str) -> None:
        from PySide6.QtWidgets import QApplication

        if name != "accepted":
            QApplication.beep()
