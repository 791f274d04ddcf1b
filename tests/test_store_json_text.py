"""The cache's JSON text (``app.store.json_text``) is json's, written and read, and the engines use it."""
from __future__ import annotations

import json
import math
from datetime import datetime

import pytest
from sqlalchemy import select

from app.store import default_sqlite_url, json_text, open_database
from app.store.events import append_event
from app.store.models import EventRow

VALUES = [
    {},
    [],
    {"product": "Набор отвёрток 24 предмета", "sku": 100000639, "counted": 1, "box": 1, "layout": True},
    {"nested": {"list": [1, 2.5, None, False, "é", "中文"], "empty": {}},
     "quote": 'a"b\\c\n'},
    {"products_requiring_mandatory_mark": ["123", "456"], "products_requiring_gtd": []},
    {1: "an int key", "2": 2},
    [1e300, -0.0, 0.1, 12345678901234567890],
    "plain text",
    42,
    None,
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_the_text_is_json_dumps_text_and_reads_back_as_json_loads_does(value):
    text = json_text.dumps(value)
    assert text == json.dumps(value)
    assert json_text.loads(text) == json.loads(text)


@pytest.mark.parametrize("text", [" {}", "{} ", '\n{"a": 1}\n', "[1, 2]  "], ids=repr)
def test_text_with_whitespace_around_it_reads_as_json_reads_it(text):
    assert json_text.loads(text) == json.loads(text)


@pytest.mark.parametrize("text", ["", "{", "{} x", "nul"], ids=repr)
def test_text_that_is_no_json_is_refused_as_json_refuses_it(text):
    with pytest.raises(json.JSONDecodeError):
        json_text.loads(text)


def test_nan_is_written_as_json_writes_it():
    assert json_text.dumps([math.nan, math.inf]) == json.dumps([math.nan, math.inf]) == "[NaN, Infinity]"


def test_a_value_json_cannot_write_is_refused_with_a_type_error():
    with pytest.raises(TypeError, match="set is not JSON serializable"):
        json_text.dumps({"skus": {1, 2}})


def test_the_cache_writes_and_reads_its_json_columns_with_it(tmp_path, monkeypatch):
    """Both the writer lane's engine and the readers' go through dumps and loads."""
    encode, decode = json_text._ENCODE, json_text._RAW_DECODE
    written, read = [], []
    monkeypatch.setattr(json_text, "_ENCODE", lambda value, level: written.append(value) or encode(value, level))
    monkeypatch.setattr(json_text, "_RAW_DECODE", lambda text: read.append(text) or decode(text))
    db = open_database(default_sqlite_url(tmp_path))
    data = {"sku": 1, "product": "Полотенце"}
    try:
        db.call(append_event, kind="item_accepted", station="s1", data=data, now=datetime(2026, 1, 2, 3, 4, 5))
        with db.read() as session:
            assert session.execute(select(EventRow.data)).scalar_one() == data
    finally:
        db.close()
    assert data in written
    assert json.dumps(data) in read
