"""Shared pieces of the Ozon simulator tests: spec validation, a fake clock, an HTTP client.

Every request body the tests send and every JSON answer of an endpoint that exists in Ozon's
OpenAPI spec is validated against the spec's schemas (jsonschema + referencing, the whole spec
as one resource). The spec is read from shared/reference/ozon-seller-openapi.json beside the
repo when present, else from tests/data/ozon_openapi_subset.json (the same paths and schemas,
copied unchanged; test_sim_spec_subset checks the copy against the full spec).

Adjustments to Ozon's OpenAPI 3.0 schemas, all deliberate:
- a few invalid ``type`` values in the spec ("int64", "int", "timestamp", "array of strings")
  are read as the JSON types they mean;
- properties that are not ``required`` may be ``null``: Ozon's gateway emits proto3 JSON, where
  an unset message field is ``null``; the spec marks almost nothing ``nullable``;
- strict mode forbids properties the spec does not declare (typos would slip through
  otherwise), except names listed in ``allow_extra`` (documented 2026 additions).
"""
from __future__ import annotations

import copy
import functools
import json
import threading
import typing
from pathlib import Path

import pytest
import requests
from jsonschema import Draft4Validator
from pydantic import BaseModel
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from app.sim.ozon import OzonSimulator, WorldConfig

REPO = Path(__file__).resolve().parent.parent
FULL_SPEC = REPO.parent / "shared" / "reference" / "ozon-seller-openapi.json"
SUBSET_SPEC = Path(__file__).resolve().parent / "data" / "ozon_openapi_subset.json"
SPEC_URI = "urn:ozon-seller-openapi"
T0 = 1_790_000_000.0  # 2026-09-21T14:13:20Z: the fake clock's start
AUTH = {"Client-Id": "100000", "Api-Key": "demo-key"}
# Fields the simulator answers beyond the 2025 spec (and the 2026-07 pydantic models), as documented
# for 2026 (ozon-api-notes §0, §00): the key's expiry; postings' ``scanit`` (2026-09).
# create-or-get's ``has_imei`` (ozon-after-ship §4).
ALLOW_EXTRA = frozenset({"expires_at", "scanit", "has_imei"})

_TYPE_FIXES = {"int64": "integer", "int": "integer", "timestamp": "string"}


def _schema(node, allow_extra: frozenset[str], strict: bool):
    """One schema with the adjustments described in the module docstring."""
    if not isinstance(node, dict):
        return node
    node = dict(node)
    kind = node.get("type")
    if kind in _TYPE_FIXES:
        node["type"] = _TYPE_FIXES[kind]
    elif kind == "array of strings":
        node["type"] = "array"
        node.setdefault("items", {"type": "string"})
    if isinstance(node.get("items"), dict):
        node["items"] = _schema(node["items"], allow_extra, strict)
    for key in ("allOf", "anyOf", "oneOf"):
        if key in node:
            node[key] = [_schema(item, allow_extra, strict) for item in node[key]]
    if isinstance(node.get("properties"), dict):
        required = set(node.get("required", ()))
        properties = {}
        for name, sub in node["properties"].items():
            sub = _schema(sub, allow_extra, strict)
            properties[name] = sub if name in required else {"anyOf": [sub, {"type": "null"}]}
        for name in allow_extra:
            properties.setdefault(name, {})
        node["properties"] = properties
        if strict and "additionalProperties" not in node:
            node["additionalProperties"] = False
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    return node


@functools.lru_cache(maxsize=None)
def raw_spec() -> dict:
    path = FULL_SPEC if FULL_SPEC.exists() else SUBSET_SPEC
    return json.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def _registry(strict: bool) -> Registry:
    spec = copy.copy(raw_spec())
    schemas = {name: _schema(schema, ALLOW_EXTRA, strict)
               for name, schema in spec["components"]["schemas"].items()}
    spec["components"] = {**spec["components"], "schemas": schemas}
    return Registry().with_resource(SPEC_URI, Resource(contents=spec, specification=DRAFT4))


def spec_paths() -> set[str]:
    return set(raw_spec()["paths"])


def _ref(path: str, status: int | None) -> str | None:
    """The schema name of a path's request body (status None) or of its answer to ``status``."""
    operation = raw_spec()["paths"][path]["post"]
    if status is None:
        schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    else:
        answer = operation["responses"].get(str(status)) or operation["responses"].get("default")
        schema = (answer or {}).get("content", {}).get("application/json", {}).get("schema")
    return schema["$ref"] if schema else None


