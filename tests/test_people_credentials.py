"""Badges and PINs as the bench keeps them: never as they are (pure)."""
from __future__ import annotations

import pytest

from app.services.people import credentials as c
from app.services.station.classify import classify


def test_a_badge_is_random_and_read_back_by_the_station_in_either_case():
    badges = {c.new_badge() for _ in range(200)}
    assert len(badges) == 200
    badge = badges.pop()
    assert len(badge) == c.BADGE_LENGTH and set(badge) <= set(c.BADGE_ALPHABET)
    scanned = classify(f"CMD:LOGIN:{badge.lower()}")
    assert (scanned.kind, scanned.command) == ("command", "LOGIN")
    assert c.badge_digest(scanned.args[0]) == c.badge_digest(badge) == c.badge_digest(f"cmd:login:{badge} ")


@pytest.mark.parametrize("pin,matches", [("4711", True), (" 4711 ", True), ("4712", False), ("471", False),
                                         ("abcd", False), ("", False)])
def test_a_pin_hash_matches_only_its_pin(pin, matches):
    stored = c.hash_pin("4711", n=2 ** 10)
    assert c.pin_matches(pin, stored) is matches


def test_pin_hashes_are_salted_and_carry_their_cost():
    one, two = c.hash_pin("123456"), c.hash_pin("123456")
    assert one != two and "123456" not in one
    assert one.split("$")[:4] == ["scrypt", str(c.SCRYPT_N), str(c.SCRYPT_R), str(c.SCRYPT_P)]
    assert c.pin_matches("123456", two)


@pytest.mark.parametrize("stored", [None, "", "plain", "bcrypt$1$2$3$AA==$AA==", "scrypt$x$8$1$AA==$AA=="])
def test_a_damaged_or_foreign_hash_matches_nothing(stored):
    assert not c.pin_matches("4711", stored)


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "12 34"])
def test_a_pin_is_4_to_12_digits(pin):
    with pytest.raises(c.BadPin):
        c.check_pin(pin)
