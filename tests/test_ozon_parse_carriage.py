"""The hand-over's answers from Ozon, parsed by pure functions (app/services/ozon/parse_carriage.py):
tables of real shapes (2026 docs and SDK examples, the Aug 2025 spec), odd ones included."""
from datetime import date, datetime, timezone

import pytest

from app.services.ozon.carriage_models import PostingAnswer
from app.services.ozon.parse import ParseError
from app.services.ozon.parse_carriage import (
    parse_act_status, parse_barcode_text, parse_bool_result, parse_carriage, parse_carriage_id,
    parse_carriage_methods, parse_day, parse_posting_answers,
)

UTC = timezone.utc
METHOD = {
    "delivery_method_id": 36010302050, "delivery_method_name": "Ozon Логистика курьеру Ozon, Химки",
    "warehouse_id": "76716320825597", "warehouse_name": "Склад Химки FBS", "tpl_provider_name": "Ozon Логистика",
    "departure_date": "2026-12-04", "cutoff_at": "2026-12-04T12:00:00Z", "first_mile_type": "PICKUP",
    "mandatory_postings_count": 5, "mandatory_packaged_count": 3, "timeslot_from": "2026-12-04T12:00:00Z",
    "timeslot_to": "2026-12-04T16:00:00Z",
    "errors": [{"code": "package_time_not_passed", "description": "Время сборки не истекло", "status": "critical"}],
    "carriages": [{"id": 0, "status": "", "postings_count": 2, "available_actions": ["create"]},
                  {"id": "69394001", "status": "new", "postings_count": 3, "available_actions": ["approve"]}],
}


def test_a_method_with_its_carriages_and_errors():
    methods, cursor, has_next = parse_carriage_methods({"methods": [METHOD], "cursor": "c1", "has_next": True}, "x")
    (m,) = methods
    assert (cursor, has_next) == ("c1", True)
    assert (m.delivery_method_id, m.warehouse_id, m.departure_date) == (36010302050, 76716320825597, date(2026, 12, 4))
    assert m.cutoff_at == datetime(2026, 12, 4, 12, tzinfo=UTC)
    assert (m.mandatory_postings_count, m.mandatory_packaged_count) == (5, 3)
    assert [(e.code, e.status) for e in m.errors] == [("package_time_not_passed", "critical")]
    assert [(c.id, c.status, c.postings_count) for c in m.carriages] == [(0, "", 2), (69394001, "new", 3)]


@pytest.mark.parametrize("body,ids", [
    ({"methods": []}, []),
    ({"methods": [], "has_next": False}, []),
    ({"result": {"methods": [METHOD]}}, [36010302050]),                   # wrapped, as some answers are
    ({"result": [METHOD]}, [36010302050]),                                 # the v1 list shape
    ({"methods": [METHOD, {"delivery_method_name": "no id"}]}, [36010302050]),  # a malformed one is skipped
    ({"methods": [{**METHOD, "errors": None, "carriages": None}]}, [36010302050]),
    ({"methods": [{**METHOD, "departure_date": "2026-12-04T00:00:00Z"}]}, [36010302050]),
])
def test_method_lists_of_every_shape(body, ids):
    methods, _, _ = parse_carriage_methods(body, "/v2/carriage/delivery/list")
    assert [m.delivery_method_id for m in methods] == ids


def test_errors_may_come_as_codes_or_an_object():
    methods, _, _ = parse_carriage_methods({"methods": [{**METHOD, "errors": ["not_packaged"]}]}, "x")
    assert methods[0].errors[0].code == "not_packaged"
    methods, _, _ = parse_carriage_methods({"methods": [{**METHOD, "errors": {"code": "has_overflow"}}]}, "x")
    assert methods[0].errors[0].code == "has_overflow"


@pytest.mark.parametrize("value,day", [("2026-12-04", date(2026, 12, 4)), ("2026-12-04T21:00:00Z", date(2026, 12, 4)),
                                       ("2026-12-04T23:30:00-03:00", date(2026, 12, 5)), ("", None), (None, None)])
def test_departure_days(value, day):
    assert parse_day(value) == day


@pytest.mark.parametrize("value", ["04.12.2026", 20261204, "2026-13-01"])
def test_a_departure_day_that_is_none(value):
    with pytest.raises(ParseError):
        parse_day(value)


@pytest.mark.parametrize("body,carriage_id", [({"carriage_id": 69394001}, 69394001),
                                              ({"carriage_id": "69394001"}, 69394001),
                                              ({"result": {"carriage_id": 7}}, 7)])
