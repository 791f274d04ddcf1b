"""Posting statuses are named in one module (app/statuses.py); nothing else spells them.

The rule that moves local states is checked against the store's SQL rendering of it in
tests/test_store_postings.py (every local state under every Ozon status, SQLite and PostgreSQL).
"""
import ast
import json
from itertools import combinations
from pathlib import Path

import pytest

from app import statuses as st

APP = Path(__file__).resolve().parent.parent / "app"
SETS = {"before packing": st.BEFORE_PACKING_STATUSES, "packable": st.PACKABLE_STATUSES,
        "shipped": st.SHIPPED_STATUSES, "handed over": st.HANDED_OVER_STATUSES, "cancelled": st.CANCELLED_STATUSES}
# the simulator is Ozon's side of the wire; migrations keep the words of their day
NOT_CHECKED = ("sim", "migrations")


def test_each_ozon_status_is_in_exactly_one_set():
    assert set().union(*SETS.values()) == set(st.OZON_STATUSES)
    for (a, first), (b, second) in combinations(SETS.items(), 2):
        assert not first & second, f"{sorted(first & second)} are both {a} and {b}"
    assert len(st.OZON_STATUSES) == len(set(st.OZON_STATUSES)) == 15  # the spec's 14 and awaiting_verification


def test_a_dispute_after_the_hand_over_is_not_a_cancellation():
    """ozon-after-ship.md §8: not_accepted → arbitration → back to awaiting_deliver, never cancelled."""
    assert {st.NOT_ACCEPTED, st.ARBITRATION, st.CLIENT_ARBITRATION} <= st.HANDED_OVER_STATUSES
    assert st.derive_local_state(st.LocalState.LABELLED, st.NOT_ACCEPTED) == "handed_over"


def test_local_states_are_the_words_of_the_contract():
    """CONTRACT.md "Listing rules": the same words in the database and in ``postings --json``."""
    assert [str(s) for s in st.LOCAL_STATES] == [
        "waiting", "in_progress", "packed", "shipped", "labelled", "handed_over", "problem", "cancelled"]
    assert json.dumps({"local_state": st.LocalState.HANDED_OVER}) == '{"local_state": "handed_over"}'
    assert f"{st.LocalState.IN_PROGRESS}" == "in_progress"


@pytest.mark.parametrize("old", st.LOCAL_STATES)
def test_an_unknown_ozon_status_leaves_the_local_state_alone(old):
    assert st.derive_local_state(old, "a_status_ozon_adds_tomorrow") == old


def _checked_files():
    for path in sorted(APP.rglob("*.py")):
        parts = path.relative_to(APP).parts
        if path.name != "statuses.py" and not set(parts) & set(NOT_CHECKED):
            yield path


def _words(node) -> list[str]:
    elements = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def _is_state_field(node) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
    return name in ("status", "local_state", "local_states")


def test_no_module_spells_a_status_itself():
    """A comparison or an argument with a status word, or an Ozon status anywhere, outside
    app/statuses.py is how the copies drifted apart: use the module's names."""
    words = set(st.OZON_STATUSES) | set(st.LOCAL_STATES)
    distinctive = set(st.OZON_STATUSES) - {"cancelled", "delivered", "delivering", "arbitration"}
    found = []
    for path in _checked_files():
        where = path.relative_to(APP)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in distinctive:
                found.append(f"{where}:{node.lineno}: {node.value!r}")
            elif isinstance(node, ast.Compare) and any(map(_is_state_field, [node.left, *node.comparators])):
                found += [f"{where}:{node.lineno}: {w!r}" for side in [node.left, *node.comparators]
                          for w in _words(side) if w in words]
            elif isinstance(node, ast.keyword) and node.arg in ("status", "local_state", "local_states"):
                found += [f"{where}:{node.lineno}: {w!r}" for w in _words(node.value) if w in words]
    assert not found, "use app.statuses:\n" + "\n".join(found)


@pytest.mark.parametrize(("cancellation_type", "by"), [
    ("client", "buyer"), ("customer", "buyer"), ("Customer ", "buyer"), ("seller", "seller"), ("ozon", "ozon"),
    ("system", "system"), ("delivery", "delivery"), ("", None), (None, None), ("marketplace", None),
])
def test_who_cancelled_is_read_from_ozons_cancellation_type(cancellation_type, by):
    assert st.cancelled_by(cancellation_type) == by
    assert by is None or by in st.CANCELLED_BY
