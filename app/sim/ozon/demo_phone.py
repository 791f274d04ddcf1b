"""The demo's phone: a smartphone in the simulated catalogue, sold in one posting awaiting packaging,
whose unit Ozon ships only with its IMEI (``imei_skus``); the sample sheet carries IMEIs to scan.

Added after the world is built (the seeded catalogue and postings stay as they are for every other
use of the simulator): the first single-unit posting of an unmarked product sells the phone instead.
"""
from __future__ import annotations

import dataclasses

from stdnum import luhn

from app.sim.ozon import ean
from app.sim.ozon.posting import Line

NAME = "Смартфон Sever X5 128 ГБ, чёрный"
TAC = "35209900"  # a type allocation code (the model's eight digits of an IMEI)


def sample_imei(number: int) -> str:
    """The ``number``-th IMEI of the demo's phones: the model's TAC, a serial, the Luhn check digit."""
    body = f"{TAC}{number:06d}"
    return body + luhn.calc_check_digit(body)


def add_phone(world) -> str | None:
    """Sell the phone in a posting awaiting packaging; returns its number (None: no posting fits)."""
    with world.lock:
        number = next((n for n in world.posting_numbers("awaiting_packaging")
                       if [(x.quantity, world.needs_mark.get(x.sku) or x.sku in world.exemplars.imei_skus)
                           for x in world.peek(n).lines] == [(1, False)]),
                      None)
        if number is None or not world.products:
            return None
        sku = max(p.sku for p in world.products) + 1
        body = "4609999" + f"{sku % 100000:05d}"
        phone = dataclasses.replace(
            world.products[0], product_id=max(p.product_id for p in world.products) + 1, sku=sku,
            offer_id=f"PHN-{sku}", name=NAME, barcodes=(body + ean.check_digit(body), f"OZN{sku}"), weight_g=420,
            depth_mm=170, width_mm=90, height_mm=60, price="24990.00", needs_mark=False)
        world.products.append(phone)
        world.product_by_sku[sku] = phone
        world.needs_mark[sku] = False
        world.exemplars.imei_skus.add(sku)
        world.get(number).lines[:] = [Line(sku, 1)]
        world._changed()
        return number


def sheet_section(world, number: str | None) -> list[tuple[str, list[tuple[str, str]]]]:
    """The phone's posting on the sample sheet: an IMEI Ozon accepts, one with a digit misread."""
    if number is None:
        return []
    good = sample_imei(number=int(number.split("-")[0][-6:]))
    misread = good[:-1] + str((int(good[-1]) + 1) % 10)
    return [(f"{number}: IMEI", [(f"{NAME} 1/1", good), ("IMEI: a digit misread", misread)])]