def test_the_created_carriage(body, carriage_id):
    assert parse_carriage_id(body) == carriage_id


@pytest.mark.parametrize("body", [{}, {"carriage_id": 0}, {"carriage_id": None}, [], {"carriage_id": "x"}])
def test_a_create_answer_without_a_carriage_is_refused(body):
    with pytest.raises(ParseError):
        parse_carriage_id(body)


def test_a_carriage():
    carriage = parse_carriage({"carriage_id": 9, "status": "formed", "delivery_method_id": "5",
                               "departure_date": "2026-12-04", "available_actions": ["get_shipping_list"],
                               "cancel_availability": {"is_cancel_available": False, "reason": "approved"},
                               "has_postings_for_next_carriage": True, "is_partial": True})
    assert (carriage.carriage_id, carriage.status, carriage.delivery_method_id) == (9, "formed", 5)
    assert carriage.available_actions == ("get_shipping_list",) and not carriage.cancel_available
    assert carriage.cancel_reason == "approved" and carriage.has_postings_for_next_carriage and carriage.is_partial
    bare = parse_carriage({"carriage_id": 9, "status": "new", "cancel_availability": None})
    assert (bare.cancel_available, bare.cancel_reason, bare.available_actions) == (False, "", ())


@pytest.mark.parametrize("body,added,removed", [
    ({"result": {"status": "ready", "added_to_act": ["1-1-1"], "removed_from_act": ["2-2-2"]}}, ("1-1-1",), ("2-2-2",)),
    ({"result": {"status": "in_process", "added_to_act": None}}, (), ()),
    ({"status": "ready", "added_to_act": ["1-1-1", ""]}, ("1-1-1",), ()),
])
def test_the_act_status(body, added, removed):
    act = parse_act_status(body)
    assert (act.added_to_act, act.removed_from_act) == (added, removed)


def test_an_act_status_without_a_status_is_refused():
    with pytest.raises(ParseError):
        parse_act_status({"result": {"added_to_act": []}})


@pytest.mark.parametrize("item,ok,error", [
    ({"posting_number": "1-1-1", "result": True, "error": ""}, True, ""),          # the 2025 spec
    ({"posting_number": "1-1-1", "result": True, "error": []}, True, ""),          # 2026 examples
    ({"posting_number": "1-1-1", "result": True}, True, ""),
    ({"posting_number": "1-1-1", "result": False, "error": "TRANSITION_IS_NOT_POSSIBLE"}, False,
     "TRANSITION_IS_NOT_POSSIBLE"),
    ({"posting_number": "1-1-1", "result": False, "error": ["HAS_INCORRECT_TPL_INTEGRATION_TYPE"]}, False,
     "HAS_INCORRECT_TPL_INTEGRATION_TYPE"),
    ({"posting_number": "1-1-1", "result": False, "error": [{"code": "X_Y", "message": "m"}]}, False, "X_Y"),
    ({"posting_number": "1-1-1", "result": False, "error": []}, False, "refused without a reason"),
    ({"posting_number": "1-1-1", "result": True, "error": "POSTING_NOT_FOUND"}, False, "POSTING_NOT_FOUND"),
])
def test_each_postings_answer_in_a_200(item, ok, error):
    assert parse_posting_answers({"result": [item]}, ["1-1-1"]) == [PostingAnswer("1-1-1", ok, error)]


def test_a_posting_sent_and_not_answered_is_no_success():
    answers = parse_posting_answers({"result": [{"posting_number": "1-1-1", "result": True, "error": []}]},
                                    ["1-1-1", "2-2-2"])
    assert answers == [PostingAnswer("1-1-1", True), PostingAnswer("2-2-2", False, "no answer for this posting")]


@pytest.mark.parametrize("body", [{"result": "ok"}, {"result": [1]}, "x"])
def test_answers_of_another_shape_are_refused(body):
    with pytest.raises(ParseError):
        parse_posting_answers(body, ["1-1-1"])


def test_the_barcode_text_and_a_yes_or_no():
    assert parse_barcode_text({"result": " %303%69394001 "}) == "%303%69394001"
    assert parse_bool_result({"result": True}) is True and parse_bool_result({"result": False}) is False
    for bad in ({"result": ""}, {}, {"result": 5}):
        with pytest.raises(ParseError):
            parse_barcode_text(bad)
    with pytest.raises(ParseError):
        parse_bool_result({"result": "true"})
