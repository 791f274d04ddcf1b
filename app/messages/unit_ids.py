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

    # a legal entity's posting: the units' customs numbers (app.services.station.customs)
    "station_posting_opened_fix_customs_gtd": {
        "en": "Posting {posting} is bought by a company: Ozon needs the customs declaration number (GTD) of "
              "{fix_customs} unit(s). Scan or type the GTD of {product} #{nth}/{of} (NNNNNNNN/DDMMYY/NNNNNNN).",
        "ru": "Отправление {posting} купило юрлицо: Ozon нужен номер таможенной декларации (ГТД) для "
              "{fix_customs} ед. Отсканируйте или введите ГТД «{product}» №{nth}/{of} (NNNNNNNN/ДДММГГ/NNNNNNN).",
        "zh": "货件 {posting} 的买家是法人：Ozon 需要 {fix_customs} 件商品的报关单号（GTD）。请扫描或输入 {product} "
              "第 {nth}/{of} 件的 GTD（NNNNNNNN/DDMMYY/NNNNNNN）。",
    },
    "station_posting_opened_fix_customs_rnpt": {
        "en": "Posting {posting} is bought by a company: Ozon needs the batch number (RNPT) of {fix_customs} "
              "unit(s). Scan or type the RNPT of {product} #{nth}/{of} (NNNNNNNN/DDMMYY/NNNNNNN/NNN).",
        "ru": "Отправление {posting} купило юрлицо: Ozon нужен регистрационный номер партии (РНПТ) для "
              "{fix_customs} ед. Отсканируйте или введите РНПТ «{product}» №{nth}/{of} "
              "(NNNNNNNN/ДДММГГ/NNNNNNN/NNN).",
        "zh": "货件 {posting} 的买家是法人：Ozon 需要 {fix_customs} 件商品的批次登记号（RNPT）。请扫描或输入 {product} "
              "第 {nth}/{of} 件的 RNPT（NNNNNNNN/DDMMYY/NNNNNNN/NNN）。",
    },
    "station_unit_id_accepted_gtd": {
        "en": "{product} #{nth}/{of}: GTD {value} kept. {left} more number(s) to go.",
        "ru": "«{product}» №{nth}/{of}: ГТД {value} сохранён. Осталось номеров: {left}.",
        "zh": "{product} 第 {nth}/{of} 件：GTD {value} 已保存。还需 {left} 个号码。",
    },
    "station_unit_id_accepted_rnpt": {
        "en": "{product} #{nth}/{of}: RNPT {value} kept. {left} more number(s) to go.",
        "ru": "«{product}» №{nth}/{of}: РНПТ {value} сохранён. Осталось номеров: {left}.",
        "zh": "{product} 第 {nth}/{of} 件：RNPT {value} 已保存。还需 {left} 个号码。",
    },
    "station_unit_id_accepted_gtd_resent": {
        "en": "{product} #{nth}/{of}: GTD {value} kept. Every unit has its numbers: they go to Ozon again and "
              "the parcel ships once Ozon accepts them. Go on with the next posting.",
        "ru": "«{product}» №{nth}/{of}: ГТД {value} сохранён. У всех единиц есть номера: они снова уйдут в Ozon, "
              "посылка отгрузится, когда Ozon их примет. Переходите к следующему отправлению.",
        "zh": "{product} 第 {nth}/{of} 件：GTD {value} 已保存。所有商品都有号码了：将重新发送给 Ozon，Ozon 接受后包裹即发货。"
              "请处理下一个货件。",
    },
    "station_unit_id_accepted_rnpt_resent": {
        "en": "{product} #{nth}/{of}: RNPT {value} kept. Every unit has its numbers: they go to Ozon again and "
              "the parcel ships once Ozon accepts them. Go on with the next posting.",
        "ru": "«{product}» №{nth}/{of}: РНПТ {value} сохранён. У всех единиц есть номера: они снова уйдут в Ozon, "
              "посылка отгрузится, когда Ozon их примет. Переходите к следующему отправлению.",
        "zh": "{product} 第 {nth}/{of} 件：RNPT {value} 已保存。所有商品都有号码了：将重新发送给 Ozon，Ozon 接受后包裹即发货。"
              "请处理下一个货件。",
    },
    "station_unit_id_invalid_gtd_format": {
        "en": "{scanned} is no customs declaration number: a GTD reads NNNNNNNN/DDMMYY/NNNNNNN (customs office, "
              "date, number). Scan or type the GTD of {product} #{nth}/{of} again.",
        "ru": "{scanned} — не номер таможенной декларации: ГТД имеет вид NNNNNNNN/ДДММГГ/NNNNNNN (код таможни, "
              "дата, номер). Отсканируйте или введите ГТД «{product}» №{nth}/{of} ещё раз.",
        "zh": "{scanned} 不是报关单号：GTD 格式为 NNNNNNNN/DDMMYY/NNNNNNN（海关代码、日期、编号）。请重新扫描或输入 "
              "{product} 第 {nth}/{of} 件的 GTD。",
    },
    "station_unit_id_invalid_gtd_date": {
        "en": "{scanned}: the date in this GTD (the middle part, DDMMYY) is no date. Check the declaration and "
              "type the GTD of {product} #{nth}/{of} again.",
        "ru": "{scanned}: дата в ГТД (средняя часть, ДДММГГ) не существует. Сверьтесь с декларацией и введите ГТД "
              "«{product}» №{nth}/{of} ещё раз.",
        "zh": "{scanned}：该 GTD 中的日期（中间部分 DDMMYY）不存在。请核对报关单并重新输入 {product} 第 {nth}/{of} 件的 GTD。",
    },
    "station_unit_id_invalid_rnpt_format": {
        "en": "{scanned} is no RNPT: it reads NNNNNNNN/DDMMYY/NNNNNNN/NNN (the declaration and the goods' position "
              "in it). Scan or type the RNPT of {product} #{nth}/{of} again.",
        "ru": "{scanned} — не РНПТ: он имеет вид NNNNNNNN/ДДММГГ/NNNNNNN/NNN (декларация и номер товара в ней). "
              "Отсканируйте или введите РНПТ «{product}» №{nth}/{of} ещё раз.",
        "zh": "{scanned} 不是 RNPT：格式为 NNNNNNNN/DDMMYY/NNNNNNN/NNN（报关单及商品在其中的序号）。请重新扫描或输入 "
              "{product} 第 {nth}/{of} 件的 RNPT。",
    },
    "station_unit_id_invalid_rnpt_date": {
        "en": "{scanned}: the date in this RNPT (DDMMYY, second part) is no date. Check the documents and type the "
              "RNPT of {product} #{nth}/{of} again.",
        "ru": "{scanned}: дата в РНПТ (ДДММГГ, вторая часть) не существует. Сверьтесь с документами и введите РНПТ "
              "«{product}» №{nth}/{of} ещё раз.",
        "zh": "{scanned}：该 RNPT 中的日期（第二部分 DDMMYY）不存在。请核对单据并重新输入 {product} 第 {nth}/{of} 件的 RNPT。",
    },
}
