"""After the hand-over (mixed into ``OzonClient``): rFBS tracking numbers and status changes of the
seller's own carrier, and the dispute of a parcel the sorting centre did not scan.

    answers = ozon.set_tracking_numbers([("12345678-0001-1", "80102367216110")])  # <= 20 a call
    answers = ozon.mark_delivering(["12345678-0001-1"])     # asynchronous: re-read the posting after
    ozon.open_arbitration(["12345678-0002-1"])

Each answer is per posting (``PostingAnswer``): a 200 can hide refusals such as
``TRANSITION_IS_NOT_POSSIBLE`` or ``HAS_INCORRECT_TPL_INTEGRATION_TYPE``. All are mutations, sent once.
"""
from __future__ import annotations

from collections.abc import Sequence

from .carriage_models import PostingAnswer
from .parse_carriage import parse_bool_result, parse_posting_answers

TRACKING_SET = "/v2/fbs/posting/tracking-number/set"
DELIVERING = "/v2/fbs/posting/delivering"
ARBITRATION = "/v2/posting/fbs/arbitration"
MAX_TRACKING_PER_CALL = 20


class SellerDeliveryMethods:
    """Mixed into ``OzonClient`` (uses ``_mutate`` of ``CarriageMethods``)."""

    def set_tracking_numbers(self, pairs: Sequence[tuple[str, str]]) -> list[PostingAnswer]:
        items = [(str(n), str(t)) for n, t in pairs]
        if not items:
            raise ValueError("no tracking numbers")
        if len(items) > MAX_TRACKING_PER_CALL:
            raise ValueError(f"at most {MAX_TRACKING_PER_CALL} tracking numbers a call, got {len(items)}")
        body = {"tracking_numbers": [{"posting_number": n, "tracking_number": t} for n, t in items]}
        numbers = [n for n, _ in items]
        return self._mutate(TRACKING_SET, body, lambda decoded: parse_posting_answers(decoded, numbers))

    def mark_delivering(self, posting_numbers: Sequence[str]) -> list[PostingAnswer]:
        """``/v2/fbs/posting/delivering``: the carrier took the parcels. Asynchronous (2026): a 200
        only queues the change; ``get_posting`` shows when it happened."""
        numbers = list(dict.fromkeys(posting_numbers))
        if not numbers:
            raise ValueError("no posting numbers")
        return self._mutate(DELIVERING, {"posting_number": numbers},
                            lambda decoded: parse_posting_answers(decoded, numbers))

    def open_arbitration(self, posting_numbers: Sequence[str]) -> bool:
        """``/v2/posting/fbs/arbitration``: handed over, never scanned at the sorting centre."""
        numbers = list(dict.fromkeys(posting_numbers))
        if not numbers:
            raise ValueError("no posting numbers")
        return self._mutate(ARBITRATION, {"posting_number": numbers}, parse_bool_result)