def validate(path: str, body, status: int | None = None, *, strict: bool = True) -> None:
    """Raise jsonschema.ValidationError unless ``body`` fits the spec (request if status is None)."""
    ref = _ref(path, status)
    if ref is None and status == 200 and body == {}:
        return  # an answer the spec describes without a body ("request processed"): the simulator sends {}
    if ref is None:
        raise AssertionError(f"the spec has no JSON schema for {path} {status or 'request'}")
    Draft4Validator({"$ref": SPEC_URI + ref}, registry=_registry(strict)).validate(body)


# ----------------------------------------------------------------- pydantic oracle (v4 lists)

def assert_fits_model(data, model: type[BaseModel], where: str = "$") -> None:
    """Parse ``data`` with an ozonapi-async model and insist every key is a field of it."""
    model.model_validate(data)
    _no_unknown_keys(data, model, where)


def _no_unknown_keys(data, annotation, where: str) -> None:
    if data is None:
        return
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                _no_unknown_keys(data, arg, where)
        return
    if origin is list:
        (item,) = typing.get_args(annotation)
        for index, value in enumerate(data):
            _no_unknown_keys(value, item, f"{where}[{index}]")
        return
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = {(f.alias or name): f for name, f in annotation.model_fields.items()}
        unknown = set(data) - set(fields) - ALLOW_EXTRA
        assert not unknown, f"{where}: not in {annotation.__name__}: {sorted(unknown)}"
        for key, value in data.items():
            if key in fields:
                _no_unknown_keys(value, fields[key].annotation, f"{where}.{key}")


# ----------------------------------------------------------------- clock and client

class FakeClock:
    """Epoch seconds that move only when told to."""

    def __init__(self, start: float = T0):
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds


class Api:
    """A requests session to the simulator that checks bodies against the spec."""

    def __init__(self, base_url: str, headers: dict[str, str] | None = None):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers.update(AUTH if headers is None else headers)

    def post(self, path: str, body, *, status: int = 200, check_request: bool = True,
             headers: dict[str, str] | None = None) -> requests.Response:
        if check_request and path in spec_paths():
            validate(path, body)
        response = self.session.post(self.base_url + path, json=body, headers=headers, timeout=10)
        assert response.status_code == status, f"{path}: {response.status_code} {response.text[:500]}"
        if path in spec_paths() and response.headers.get("Content-Type", "").startswith("application/json"):
            validate(path, response.json(), response.status_code)
        return response

    def json(self, path: str, body, *, status: int = 200, **kwargs) -> dict:
        return self.post(path, body, status=status, **kwargs).json()

    def control(self, method: str, path: str, body: dict | None = None, status: int = 200) -> dict:
        response = self.session.request(method, self.base_url + path, json=body, timeout=10)
        assert response.status_code == status, response.text
        return response.json()

    def close(self) -> None:
        self.session.close()


def unmarked(world, numbers) -> list[str]:
    """The postings among ``numbers`` whose products need no marking code: Ozon (and the simulator)
    ships the others only once their codes are accepted (test_sim_exemplars)."""
    return [n for n in numbers if not world.exemplars.needs_exemplars(world.peek(n))]


def window(days_back: float = 30, days_ahead: float = 30, t0: float = T0) -> dict:
    """A cutoff window (filter of the unfulfilled list) around ``t0``."""
    iso = "%Y-%m-%dT%H:%M:%SZ"
    import time as _time
    return {"cutoff_from": _time.strftime(iso, _time.gmtime(t0 - days_back * 86_400)),
            "cutoff_to": _time.strftime(iso, _time.gmtime(t0 + days_ahead * 86_400))}


def ship_body(posting, packages: list[list[tuple[int, int]]] | None = None) -> dict:
    """A /v4/posting/fbs/ship body: one package with every line, unless packages are given."""
    if packages is None:
        packages = [[(line.sku, line.quantity) for line in posting.lines]]
    return {
        "posting_number": posting.posting_number,
        "packages": [{"products": [{"product_id": sku, "quantity": qty} for sku, qty in package]}
                     for package in packages],
    }


# ----------------------------------------------------------------- fixtures

@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sim(clock):
    """40 postings, seed 5, a fake clock (advance it to let ships and labels take effect)."""
    with OzonSimulator(WorldConfig(postings=40, seed=5), clock=clock) as simulator:
        yield simulator


@pytest.fixture
def api(sim):
    client = Api(sim.base_url)
    yield client
    client.close()
