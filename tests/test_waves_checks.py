"""Which postings may go in a label-first wave (pure checks, table-driven)."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pytest

from app.services.waves import check_posting, end_of_day


@dataclass
class L:
    sku: int
    offer_id: str
    quantity: int


BARCODES = {1: ["4600000000011"], 2: ["OZN2"], 3: []}
KNOWN = {1, 2, 3}


@pytest.mark.parametrize("lines,requirements,multibox,reason", [
    ([L(1, "A", 1)], {}, False, None),
    ([L(1, "A", 2), L(2, "B", 1)], {"products_requiring_mandatory_mark": []}, False, None),
    ([L(1, "A", 1)], {"products_requiring_mandatory_mark": ["1"]}, False, "mandatory mark"),
    ([L(1, "A", 1)], {"products_requiring_gtd": [1]}, False, "gtd"),
    ([L(1, "A", 1)], {}, True, "multi-box"),
    ([L(3, "C", 1)], {}, False, "no barcode"),
    ([L(9, "Z", 1)], {}, False, "not in the cache"),
    ([L(1, "A", 0)], {}, False, "no quantity"),
    ([], {}, False, "no items"),
])
def test_check_posting(lines, requirements, multibox, reason):
    why = check_posting(lines, requirements, multibox=multibox, barcodes=BARCODES, known_skus=KNOWN)
    if reason is None:
        assert why is None
    else:
        assert reason in why


@pytest.mark.parametrize("day,tz,expected", [
    (date(2026, 5, 10), timezone.utc, datetime(2026, 5, 11, 0, 0)),
    (date(2026, 5, 10), timezone(timedelta(hours=3)), datetime(2026, 5, 10, 21, 0)),
])
def test_due_means_by_the_end_of_that_day(day, tz, expected):
    assert end_of_day(day, tz) == expected
