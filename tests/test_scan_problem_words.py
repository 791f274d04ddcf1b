"""What is wrong with a scan, in the packer's language: every line the classifier, the
marking-code parser and the hand-over's tracking-number check write is met here by a real scan
and said in Russian and Chinese (a line changed in the code and not in
app/messages/scan_problems.py fails), and every listed line is met."""
from __future__ import annotations

import pytest

from app.messages.scan_problems import SCAN_PROBLEMS, scan_problem_words
from app.services.handover.scan_out import NOT_A_TRACKING_NUMBER
from app.services.handover.tracking_numbers import CDEK, RUSSIAN_POST, check
from app.services.station.classify import MAX_LEN, classify
from app.services.station.marking import parse
from app.services.station.results import StationResult
from station_helpers import EAN, GS, MUG

GTIN = "0" + EAN[MUG]
SCANS = [None, "", "1" * 5000, "abc\x07def", "Привет мир", "ÄÖÜ", "CMD:SELF-DESTRUCT", "PDK:nonsense",
         "abc" + GS + "def", "46000 00001", "1" * (MAX_LEN + 1)]
MARKS = ["99" + GTIN + "21ABC", f"01{GTIN}22ABC{GS}93dGVz", f"01{GTIN[:-1]}021ABC{GS}93dGVz", f"01{GTIN}21{GS}93dGVz",
         f"01{GTIN}21ABCDEFGHIJKLM", f"01{GTIN}21AB{GS}93", f"01{GTIN}21AB{GS}91EE0{GS}92xyz",
         f"01{GTIN}21AB{GS}91ee01{GS}92{'x' * 44}", f"01{GTIN}21AB{GS}95xx"]


TRACKING = [(RUSSIAN_POST, " ", None), (RUSSIAN_POST, "8010236721611", None), (RUSSIAN_POST, "80102367216111", None),
            (RUSSIAN_POST, "RA12345678RU", None), (RUSSIAN_POST, "RA123456780RU", None), (CDEK, "12345", None),
            ("other", "12", "[A-Z]+"), ("other", "AB", "(")]


def problems() -> list[str]:
    return ([classify(raw).problem for raw in SCANS] + [parse(code).problem for code in MARKS]
            + [check(carrier, text, pattern=pattern).problem for carrier, text, pattern in TRACKING]
            + [NOT_A_TRACKING_NUMBER])


@pytest.mark.parametrize("line", problems())
def test_every_line_a_scan_can_bring_is_said_in_each_language(line):
    assert line and scan_problem_words(line, "en") == line
    for lang in ("ru", "zh"):
        said = scan_problem_words(line, lang)
        assert said != line and not any(word in said for word in ("the ", " no ", "code", "scan"))


def test_every_listed_line_is_one_a_scan_brings():
    met = problems()
    assert all(any(pattern.match(line) for line in met) for _, pattern in SCAN_PROBLEMS)


@pytest.mark.parametrize("raw, lang, said", [
    ("1" * (MAX_LEN + 1), "ru", f"Скан не распознан (слишком длинный: {MAX_LEN + 1} символов). Проверьте сканер или "
                                "раскладку клавиатуры и повторите."),
    ("CMD:SELF-DESTRUCT", "zh", "无法识别扫描内容（未知命令“SELF-DESTRUCT”）。请检查扫描枪或键盘布局后重试。"),
])
def test_a_bad_scan_is_explained_in_the_packers_language(raw, lang, said):
    scanned = classify(raw)
    answer = StationResult(False, "bad_scan", None, "error", {"problem": scanned.problem})
    assert answer.message(lang) == said
    assert answer.as_dict(lang)["data"]["problem"] == scanned.problem  # the data keeps the English line
