"""The station's look-ups over several Ozon accounts: an account that could not answer is never
taken for one that has nothing to say."""
import logging
from datetime import date

import pytest

from app.services.ozon.carriage_models import CarriageMethod
from app.services.ozon.errors import OzonError, OzonTransportError
from app.services.station.accounts import AccountLookups

DAY = date(2026, 12, 5)  # only passed through: nothing here reads the clock


class Account:
    def __init__(self, *methods: int, error: OzonError | None = None, filters: bool = True) -> None:
        self.methods, self.error = [CarriageMethod(delivery_method_id=m) for m in methods], error
        self.filters = filters  # False: lists the day's methods whatever was asked

    def carriage_methods(self, **kw):
        if self.error is not None:
            raise self.error
        wanted = kw.get("delivery_method_id") if self.filters else None
        return [m for m in self.methods if wanted is None or m.delivery_method_id == wanted]


def lookups(**accounts: Account) -> AccountLookups:
    return AccountLookups(accounts, cached_account=lambda number: "")


@pytest.mark.parametrize("filters", [True, False])
def test_a_method_of_an_account_that_could_not_answer_is_that_failure_not_an_empty_word(filters):
    down = OzonTransportError("Ozon could not be reached")
    accounts = lookups(a=Account(error=down), b=Account(7, filters=filters))
    with pytest.raises(OzonTransportError):
        accounts.carriage_methods(departure=DAY, delivery_method_id=5)  # account a's method, say


def test_the_method_an_answering_account_lists_is_its_word():
    accounts = lookups(a=Account(error=OzonTransportError("Ozon could not be reached")), b=Account(7))
    assert [m.delivery_method_id for m in accounts.carriage_methods(departure=DAY, delivery_method_id=7)] == [7]


def test_a_listing_of_every_method_goes_on_without_the_silent_account_and_names_it(caplog):
    accounts = lookups(shop=Account(error=OzonTransportError("Ozon could not be reached")), outlet=Account(7, 8))
    with caplog.at_level(logging.WARNING, logger="packdesk.station.accounts"):
        assert [m.delivery_method_id for m in accounts.carriage_methods(departure=DAY)] == [7, 8]
    said = caplog.records[-1].getMessage()
    assert "account(s) shop," in said and "outlet" not in said and "could not be reached" in said


def test_no_account_answering_is_the_failure():
    with pytest.raises(OzonError):
        lookups(a=Account(error=OzonTransportError("down")), b=Account(error=OzonTransportError("down"))) \
            .carriage_methods(departure=DAY)
