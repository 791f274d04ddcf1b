"""The buyer's message with the tracking number through Ozon's chat (app/services/tracking/buyer_chat.py),
against the simulator: off by default; once per parcel on its way, in the template's language; without
the subscription it turns itself off with one message and never retries."""
from __future__ import annotations

import logging
from datetime import datetime, timezone

import pytest

from app.services.tracking.buyer_chat import KIND, chat_off, turn_on_again
from app.store.models import OUTBOX_DONE, OUTBOX_PARKED
from handover_helpers import make_shop
from test_handover_close import rfbs_closed, settle

START, SEND = "/v1/chat/start", "/v1/chat/send/message"


def shop_with(tmp_path, buyer_message: str):
    return make_shop(tmp_path, sections={"tracking": {"buyer_message": buyer_message}})


@pytest.fixture
def ru_shop(tmp_path):
    made = shop_with(tmp_path, "ru")
    yield made
    made.bench.close()
    made.sim.close()


def test_off_by_default_nothing_is_sent(shop_default):
    numbers, _ = rfbs_closed(shop_default, count=1)
    settle(shop_default, "tracking_send")
    shop_default.sync()
    assert shop_default.commands(KIND) == [] and shop_default.sim.stats.requests(START) == 0


@pytest.fixture
def shop_default(tmp_path):
    made = make_shop(tmp_path)
    yield made
    made.bench.close()
    made.sim.close()


def test_each_parcel_on_its_way_gets_one_message_with_its_tracking_number(ru_shop):
    numbers, tracking = rfbs_closed(ru_shop, count=2)
    settle(ru_shop, "tracking_send")
    for _ in range(3):
        ru_shop.sync()
    assert sorted(c.posting_number for c in ru_shop.commands(KIND)) == sorted(numbers)
    assert {c.state for c in ru_shop.commands(KIND)} == {OUTBOX_DONE}
    for number, code in zip(numbers, tracking):
        (message,) = ru_shop.sim.chats.of(number)
        assert code in message and number in message and message.startswith("Здравствуйте")
    assert ru_shop.sim.stats.requests(SEND) == 2


def test_without_the_subscription_it_turns_off_once_and_never_retries(ru_shop, caplog):
    ru_shop.sim.chats.subscription = False
    numbers, _ = rfbs_closed(ru_shop, count=2)
    settle(ru_shop, "tracking_send")
    with caplog.at_level(logging.WARNING, logger="packdesk.tracking.chat"):
        for _ in range(4):
            ru_shop.sync()
    off = chat_off(ru_shop.bench.db)
    assert off and "not available with existing subscription" in off
    assert {c.state for c in ru_shop.commands(KIND)} == {OUTBOX_PARKED}
    assert ru_shop.sim.stats.requests(START) == 1  # the first refusal turned it off: no retry loop
    assert len([r for r in caplog.records if "turned off" in r.getMessage()]) == 1
    assert ru_shop.sim.chats.of(numbers[0]) == []
    # the seller subscribes and turns it on again (the Tracking tab's button)
    ru_shop.sim.chats.subscription = True
    turn_on_again(ru_shop.bench.db, datetime.now(timezone.utc).replace(tzinfo=None))
    assert chat_off(ru_shop.bench.db) is None
