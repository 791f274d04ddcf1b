"""The weight check (pure): catalogue weights × quantities + packaging allowance, ± tolerance."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

_EPS = 1e-6  # float sums must not move an edge value out of tolerance


@dataclass(frozen=True)
class WeightCheck:
    measured_g: float
    expected_g: float | None  # None: some product has no catalogue weight (recorded, not checked)
    low_g: float | None
    high_g: float | None
    missing_skus: tuple[int, ...] = ()

    @property
    def checked(self) -> bool:
        return self.expected_g is not None

    @property
    def accepted(self) -> bool:
        return not self.checked or self.low_g - _EPS <= self.measured_g <= self.high_g + _EPS

    def as_data(self) -> dict:
        data = {"measured_g": _round(self.measured_g), "expected_g": _round(self.expected_g),
                "low_g": _round(self.low_g), "high_g": _round(self.high_g)}
        if self.missing_skus:
            data["no_weight_skus"] = list(self.missing_skus)
        return data


def expected_weight(lines: Iterable[tuple[int, int, float | None]], allowance_g: float) -> tuple[float | None, tuple[int, ...]]:
    """Sum of ``weight × quantity`` over ``(sku, quantity, weight_g)`` lines plus the allowance;
    None with the skus lacking a weight when any has none."""
    total, missing = 0.0, []
    for sku, quantity, weight in lines:
        if weight is None or weight <= 0:
            missing.append(sku)
        else:
            total += weight * quantity
    if missing:
        return None, tuple(missing)
    return total + allowance_g, ()


def check_weight(measured_g: float, expected_g: float | None, tolerance_pct: float,
                 missing_skus: tuple[int, ...] = ()) -> WeightCheck:
    """Within ``expected ± tolerance %`` (edges included)."""
    if expected_g is None:
        return WeightCheck(measured_g, None, None, None, missing_skus)
    margin = expected_g * tolerance_pct / 100.0
    return WeightCheck(measured_g, expected_g, expected_g - margin, expected_g + margin)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
