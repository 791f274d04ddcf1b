"""Reading request fields the way Ozon's gateway does, with its style of error messages.

int64 fields may come as JSON numbers or as decimal strings (proto3 JSON); anything else is a
400 INVALID_ARGUMENT. Validation messages follow protoc-gen-validate, which Ozon uses:
``invalid GetFbsPostingRequest.PostingNumber: value length must be at least 1 runes``.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from app.sim.ozon.errors import invalid


def _camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _where(request: str, field: str) -> str:
    return f"invalid {request}.{'.'.join(_camel(p) for p in field.split('.'))}"


class Fields:
    """Typed access to one JSON object of a request, named for error messages."""

    def __init__(self, data: Any, request: str, prefix: str = ""):
        if not isinstance(data, dict):
            raise invalid(f"{_where(request, prefix or 'body')}: value must be an object")
        self.data = data
        self.request = request
        self.prefix = prefix

    def _name(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def error(self, key: str, reason: str):
        return invalid(f"{_where(self.request, self._name(key))}: {reason}")

    def has(self, key: str) -> bool:
        return self.data.get(key) not in (None, "", [])

    def obj(self, key: str, *, required: bool = False) -> "Fields":
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(key, "value is required")
            value = {}
        if not isinstance(value, dict):
            raise self.error(key, "value must be an object")
        return Fields(value, self.request, self._name(key))

    def string(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                raise self.error(key, "value length must be at least 1 runes")
            return default
        if not isinstance(value, str):
            raise self.error(key, f"invalid value for string type: {value!r}")
        return value

    def boolean(self, key: str) -> bool:
        value = self.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.error(key, f"invalid value for bool type: {value!r}")
        return value

    def integer(self, key: str, *, required: bool = False, default: int | None = None,
                low: int | None = None, high: int | None = None) -> int | None:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                raise self.error(key, _range_text(low, high))
            return default
        number = _int64(value)
        if number is None:
            raise self.error(key, f"invalid value for int64 type: {value!r}")
        if (low is not None and number < low) or (high is not None and number > high):
            raise self.error(key, _range_text(low, high))
        return number

    def int_list(self, key: str, *, max_items: int | None = None) -> list[int]:
        return self._list(key, _int64, "int64", max_items)

    def str_list(self, key: str, *, max_items: int | None = None) -> list[str]:
        return self._list(key, lambda v: v if isinstance(v, str) else None, "string", max_items)

    def _list(self, key: str, parse: Callable[[Any], Any], kind: str, max_items: int | None) -> list:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, f"invalid value for repeated {kind} type: {value!r}")
        if max_items is not None and len(value) > max_items:
            raise self.error(key, f"value must contain no more than {max_items} item(s)")
        items = []
        for item in value:
            parsed = parse(item)
            if parsed is None:
                raise self.error(key, f"invalid value for {kind} type: {item!r}")
            items.append(parsed)
        return items

    def time(self, key: str, *, required: bool = False) -> float | None:
        """An RFC 3339 date-time as epoch seconds."""
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                raise self.error(key, "value is required")
            return None
        parsed = parse_time(value)
        if parsed is None:
            raise self.error(key, f"invalid value for google.protobuf.Timestamp type: {value!r}")
        return parsed


def parse_time(value: Any) -> float | None:
    if not isinstance(value, str) or "T" not in value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.timestamp()


def _int64(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


def _range_text(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"value must be inside range [{low}, {high}]"
    if low is not None:
        return f"value must be greater than or equal to {low}"
    if high is not None:
        return f"value must be less than or equal to {high}"
    return "value is required"
