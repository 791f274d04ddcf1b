"""Simulator: the asynchronous ship (split, ship_failed, refusals), the label tasks and their file host."""
from __future__ import annotations

import re
import time

import pytest
import requests
from barcode.charsets.code128 import CODES
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtPdf import QPdfDocument

from app.sim.ozon import OzonSimulator, WorldConfig
from sim_helpers import AUTH, Api, api, clock, ship_body, sim, unmarked  # noqa: F401

SHIP = "/v4/posting/fbs/ship"
GET = "/v3/posting/fbs/get"
CREATE = "/v3/posting/fbs/package-label/create"
TASK = "/v2/posting/fbs/package-label/get"
MM = 72 / 25.4
NOT_READY = "The next postings aren't ready"


def _open(sim, index: int = 0, lines: int = 1):
    """The index-th awaiting_packaging posting with at least ``lines`` products."""
    world = sim.world
    numbers = [n for n in unmarked(world, world.posting_numbers("awaiting_packaging"))
               if len(world.peek(n).lines) >= lines]
    return world.peek(numbers[index])


def _state(api, number: str) -> dict:
    return api.json(GET, {"posting_number": number})["result"]


def _shipped(api, sim, clock, index: int = 0):
    posting = _open(sim, index)
    api.json(SHIP, ship_body(posting))
    clock.advance(sim.world.config.ship_delay_s)
    return posting


def _task_answer(api, task_id: int) -> dict:
    """One look at a task, its shape checked by hand (the Aug 2025 spec has no such method)."""
    answer = api.json(TASK, {"task_id": task_id})
    assert set(answer) == {"status", "file_url", "error"} and set(answer["error"]) == {"code", "message"}
    assert set(answer["status"]) == {"code", "postings_count", "printed_postings_count", "unprinted_postings"}
    return answer


def _finished(api, task_id: int) -> dict:
    """Look at a task until it completes: pending at the first look, then (default) completed."""
    first = _task_answer(api, task_id)
    assert first["status"]["code"] == "pending" and first["file_url"] == ""
    answer = _task_answer(api, task_id)
    assert answer["status"]["code"] == "completed"
    return answer


def _tasks(api, numbers: list[str]) -> dict[str, int]:
    answer = api.json(CREATE, {"posting_numbers": numbers})
    assert set(answer) == {"tasks"}
    return {task["task_type"]: task["task_id"] for task in answer["tasks"]}


def _labels(api, numbers: list[str], task_type: str = "big_label") -> bytes:
    """The label file of ``numbers`` through create, get and the file host (no credentials sent)."""
    done = _finished(api, _tasks(api, numbers)[task_type])
    assert done["status"]["printed_postings_count"] == len(numbers)
    response = requests.get(done["file_url"], timeout=10)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/octet-stream"
    return response.content


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
    assert _pdf_pages(_labels(api, result)) == [(75.0, 120.0)] * len(result)


