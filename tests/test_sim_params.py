"""Simulator: reading request fields the way Ozon's gateway does (pure functions)."""
from __future__ import annotations

import pytest

from app.sim.ozon.errors import ApiError
from app.sim.ozon.handlers.postings import decode_cursor, encode_cursor
from app.sim.ozon.params import Fields, parse_time


@pytest.mark.parametrize("text, expected", [
    ("2026-09-21T14:13:20Z", 1_790_000_000.0),
    ("2026-09-21T14:13:20.500Z", 1_790_000_000.5),
    ("2026-09-21T17:13:20+03:00", 1_790_000_000.0),
    ("2026-09-21T14:13:20", None),  # no zone
    ("2026-09-21", None),
    ("yesterday", None),
    (1_790_000_000, None),
    (None, None),
])
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("value, expected", [(5, 5), ("5", 5), ("-2", -2), ("12345678901", 12345678901)])
def test_integers_come_as_numbers_or_decimal_strings(value, expected):
    assert Fields({"limit": value}, "Req").integer("limit") == expected


@pytest.mark.parametrize("value", [True, 1.5, "1.5", "five", [], {}])
def test_other_integers_are_invalid_arguments(value):
    with pytest.raises(ApiError) as caught:
        Fields({"limit": value}, "Req").integer("limit")
    assert caught.value.http_status == 400 and caught.value.code == 3
    assert caught.value.message.startswith("invalid Req.Limit:")


@pytest.mark.parametrize("data, call, message", [
    ({}, lambda f: f.integer("limit", required=True, low=1, high=100),
     "invalid Req.Limit: value must be inside range [1, 100]"),
    ({"limit": 101}, lambda f: f.integer("limit", low=1, high=100),
     "invalid Req.Limit: value must be inside range [1, 100]"),
    ({}, lambda f: f.string("posting_number", required=True),
     "invalid Req.PostingNumber: value length must be at least 1 runes"),
    ({"filter": []}, lambda f: f.obj("filter"), "invalid Req.Filter: value must be an object"),
    ({"filter": {"since": "x"}}, lambda f: f.obj("filter").time("since"),
     "invalid Req.Filter.Since: invalid value for google.protobuf.Timestamp type: 'x'"),
    ({"ids": [1, "a"]}, lambda f: f.int_list("ids"), "invalid Req.Ids: invalid value for int64 type: 'a'"),
    ({"ids": "1"}, lambda f: f.int_list("ids"), "invalid Req.Ids: invalid value for repeated int64 type: '1'"),
    ({"flag": "yes"}, lambda f: f.obj("with").boolean("flag") or f.boolean("flag"),
     "invalid Req.Flag: invalid value for bool type: 'yes'"),
])
def test_validation_messages_name_the_field(data, call, message):
    with pytest.raises(ApiError) as caught:
        call(Fields(data, "Req"))
    assert caught.value.message == message


@pytest.mark.parametrize("cursor", ["", "%%%", "bm90IGpzb24=", "WzFd", "eyJhIjogMX0="])
def test_garbage_cursors_decode_to_nothing(cursor):
    assert decode_cursor(cursor) is None


def test_cursors_round_trip():
    assert decode_cursor(encode_cursor((1_790_000_000.0, "12345678-0001-1"))) == (1_790_000_000.0, "12345678-0001-1")
