"""Replay script lines (``app.cli.replay_script.parse_event``): every line is an event or a problem
said for that line, and what is echoed back is JSON again (each output line echoes its event)."""
from __future__ import annotations

import json

import pytest

from app.cli.replay_script import MAX_WAIT_S, parse_event

BIG = "1" + "0" * 400  # an integer no float holds


@pytest.mark.parametrize("line, kind, value", [
    ('{"scan": "4601234567890"}', "scan", "4601234567890"),
    ('{"scan": "010460123456789021abc\\u001d91EE07"}', "scan", "010460123456789021abc\x1d91EE07"),
    ('{"weight_g": 742}', "weight_g", 742.0),
    ('{"weight_g": 742.5}', "weight_g", 742.5),
    ('  {"wait_s": 0}  ', "wait_s", 0.0),
    (f'{{"wait_s": {MAX_WAIT_S:g}}}', "wait_s", MAX_WAIT_S),
])
def test_an_event(line, kind, value):
    event = parse_event(3, line)
    assert (event.line, event.kind, event.value, event.problem) == (3, kind, value, None)


@pytest.mark.parametrize("line, problem", [
    ("not json", "not JSON (Expecting value)"),
    ('{"weight_g": NaN}', "not JSON (NaN is not a JSON value)"),
    ('{"weight_g": Infinity}', "not JSON (Infinity is not a JSON value)"),
    ('{"weight_g": -Infinity}', "not JSON (-Infinity is not a JSON value)"),
    ('{"weight_g": 1e400}', "not JSON (the number 1e400 is out of range)"),
    (f'{{"weight_g": {BIG}}}', "weight_g must be a number"),
    ('{"weight_g": "742"}', "weight_g must be a number"),
    ('{"weight_g": true}', "weight_g must be a number"),
    ('{"wait_s": -1}', "wait_s must be between 0 and 3600"),
    (f'{{"wait_s": {MAX_WAIT_S + 1:g}}}', "wait_s must be between 0 and 3600"),
    ('{"scan": 5}', "scan must be text"),
    ('{"scan": "a", "wait_s": 1}', "needs exactly one of scan, weight_g, wait_s"),
    ('{"foo": 1}', "needs exactly one of scan, weight_g, wait_s"),
    ("[1, 2]", "not a JSON object"),
])
def test_a_line_that_is_no_event_says_why_and_echoes_as_json(line, problem):
    event = parse_event(7, line)
    assert (event.kind, event.problem) == (None, problem)
    echoed = json.dumps(event.raw, ensure_ascii=False)
    json.loads(echoed, parse_constant=lambda name: pytest.fail(f"{name} echoed: not JSON"))
