"""Can a posting go in a label-first wave? (pure; table-tested in tests/test_waves_checks.py)

A wave ships before anyone has looked at the goods, so only postings the bench can verify
afterwards with plain barcodes qualify: every product known in the cache with a barcode, one
box, and nothing Ozon needs before shipping (marking codes and other exemplar data, the
``products_requiring_*`` lists): those go verify-first.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

EXEMPLARS_FIRST = "before shipping: verify-first"  # the end of the reason: Ozon needs exemplars first


class Line(Protocol):
    sku: int
    offer_id: str
    quantity: int


def check_posting(lines: Sequence[Line], requirements: Mapping[str, Any] | None, *, multibox: bool,
                  barcodes: Mapping[int, Sequence[str]], known_skus: set[int]) -> str | None:
    """Why the posting cannot go in a wave (None: it can)."""
    if not lines:
        return "no items"
    for key, skus in sorted((requirements or {}).items()):
        if key.startswith("products_requiring_") and isinstance(skus, (list, tuple)) and skus:
            what = key.removeprefix("products_requiring_")
            return f"Ozon needs {what.replace('_', ' ')} for {', '.join(map(str, skus))} {EXEMPLARS_FIRST}"
    if multibox:
        return "multi-box posting: verify-first"
    for line in lines:
        if line.quantity <= 0:
            return f"line {line.offer_id or line.sku} has no quantity"
        if line.sku not in known_skus:
            return f"product {line.sku} ({line.offer_id}) is not in the cache"
        if not barcodes.get(line.sku):
            return f"product {line.sku} ({line.offer_id}) has no barcode to verify it with"
    return None
