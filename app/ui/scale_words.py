"""The scale's reading in the packer's words, the same wherever it is shown (the pack view's live
weight, the status bar, the settings' Read scale): "stable" for a steady or empty scale, "overload"
or "below zero" when it is so, never the reader's state name ("zero", "moving")."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def steadiness(state: str) -> str:
    # each call spelled out whole: pyside6-lupdate finds a text by QCoreApplication.translate(context, text)
    if state in ("stable", "zero"):
        return QCoreApplication.translate("ScaleWords", "stable")
    if state == "overload":
        return QCoreApplication.translate("ScaleWords", "overload")
    if state == "negative":
        return QCoreApplication.translate("ScaleWords", "below zero: tare the scale")
    return QCoreApplication.translate("ScaleWords", "settling…")


def in_grams(value: float) -> str:
    """A weight in whole grams, thousands set apart by a no-break space: "12 345"."""
    return f"{value:,.0f}".replace(",", "\u00a0")


def reading(value: float, state: str) -> str:
    """"Scale: 287 g, settling…" in the packer's language."""
    return (QCoreApplication.translate("ScaleWords", "Scale: %1 g, %2").replace("%1", in_grams(value))
            .replace("%2", steadiness(state)))
