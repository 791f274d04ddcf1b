"""The simulator enforces marking codes like Ozon: ids from create-or-get, the complete set, the
registry's check taking its time, no ship without accepted codes. Every body checked against the spec."""
from __future__ import annotations

import pytest

from app.sim.ozon.marks import GS, sample_mark
from sim_helpers import api, clock, ship_body, sim  # noqa: F401  (fixtures)

CREATE = "/v6/fbs/posting/product/exemplar/create-or-get"
VALIDATE = "/v5/fbs/posting/product/exemplar/validate"
SET = "/v6/fbs/posting/product/exemplar/set"
STATUS = "/v5/fbs/posting/product/exemplar/status"
UPDATE = "/v1/fbs/posting/product/exemplar/update"
SHIP = "/v4/posting/fbs/ship"


def marked_posting(sim, *, plain_too: bool = False):
    world = sim.world
    for number in world.posting_numbers("awaiting_packaging"):
        posting = world.peek(number)
        marked = [x for x in posting.lines if world.needs_mark[x.sku]]
        plain = [x for x in posting.lines if not world.needs_mark[x.sku]]
        if marked and (plain or not plain_too):
            return posting
    raise AssertionError("no marked posting in this world")


def the_set(sim, answer, codes=None, *, plain_mark: str | None = None) -> list[dict]:
    """The complete set for a create-or-get answer: a fresh issued code for each marked unit."""
    world, products, n = sim.world, [], 0
    for product in answer["products"]:
        sku = int(product["product_id"])
        exemplars = []
        for exemplar in product["exemplars"]:
            entry = {"exemplar_id": exemplar["exemplar_id"]}
            if product["is_mandatory_mark_needed"]:
                code = (codes or {}).get(n) or sample_mark(world.product_by_sku[sku].barcodes[0], 100 + n)
                entry["marks"] = [{"mark": code, "mark_type": "mandatory_mark"}]
                n += 1
            elif plain_mark:
                entry["marks"] = [{"mark": plain_mark, "mark_type": "mandatory_mark"}]
            exemplars.append(entry)
        products.append({"product_id": sku, "exemplars": exemplars})
    return products


def for_validate(products: list[dict]) -> list[dict]:
    """The set as validate takes it: no exemplar ids (the format check comes before them)."""
    return [{"product_id": p["product_id"], "exemplars": [{k: v for k, v in e.items() if k != "exemplar_id"}
                                                          for e in p["exemplars"]]} for p in products]


def test_create_or_get_gives_each_unit_an_id_and_says_what_it_needs(api, sim):
    posting = marked_posting(sim)
    first = api.json(CREATE, {"posting_number": posting.posting_number})
    assert api.json(CREATE, {"posting_number": posting.posting_number}) == first  # the same ids every time
    by_sku = {int(p["product_id"]): p for p in first["products"]}
    for line in posting.lines:
        assert len(by_sku[line.sku]["exemplars"]) == line.quantity
        assert by_sku[line.sku]["is_mandatory_mark_needed"] == sim.world.needs_mark[line.sku]
    ids = [e["exemplar_id"] for p in first["products"] for e in p["exemplars"]]
    assert len(set(ids)) == len(ids)


def test_no_ship_without_accepted_codes_then_ship_once_the_check_passed(api, sim, clock):
    posting = marked_posting(sim)
    number = posting.posting_number
    assert "EXEMPLAR_INFO_NOT_FILLED_COMPLETELY" in api.post(SHIP, ship_body(posting), status=400).text
    answer = api.json(CREATE, {"posting_number": number})
    products = the_set(sim, answer)
    checked = api.json(VALIDATE, {"posting_number": number, "products": for_validate(products)})
    assert all(p["valid"] for p in checked["products"])
    api.post(SET, {"posting_number": number, "products": products})
    assert api.json(STATUS, {"posting_number": number})["status"] == "validation_in_process"
    assert "EXEMPLAR_INFO_NOT_FILLED_COMPLETELY" in api.post(SHIP, ship_body(posting), status=400).text
    clock.advance(sim.world.config.mark_check_s)
    status = api.json(STATUS, {"posting_number": number})
    assert status["status"] == "ship_available"
    assert all(m["check_status"] == "passed" for p in status["products"] for e in p["exemplars"] for m in e["marks"])
    api.post(SHIP, ship_body(posting))
    clock.advance(sim.world.config.ship_delay_s + 0.1)
    assert api.json(STATUS, {"posting_number": number})["status"] == "update_available"
    assert sim.world.exemplars.shipped_marks(number) == [m["mark"] for p in products for e in p["exemplars"]
                                                         for m in e.get("marks", [])]


