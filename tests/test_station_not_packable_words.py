"""What the packer reads when a posting cannot be packed because it is packed already: by which
bench, or that none of ours did it (never "station )" with the name left empty)."""
import pytest

from app.services.station.results import StationResult


@pytest.mark.parametrize("holder, lang, said", [
    ("bench-2", "en", "Posting 1-1-1 is already packed (shipped, station bench-2)."),
    ("", "en", "Posting 1-1-1 is already packed (shipped), not at a packdesk bench (in Ozon's seller office, perhaps)."),
    (None, "ru", "Отправление 1-1-1 уже упаковано (shipped), и не на месте упаковки packdesk (возможно, в личном "
                 "кабинете Ozon)."),
    ("", "zh", "货件 1-1-1 已打包（shipped），不是在 packdesk 工作台上（可能是在 Ozon 卖家后台）。"),
])
def test_already_packed_says_by_which_bench_or_that_none_of_ours(holder, lang, said):
    data = {"reason": "packed", "detail": "shipped", **({} if holder is None else {"holder": holder})}
    assert StationResult(False, "posting_not_packable", "1-1-1", "error", data).message(lang) == said
