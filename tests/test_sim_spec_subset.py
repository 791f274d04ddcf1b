"""The copy of Ozon's spec the simulator tests fall back on is faithful to the full spec."""
from __future__ import annotations

import json

import pytest

from app.sim.ozon.handlers import ROUTES
from sim_helpers import FULL_SPEC, SUBSET_SPEC


def test_the_subset_holds_the_spec_paths_and_schemas_unchanged():
    if not FULL_SPEC.exists():
        pytest.skip(f"the full spec is not beside the repo ({FULL_SPEC})")
    full = json.loads(FULL_SPEC.read_text(encoding="utf-8"))
    subset = json.loads(SUBSET_SPEC.read_text(encoding="utf-8"))
    for path, item in subset["paths"].items():
        operation = full["paths"][path]["post"]
        assert item["post"] == {"requestBody": operation.get("requestBody"), "responses": operation["responses"]}
    for name, schema in subset["components"]["schemas"].items():
        assert full["components"]["schemas"][name] == schema, name
    served_in_spec = {path for path in ROUTES if path in full["paths"]}
    assert served_in_spec == set(subset["paths"])


def test_the_subset_is_closed_under_references():
    subset = SUBSET_SPEC.read_text(encoding="utf-8")
    names = set(json.loads(subset)["components"]["schemas"])
    import re

    referenced = set(re.findall(r'"#/components/schemas/([^"]+)"', subset))
    assert referenced <= names
