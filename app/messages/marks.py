"""Marking codes at the bench and on their way to Ozon, in Russian, Simplified Chinese and English.

Codes appear only masked (``{mark}``: the GTIN, the serial's first characters, "…").
"""
from __future__ import annotations

MARKS_MESSAGES: dict[str, dict[str, str]] = {
    "station_marking_invalid_format": {
        "en": "This is not a valid marking code ({problem}). Scan the DataMatrix on the unit again.",
        "ru": "Это не действительный код маркировки ({problem}). Отсканируйте DataMatrix на единице ещё раз.",
        "zh": "这不是有效的标识码（{problem}）。请重新扫描商品上的 DataMatrix 码。",
    },
    "station_marking_invalid_gtin_unknown": {
        "en": "The code {mark} names GTIN {gtin}, a product we do not know: it is not this unit's code. "
              "Scan the DataMatrix on the unit itself.",
        "ru": "Код {mark} относится к GTIN {gtin}, такого товара у нас нет: это не код этой единицы. "
              "Отсканируйте DataMatrix на самой единице.",
        "zh": "标识码 {mark} 对应 GTIN {gtin}，不是我们的商品：这不是该商品的标识码。请扫描商品本身上的 DataMatrix 码。",
    },
    "station_marking_invalid_gtin_other_product": {
        "en": "The code {mark} belongs to {code_product}, not to {product}: scan the code on the unit of {product}.",
        "ru": "Код {mark} принадлежит товару «{code_product}», а не «{product}»: отсканируйте код на единице "
              "«{product}».",
        "zh": "标识码 {mark} 属于 {code_product}，而不是 {product}：请扫描 {product} 商品上的标识码。",
    },
    "station_marking_invalid_gtin_not_in_posting": {
        "en": "The code {mark} belongs to {code_product}, which posting {posting} does not hold: put that unit "
              "aside and scan a unit of this posting.",
        "ru": "Код {mark} принадлежит товару «{code_product}», которого нет в отправлении {posting}: отложите эту "
              "единицу и сканируйте товар этого отправления.",
        "zh": "标识码 {mark} 属于 {code_product}，货件 {posting} 中没有该商品：请把它放到一边，扫描本货件的商品。",
    },
    "station_marking_invalid_not_a_mark": {
        "en": "That is not a marking code ({scanned}): scan the DataMatrix (the square code) on the unit of {product}.",
        "ru": "Это не код маркировки ({scanned}): отсканируйте DataMatrix (квадратный код) на единице «{product}».",
        "zh": "这不是标识码（{scanned}）：请扫描 {product} 商品上的 DataMatrix（方形码）。",
    },
    "station_marking_invalid_caps_lock": {
        "en": "The code came typed with Caps Lock on, so the case of its letters cannot be trusted ({problem}). "
              "Turn Caps Lock off and scan again (better: set the scanner to USB-COM or HID POS).",
        "ru": "Код пришёл с включённым Caps Lock, регистру букв в нём нельзя доверять ({problem}). Выключите "
              "Caps Lock и отсканируйте ещё раз (лучше переведите сканер в режим USB-COM или HID POS).",
        "zh": "标识码是在大写锁定（Caps Lock）开启时输入的，字母大小写不可信（{problem}）。请关闭 Caps Lock 后"
              "重新扫描（最好把扫描枪设为 USB-COM 或 HID POS 模式）。",
    },
    "station_marking_invalid_layout": {
        "en": "The code came typed in the Russian keyboard layout and cannot be restored ({problem}). Switch the "
              "layout to English and scan again.",
        "ru": "Код пришёл в русской раскладке и не восстанавливается ({problem}). Переключите раскладку на "
              "английскую и отсканируйте ещё раз.",
        "zh": "标识码是在俄文键盘布局下输入的，无法还原（{problem}）。请切换到英文布局后重新扫描。",
    },
    "station_item_accepted_mark_not_needed": {
        "en": "{product}: {line_counted} of {line_total}. This product needs no marking code: the code is kept "
              "with the unit and not sent to Ozon. Posting {posting}: {counted} of {total} units.",
        "ru": "{product}: {line_counted} из {line_total}. Этому товару код маркировки не нужен: код сохранён у "
              "единицы и в Ozon не передаётся. Отправление {posting}: {counted} из {total} шт.",
        "zh": "{product}：{line_counted}/{line_total}。该商品不需要标识码：标识码随商品保存，不发送给 Ozon。"
              "货件 {posting}：{counted}/{total} 件。",
    },
    "station_posting_complete_mark_not_needed": {
        "en": "All {total} units of posting {posting} verified (the last one needs no marking code: not sent to "
              "Ozon). Put the parcel on the scale.",
        "ru": "Все {total} шт. отправления {posting} проверены (последней единице код маркировки не нужен: в Ozon "
              "не передаётся). Положите посылку на весы.",
        "zh": "货件 {posting} 的全部 {total} 件已核对（最后一件不需要标识码：不发送给 Ozon）。请将包裹放上秤。",
    },
    "station_posting_opened_fix_marks": {
        "en": "Posting {posting}: Ozon refused the marking code of {product}, unit {nth} of {of} ({mark}: {codes}). "
              "Take that unit and scan its new code ({fix_marks} to replace).",
        "ru": "Отправление {posting}: Ozon отклонил код маркировки «{product}», единица {nth} из {of} ({mark}: "
              "{codes}). Возьмите эту единицу и отсканируйте её новый код (заменить: {fix_marks}).",
        "zh": "货件 {posting}：Ozon 拒绝了 {product} 第 {nth}/{of} 件的标识码（{mark}：{codes}）。请取出该件并扫描"
              "新的标识码（需替换 {fix_marks} 个）。",
    },
    "station_fix_first": {
        "en": "{posting} is open to replace what Ozon refused, not to be weighed again: it keeps the weight "
              "taken at packing. Scan the new one for {product}, unit {nth} of {of} ({left} to replace).",
        "ru": "{posting} открыто, чтобы заменить то, что отклонил Ozon, а не чтобы взвесить заново: вес с "
              "упаковки сохраняется. Отсканируйте новое для «{product}», единица {nth} из {of} (заменить: {left}).",
        "zh": "货件 {posting} 重新打开是为了替换 Ozon 拒绝的内容，无需再次称重：保留打包时的重量。请扫描 {product} "
              "第 {nth}/{of} 件的新编码（待替换 {left} 个）。",
    },
    "station_mark_replaced": {
        "en": "New code {mark} for {product}, unit {nth} of {of} (was {old}). {remaining} refused code(s) still "
              "to replace.",
        "ru": "Новый код {mark} для «{product}», единица {nth} из {of} (был {old}). Осталось заменить "
              "отклонённых кодов: {remaining}.",
        "zh": "已为 {product} 第 {nth}/{of} 件换上新标识码 {mark}（原为 {old}）。还有 {remaining} 个被拒的标识码待替换。",
    },
    "station_mark_replaced_resent": {
        "en": "New code {mark} for {product}, unit {nth} of {of} (was {old}). Every refused code is replaced: "
              "the codes go to Ozon again and the parcel ships once Ozon accepts them. Next posting.",
        "ru": "Новый код {mark} для «{product}», единица {nth} из {of} (был {old}). Все отклонённые коды "
              "заменены: коды снова уходят в Ozon, посылка будет собрана, когда Ozon их примет. Следующее "
              "отправление.",
        "zh": "已为 {product} 第 {nth}/{of} 件换上新标识码 {mark}（原为 {old}）。所有被拒的标识码均已替换："
              "标识码将重新发送给 Ozon，Ozon 接受后包裹即发货。请处理下一个货件。",
    },
    "station_unit_weighed": {
        "en": "{product} is sold by weight: this unit weighs {measured_g} g (sent to Ozon with it). "
              "{left} more to weigh alone, then the parcel.",
        "ru": "«{product}» продаётся на вес: эта единица весит {measured_g} г (вес уйдёт в Ozon). Ещё взвесить "
              "по одной: {left}, затем посылку.",
        "zh": "{product} 按重量销售：该件重 {measured_g} 克（将随其发送给 Ozon）。还需单独称重 {left} 件，然后称包裹。",
    },
    "station_unit_weight_out_of_range": {
        "en": "{product}: {measured_g} g is outside what Ozon accepts for it ({weight_min}–{weight_max} g). "
              "Weigh the unit alone again.",
        "ru": "«{product}»: {measured_g} г вне допустимого Ozon диапазона ({weight_min}–{weight_max} г). "
              "Взвесьте единицу отдельно ещё раз.",
        "zh": "{product}：{measured_g} 克超出 Ozon 接受的范围（{weight_min}–{weight_max} 克）。请再次单独称量该件。",
    },
    "demo_marks_title": {
        "en": "packdesk demo: marking codes to scan (Chestny ZNAK, simulated)",
        "ru": "Демо packdesk: коды маркировки для сканирования («Честный ЗНАК», симуляция)",
        "zh": "packdesk 演示：可扫描的标识码（“诚信标志”，模拟）",
    },
    "demo_marks_try": {
        "en": "To try: a code Ozon refuses, a code of another product",
        "ru": "Попробуйте: код, который Ozon отклонит, и код другого товара",
        "zh": "试一试：Ozon 会拒绝的标识码、其他商品的标识码",
    },
    "wave_excluded_marks": {
        "en": "{posting}: needs marking codes scanned and accepted by Ozon before the ship: pack it verify-first",
        "ru": "{posting}: коды маркировки нужно отсканировать и получить одобрение Ozon до отгрузки: упакуйте его "
              "обычным порядком (сначала проверка)",
        "zh": "{posting}：发货前需扫描标识码并经 Ozon 接受：请按先核对的方式打包",
    },
}
