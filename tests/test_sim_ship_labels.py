"""Simulator: the asynchronous ship (split, ship_failed, refusals) and the label PDF."""
from __future__ import annotations

import re
import time

import pytest
from barcode.charsets.code128 import CODES
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtPdf import QPdfDocument

from app.sim.ozon import OzonSimulator, WorldConfig
from sim_helpers import Api, api, clock, ship_body, sim  # noqa: F401

SHIP = "/v4/posting/fbs/ship"
GET = "/v3/posting/fbs/get"
LABEL = "/v2/posting/fbs/package-label"
MM = 72 / 25.4


def _open(sim, index: int = 0, lines: int = 1):
    """The index-th awaiting_packaging posting with at least ``lines`` products."""
    world = sim.world
    numbers = [n for n in world.posting_numbers("awaiting_packaging") if len(world.peek(n).lines) >= lines]
    return world.peek(numbers[index])


def _state(api, number: str) -> dict:
    return api.json(GET, {"posting_number": number})["result"]


def _shipped(api, sim, clock, index: int = 0):
    posting = _open(sim, index)
    api.json(SHIP, ship_body(posting))
    clock.advance(sim.world.config.ship_delay_s)
    return posting


def test_ship_is_accepted_at_once_and_takes_effect_after_the_delay(api, sim, clock):
    posting = _open(sim)
    answer = api.json(SHIP, ship_body(posting))
    assert answer == {"result": [posting.posting_number], "additional_data": []}
    during = _state(api, posting.posting_number)
    assert during["status"] == "awaiting_packaging" and during["substatus"] == "ship_in_process"
    assert "ship_async_in_process" in during["available_actions"] and "ship" not in during["available_actions"]
    clock.advance(0.49)
    assert _state(api, posting.posting_number)["status"] == "awaiting_packaging"
    clock.advance(0.02)
    after = _state(api, posting.posting_number)
    assert after["status"] == "awaiting_deliver" and after["substatus"] == "posting_not_in_carriage"
    assert after["previous_substatus"] == "ship_in_process"
    assert "label_download" in after["available_actions"]


def test_ship_flips_with_the_real_clock_too():
    with OzonSimulator(WorldConfig(postings=5, ship_delay_s=0.2)) as simulator:
        client = Api(simulator.base_url)
        try:
            posting = _open(simulator)
            client.json(SHIP, ship_body(posting))
            deadline = time.monotonic() + 5
            while _state(client, posting.posting_number)["status"] != "awaiting_deliver":
                assert time.monotonic() < deadline, "the ship never took effect"
                time.sleep(0.05)
        finally:
            client.close()


def test_ship_failed_leaves_the_posting_packable_and_a_retry_succeeds(api, sim, clock):
    posting = _open(sim)
    sim.faults.ship_failed_next(posting.posting_number)
    assert api.json(SHIP, ship_body(posting))["result"] == [posting.posting_number]
    clock.advance(1)
    failed = _state(api, posting.posting_number)
    assert failed["status"] == "awaiting_packaging" and failed["substatus"] == "ship_failed"
    assert "ship_async_retry" in failed["available_actions"]
    api.json(SHIP, ship_body(posting))
    clock.advance(1)
    assert _state(api, posting.posting_number)["status"] == "awaiting_deliver"


def test_several_packages_split_the_posting_into_children(api, sim, clock):
    posting = _open(sim, lines=2)
    packages = [[(line.sku, line.quantity)] for line in posting.lines]
    result = api.json(SHIP, ship_body(posting, packages))["result"]
    order = posting.order_number
    assert len(result) == len(packages) and posting.posting_number not in result
    assert all(re.fullmatch(re.escape(order) + r"-\d+", n) for n in result)
    clock.advance(1)
    parent = _state(api, posting.posting_number)
    assert parent["status"] == "cancelled_from_split_pending"
    for number, package in zip(result, packages):
        child = _state(api, number)
        assert child["status"] == "awaiting_deliver" and child["parent_posting_number"] == posting.posting_number
        assert [(p["sku"], p["quantity"]) for p in child["products"]] == package
        assert child["barcodes"] is None  # only with with.barcodes, as on Ozon
    clock.advance(sim.world.config.label_delay_s)
    pdf = api.post(LABEL, {"posting_number": result}).content
    assert _pdf_pages(pdf) == [(75.0, 120.0)] * len(result)