def test_marks_fail_for_another_products_gtin_a_code_held_elsewhere_a_forged_or_malformed_code(api, sim, clock):
    posting = marked_posting(sim)
    number = posting.posting_number
    answer = api.json(CREATE, {"posting_number": number})
    sku = next(int(p["product_id"]) for p in answer["products"] if p["is_mandatory_mark_needed"])
    other = next(p for p in sim.world.products if p.sku != sku)
    good = sample_mark(sim.world.product_by_sku[sku].barcodes[0], 1)
    cases = {
        sample_mark(other.barcodes[0], 1): "MARK_GTIN_MISMATCH",
        good[:-44] + "B" * 43 + "=": "MARK_NOT_FOUND",
        f"010{sim.world.product_by_sku[sku].barcodes[0]}21short": "MARK_FORMAT_INVALID",
    }
    for code, error in cases.items():
        products = the_set(sim, answer, {0: code})
        api.post(SET, {"posting_number": number, "products": products})
        clock.advance(sim.world.config.mark_check_s)
        status = api.json(STATUS, {"posting_number": number})
        assert status["status"] == "ship_not_available", code
        failed = [m for p in status["products"] for e in p["exemplars"] for m in e["marks"] if m["check_status"] == "failed"]
        assert [m["error_codes"] for m in failed] == [[error]]
    # a code accepted for one posting fails on another
    api.post(SET, {"posting_number": number, "products": the_set(sim, answer, {0: good})})
    clock.advance(sim.world.config.mark_check_s)
    assert api.json(STATUS, {"posting_number": number})["status"] == "ship_available"
    second = next(n for n in sim.world.posting_numbers("awaiting_packaging") if n != number and any(
        x.sku == sku for x in sim.world.peek(n).lines)) if any(
        x.sku == sku for n in sim.world.posting_numbers("awaiting_packaging") if n != number
        for x in sim.world.peek(n).lines) else None
    if second is not None:
        other_answer = api.json(CREATE, {"posting_number": second})
        products = [p for p in the_set(sim, other_answer) if int(p["product_id"]) == sku]
        products[0]["exemplars"][0]["marks"][0]["mark"] = good
        api.post(SET, {"posting_number": second, "products": products})
        clock.advance(sim.world.config.mark_check_s)
        status = api.json(STATUS, {"posting_number": second})
        assert ["MARK_ALREADY_USED"] in [m["error_codes"] for p in status["products"] for e in p["exemplars"]
                                         for m in e["marks"]]


def test_a_code_on_a_product_that_needs_none_is_refused_at_the_ship(api, sim, clock):
    posting = marked_posting(sim, plain_too=True)
    number = posting.posting_number
    answer = api.json(CREATE, {"posting_number": number})
    plain_sku = next(int(p["product_id"]) for p in answer["products"] if not p["is_mandatory_mark_needed"])
    products = the_set(sim, answer, plain_mark=sample_mark(sim.world.product_by_sku[plain_sku].barcodes[0], 9))
    api.post(SET, {"posting_number": number, "products": products})
    clock.advance(sim.world.config.mark_check_s)
    assert "MANDATORY_MARK_REDUNDANT" in api.post(SHIP, ship_body(posting), status=400).text


def test_set_needs_every_exemplar_id_and_ids_of_its_own_product(api, sim):
    posting = marked_posting(sim)
    number = posting.posting_number
    answer = api.json(CREATE, {"posting_number": number})
    products = the_set(sim, answer)
    products[0]["exemplars"][0].pop("exemplar_id")
    assert "ExemplarId" in api.post(SET, {"posting_number": number, "products": products}, status=400).text
    products = the_set(sim, answer)
    products[0]["exemplars"][0]["exemplar_id"] = 12345
    assert "does not belong to product" in api.post(SET, {"posting_number": number, "products": products},
                                                    status=400).text


