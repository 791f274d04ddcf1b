"""The last steps of an rFBS parcel with the seller's own (non-integrated) carrier (mixed into
``OzonClient``): the courier is on the way to the buyer, the buyer has it.

    answers = ozon.mark_last_mile(["12345678-0001-1"])   # "Курьер в пути" (substatus posting_in_courier_service)
    answers = ozon.mark_delivered(["12345678-0001-1"])   # conditionally delivered (status delivered)

Both are asynchronous (2026): a 200 only queues the change, ``get_posting`` shows when it happened.
Each answer is per posting (``PostingAnswer``): a 200 can hide ``TRANSITION_IS_NOT_POSSIBLE`` or
``HAS_INCORRECT_TPL_INTEGRATION_TYPE``. Mutations, sent once.
"""
from __future__ import annotations

from collections.abc import Sequence

from .carriage_models import PostingAnswer
from .parse_carriage import parse_posting_answers

LAST_MILE = "/v2/fbs/posting/last-mile"
DELIVERED = "/v2/fbs/posting/delivered"


class LastMileMethods:
    """Mixed into ``OzonClient`` (uses ``_mutate`` of ``CarriageMethods``)."""

    def mark_last_mile(self, posting_numbers: Sequence[str]) -> list[PostingAnswer]:
        return self._step(LAST_MILE, posting_numbers)

    def mark_delivered(self, posting_numbers: Sequence[str]) -> list[PostingAnswer]:
        return self._step(DELIVERED, posting_numbers)

    def _step(self, path: str, posting_numbers: Sequence[str]) -> list[PostingAnswer]:
        numbers = list(dict.fromkeys(str(n) for n in posting_numbers))
        if not numbers:
            raise ValueError("no posting numbers")
        return self._mutate(path, {"posting_number": numbers}, lambda decoded: parse_posting_answers(decoded, numbers))
