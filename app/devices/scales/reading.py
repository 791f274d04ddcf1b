"""What a scale says, in grams, whatever protocol it speaks."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

State = Literal["stable", "moving", "zero", "negative", "overload", "invalid"]
STATES: tuple[str, ...] = ("stable", "moving", "zero", "negative", "overload", "invalid")

# Settled states: the weight will not change until someone touches the platform.
SETTLED: frozenset[str] = frozenset({"stable", "zero", "negative"})

GRAMS_PER_UNIT: dict[str, float] = {
    "mg": 0.001,
    "g": 1.0,
    "kg": 1000.0,
    "t": 1_000_000.0,
    "lb": 453.59237,
    "oz": 28.349523125,
    "ozt": 31.1034768,  # troy ounce
    "dwt": 1.55517384,  # pennyweight
    "gr": 0.06479891,  # grain
    "ct": 0.2,  # metric carat
    "ton": 907_184.74,  # short (avoirdupois) ton
}


class UnknownUnit(ValueError):
    pass


def to_grams(value: float, unit: str) -> float:
    """Convert ``value`` in ``unit`` (case-insensitive) to grams, rounded to 0.1 mg."""
    factor = GRAMS_PER_UNIT.get(unit.strip().lower())
    if factor is None:
        raise UnknownUnit(f"unknown weight unit {unit!r}")
    return round(value * factor, 4) + 0.0  # + 0.0 turns -0.0 into 0.0


@dataclass(frozen=True)
class Reading:
    """One weight report. ``grams`` is 0.0 when the device gave no number (overload, invalid)."""

    grams: float
    state: State
    raw: bytes = b""
    detail: str = ""  # why a reading is invalid, or what the device added (e.g. "net", "tare set")

    @property
    def settled(self) -> bool:
        return self.state in SETTLED

    @classmethod
    def weighed(cls, grams: float, *, stable: bool, raw: bytes, detail: str = "") -> "Reading":
        """A reading with a number: the state follows from stability and sign."""
        grams = grams + 0.0
        if not stable:
            state: State = "moving"
        elif grams < 0:
            state = "negative"
        elif grams == 0:
            state = "zero"
        else:
            state = "stable"
        return cls(grams, state, raw, detail)

    @classmethod
    def invalid(cls, raw: bytes, detail: str) -> "Reading":
        return cls(0.0, "invalid", raw, detail)

    @classmethod
    def overload(cls, raw: bytes, detail: str = "over capacity") -> "Reading":
        return cls(0.0, "overload", raw, detail)


def format_grams(grams: float) -> str:
    """742.0 -> '742', 742.5 -> '742.5', 0.123456 -> '0.12'."""
    text = f"{grams:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
