"""The bench's other modes (hand-over, returns) decide nothing for nobody either: once the bench's
people sign in, a hand-over command or scan with nobody signed in is refused like a packing scan,
and goes on once someone signs in."""
from __future__ import annotations

from app.services.people import directory
from handover_helpers import make_shop, shop  # noqa: F401  (fixture)


def test_a_hand_over_with_nobody_signed_in_is_refused_until_someone_is(shop):  # noqa: F811
    method = shop.method_with("ozon")
    shop.ship(shop.packable("ozon", method)[:2])
    assert shop.scan(f"CMD:HANDOVER:{method}").code == "handover_started"  # no people: as before
    directory.add(shop.bench.db, "Anna", "packer")
    badge = directory.issue_badge(shop.bench.db, "Anna")
    refused = shop.scan(f"CMD:HANDOVER:{method}")
    assert refused.code == "sign_in_required"
    assert shop.scan(f"CMD:LOGIN:{badge}").code == "packer_signed_in"
    assert shop.scan(f"CMD:HANDOVER:{method}").code == "handover_started"
