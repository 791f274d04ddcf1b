"""A label-first wave in the seller's words (``packdesk wave``): the wave's and its members' states
(their labels' states are in app/messages/devices.py), and why a posting was left out or dropped.
The reasons are the English lines ``app.services.waves`` keeps (for the log and ``--json``), said
in ru/zh by the same templates; a test meets each one from the checks themselves."""
from __future__ import annotations

from app.messages.problems import ProblemKind, patterns, problem_words, said
from app.messages.words import table


WAVE_WORDS: dict[str, dict[str, str]] = {
    **table("wave_state_", {"planned": ("planned", "запланирована", "已计划"),
                             "shipped": ("shipped", "отгружена", "已发货")}),
    **table("wave_member_", {"planned": ("planned", "в плане", "已计划"),
                              "excluded": ("excluded", "исключено", "已排除"),
                              "dropped": ("dropped", "снято", "已移除"),
                              "pending": ("to verify", "ждёт проверки", "待核对"),
                              "verified": ("verified", "проверено", "已核对"),
                              "short": ("short", "недостача", "缺货"),
                              "problem": ("problem", "проблема", "有问题")}),
    "wave_label": {"en": "label: {state}", "ru": "этикетка: {state}", "zh": "面单：{state}"},
}

REASONS = patterns([
    ProblemKind("no items", {"en": "no items", "ru": "нет товаров", "zh": "没有商品"}),
    ProblemKind("Ozon needs {what} for {skus} before shipping: verify-first",
                {"en": "Ozon needs {what} for {skus} before shipping: verify-first",
                 "ru": "Ozon нужны данные ({what}) для {skus} до отгрузки: сначала проверка",
                 "zh": "Ozon 发货前需要 {skus} 的 {what}：先核对"}),
    ProblemKind("multi-box posting: verify-first", {"en": "multi-box posting: verify-first",
                                                     "ru": "отправление в нескольких коробках: сначала проверка",
                                                     "zh": "多箱货件：先核对"}),
    ProblemKind("line {line} has no quantity", {"en": "line {line} has no quantity",
                                                "ru": "у строки {line} нет количества", "zh": "{line} 行没有数量"}),
    ProblemKind("product {sku} ({offer}) is not in the cache",
                {"en": "product {sku} ({offer}) is not in the cache", "ru": "товара {sku} ({offer}) нет в данных",
                 "zh": "缓存中没有商品 {sku}（{offer}）"}),
    ProblemKind("product {sku} ({offer}) has no barcode to verify it with",
                {"en": "product {sku} ({offer}) has no barcode to verify it with",
                 "ru": "у товара {sku} ({offer}) нет штрихкода для проверки",
                 "zh": "商品 {sku}（{offer}）没有可用于核对的条码"}),
    ProblemKind("already shipped with wave {wave}", {"en": "already shipped with wave {wave}",
                                                     "ru": "уже отгружено с волной {wave}", "zh": "已随波次 {wave} 发货"}),
    ProblemKind("local state {local_state}", {"en": "here it is {local_state}", "ru": "здесь: «{local_state}»",
                                              "zh": "本地状态：{local_state}"}),
    ProblemKind("claimed by another station", {"en": "claimed by another station", "ru": "занято другим местом",
                                               "zh": "已被其他工位占用"}),
    ProblemKind("claimed by {station}", {"en": "claimed by {station}", "ru": "занято местом {station}",
                                         "zh": "已被工位 {station} 占用"}),
    ProblemKind("no longer in the cache", {"en": "no longer in the cache", "ru": "больше нет в данных",
                                           "zh": "缓存中已没有"}),
])


def reason_words(line: str | None, lang: str) -> str:
    """Why a posting is not in the wave, in ``lang``; a stored problem (a member Ozon refused, a blocker
    such as Ozon's status) is said by app.messages.problems."""
    worded = said(REASONS, line, lang)
    return worded if worded != line else problem_words(line, lang)