@pytest.mark.parametrize("path", [CREATE, VALIDATE, SET])
def test_exemplar_methods_only_while_awaiting_packaging(api, sim, path):
    posting = marked_posting(sim)
    number = posting.posting_number
    products = the_set(sim, api.json(CREATE, {"posting_number": number}))
    sim.world.set_status(number, "delivering")
    body = ({"posting_number": number} if path == CREATE else
            {"posting_number": number, "products": for_validate(products) if path == VALIDATE else products})
    assert "INVALID_POSTING_STATE" in api.post(path, body, status=400).text


def test_a_correction_after_the_ship_is_set_then_updated(api, sim, clock):
    posting = marked_posting(sim)
    number = posting.posting_number
    answer = api.json(CREATE, {"posting_number": number})
    api.post(SET, {"posting_number": number, "products": the_set(sim, answer)})
    clock.advance(sim.world.config.mark_check_s)
    assert api.json(STATUS, {"posting_number": number})["status"] == "ship_available"
    api.post(SHIP, ship_body(posting))
    clock.advance(sim.world.config.ship_delay_s + 0.1)
    sku = next(int(p["product_id"]) for p in answer["products"] if p["is_mandatory_mark_needed"])
    corrected = sample_mark(sim.world.product_by_sku[sku].barcodes[0], 77)
    assert "INVALID_POSTING_STATE" in api.post(UPDATE, {"posting_number": number}, status=400).text  # nothing sent
    api.post(SET, {"posting_number": number, "products": the_set(sim, answer, {0: corrected})})
    api.post(UPDATE, {"posting_number": number})
    assert api.json(STATUS, {"posting_number": number})["status"] == "validation_in_process"
    clock.advance(sim.world.config.mark_check_s)
    assert api.json(STATUS, {"posting_number": number})["status"] == "update_available"


def test_a_sample_code_is_a_long_format_code_with_its_gs_separators():
    code = sample_mark("4601234567893", 1)
    assert code.startswith("0104601234567893" + "21") and code.count(GS) == 2 and len(code.split(GS)[2]) == 46


def test_a_phone_ships_only_with_a_valid_imei_for_its_unit(api, sim, clock):
    world = sim.world
    posting = next(world.peek(n) for n in world.posting_numbers("awaiting_packaging")
                   if [(x.quantity, world.needs_mark[x.sku]) for x in world.peek(n).lines] == [(1, False)])
    number, sku = posting.posting_number, posting.lines[0].sku
    world.exemplars.imei_skus.add(sku)
    [product] = api.json(CREATE, {"posting_number": number})["products"]
    assert product["has_imei"] is True and not product["is_mandatory_mark_needed"]
    exemplar_id = product["exemplars"][0]["exemplar_id"]
    assert "EXEMPLAR_INFO_NOT_FILLED_COMPLETELY" in api.post(SHIP, ship_body(posting), status=400).text

    def hand_over(imei: str) -> dict:
        api.post(SET, {"posting_number": number, "products": [{"product_id": sku, "exemplars": [
            {"exemplar_id": exemplar_id, "marks": [{"mark": imei, "mark_type": "imei"}]}]}]})
        clock.advance(world.config.mark_check_s)
        return api.json(STATUS, {"posting_number": number})

    refused = hand_over("490154203237519")  # the check digit is wrong
    assert refused["status"] == "ship_not_available"
    assert refused["products"][0]["exemplars"][0]["marks"][0]["error_codes"] == ["IMEI_INVALID"]
    assert hand_over("490154203237518")["status"] == "ship_available"
    api.post(SHIP, ship_body(posting))
    clock.advance(world.config.ship_delay_s + 0.1)
    assert world.exemplars.shipped_marks(number) == ["490154203237518"]