def test_units_of_one_product_may_be_split_over_packages(api, sim, clock):
    world = sim.world
    number = next(n for n in unmarked(world, world.posting_numbers("awaiting_packaging"))
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


def test_a_label_not_made_yet_is_left_unprinted_then_a_new_task_prints_it(api, sim, clock):
    posting = _shipped(api, sim, clock)
    done = _finished(api, _tasks(api, [posting.posting_number])["big_label"])
    assert done["status"] == {"code": "completed", "postings_count": 1, "printed_postings_count": 0,
                              "unprinted_postings": [{"posting_number": posting.posting_number, "message": NOT_READY}]}
    assert done["file_url"] == ""
    clock.advance(sim.world.config.label_delay_s)
    assert _labels(api, [posting.posting_number]).startswith(b"%PDF-")


def test_a_task_prints_the_ready_postings_in_request_order_and_lists_the_others(api, sim, clock):
    early = [_shipped(api, sim, clock, i) for i in range(2)]
    clock.advance(sim.world.config.label_delay_s)
    late = _shipped(api, sim, clock, 0)
    numbers = [early[1].posting_number, late.posting_number, early[0].posting_number]
    done = _finished(api, _tasks(api, numbers)["big_label"])
    assert done["status"]["printed_postings_count"] == 2
    assert done["status"]["unprinted_postings"] == [{"posting_number": late.posting_number, "message": NOT_READY}]
    pdf = requests.get(done["file_url"], timeout=10).content
    assert re.findall(rb"\((\d{8}-\d{4}-\d+)\) Tj", pdf) == [early[1].posting_number.encode(),
                                                               early[0].posting_number.encode()]


def test_tasks_stay_in_progress_as_long_as_configured(api, sim, clock):
    sim.world.config.label_task_polls = 3
    posting = _shipped(api, sim, clock)
    clock.advance(5)
    task_id = _tasks(api, [posting.posting_number])["big_label"]
    codes = [_task_answer(api, task_id)["status"]["code"] for _ in range(5)]
    assert codes == ["pending", "in_progress", "in_progress", "completed", "completed"]


def test_label_needs_awaiting_deliver_for_every_posting_of_the_batch(api, sim, clock):
    shipped = _shipped(api, sim, clock)
    clock.advance(5)
    waiting = _open(sim)
    for numbers in ([waiting.posting_number], [shipped.posting_number, waiting.posting_number],
                    ["00000000-0000-1"]):
        answer = api.json(CREATE, {"posting_numbers": numbers}, status=400)
        assert answer == {"code": 3, "message": "INVALID_ARGUMENT", "details": []}


@pytest.mark.parametrize("path, body, message", [
    (CREATE, {"posting_numbers": []}, "between 1 and 20 items"),
    (CREATE, {"posting_numbers": [f"{10_000_000 + i}-0001-1" for i in range(21)]}, "between 1 and 20 items"),
    (CREATE, {"posting_number": ["10000000-0001-1"]}, "PostingNumbers: value must contain between 1 and 20"),
    (CREATE, {"posting_numbers": ["10000000-0001-1"] * 2}, "unique items"),
    (CREATE, {"posting_numbers": [1]}, "invalid value for string type"),
    (CREATE, {"posting_numbers": "10000000-0001-1"}, "repeated string"),
    (TASK, {}, "TaskId"),
    (TASK, {"task_id": "x"}, "int64"),
    (TASK, {"task_id": 0}, "TaskId"),
])
def test_label_requests_are_checked_like_ozons_gateway_does(api, path, body, message):
    answer = api.json(path, body, status=400)
    assert answer["code"] == 3 and message in answer["message"]


def test_an_unknown_task_is_not_found(api):
    assert api.json(TASK, {"task_id": 999}, status=404) == {"code": 5, "message": "task not found", "details": []}


def test_label_pdf_has_a_75_by_120_mm_page_per_posting_with_a_scannable_barcode(api, sim, clock, qapp):
    postings = [_open(sim, i) for i in range(3)]
    for posting in postings:
        api.json(SHIP, ship_body(posting))
    clock.advance(5)
    numbers = [p.posting_number for p in postings]
    assert set(_tasks(api, numbers)) == {"big_label"}  # Ozon's own logistics: no small label
    pdf = _labels(api, numbers)
    assert _pdf_pages(pdf) == [(75.0, 120.0)] * 3
    for posting in postings:
        assert f"({posting.posting_number}) Tj".encode() in pdf
        assert f"(Scanit: {posting.scanit}) Tj".encode() in pdf  # the new label format shows it
    document, buffer = _load(pdf)
    try:
        for page, posting in enumerate(postings):
            image = document.render(page, QSize(850, 1360))  # 4 px per point
            assert _decode_row(image, y=int(93 * 4)) == posting.upper_barcode
            assert _decode_row(image, y=int(275 * 4)) == posting.lower_barcode
    finally:
        document.close()
        buffer.close()


@pytest.fixture
def partner(clock):
    """A seller whose every posting goes by Ozon partner delivery (rFBS Aggregator)."""
    with OzonSimulator(WorldConfig(postings=12, seed=9, partner_share=1.0), clock=clock) as simulator:
        client = Api(simulator.base_url)
        yield simulator, client
        client.close()


def test_partner_delivery_ships_through_registration_and_prints_58x40(partner, clock, qapp):
    sim, api = partner
    posting = _open(sim)
    api.json(SHIP, ship_body(posting))
    clock.advance(sim.world.config.ship_delay_s)
    registering = _state(api, posting.posting_number)
    assert (registering["status"], registering["tpl_integration_type"]) == ("awaiting_registration", "aggregator")
    assert api.json(CREATE, {"posting_numbers": [posting.posting_number]}, status=400)["message"] == "INVALID_ARGUMENT"
    clock.advance(sim.world.config.registration_delay_s)
    registered = _state(api, posting.posting_number)
    assert registered["status"] == "awaiting_deliver" and registered["tracking_number"]
    assert "label_download_small" in registered["available_actions"]
    clock.advance(sim.world.config.label_delay_s)
    assert set(_tasks(api, [posting.posting_number])) == {"big_label", "small_label"}
    for task_type in ("small_label", "big_label"):  # partner labels are 58x40 mm whichever task
        pdf = _labels(api, [posting.posting_number], task_type)
        assert _pdf_pages(pdf) == [(58.0, 40.0)]
        assert f"({posting.scanit}) Tj".encode() in pdf and posting.scanit.startswith("ii")
        document, buffer = _load(pdf)
        try:
            image = document.render(0, QSize(1315, 907))  # 8 px per point
            assert _decode_row(image, y=50 * 8, margin=60) == posting.lower_barcode
        finally:
            document.close()
            buffer.close()


def test_a_mixed_batch_gets_only_the_big_label_task(api, sim, clock):
    with OzonSimulator(WorldConfig(postings=30, seed=4, partner_share=0.5), clock=clock) as mixed:
        client = Api(mixed.base_url)
        try:
            world = mixed.world
            numbers = world.posting_numbers("awaiting_packaging")
            kinds = {world.peek(n).method.partner_delivery: n for n in numbers}
            for number in kinds.values():
                world.set_status(number, "awaiting_deliver")
            clock.advance(5)
            assert set(_tasks(client, list(kinds.values()))) == {"big_label"}
            pdf = _labels(client, [kinds[False], kinds[True]])
            assert _pdf_pages(pdf) == [(75.0, 120.0), (58.0, 40.0)]
        finally:
            client.close()


def test_the_file_host_serves_each_link_until_it_expires_and_records_credentials(api, sim, clock):
    posting = _shipped(api, sim, clock)
    clock.advance(5)
    done = _finished(api, _tasks(api, [posting.posting_number])["big_label"])
    url = done["file_url"]
    assert url.startswith(sim.files_url + "/labels/") and sim.files_url != sim.base_url
    assert len(url.split("/")[-2]) >= 32  # an unguessable token
    assert requests.get(url, timeout=5).content.startswith(b"%PDF")
    assert sim.stats.files() == {"requests": 1, "with_credentials": 0}
    assert requests.get(url, headers=AUTH, timeout=5).status_code == 200  # served, but noticed
    assert sim.stats.files() == {"requests": 2, "with_credentials": 1}
    assert api.control("GET", "/_sim/stats")["files"] == {"requests": 2, "with_credentials": 1}
    assert requests.get(sim.files_url + "/labels/guess/labels.pdf", timeout=5).status_code == 404
    clock.advance(sim.world.config.label_link_ttl_s)
    expired = requests.get(url, timeout=5)
    assert expired.status_code == 403 and b"expired" in expired.content


def test_both_ports_close_with_the_simulator(clock):
    simulator = OzonSimulator(WorldConfig(postings=3), clock=clock)
    simulator.start()
    urls = (simulator.base_url, simulator.files_url)
    simulator.close()
    for url in urls:
        with pytest.raises(requests.ConnectionError):
            requests.get(url + "/_sim/health", timeout=2)


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


def _decode_row(image, y: int, margin: int = 40) -> str:
    """Decode the Code 128 symbol crossing pixel row ``y`` (charsets B and C)."""
    inside = range(margin, image.width() - margin)  # leave out the label's frame
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
