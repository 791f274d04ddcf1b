"""rFBS Aggregator (mixed into ``OzonClient``): the number of boxes of a multi-box posting, told
to Ozon before the ship (``is_multibox``; otherwise all its boxes must go as one).

    ozon.set_multibox_qty("12345678-0001-1", 3)   # True when Ozon took it

A mutation, sent once (the outbox reads the posting's ``multi_box_qty`` back before a resend)."""
from __future__ import annotations

from .parse import ParseError

MULTIBOX_QTY_SET = "/v3/posting/multiboxqty/set"


def parse_multibox_result(decoded) -> bool:
    result = decoded.get("result") if isinstance(decoded, dict) else None
    if not isinstance(result, dict) or not isinstance(result.get("result"), bool):
        raise ParseError(f"expected result.result, got {str(decoded)[:200]}")
    return result["result"]


class MultiboxMethods:
    """Mixed into ``OzonClient`` (uses ``_mutate`` of ``CarriageMethods``)."""

    def set_multibox_qty(self, posting_number: str, qty: int) -> bool:
        if int(qty) < 1:
            raise ValueError("a multi-box posting has at least one box")
        return self._mutate(MULTIBOX_QTY_SET, {"posting_number": str(posting_number), "multi_box_qty": int(qty)},
                            parse_multibox_result)
