"""Marking codes at the bench: the code must be the unit's product's, garbage where a code is
expected is refused with the reason, a code for a unit that needs none is kept but not sent, the
raw code never reaches a result or the event log unmasked, and the pack queues the set for Ozon."""
from __future__ import annotations

import json

from app.services.station import results as r
from station_helpers import CABLE, EAN, GS, MUG, SHOES, ean13, mark_code, shop  # noqa: F401  (fixture)

SHOE_POSTING = "10000003-0001-1"
MUG_POSTING = "10000002-0001-1"
SERIAL = "Qx7Ld0Wm3Rt9Z"


def _all_text(shop) -> str:
    return json.dumps([{"kind": e.kind, "data": e.data} for e in shop.events()], ensure_ascii=False)


def test_a_code_of_another_product_than_the_unit_scanned_is_refused_at_once_with_the_reason(shop):
    station = shop.station()
    station.scan(SHOE_POSTING)
    assert station.scan(EAN[SHOES]).code == r.MARK_REQUIRED
    other = station.scan(mark_code(EAN[MUG], SERIAL))
    assert other.code == r.MARKING_INVALID and other.data["reason"] == "gtin_other_product"
    assert other.data["code_product"] == "Mug" and other.data["product"] == "Sneakers"
    assert "Mug" in other.message("ru") and "Sneakers" in other.message("ru")
    unknown = station.scan(mark_code(ean13("469999999999"), SERIAL))
    assert unknown.code == r.MARKING_INVALID and unknown.data["reason"] == "gtin_unknown"
    assert station.scan(mark_code(EAN[SHOES], SERIAL)).code == r.ITEM_ACCEPTED  # the unit's own code counts
    assert shop.units(SHOE_POSTING) == [(SHOES, 1, mark_code(EAN[SHOES], SERIAL))]  # kept byte-exact, GS and all


def test_a_code_of_a_product_the_posting_does_not_hold_is_refused(shop):
    station = shop.station()
    station.scan(SHOE_POSTING)
    result = station.scan(mark_code(EAN[CABLE], SERIAL))
    assert result.code == r.MARKING_INVALID and result.data["reason"] == "gtin_not_in_posting"
    assert shop.units(SHOE_POSTING) == []


def test_garbage_where_a_code_is_expected_is_refused_as_no_marking_code(shop):
    station = shop.station()
    station.scan(SHOE_POSTING)
    station.scan(EAN[SHOES])
    for garbage in ("hello", "2000000000008", "abc\x07def"):
        result = station.scan(garbage)
        assert result.code == r.MARKING_INVALID and result.data["reason"] == "not_a_mark", garbage
        assert all(result.message(lang) for lang in ("ru", "zh", "en"))
    cut = station.scan(mark_code(EAN[SHOES], SERIAL)[:-10])
    assert cut.code == r.MARKING_INVALID and cut.data["reason"] == "format"
    assert shop.units(SHOE_POSTING) == []


def test_a_code_for_a_unit_that_needs_none_counts_and_is_kept_but_not_for_ozon(shop):
    station = shop.station()
    station.scan(MUG_POSTING)
    result = station.scan(mark_code(EAN[MUG], SERIAL))
    assert result.code == r.POSTING_COMPLETE and result.data["mark_not_needed"]
    assert "Ozon" in result.message("en") and "маркировки не нужен" in result.message("ru")
    station.weigh(400)
    assert [c.kind for c in shop.commands(MUG_POSTING)] == ["ship"]  # no exemplar set for it


