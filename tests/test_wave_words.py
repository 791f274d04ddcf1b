"""``packdesk wave`` in the seller's words: every reason the wave's checks give is said in Russian and
Chinese (met from the checks themselves, so a reason changed there and not in
app/messages/wave_words.py fails), and each state has words."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.cli.wave import _status_lines
from app.messages.wave_words import REASONS, reason_words
from app.services.waves.checks import check_posting
from app.services.waves.plan import blocker


def line(sku=1, quantity=1, offer="MUG-1"):
    return SimpleNamespace(sku=sku, offer_id=offer, quantity=quantity)


def posting(**changed):
    return SimpleNamespace(**{"status": "awaiting_packaging", "wave_id": None, "local_state": "waiting",
                              "claimed_by": None, **changed})


def reasons() -> list[str]:
    barcodes, known = {1: ["4600000000011"]}, {1}
    checked = [check_posting([], None, multibox=False, barcodes=barcodes, known_skus=known),
               check_posting([line()], {"products_requiring_gtd": [1, 2]}, multibox=False, barcodes=barcodes,
                             known_skus=known),
               check_posting([line()], None, multibox=True, barcodes=barcodes, known_skus=known),
               check_posting([line(quantity=0)], None, multibox=False, barcodes=barcodes, known_skus=known),
               check_posting([line(sku=7)], None, multibox=False, barcodes=barcodes, known_skus=known),
               check_posting([line(sku=7)], None, multibox=False, barcodes=barcodes, known_skus={7})]
    blocked = [blocker(posting(status="cancelled"), "b1"), blocker(posting(wave_id=4), "b1"),
               blocker(posting(local_state="problem"), "b1"), blocker(posting(claimed_by="bench-2"), "b1")]
    return [*checked, *blocked, "no longer in the cache", "claimed by another station"]  # the last two: ship.py


@pytest.mark.parametrize("reason", reasons())
def test_every_reason_is_said_in_each_language(reason):
    assert reason and reason_words(reason, "en") not in ("", None)
    for lang in ("ru", "zh"):
        assert reason_words(reason, lang) != reason


def test_every_listed_reason_is_one_the_checks_give():
    met = reasons()
    assert all(any(pattern.match(reason) for reason in met) for _, pattern in REASONS)


def test_wave_status_lines_up_in_words():
    status = {"wave": 3, "state": "shipped", "counts": {"verified": 1, "problem": 1},
              "postings": [{"pick": 1, "posting_number": "1-1-1", "state": "verified", "label": "printed",
                            "reason": None},
                           {"pick": 12, "posting_number": "22-2-2", "state": "problem", "label": None,
                            "reason": "Ozon status cancelled"}]}
    assert list(_status_lines(status, "ru")) == [
        "Волна 3 (отгружена): проверено 1, ожидают 0, недостача 0, с проблемой 1, снято 0, исключено 0.",
        "    1  1-1-1   проверено  этикетка: напечатана",
        "   12  22-2-2  проблема   этикетка: -           в Ozon статус «отменено»",
    ]
