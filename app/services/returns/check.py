"""Is a unit scanned back the one that shipped? (pure; table-tested in tests/test_returns_check.py)

What shipped is the posting's verified units (``packed_units``: product and, for marked goods, the
very marking code). A marking code must be one that left in that posting and not already scanned
back; an item barcode must be a product that shipped, and not more of it than shipped; a marked
product scanned by its item barcode asks for its marking code (``scan_mark``: not counted). A
posting packed before packdesk knew it (no verified units) is checked by product only against its
lines (``unverified``).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

OK, MISMATCH, SCAN_MARK = "ok", "mismatch", "scan_mark"
# mismatch reasons (message variants)
OTHER_PRODUCT = "other_product"  # a product that did not ship in this posting
OTHER_MARK = "other_mark"        # the product shipped, but not with this marking code: another unit
AGAIN = "again"                  # this marking code was already scanned back
EXTRA = "extra"                  # more units of the product than shipped
UNKNOWN = "unknown"              # a code no product in the cache has


@dataclass(frozen=True)
class Shipped:
    sku: int
    mark: str | None


@dataclass(frozen=True)
class Back:  # a unit already scanned back and found ok
    sku: int | None
    mark: str | None


@dataclass(frozen=True)
class Verdict:
    outcome: str           # ok | mismatch | scan_mark
    reason: str = ""
    sku: int | None = None
    unverified: bool = False


def check_unit(*, mark: str | None, skus: list[int], shipped: list[Shipped], lines: dict[int, int],
               back: list[Back]) -> Verdict:
    """``mark``: the marking code scanned (None for an item barcode); ``skus``: the products the scan
    names (the barcode's, or the marking code's GTIN's); ``shipped``: the posting's verified units;
    ``lines``: the posting's quantity per sku (used when nothing was verified); ``back``: units
    already found ok in this return."""
    if mark is not None:
        if any(b.mark == mark for b in back):
            return Verdict(MISMATCH, AGAIN, _one(skus))
        left = next((u for u in shipped if u.mark == mark), None)
        if left is not None:
            return Verdict(OK, sku=left.sku)
        if shipped:
            named = [s for s in skus if any(u.sku == s for u in shipped)]
            return Verdict(MISMATCH, OTHER_MARK if named else OTHER_PRODUCT, _one(named or skus))
        named = [s for s in skus if s in lines]  # nothing verified: the product only
        if not named:
            return Verdict(MISMATCH, OTHER_PRODUCT if skus else UNKNOWN, _one(skus))
        return _counted(named[0], lines, back, unverified=True)
    if not skus:
        return Verdict(MISMATCH, UNKNOWN)
    if shipped:
        named = [s for s in skus if any(u.sku == s for u in shipped)]
        if not named:
            return Verdict(MISMATCH, OTHER_PRODUCT, skus[0])
        sku = named[0]
        if any(u.sku == sku and u.mark for u in shipped):
            return Verdict(SCAN_MARK, sku=sku)
        return _counted(sku, Counter(u.sku for u in shipped), back)
    named = [s for s in skus if s in lines]
    if not named:
        return Verdict(MISMATCH, OTHER_PRODUCT, skus[0])
    return _counted(named[0], lines, back, unverified=True)


def _counted(sku: int, quantities, back: list[Back], *, unverified: bool = False) -> Verdict:
    if sum(1 for b in back if b.sku == sku) >= quantities.get(sku, 0):
        return Verdict(MISMATCH, EXTRA, sku, unverified)
    return Verdict(OK, sku=sku, unverified=unverified)


def _one(skus: list[int]) -> int | None:
    return skus[0] if skus else None
