"""The scale's state in the packer's words, the same wherever a reading is shown (the pack view's
live weight, the settings' Read scale): "stable" for a steady or empty scale, never the reader's
state name ("zero", "moving")."""
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
