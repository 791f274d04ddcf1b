"""A label that did not print: what went wrong and what to do, in the packer's language, for every
way a printer fails (and the printer's own words after them)."""
from __future__ import annotations

import pytest

from app.devices.printers.errors import KINDS
from app.messages.devices import print_failed_text
from app.services.labels.printing import ELSEWHERE_KIND, MISSING_KIND, RENDER_KIND


@pytest.mark.parametrize("kind", [*KINDS, RENDER_KIND, MISSING_KIND, ELSEWHERE_KIND, None])
@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_every_way_a_label_fails_is_said_with_a_way_forward(kind, lang):
    said = print_failed_text("1-1-1", kind, "printer 10.0.0.7: paper out", lang)
    assert "1-1-1" in said
    assert said.endswith("(printer 10.0.0.7: paper out)" if lang == "ru" else "（printer 10.0.0.7: paper out）")
    assert (kind or "failed") not in said.replace("printer 10.0.0.7: paper out", "")  # no code shown


def test_out_of_labels_says_to_put_in_a_roll():
    assert print_failed_text("1-1-1", "no_paper", None, "ru") == (
        "Этикетка 1-1-1 не напечатана: кончились этикетки. Вставьте новый рулон этикеток и напечатайте снова: "
        "Очереди → Ошибки печати. (-)")
