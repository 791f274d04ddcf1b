"""A phone's IMEI and a jewellery item's UIN at the bench (``app.services.station.unit_ids``), in
Russian, Simplified Chinese and English. Shown in full (``{value}``): they are printed on the box or
the tag, and the packer compares them; no Chestny ZNAK code ever appears here."""
from __future__ import annotations

UNIT_ID_MESSAGES: dict[str, dict[str, str]] = {
    "station_item_accepted_asks_imei": {
        "en": "{product}: {line_counted} of {line_total}. Now scan this phone's IMEI (the barcode on its box).",
        "ru": "«{product}»: {line_counted} из {line_total}. Теперь отсканируйте IMEI этого телефона (штрихкод "
              "на коробке).",
        "zh": "{product}：{line_counted}/{line_total}。现在请扫描这部手机的 IMEI（包装盒上的条码）。",
    },
    "station_item_accepted_asks_jw_uin": {
        "en": "{product}: {line_counted} of {line_total}. Now scan this item's UIN (16 digits on its tag).",
        "ru": "«{product}»: {line_counted} из {line_total}. Теперь отсканируйте УИН изделия (16 цифр на бирке).",
        "zh": "{product}：{line_counted}/{line_total}。现在请扫描该首饰的 UIN（吊牌上的 16 位数字）。",
    },
    "station_unit_id_accepted": {
        "en": "{product}: {value} kept with the unit.",
        "ru": "«{product}»: {value} сохранён для единицы.",
        "zh": "{product}：{value} 已随该件保存。",
    },
    "station_unit_id_accepted_imei": {
        "en": "{product}: IMEI {value} kept with the unit (Ozon gets it before the ship). Scan the next unit.",
        "ru": "«{product}»: IMEI {value} сохранён для единицы (уйдёт в Ozon до отгрузки). Сканируйте следующую "
              "единицу.",
        "zh": "{product}：IMEI {value} 已随该件保存（发货前发送给 Ozon）。请扫描下一件。",
    },
    "station_unit_id_accepted_imei_complete": {
        "en": "{product}: IMEI {value} kept with the unit. Every unit of posting {posting} is verified: put the "
              "parcel on the scale.",
        "ru": "«{product}»: IMEI {value} сохранён для единицы. Все единицы отправления {posting} проверены: "
              "положите посылку на весы.",
        "zh": "{product}：IMEI {value} 已随该件保存。货件 {posting} 的全部商品已核对：请将包裹放上秤。",
    },
    "station_unit_id_accepted_jw_uin": {
        "en": "{product}: UIN {value} kept with the item (Ozon gets it before the ship). Scan the next unit.",
        "ru": "«{product}»: УИН {value} сохранён для изделия (уйдёт в Ozon до отгрузки). Сканируйте следующую "
              "единицу.",
        "zh": "{product}：UIN {value} 已随该件保存（发货前发送给 Ozon）。请扫描下一件。",
    },
    "station_unit_id_accepted_jw_uin_complete": {
        "en": "{product}: UIN {value} kept with the item. Every unit of posting {posting} is verified: put the "
              "parcel on the scale.",
        "ru": "«{product}»: УИН {value} сохранён для изделия. Все единицы отправления {posting} проверены: "
              "положите посылку на весы.",
        "zh": "{product}：UIN {value} 已随该件保存。货件 {posting} 的全部商品已核对：请将包裹放上秤。",
    },
    "station_unit_id_required": {
        "en": "{product} needs its identifier first: scan it, then go on.",
        "ru": "Сначала нужен идентификатор «{product}»: отсканируйте его, затем продолжайте.",
        "zh": "请先扫描 {product} 的识别码，然后继续。",
    },
    "station_unit_id_required_imei": {
        "en": "First the IMEI of the {product} just counted: Ozon ships no phone without it. Scan the IMEI "
              "barcode on its box (15 digits), then go on.",
        "ru": "Сначала IMEI только что посчитанного «{product}»: без него Ozon не отгрузит телефон. "
              "Отсканируйте штрихкод IMEI на коробке (15 цифр), затем продолжайте.",
        "zh": "请先扫描刚核对的 {product} 的 IMEI：没有 IMEI，Ozon 不发货。请扫描包装盒上的 IMEI 条码（15 位），然后继续。",
    },
    "station_unit_id_required_jw_uin": {
        "en": "First the UIN of the {product} just counted: Ozon ships no jewellery without it. Scan the UIN on "
              "its tag (16 digits), then go on.",
        "ru": "Сначала УИН только что посчитанного изделия «{product}»: без него Ozon не отгрузит украшение. "
              "Отсканируйте УИН на бирке (16 цифр), затем продолжайте.",
        "zh": "请先扫描刚核对的 {product} 的 UIN：没有 UIN，Ozon 不发货首饰。请扫描吊牌上的 UIN（16 位数字），然后继续。",
    },
    "station_unit_id_invalid": {
        "en": "{scanned} is not what {product} needs. Scan its identifier again.",
        "ru": "{scanned} — не то, что нужно для «{product}». Отсканируйте идентификатор ещё раз.",
        "zh": "{scanned} 不是 {product} 所需的识别码。请重新扫描。",
    },
    "station_unit_id_invalid_imei_length": {
        "en": "{scanned} is no IMEI: an IMEI has 15 digits (not the serial number, not the IMEISV of 16). "
              "Scan the barcode marked IMEI on the box of {product}.",
        "ru": "{scanned} — не IMEI: в IMEI 15 цифр (не серийный номер и не IMEISV из 16). Отсканируйте "
              "штрихкод с подписью IMEI на коробке «{product}».",
        "zh": "{scanned} 不是 IMEI：IMEI 为 15 位数字（不是序列号，也不是 16 位的 IMEISV）。请扫描 {product} "
              "包装盒上标有 IMEI 的条码。",
    },
    "station_unit_id_invalid_imei_check_digit": {
        "en": "{scanned} is no valid IMEI: its last digit (the check digit) does not fit; misread or mistyped. "
              "Scan the IMEI on the box of {product} again.",
        "ru": "{scanned} — недействительный IMEI: не сходится последняя (контрольная) цифра; ошибка чтения или "
              "ввода. Отсканируйте IMEI на коробке «{product}» ещё раз.",
        "zh": "{scanned} 不是有效的 IMEI：最后一位（校验位）不符，可能读错或输错。请重新扫描 {product} 包装盒上的 IMEI。",
    },
    "station_unit_id_invalid_imei_format": {
        "en": "{scanned} is no IMEI: an IMEI is 15 digits only. Scan the IMEI on the box of {product}.",
        "ru": "{scanned} — не IMEI: IMEI состоит только из 15 цифр. Отсканируйте IMEI на коробке «{product}».",
        "zh": "{scanned} 不是 IMEI：IMEI 只包含 15 位数字。请扫描 {product} 包装盒上的 IMEI。",
    },
    "station_unit_id_invalid_jw_uin_length": {
        "en": "{scanned} is no UIN: a jewellery UIN has 16 digits. Scan the UIN on the tag of {product}.",
        "ru": "{scanned} — не УИН: УИН ювелирного изделия состоит из 16 цифр. Отсканируйте УИН на бирке «{product}».",
        "zh": "{scanned} 不是 UIN：首饰 UIN 为 16 位数字。请扫描 {product} 吊牌上的 UIN。",
    },
    "station_unit_id_invalid_jw_uin_format": {
        "en": "{scanned} is no UIN: a jewellery UIN is 16 digits only. Scan the UIN on the tag of {product}.",
        "ru": "{scanned} — не УИН: УИН состоит только из 16 цифр. Отсканируйте УИН на бирке «{product}».",
        "zh": "{scanned} 不是 UIN：首饰 UIN 只包含 16 位数字。请扫描 {product} 吊牌上的 UIN。",
    },
}
