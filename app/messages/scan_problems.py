"""What is wrong with a scan, in the packer's language: the lines the scan classifier
(``app.services.station.classify``) and the marking-code parser (``app.services.station.marking``)
write in English for the log, said in a ``bad_scan`` or ``marking_invalid`` message. Keyed by the
same lines (a test feeds each one's scan through the classifier, so a line changed there and not
here fails); a line not listed is shown as it is."""
from __future__ import annotations

from app.messages.problems import ProblemKind, patterns, said


def _kind(line: str, en: str | None = None, *, ru: str, zh: str) -> ProblemKind:
    return ProblemKind(line, {"en": en or line, "ru": ru, "zh": zh})


SCAN_PROBLEMS = patterns([
    # the classifier
    _kind("not text", ru="не текст", zh="不是文本"),
    _kind("empty scan", ru="пустой скан", zh="空扫描"),
    _kind("too long ({count} characters)", ru="слишком длинный: {count} символов", zh="太长：{count} 个字符"),
    _kind("control character U+{code} at position {at}", ru="управляющий символ U+{code} на позиции {at}",
          zh="第 {at} 位有控制字符 U+{code}"),
    _kind("text in the Russian keyboard layout", ru="текст в русской раскладке", zh="俄文键盘布局下的文字"),
    _kind("characters no barcode carries", ru="символы, которых не бывает в штрихкодах", zh="条码中不会出现的字符"),
    _kind("unknown command '{name}'", ru="неизвестная команда «{name}»", zh="未知命令“{name}”"),
    _kind("own label code without a posting number", ru="код своей этикетки без номера отправления",
          zh="自有面单码中没有货件号"),
    _kind("GS inside a code that is no marking code", ru="символ GS в коде, который не является кодом маркировки",
          zh="非标识码中含有 GS 分隔符"),
    _kind("spaces inside a barcode", ru="пробелы внутри штрихкода", zh="条码中含有空格"),
    # the marking-code parser (GS1 DataMatrix, Chestny ZNAK)
    _kind("no GTIN (AI 01) at the start", ru="в начале нет GTIN (AI 01)", zh="开头没有 GTIN（AI 01）"),
    _kind("no serial number (AI 21) after the GTIN", ru="после GTIN нет серийного номера (AI 21)",
          zh="GTIN 之后没有序列号（AI 21）"),
    _kind("the GTIN's check digit is wrong", ru="неверная контрольная цифра GTIN", zh="GTIN 校验位错误"),
    _kind("the serial number is empty or has characters GS1 does not allow",
          ru="серийный номер пуст или содержит символы, недопустимые в GS1", zh="序列号为空或含有 GS1 不允许的字符"),
    _kind("no verification key (AI 91/92 or 93): the code is cut short",
          ru="нет ключа проверки (AI 91/92 или 93): код обрезан", zh="没有验证码（AI 91/92 或 93）：码被截断"),
    _kind("the verification code (AI 93) is empty", ru="код проверки (AI 93) пуст", zh="验证码（AI 93）为空"),
    _kind("the verification key (AI 91/92) has the wrong length", ru="ключ проверки (AI 91/92) неверной длины",
          zh="验证密钥（AI 91/92）长度错误"),
    _kind("the verification key id (AI 91) is in small letters", ru="идентификатор ключа (AI 91) в строчных буквах",
          zh="密钥标识（AI 91）为小写字母"),
    _kind("no verification key (AI 91/92 or 93)", ru="нет ключа проверки (AI 91/92 или 93)",
          zh="没有验证码（AI 91/92 或 93）"),
])


def scan_problem_words(line: str | None, lang: str) -> str:
    return said(SCAN_PROBLEMS, line, lang)
