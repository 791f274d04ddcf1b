"""Why a posting waits for a person (``postings.problem``), written once and said in three languages.

A service that parks a posting writes its problem with ``problem(kind, **fields)``: an English line
the log, the database and a support engineer read as it is. Whoever shows it to a packer or a
seller asks ``problem_words(stored, lang)``, which recognises the line by the same template and says
it in their language. A line no kind matches (a packer's own words, one written by an older version)
is shown as it was written.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass

from app.messages.statuses import local_state_word, status_word


@dataclass(frozen=True)
class ProblemKind:
    stored: str                  # the line kept in the database (str.format fields)
    words: dict[str, str]        # the same in en/ru/zh, same fields

    @property
    def pattern(self) -> re.Pattern:
        parts = []
        for literal, field, _, _ in string.Formatter().parse(self.stored):
            parts.append(re.escape(literal))
            if field:
                parts.append(f"(?P<{field}>.+?)")
        return re.compile("".join(parts) + r"\Z", re.DOTALL)


def patterns(kinds) -> list[tuple[ProblemKind, re.Pattern]]:
    """Each kind with its compiled template, in the order given (the first that fits says it)."""
    return [(kind, kind.pattern) for kind in kinds]


# the most specific first: a line is said by the first kind whose template it fits
KINDS: dict[str, ProblemKind] = {
    "short_in_wave": ProblemKind(
        "short: {counted} of {total} units found ({reason}); shipped with wave {wave}: ship partially or cancel",
        {"en": "short: {counted} of {total} units found ({reason}); shipped with wave {wave}: ship partially or cancel",
         "ru": "не хватает товара: найдено {counted} из {total} ({reason}); отгружено с волной {wave}: отгрузите "
               "частично или отмените",
         "zh": "缺货：找到 {counted}/{total} 件（{reason}）；已随波次 {wave} 发货：请部分发货或取消"}),
    "short": ProblemKind(
        "short: {counted} of {total} units found ({reason})",
        {"en": "short: {counted} of {total} units found ({reason})",
         "ru": "не хватает товара: найдено {counted} из {total} ({reason})",
         "zh": "缺货：找到 {counted}/{total} 件（{reason}）"}),
    "ozon_status": ProblemKind(
        "Ozon status {status}",
        {"en": "on Ozon it is {status} now", "ru": "в Ozon статус «{status}»", "zh": "Ozon 上的状态为“{status}”"}),
    "not_on_ozon": ProblemKind(
        "Ozon does not know this posting",
        {"en": "Ozon does not know this posting: check its number in Ozon's seller office",
         "ru": "Ozon не знает это отправление: проверьте номер в личном кабинете Ozon",
         "zh": "Ozon 不认识该货件：请在 Ozon 卖家后台核对编号"}),
    "vanished": ProblemKind(
        "vanished: Ozon no longer lists it and answers 'not found'; check it in the seller office",
        {"en": "vanished: Ozon no longer lists it and answers 'not found'; check it in the seller office",
         "ru": "пропало: Ozon больше не показывает его в списке и отвечает «не найдено»; проверьте в личном кабинете",
         "zh": "已消失：Ozon 不再列出该货件并回答“未找到”；请在卖家后台核实"}),
    "ship_refused": ProblemKind(
        "ship refused: {code}",
        {"en": "Ozon refused the ship ({code})", "ru": "Ozon отказал в отгрузке ({code})",
         "zh": "Ozon 拒绝发货（{code}）"}),
    "registration_refused": ProblemKind(
        "the delivery partner refused to register it (Ozon: posting_registration_error): write to Ozon support or "
        "cancel the posting",
        {"en": "the delivery partner refused to register it: write to Ozon support or cancel the posting",
         "ru": "партнёр доставки не зарегистрировал отправление: напишите в поддержку Ozon или отмените его",
         "zh": "配送合作方拒绝登记该货件：请联系 Ozon 客服或取消该货件"}),
    "marks_refused": ProblemKind(
        "marking codes refused: {detail}",
        {"en": "Ozon refused marking codes: {detail}", "ru": "Ozon отклонил коды маркировки: {detail}",
         "zh": "Ozon 拒绝了标识码：{detail}"}),
    "boxes_refused": ProblemKind(
        "number of boxes refused: {detail}",
        {"en": "Ozon refused the number of boxes: {detail}", "ru": "Ozon не принял количество коробок: {detail}",
         "zh": "Ozon 拒绝了箱数：{detail}"}),
    "carrier_not_configured": ProblemKind(
        "{carrier}: not configured",
        {"en": "{carrier} is not set up: fill in its settings, then packdesk carriers retry",
         "ru": "{carrier} не настроен: заполните его настройки, затем packdesk carriers retry",
         "zh": "{carrier} 尚未配置：请填写其设置，然后运行 packdesk carriers retry"}),
}
_PATTERNS = patterns(KINDS.values())
# a short posting's reason when the packer gave none (app.services.station.flows.short)
SHORT_REASON = "units not found"
_SHORT_REASON_WORDS = {"en": SHORT_REASON, "ru": "товар не найден", "zh": "未找到商品"}


def _reason_words(reason: str, lang: str) -> str:
    """The bench's own reason in words; a packer's reason as they wrote it."""
    return _SHORT_REASON_WORDS.get(lang, SHORT_REASON) if reason == SHORT_REASON else reason


# a template's field whose value is a code or the bench's own words, said in the language too
# (any other field, a number or a name, is shown as it is)
FIELD_WORDS = {"status": status_word, "local_state": local_state_word, "reason": _reason_words}


def problem(kind: str, /, **fields) -> str:
    """The line to store for a problem of ``kind``."""
    return KINDS[kind].stored.format(**fields)


def problem_words(stored: str | None, lang: str) -> str:
    """A stored problem in ``lang``; a line no kind fits, as it was written."""
    return said(_PATTERNS, stored, lang)


def said(kinds: list[tuple[ProblemKind, re.Pattern]], line: str | None, lang: str) -> str:
    """``line`` said in ``lang`` by the first kind whose template it fits; else as it is."""
    if not line:
        return ""
    for kind, pattern in kinds:
        found = pattern.match(line)
        if found:
            fields = {name: FIELD_WORDS[name](value, lang) if name in FIELD_WORDS else value
                      for name, value in found.groupdict().items()}
            return (kind.words.get(lang) or kind.words["en"]).format(**fields)
    return line

