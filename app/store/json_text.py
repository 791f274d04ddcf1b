"""The text of the cache's JSON columns (SQLite), as ``json.dumps`` writes it and ``json.loads`` reads it.

A scan writes three JSON values (its event lines' data, the station's held error) and reads about four
(the station's row, the posting's requirements on each of its lines). Through ``json.dumps`` and
``json.loads`` each is a chain of Python calls around the C encoder or scanner: 2.7 and 1.5 µs a value on
2 cores at 2.6 GHz. Here the C encoder is made once and the decoder's ``raw_decode`` reads a stored value
straight: 1.5 and 0.6 µs. The text is the same as ``json``'s (``tests/test_store_json_text.py``);
where Python has no C encoder, ``json.dumps`` itself. Not checked for circular references: a column's
value is a plain list or dict (a cycle would fail with ``RecursionError`` instead of ``ValueError``).
"""
from __future__ import annotations

import json
from json import encoder as _encoder
from typing import Any

_RAW_DECODE = json.JSONDecoder().raw_decode


def _not_json(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# json.dumps' defaults: ASCII only, ": " and ", ", keys as given, NaN allowed
_ENCODE = (None if _encoder.c_make_encoder is None else _encoder.c_make_encoder(
    None, _not_json, _encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True))


def dumps(value: Any) -> str:
    """``json.dumps(value)``."""
    if _ENCODE is None:
        return json.dumps(value)
    return "".join(_ENCODE(value, 0))


def loads(text: str) -> Any:
    """``json.loads(text)``: the value the text holds; text around it is ``json.loads``' to judge."""
    try:
        value, end = _RAW_DECODE(text)
    except (ValueError, TypeError):  # whitespace before it, bytes, or no JSON: json.loads says which
        return json.loads(text)
    return value if end == len(text) else json.loads(text)
