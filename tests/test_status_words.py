"""Posting statuses in the seller's words (``app.messages.statuses``): every status the bench
decides by, every local state, and the substatuses Ozon's reference lists, with Ozon's Russian."""
from __future__ import annotations

import pytest

from app.messages.statuses import local_state_word, status_word, substatus_word
from app.statuses import OZON_STATUSES, LocalState

# the substatuses Ozon's Seller API reference lists ("Статусы отправлений"), with Ozon's own words
OZONS_SUBSTATUSES = [
    ("posting_acceptance_in_progress", "идёт приёмка"),
    ("posting_created", "создано"),
    ("posting_transferring_to_delivery", "передаётся в доставку"),
    ("posting_in_carriage", "в перевозке"),
    ("posting_not_in_carriage", "не добавлено в перевозку"),
    ("posting_in_client_arbitration", "клиентский арбитраж доставки"),
    ("posting_on_way_to_city", "на пути в город"),
    ("posting_transferred_to_courier_service", "передаётся курьеру"),
    ("posting_in_courier_service", "курьер в пути"),
    ("posting_on_way_to_pickup_point", "на пути в пункт выдачи"),
    ("posting_in_pickup_point", "в пункте выдачи"),
    ("posting_conditionally_delivered", "условно доставлено"),
    ("posting_driver_pick_up", "у водителя"),
    ("posting_not_in_sort_center", "не принято на сортировочном центре"),
]


@pytest.mark.parametrize("code, ozons_words", OZONS_SUBSTATUSES)
def test_every_substatus_ozon_lists_is_said_in_words(code, ozons_words):
    from app.messages.statuses import substatus_word

    assert substatus_word(code, "ru") == ozons_words
    assert code not in (substatus_word(code, "en"), substatus_word(code, "zh"))


def test_a_substatus_ozon_adds_later_is_shown_by_its_code():
    from app.messages.statuses import substatus_word

    assert substatus_word("posting_something_new", "ru") == "posting_something_new"
    assert substatus_word("", "ru") == ""


@pytest.mark.parametrize("status", OZON_STATUSES)
def test_every_ozon_status_the_bench_knows_is_said_in_words(status):
    ru, zh = status_word(status, "ru"), status_word(status, "zh")
    assert status not in (ru, zh) and ru != zh
    assert "_" not in status_word(status, "en")


@pytest.mark.parametrize("state", list(LocalState))
def test_every_local_state_is_said_in_words(state):
    ru, zh = local_state_word(state, "ru"), local_state_word(state, "zh")
    assert str(state) not in (ru, zh) and ru != zh
    assert "_" not in local_state_word(state, "en")


def test_ozons_words_for_the_statuses_a_packer_meets_most():
    assert status_word("awaiting_packaging", "ru") == "ожидает упаковки"
    assert status_word("awaiting_deliver", "ru") == "ожидает отгрузки"
    assert status_word("a_status_ozon_adds_later", "zh") == "a_status_ozon_adds_later"