def test_no_code_reaches_a_result_or_the_event_log_unmasked(shop):
    station = shop.station()
    codes = [mark_code(EAN[SHOES], SERIAL), mark_code(EAN[SHOES], "Pz0Kd8Vb5Nc2Y")]
    results = [station.scan(SHOE_POSTING), station.scan(codes[0]), station.scan(codes[0]),
               station.scan(codes[0][:-5]), station.scan(codes[0][:20] + "\x07" + codes[0][20:]),
               station.scan(mark_code(EAN[MUG], SERIAL)), station.scan(codes[1]), station.weigh(1800)]
    assert [x.code for x in results] == [r.POSTING_OPENED, r.ITEM_ACCEPTED, r.DUPLICATE_UNIT, r.MARKING_INVALID,
                                         r.BAD_SCAN, r.MARKING_INVALID, r.POSTING_COMPLETE, r.WEIGHT_ACCEPTED]
    shown = json.dumps([x.as_dict("ru") for x in results], ensure_ascii=False) + _all_text(shop)
    for code in codes:
        assert code not in shown and code.split(GS)[0] not in shown and code[18:28] not in shown
        assert code.split(GS)[2] not in shown
    assert f"{EAN[SHOES]}" in shown and "Qx7…" in shown  # the masked form: GTIN and the serial's start


def test_the_pack_of_a_marked_posting_queues_its_set_before_the_ship(shop):
    station = shop.station()
    for code in (SHOE_POSTING, mark_code(EAN[SHOES], SERIAL), mark_code(EAN[SHOES], "Pz0Kd8Vb5Nc2Y")):
        station.scan(code)
    assert station.weigh(1800).code == r.WEIGHT_ACCEPTED
    assert [(c.kind, c.state) for c in shop.commands(SHOE_POSTING)] == [("marks", "pending"), ("ship", "pending")]


US_TO_RU = str.maketrans("`qwertyuiop[]asdfghjkl;'zxcvbnm,./~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?@#$^&",
                         "ёйцукенгшщзхъфывапролджэячсмитьбю.ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,\"№;:?")


def test_a_code_typed_in_the_russian_layout_is_restored_exactly(shop):
    station = shop.station()
    code = f"010{EAN[SHOES]}21Ab'c&d;e/fGh9{GS}91EE07{GS}92" + "aB+/" * 11  # serial with CSET82 symbols
    typed = code.translate(US_TO_RU)
    assert typed != code and any("а" <= c <= "я" for c in typed)
    station.scan(SHOE_POSTING)
    assert station.scan(typed).code == r.ITEM_ACCEPTED
    assert shop.units(SHOE_POSTING) == [(SHOES, 1, code)]


def test_a_code_that_shows_caps_lock_is_refused_with_the_reason_not_guessed_at(shop):
    station = shop.station()
    station.scan(SHOE_POSTING)
    code = mark_code(EAN[SHOES], SERIAL)
    inverted = code.swapcase()  # Caps Lock: every letter the other way, still well formed
    result = station.scan(inverted)
    assert result.code == r.MARKING_INVALID and result.data["reason"] == "caps_lock"
    assert "Caps Lock" in result.message("ru") and "Caps Lock" in result.message("zh")
    assert shop.units(SHOE_POSTING) == []
    assert station.scan(code).code == r.ITEM_ACCEPTED


def test_a_log_record_quoting_a_code_is_masked_on_its_way_to_a_log_file(tmp_path):
    import logging

    from app.devices.scanners.gs1 import MarkRedactor
    code = mark_code(EAN[SHOES], SERIAL)
    handler = logging.FileHandler(tmp_path / "x.log", encoding="utf-8")
    handler.addFilter(MarkRedactor())
    logger = logging.getLogger("packdesk.test.redact")
    logger.addHandler(handler)
    try:
        logger.warning("Ozon said: mark %r is invalid", code)
        try:
            raise ValueError(f"bad {code}")
        except ValueError:
            logger.warning("failed", exc_info=True)
    finally:
        logger.removeHandler(handler)
        handler.close()
    written = (tmp_path / "x.log").read_text(encoding="utf-8")
    assert SERIAL not in written and code.split(GS)[2] not in written and f"0{EAN[SHOES]} {SERIAL[:3]}…" in written
