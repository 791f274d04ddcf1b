"""EAN-13 numbers for the simulated catalogue: check digit, validation, generation."""
from __future__ import annotations

import random

# GS1 prefixes of Russia (460-469): what a Russian seller's own barcodes start with.
RUSSIAN_PREFIXES = ("460", "461", "462", "463", "464", "465", "466", "467", "468", "469")


def check_digit(first12: str) -> str:
    """The EAN-13 check digit of the first twelve digits."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError(f"EAN-13 needs 12 digits before the check digit, got {first12!r}")
    odd = sum(int(d) for d in first12[0::2])
    even = sum(int(d) for d in first12[1::2])
    return str((10 - (odd + 3 * even) % 10) % 10)


def is_valid(code: str) -> bool:
    """True for a 13-digit string whose last digit is its check digit."""
    return len(code) == 13 and code.isdigit() and check_digit(code[:12]) == code[12]


def random_ean13(rng: random.Random) -> str:
    """A valid EAN-13 with a Russian GS1 prefix."""
    body = rng.choice(RUSSIAN_PREFIXES) + "".join(str(rng.randrange(10)) for _ in range(9))
    return body + check_digit(body)