def test_units_of_one_product_may_be_split_over_packages(api, sim, clock):
    world = sim.world
    number = next(n for n in world.posting_numbers("awaiting_packaging")
                  if any(line.quantity >= 2 for line in world.peek(n).lines))
    posting = world.peek(number)
    packages = [[(line.sku, 1)] for line in posting.lines for _ in range(line.quantity)]
    assert len(api.json(SHIP, ship_body(posting, packages))["result"]) == len(packages)


def test_a_second_ship_is_refused_as_already_shipped(api, sim, clock):
    posting = _open(sim)
    api.json(SHIP, ship_body(posting))
    assert api.json(SHIP, ship_body(posting), status=400)["message"] == "POSTING_ALREADY_SHIPPED"
    clock.advance(1)
    answer = api.json(SHIP, ship_body(posting), status=400)
    assert answer == {"code": 3, "message": "POSTING_ALREADY_SHIPPED", "details": []}
    assert sim.stats.ship_calls(posting.posting_number) == 3


def test_a_cancelled_posting_cannot_be_shipped(api, sim, clock):
    posting = _open(sim)
    sim.world.cancel(posting.posting_number)
    assert api.json(SHIP, ship_body(posting), status=400)["message"] == "POSTING_ALREADY_CANCELLED"
    result = _state(api, posting.posting_number)
    assert result["status"] == "cancelled" and result["cancellation"]["cancel_reason"]
    assert result["available_actions"] == []


def test_a_cancellation_during_the_asynchronous_ship_wins(api, sim, clock):
    posting = _open(sim)
    api.json(SHIP, ship_body(posting))
    sim.world.cancel(posting.posting_number)
    clock.advance(1)
    assert _state(api, posting.posting_number)["status"] == "cancelled"


@pytest.mark.parametrize("change, message", [
    (lambda lines: lines[:-1] if len(lines) > 1 else [(lines[0][0], lines[0][1] + 1)],
     "HAS_INCORRECT_PRODUCT_QUANTITY"),
    (lambda lines: [(sku, qty + 1) for sku, qty in lines], "HAS_INCORRECT_PRODUCT_QUANTITY"),
    (lambda lines: [(sku, 0) for sku, qty in lines], "HAS_INCORRECT_PRODUCT_QUANTITY"),
    (lambda lines: lines + [(123, 1)], "UNKNOWN_PRODUCT_DEFINED"),
])
def test_ship_refuses_quantities_that_do_not_match_the_posting(api, sim, change, message):
    posting = _open(sim)
    lines = [(line.sku, line.quantity) for line in posting.lines]
    answer = api.json(SHIP, ship_body(posting, [change(lines)]), status=400)
    assert answer["code"] == 3 and answer["message"] == message
    assert _state(api, posting.posting_number)["substatus"] == "posting_created"


@pytest.mark.parametrize("body, message", [
    ({"posting_number": "00000000-0000-1", "packages": [{"products": [{"product_id": 1, "quantity": 1}]}]},
     "POSTING_NOT_FOUND"),
    ({"posting_number": "00000000-0000-1", "packages": []}, "Packages: value must contain at least 1 item(s)"),
    ({"posting_number": "00000000-0000-1"}, "Packages"),
    ({"packages": [{"products": [{"product_id": 1, "quantity": 1}]}]}, "PostingNumber"),
    ({"posting_number": "00000000-0000-1", "packages": [{"products": [{"product_id": "x", "quantity": 1}]}]},
     "int64"),
])
def test_ship_request_errors(api, body, message):
    answer = api.json(SHIP, body, status=400, check_request=False)
    assert answer["code"] == 3 and message in answer["message"]


def test_ship_with_additional_data_lists_the_products(api, sim):
    posting = _open(sim)
    answer = api.json(SHIP, {**ship_body(posting), "with": {"additional_data": True}})
    (data,) = answer["additional_data"]
    assert data["posting_number"] == posting.posting_number
    assert [(p["sku"], p["quantity"]) for p in data["products"]] == [(x.sku, x.quantity) for x in posting.lines]


