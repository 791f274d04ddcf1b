"""The complete exemplar set built from the counted units (pure, table-driven): each unit gets its
exemplar id and exactly what create-or-get says it needs, or a refusal naming it."""
from __future__ import annotations

import pytest

from app.services.marks.exemplar_set import build
from app.services.ozon.exemplars import ExemplarNeeds, ExemplarSheet
from app.store.marks import Unit

CODE = "0104600000000017215abcdefghijkl\x1d91EE07\x1d92" + "A" * 44
IMEI = "490154203237518"
GTD, RNPT = "10714040/140917/0090376", "10714040/140917/0090376/001"


def sheet(**needs) -> ExemplarSheet:
    return ExemplarSheet("1-1-1", 1, (ExemplarNeeds(sku=7, quantity=1, exemplar_ids=(501,), **needs),))


@pytest.mark.parametrize("needs,unit,legal,exemplar,refused", [
    ({"mark_needed": True}, (CODE, None), False, {"marks": [{"mark": CODE, "mark_type": "mandatory_mark"}]}, ()),
    ({"jw_uin_needed": True}, ("UIN-1", None), False, {"marks": [{"mark": "UIN-1", "mark_type": "jw_uin"}]}, ()),
    ({"imei_needed": True}, (IMEI, None), False, {"marks": [{"mark": IMEI, "mark_type": "imei"}]}, ()),
    ({"imei_needed": True}, (None, None), False, {}, ("no_mark",)),
    ({"mark_needed": False}, (CODE, None), False, {}, ()),  # a code kept at the bench, never sent: no REDUNDANT
    ({"gtd_needed": True}, (None, None), False, {"is_gtd_absent": True}, ()),
    ({"rnpt_needed": True}, (None, None), False, {"is_rnpt_absent": True}, ()),
    ({"gtd_needed": True}, (None, None), True, {}, ("gtd_for_legal_buyer",)),
    ({"rnpt_needed": True}, (None, None), True, {}, ("rnpt_for_legal_buyer",)),
    ({"gtd_needed": True}, (None, None, GTD, None), True, {"gtd": GTD}, ()),  # scanned at the bench
    ({"rnpt_needed": True}, (None, None, None, RNPT), True, {"rnpt": RNPT}, ()),
    ({"gtd_needed": True}, (None, None, GTD, None), False, {"is_gtd_absent": True}, ()),  # a person: never sent
    ({"weight_needed": True, "weight_min": 200.0, "weight_max": 400.0}, (None, 312.0), False, {"weight": 312.0}, ()),
    ({"weight_needed": True, "weight_min": 200.0, "weight_max": 400.0}, (None, 401.0), False, {},
     ("weight_out_of_range",)),
    ({"weight_needed": True}, (None, None), False, {}, ("weight_missing",)),
])
def test_each_unit_gets_what_its_product_needs(needs, unit, legal, exemplar, refused):
    mark, grams, gtd, rnpt = (*unit, None, None)[:4]
    built = build(sheet(**needs), [Unit(id=3, line_no=1, sku=7, mark=mark, weight_g=grams, gtd=gtd, rnpt=rnpt)],
                  legal_buyer=legal)
    assert built.products == [{"product_id": 7, "exemplars": [{"exemplar_id": 501, **exemplar}]}]
    assert [r.codes for r in built.refusals] == ([refused] if refused else [])
    if refused:
        assert (built.refusals[0].unit_id, built.refusals[0].nth, built.refusals[0].of) == (3, 1, 1)


def test_a_count_other_than_ozons_is_refused_for_the_product():
    built = build(sheet(mark_needed=True), [])
    assert built.products == [] and [r.codes for r in built.refusals] == [("count_differs",)]