def test_the_registrys_check_takes_the_time_configured(api, sim, clock):
    assert api.control("POST", "/_sim/config", {"mark_check_s": 90})["mark_check_s"] == 90.0
    posting = marked_posting(sim)
    number = posting.posting_number
    api.post(SET, {"posting_number": number, "products": the_set(sim, api.json(CREATE, {"posting_number": number}))})
    clock.advance(89)
    assert api.json(STATUS, {"posting_number": number})["status"] == "validation_in_process"
    assert "EXEMPLAR_INFO_NOT_FILLED_COMPLETELY" in api.post(SHIP, ship_body(posting), status=400).text
    clock.advance(2)
    assert api.json(STATUS, {"posting_number": number})["status"] == "ship_available"


def _plain_posting(world):
    return next(world.peek(n) for n in world.posting_numbers("awaiting_packaging")
                if [(x.quantity, world.needs_mark[x.sku]) for x in world.peek(n).lines] == [(1, False)])


def test_a_jewel_ships_only_with_its_uin(api, sim, clock):
    world = sim.world
    posting = _plain_posting(world)
    number, sku = posting.posting_number, posting.lines[0].sku
    world.exemplars.jw_uin_skus.add(sku)
    [product] = api.json(CREATE, {"posting_number": number})["products"]
    assert product["is_jw_uin_needed"] is True and not product["is_mandatory_mark_needed"]
    listed = api.json("/v3/posting/fbs/get", {"posting_number": number})["result"]["requirements"]
    assert listed["products_requiring_jw_uin"] == [str(sku)]
    exemplar_id = product["exemplars"][0]["exemplar_id"]
    assert "EXEMPLAR_INFO_NOT_FILLED_COMPLETELY" in api.post(SHIP, ship_body(posting), status=400).text

    def hand_over(marks: list) -> dict:
        api.post(SET, {"posting_number": number, "products": [{"product_id": sku, "exemplars": [
            {"exemplar_id": exemplar_id, "marks": marks}]}]})
        clock.advance(world.config.mark_check_s)
        return api.json(STATUS, {"posting_number": number})

    assert hand_over([])["status"] == "ship_not_available"  # none handed over
    short = hand_over([{"mark": "644300001234567", "mark_type": "jw_uin"}])
    assert short["products"][0]["exemplars"][0]["marks"][0]["error_codes"] == ["JW_UIN_INVALID"]
    assert hand_over([{"mark": "6443000012345678", "mark_type": "jw_uin"}])["status"] == "ship_available"
    api.post(SHIP, ship_body(posting))
    clock.advance(world.config.ship_delay_s + 0.1)
    assert world.exemplars.shipped_marks(number) == ["6443000012345678"]


@pytest.mark.parametrize("legal, rnpt, absent, status, codes", [
    (True, "10714040/140917/0090376/001", False, "ship_available", []),
    (True, "", False, "ship_not_available", ["RNPT_MUST_BE_SPECIFIED"]),
    (True, "10714040/140917/0090376", False, "ship_not_available", ["RNPT_FORMAT_INVALID"]),
    (False, "", True, "ship_available", []),
    (False, "", False, "ship_not_available", ["RNPT_MUST_BE_SPECIFIED"]),
])
def test_traceable_goods_need_their_rnpt_for_a_legal_entity_and_its_absence_flag_otherwise(
        api, sim, clock, legal, rnpt, absent, status, codes):
    world = sim.world
    posting = _plain_posting(world)
    number, sku = posting.posting_number, posting.lines[0].sku
    world.exemplars.rnpt_skus.add(sku)
    if legal:
        world.exemplars.legal.add(number)
    [product] = api.json(CREATE, {"posting_number": number})["products"]
    assert product["is_rnpt_needed"] is True
    exemplar = {"exemplar_id": product["exemplars"][0]["exemplar_id"], "is_rnpt_absent": absent}
    if rnpt:
        exemplar["rnpt"] = rnpt
    api.post(SET, {"posting_number": number, "products": [{"product_id": sku, "exemplars": [exemplar]}]})
    clock.advance(world.config.mark_check_s)
    answer = api.json(STATUS, {"posting_number": number})
    assert answer["status"] == status and answer["products"][0]["exemplars"][0]["rnpt_error_codes"] == codes