def test_label_is_not_ready_until_the_label_delay_has_passed(api, sim, clock):
    posting = _shipped(api, sim, clock)
    answer = api.json(LABEL, {"posting_number": [posting.posting_number]}, status=400)
    assert answer == {"code": 3, "message": "The next postings aren't ready", "details": []}
    clock.advance(sim.world.config.label_delay_s)
    response = api.post(LABEL, {"posting_number": [posting.posting_number]})
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_label_needs_awaiting_deliver_for_every_posting_of_the_batch(api, sim, clock):
    shipped = _shipped(api, sim, clock)
    clock.advance(5)
    waiting = _open(sim)
    for numbers in ([waiting.posting_number], [shipped.posting_number, waiting.posting_number],
                    ["00000000-0000-1"]):
        answer = api.json(LABEL, {"posting_number": numbers}, status=400)
        assert answer["message"] == "INVALID_ARGUMENT"


@pytest.mark.parametrize("count", [0, 21])
def test_label_batches_hold_one_to_twenty_postings(api, sim, count):
    numbers = [f"{10_000_000 + i}-0001-1" for i in range(count)]
    answer = api.json(LABEL, {"posting_number": numbers}, status=400)
    assert "between 1 and 20 items" in answer["message"]


def test_label_pdf_has_a_75_by_120_mm_page_per_posting_with_a_scannable_barcode(api, sim, clock, qapp):
    postings = [_open(sim, i) for i in range(3)]
    for posting in postings:
        api.json(SHIP, ship_body(posting))
    clock.advance(5)
    numbers = [p.posting_number for p in postings]
    pdf = api.post(LABEL, {"posting_number": numbers}).content
    assert _pdf_pages(pdf) == [(75.0, 120.0)] * 3
    for number in numbers:
        assert f"({number}) Tj".encode() in pdf
    document, buffer = _load(pdf)
    try:
        for page, posting in enumerate(postings):
            image = document.render(page, QSize(850, 1360))  # 4 px per point
            assert _decode_row(image, y=int(93 * 4)) == posting.upper_barcode
            assert _decode_row(image, y=int(275 * 4)) == posting.lower_barcode
    finally:
        document.close()
        buffer.close()


# ----------------------------------------------------------------- PDF helpers

def _load(pdf: bytes):
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready, document.error()
    return document, buffer


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Page sizes in millimetres (one decimal), as QtPdf reads them."""
    document, buffer = _load(pdf)
    try:
        sizes = []
        for page in range(document.pageCount()):
            size = document.pagePointSize(page)
            sizes.append((round(size.width() / MM, 1), round(size.height() / MM, 1)))
        return sizes
    finally:
        document.close()
        buffer.close()


def _decode_row(image, y: int) -> str:
    """Decode the Code 128 symbol crossing pixel row ``y`` (charsets B and C)."""
    inside = range(40, image.width() - 40)  # leave out the label's frame
    colours = [image.pixelColor(x, y) for x in inside]  # QtPdf leaves the paper transparent
    dark = [c.alpha() > 127 and c.lightness() < 128 for c in colours]
    runs, start = [], dark.index(True)
    end = len(dark) - dark[::-1].index(True)
    current, length = True, 0
    for pixel in dark[start:end]:
        if pixel == current:
            length += 1
        else:
            runs.append(length)
            current, length = pixel, 1
    runs.append(length)
    module = runs[0] / 2  # every start code begins with a two-module bar
    bits = "".join(("1" if i % 2 == 0 else "0") * round(r / module) for i, r in enumerate(runs))
    values = [CODES.index(bits[i:i + 11]) for i in range(0, len(bits) - 13, 11)]
    assert bits[-13:] == "1100011101011", "no stop pattern"
    *data, check = values
    assert check == (data[0] + sum(i * v for i, v in enumerate(data[1:], start=1))) % 103, "bad checksum"
    charset = {103: "A", 104: "B", 105: "C"}[data[0]]
    text = ""
    for value in data[1:]:
        if charset == "C":
            if value in (100, 101):
                charset = "B" if value == 100 else "A"
            else:
                text += f"{value:02d}"
        elif value == 99:
            charset = "C"
        elif (value, charset) in ((100, "A"), (101, "B")):
            charset = "B" if value == 100 else "A"
        else:
            text += chr(value + 32) if charset == "B" or value < 64 else chr(value - 64)
    return text
