"""A unit scanned back against what shipped (pure, table-driven)."""
import pytest

from app.services.returns.check import (
    AGAIN, EXTRA, MISMATCH, OK, OTHER_MARK, OTHER_PRODUCT, SCAN_MARK, UNKNOWN, Back, Shipped, check_unit,
)

MARK_A1, MARK_A2, MARK_A9 = "0104600000000017" + "21AAA1", "0104600000000017" + "21AAA2", "0104600000000017" + "21ZZZ9"
SHIPPED = [Shipped(1, MARK_A1), Shipped(1, MARK_A2), Shipped(2, None)]
LINES = {1: 2, 2: 1}

CASES = [
    # mark, skus, shipped, back, outcome, reason
    ("the very marking code that left", MARK_A1, [1], SHIPPED, [], OK, ""),
    ("another unit of the same product", MARK_A9, [1], SHIPPED, [], MISMATCH, OTHER_MARK),
    ("a marking code of another product", "0104600000000024" + "21BBB1", [3], SHIPPED, [], MISMATCH, OTHER_PRODUCT),
    ("the same code twice", MARK_A1, [1], SHIPPED, [Back(1, MARK_A1)], MISMATCH, AGAIN),
    ("a marked product by its item barcode", None, [1], SHIPPED, [], SCAN_MARK, ""),
    ("a plain product that shipped", None, [2], SHIPPED, [], OK, ""),
    ("one more than shipped", None, [2], SHIPPED, [Back(2, None)], MISMATCH, EXTRA),
    ("a product that did not ship", None, [5], SHIPPED, [], MISMATCH, OTHER_PRODUCT),
    ("a code no product has", None, [], SHIPPED, [], MISMATCH, UNKNOWN),
    ("nothing verified: the product by the lines", None, [2], [], [], OK, ""),
    ("nothing verified: a marked unit by its product", MARK_A9, [1], [], [], OK, ""),
    ("nothing verified: another product", None, [7], [], [], MISMATCH, OTHER_PRODUCT),
]


@pytest.mark.parametrize("mark, skus, shipped, back, outcome, reason", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_unit_scanned_back(mark, skus, shipped, back, outcome, reason):
    verdict = check_unit(mark=mark, skus=skus, shipped=shipped, lines=LINES, back=back)
    assert (verdict.outcome, verdict.reason) == (outcome, reason)
    assert verdict.unverified == (not shipped and outcome == OK)
