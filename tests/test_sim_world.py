"""Simulator: the seeded world (catalogue, postings, their numbers and barcodes)."""
from __future__ import annotations

import re
import time
from collections import Counter

import pytest

from app.sim.ozon import ean
from app.sim.ozon.world import World, WorldConfig
from sim_helpers import T0

POSTING_NUMBER = re.compile(r"\d{8}-\d{4}-\d")


@pytest.mark.parametrize("first12, digit", [
    ("400638133393", "1"),  # 4006381333931, the usual textbook example
    ("590123412345", "7"),
    ("978030640615", "7"),  # ISBN 978-0-306-40615-7
    ("001234567890", "5"),  # UPC-A 012345678905 as EAN-13
    ("000000000000", "0"),
])
def test_ean13_check_digit(first12, digit):
    assert ean.check_digit(first12) == digit
    assert ean.is_valid(first12 + digit)
    assert not ean.is_valid(first12 + str((int(digit) + 1) % 10))


@pytest.mark.parametrize("bad", ["", "12345", "46000000000a", "4600000000001"])
def test_ean13_check_digit_needs_twelve_digits(bad):
    with pytest.raises(ValueError):
        ean.check_digit(bad)


def _summary(world: World) -> list:
    return [(p.posting_number, p.status, p.shipment_date, [(x.sku, x.quantity) for x in p.lines], p.upper_barcode)
            for p in (world.peek(n) for n in world.posting_numbers())]


def test_one_seed_one_world_another_seed_another():
    config = dict(postings=60, now=T0)
    assert _summary(World(WorldConfig(seed=3, **config))) == _summary(World(WorldConfig(seed=3, **config)))
    assert _summary(World(WorldConfig(seed=3, **config))) != _summary(World(WorldConfig(seed=4, **config)))


def test_catalogue_has_unique_ids_valid_barcodes_and_physical_sizes():
    world = World(WorldConfig(postings=50, seed=1, now=T0))
    products = world.products
    assert len(products) == 60
    assert len({p.sku for p in products}) == len({p.product_id for p in products}) == len({p.offer_id for p in products}) == 60
    all_codes = [code for p in products for code in p.barcodes]
    assert len(all_codes) == len(set(all_codes))
    for product in products:
        assert 100_000_000 <= product.sku < 10_000_000_000  # 9-10 digits
        *eans, ozon = product.barcodes
        assert 1 <= len(eans) <= 2 and all(ean.is_valid(code) for code in eans)
        assert ozon == f"OZN{product.sku}"
        assert product.weight_g > 0 and min(product.depth_mm, product.width_mm, product.height_mm) > 0
        assert re.search("[а-яё]", product.name, re.IGNORECASE)
    marked = sum(p.needs_mark for p in World(WorldConfig(postings=10_000, seed=1, now=T0)).products)
    assert 0.06 <= marked / 1000 <= 0.14


def test_postings_look_like_ozons():
    world = World(WorldConfig(postings=300, seed=9, now=T0))
    postings = [world.peek(n) for n in world.posting_numbers()]
    assert len(postings) == 300
    assert all(POSTING_NUMBER.fullmatch(p.posting_number) for p in postings)
    assert all(p.posting_number.startswith(p.order_number + "-") for p in postings)
    barcodes = [b for p in postings for b in (p.upper_barcode, p.lower_barcode)]
    assert len(barcodes) == len(set(barcodes))
    statuses = Counter(p.status for p in postings)
    assert statuses["awaiting_packaging"] >= 250 and set(statuses) <= {
        "awaiting_packaging", "awaiting_deliver", "delivering", "cancelled"}
    assert {len(p.lines) for p in postings} == {1, 2, 3, 4}
    assert any(line.quantity in (2, 3) for p in postings for line in p.lines)
    assert len({p.method.id for p in postings}) == len(world.methods)
    waiting = [p for p in postings if p.status == "awaiting_packaging"]
    assert all(T0 < p.shipment_date <= T0 + 3 * 86_400 for p in waiting)
    assert all(p.in_process_at <= T0 for p in postings)
    assert any(world.needs_mark[line.sku] for p in postings for line in p.lines)


def test_small_worlds_and_the_first_postings_are_all_awaiting_packaging():
    small = World(WorldConfig(postings=12, seed=1, now=T0))
    assert len(small.posting_numbers("awaiting_packaging")) == 12
    big = World(WorldConfig(postings=2_000, seed=1, now=T0, mixed_statuses=False))
    assert len(big.posting_numbers("awaiting_packaging")) == 2_000


def test_ten_thousand_postings_build_fast():
    started = time.perf_counter()
    world = World(WorldConfig(postings=10_000, seed=1))
    assert time.perf_counter() - started < 2.0
    assert len(world.posting_numbers()) == 10_000 and len(world.products) == 1_000


def test_added_postings_are_new_numbers_in_process_now():
    world = World(WorldConfig(postings=20, seed=1, now=T0), clock=lambda: T0 + 600)
    before = set(world.posting_numbers())
    added = world.add_postings(5)
    assert len(added) == 5 and not before & set(added)
    assert set(world.posting_numbers()) == before | set(added)
    assert all(world.peek(n).in_process_at == T0 + 600 for n in added)
    assert all(world.peek(n).status == "awaiting_packaging" for n in added)


def test_levers_refuse_unknown_postings_and_statuses():
    world = World(WorldConfig(postings=3, seed=1, now=T0))
    with pytest.raises(KeyError):
        world.cancel("00000000-0000-1")
    with pytest.raises(ValueError):
        world.set_status(world.posting_numbers()[0], "lost_in_space")
