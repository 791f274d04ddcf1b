"""What is wrong with a scan, in the packer's language: the lines the scan classifier
(``app.services.station.classify``), the marking-code parser (``app.services.station.marking``) and
the tracking-number check of the hand-over write in English for the log, said in a ``bad_scan``,
``marking_invalid`` or ``tracking_invalid`` message. Keyed by the
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
    # a carrier's tracking number scanned at the hand-over (app.services.handover.tracking_numbers)
    _kind("empty", ru="пусто", zh="为空"),
    _kind("a domestic Russian Post number has 14 digits, not {count}",
          ru="внутренний номер Почты России — 14 цифр, а не {count}", zh="俄罗斯邮政国内单号为 14 位数字，不是 {count} 位"),
    _kind("the check digit is wrong", ru="неверная контрольная цифра", zh="校验位错误"),
    _kind("neither 14 digits nor an international S10 number (AA123456789RU)",
          ru="не 14 цифр и не международный номер S10 (AA123456789RU)", zh="既不是 14 位数字，也不是国际 S10 单号（AA123456789RU）"),
    _kind("a CDEK order number is 9 to 12 digits", ru="номер заказа СДЭК — от 9 до 12 цифр",
          zh="CDEK 订单号为 9 到 12 位数字"),
    _kind("does not match the pattern {pattern}", ru="не подходит под шаблон {pattern}", zh="不符合格式 {pattern}"),
    _kind("the configured pattern is wrong: {error}", ru="шаблон в настройках неверен: {error}",
          zh="设置中的格式有误：{error}"),
    _kind("an item or no barcode at all", ru="это товар или вообще не штрихкод", zh="这是商品码或根本不是条码"),
])


def scan_problem_words(line: str | None, lang: str) -> str:
    return said(SCAN_PROBLEMS, line, lang)
