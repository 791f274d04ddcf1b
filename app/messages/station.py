"""Answers of the packing station (``app.services.station``), by result code."""
from __future__ import annotations

# The packing station (app/services/station): one message per result code, some with variants
# (``station_<code>_<variant>``, chosen by ``StationResult.message``).
STATION_MESSAGES: dict[str, dict[str, str]] = {
    "station_posting_opened": {
        "en": "Posting {posting} open: {counted} of {total} units verified.",
        "ru": "Отправление {posting} открыто: проверено {counted} из {total} шт.",
        "zh": "货件 {posting} 已打开：已核对 {counted}/{total} 件。",
    },
    "station_posting_opened_parked": {
        "en": "Posting {parked} parked (still yours, scan it to go on). Posting {posting} open: "
              "{counted} of {total} units verified.",
        "ru": "Отправление {parked} отложено (остаётся за вами, отсканируйте, чтобы продолжить). "
              "Отправление {posting} открыто: проверено {counted} из {total} шт.",
        "zh": "货件 {parked} 已暂存（仍归您，扫描即可继续）。货件 {posting} 已打开：已核对 {counted}/{total} 件。",
    },
    "station_item_accepted": {
        "en": "{product}: {line_counted} of {line_total}. Posting {posting}: {counted} of {total} units.",
        "ru": "{product}: {line_counted} из {line_total}. Отправление {posting}: {counted} из {total} шт.",
        "zh": "{product}：{line_counted}/{line_total}。货件 {posting}：{counted}/{total} 件。",
    },
    "station_item_accepted_opened": {
        "en": "Posting {posting} opened for this item (ships first). {product}: {line_counted} of "
              "{line_total}; {counted} of {total} units.",
        "ru": "Для этого товара открыто отправление {posting} (отгрузка раньше всех). {product}: "
              "{line_counted} из {line_total}; всего {counted} из {total} шт.",
        "zh": "已为此商品打开货件 {posting}（最先发货）。{product}：{line_counted}/{line_total}；"
              "共 {counted}/{total} 件。",
    },
    "station_posting_complete": {
        "en": "All {total} units of posting {posting} verified. Put the parcel on the scale.",
        "ru": "Все {total} шт. отправления {posting} проверены. Положите посылку на весы.",
        "zh": "货件 {posting} 的全部 {total} 件已核对。请将包裹放上秤。",
    },
    "station_weight_accepted": {
        "en": "Weight {measured_g} g is fine (expected {expected_g} g). Posting {posting} packed; "
              "it ships and its label prints by itself.",
        "ru": "Вес {measured_g} г в норме (ожидалось {expected_g} г). Отправление {posting} упаковано; "
              "отгрузка и этикетка — автоматически.",
        "zh": "重量 {measured_g} 克正常（预期 {expected_g} 克）。货件 {posting} 已打包；将自动发货并打印面单。",
    },
    "station_weight_accepted_unchecked": {
        "en": "Weight {measured_g} g recorded (no catalogue weight to compare). Posting {posting} packed; "
              "it ships and its label prints by itself.",
        "ru": "Вес {measured_g} г записан (в каталоге нет веса для сравнения). Отправление {posting} "
              "упаковано; отгрузка и этикетка — автоматически.",
        "zh": "已记录重量 {measured_g} 克（目录中无重量可比对）。货件 {posting} 已打包；将自动发货并打印面单。",
    },
    "station_weight_mismatch": {
        "en": "Weight {measured_g} g is outside {low_g}–{high_g} g (expected {expected_g} g). Check the "
              "parcel and weigh again, or ask a supervisor to override.",
        "ru": "Вес {measured_g} г вне допуска {low_g}–{high_g} г (ожидалось {expected_g} г). Проверьте "
              "посылку и взвесьте снова или попросите старшего подтвердить.",
        "zh": "重量 {measured_g} 克超出 {low_g}–{high_g} 克范围（预期 {expected_g} 克）。请检查包裹后重新称重，"
              "或请主管确认放行。",
    },
    "station_wrong_item": {
        "en": "WRONG ITEM: {product} is not in posting {posting}. Put it aside; nothing was counted.",
        "ru": "НЕ ТОТ ТОВАР: {product} нет в отправлении {posting}. Отложите его; ничего не засчитано.",
        "zh": "商品错误：{product} 不在货件 {posting} 中。请放到一边；未计数。",
    },
    "station_over_scan": {
        "en": "TOO MANY: all {quantity} of {product} are already counted. Take this one out.",
        "ru": "ЛИШНИЙ: все {quantity} шт. «{product}» уже засчитаны. Уберите этот.",
        "zh": "多扫了：{product} 的 {quantity} 件已全部计数。请取出这一件。",
    },
    "station_unknown_barcode": {
        "en": "UNKNOWN BARCODE {barcode}: no product has it. Nothing was counted; a supervisor can "
              "link it to the right line.",
        "ru": "НЕИЗВЕСТНЫЙ ШТРИХКОД {barcode}: такого товара нет. Ничего не засчитано; старший может "
              "привязать его к нужной строке.",
        "zh": "未知条码 {barcode}：没有商品使用此条码。未计数；主管可将其关联到正确的商品行。",
    },
    "station_unknown_barcode_layout": {
        "en": "UNKNOWN BARCODE: the scan came in the Russian keyboard layout and reads {barcode}, which no "
              "product has. Switch the keyboard to EN (or set the scanner to send key codes) and scan again.",
        "ru": "НЕИЗВЕСТНЫЙ ШТРИХКОД: скан пришёл в русской раскладке и читается как {barcode} — такого "
              "товара нет. Переключите клавиатуру на EN (или настройте сканер) и отсканируйте снова.",
        "zh": "未知条码：扫描内容为俄文键盘布局，转换后为 {barcode}，没有商品使用此条码。请将键盘切换为英文"
              "（或设置扫描枪）后重新扫描。",
    },
    "station_posting_not_found": {
        "en": "Posting {posting}{barcode} not found, neither here nor on Ozon.",
        "ru": "Отправление {posting}{barcode} не найдено ни здесь, ни в Ozon.",
        "zh": "找不到货件 {posting}{barcode}，本地和 Ozon 上都没有。",
    },
    "station_posting_not_packable": {
        "en": "Posting {posting} cannot be packed now ({detail}).",
        "ru": "Отправление {posting} сейчас нельзя упаковать ({detail}).",
        "zh": "货件 {posting} 目前无法打包（{detail}）。",
    },
    "station_posting_not_packable_cancelled": {
        "en": "STOP: posting {posting} is CANCELLED ({detail}). Do not ship it; put the goods back.",
        "ru": "СТОП: отправление {posting} ОТМЕНЕНО ({detail}). Не отгружайте; верните товар на место.",
        "zh": "停止：货件 {posting} 已取消（{detail}）。不要发货；请将商品放回。",
    },
    "station_posting_not_packable_goods_on_hold": {
        "en": "STOP: posting {posting} was cancelled ({detail}): its goods must not go into another parcel. "
              "Put them back, then scan CMD:ACK or the next posting number.",
        "ru": "СТОП: отправление {posting} отменено ({detail}): его товары нельзя класть в другую посылку. "
              "Верните их на место, затем отсканируйте CMD:ACK или номер следующего отправления.",
        "zh": "停止：货件 {posting} 已取消（{detail}）：其商品不能放入其他包裹。"
              "请放回商品，然后扫描 CMD:ACK 或下一个货件号。",
    },
    "station_posting_not_packable_packed": {
        "en": "Posting {posting} is already packed ({detail}, station {holder}).",
        "ru": "Отправление {posting} уже упаковано ({detail}, станция {holder}).",
        "zh": "货件 {posting} 已打包（{detail}，工位 {holder}）。",
    },
    "station_posting_not_packable_packed_elsewhere": {
        "en": "Posting {posting} is already packed ({detail}), not at a packdesk bench (in Ozon's seller office, "
              "perhaps).",
        "ru": "Отправление {posting} уже упаковано ({detail}), и не на месте упаковки packdesk (возможно, в личном "
              "кабинете Ozon).",
        "zh": "货件 {posting} 已打包（{detail}），不是在 packdesk 工作台上（可能是在 Ozon 卖家后台）。",
    },
    "station_posting_not_packable_claimed": {
        "en": "Posting {posting} is being packed at station {holder}.",
        "ru": "Отправление {posting} уже упаковывается на станции {holder}.",
        "zh": "货件 {posting} 正在工位 {holder} 打包。",
    },
    "station_posting_not_packable_status": {
        "en": "Posting {posting} is not awaiting packaging on Ozon now (it is {detail}).",
        "ru": "Отправление {posting} сейчас не ждёт упаковки в Ozon (статус «{detail}»).",
        "zh": "货件 {posting} 在 Ozon 上目前不是待打包状态（当前状态：{detail}）。",
    },
    "station_posting_not_packable_problem": {
        "en": "Posting {posting} is parked with a problem: {detail}.",
        "ru": "Отправление {posting} отложено из-за проблемы: {detail}.",
        "zh": "货件 {posting} 因问题被搁置：{detail}。",
    },
    "station_duplicate_unit": {
        "en": "This marking code was already scanned (posting {other}). Scan the code of another unit.",
        "ru": "Этот код маркировки уже сканировали (отправление {other}). Отсканируйте код другой единицы.",
        "zh": "此标识码已扫描过（货件 {other}）。请扫描另一件商品的标识码。",
    },
    "station_marking_invalid": {
        "en": "Marking code not valid: {problem}. Scan the DataMatrix again.",
        "ru": "Код маркировки недействителен: {problem}. Отсканируйте DataMatrix ещё раз.",
        "zh": "标识码无效：{problem}。请重新扫描 DataMatrix 码。",
    },
    "station_bad_scan": {
        "en": "Scan not understood ({problem}). Check the scanner or keyboard layout and scan again.",
        "ru": "Скан не распознан ({problem}). Проверьте сканер или раскладку клавиатуры и повторите.",
        "zh": "无法识别扫描内容（{problem}）。请检查扫描枪或键盘布局后重试。",
    },
    "station_mark_required": {
        "en": "{product} needs its Chestny ZNAK code: scan the DataMatrix on the unit, not the EAN.",
        "ru": "Для «{product}» нужен код «Честного ЗНАКа»: отсканируйте DataMatrix на единице, а не EAN.",
        "zh": "{product} 需要“诚信标志”码：请扫描商品上的 DataMatrix 码，而不是 EAN。",
    },
    "station_no_packable_posting": {
        "en": "No posting waiting to be packed holds {product}.",
        "ru": "Нет отправлений к упаковке с товаром «{product}».",
        "zh": "没有待打包的货件包含 {product}。",
    },
    "station_acknowledged": {
        "en": "Acknowledged.",
        "ru": "Принято.",
        "zh": "已确认。",
    },
    "station_posting_parked": {
        "en": "Posting {posting} parked: still yours, scan it to go on.",
        "ru": "Отправление {posting} отложено: остаётся за вами, отсканируйте, чтобы продолжить.",
        "zh": "货件 {posting} 已暂存：仍归您，扫描即可继续。",
    },
    "station_posting_released": {
        "en": "Posting {posting} put back: {dropped} counted units dropped, free for any station.",
        "ru": "Отправление {posting} возвращено: засчитанные {dropped} шт. сброшены, доступно всем станциям.",
        "zh": "货件 {posting} 已退回：已清除 {dropped} 件计数，任何工位都可处理。",
    },
    "station_box_started": {
        "en": "Box {box} started.",
        "ru": "Начата коробка {box}.",
        "zh": "已开始第 {box} 箱。",
    },
    "station_box_empty": {
        "en": "Box {box} is still empty: scan units into it first.",
        "ru": "Коробка {box} ещё пуста: сначала отсканируйте в неё товары.",
        "zh": "第 {box} 箱仍是空的：请先扫描商品放入。",
    },
    "station_barcode_taught": {
        "en": "Barcode {barcode} now means {product}.",
        "ru": "Штрихкод {barcode} теперь означает «{product}».",
        "zh": "条码 {barcode} 现已对应 {product}。",
    },
    "station_not_authorized": {
        "en": "{person} may not confirm this ({action}); ask a supervisor.",
        "ru": "{person} не может это подтвердить ({action}); обратитесь к старшему.",
        "zh": "{person} 无权确认此操作（{action}）；请找主管。",
    },
    "station_teach_needs_line": {
        "en": "Choose the posting line this barcode belongs to on the screen.",
        "ru": "Выберите на экране строку отправления, к которой относится этот штрихкод.",
        "zh": "请在屏幕上选择此条码所属的货件行。",
    },
    "station_nothing_open": {
        "en": "No posting is open: scan a posting or an item first.",
        "ru": "Нет открытого отправления: сначала отсканируйте отправление или товар.",
        "zh": "没有打开的货件：请先扫描货件或商品。",
    },
    "station_not_complete": {
        "en": "Not every unit is verified yet ({counted} of {total}): scan the rest before weighing.",
        "ru": "Проверены не все единицы ({counted} из {total}): отсканируйте остальные перед взвешиванием.",
        "zh": "尚未核对全部商品（{counted}/{total}）：请先扫描其余商品再称重。",
    },
    "station_weight_unstable": {
        "en": "The scale is still moving; wait for a stable weight.",
        "ru": "Весы ещё не успокоились; дождитесь стабильного веса.",
        "zh": "秤的读数仍在变动；请等待稳定。",
    },
    "station_nothing_to_override": {
        "en": "There is no weight mismatch to override.",
        "ru": "Нет расхождения веса, которое нужно подтверждать.",
        "zh": "没有需要放行的重量偏差。",
    },
    "station_status": {
        "en": "Station ready.",
        "ru": "Станция готова.",
        "zh": "工位就绪。",
    },
    "station_scale_unavailable": {
        "en": "No stable weight from the scale ({detail}).",
        "ru": "Весы не дали стабильного веса ({detail}).",
        "zh": "秤没有给出稳定读数（{detail}）。",
    },
    "scale_not_set": {
        "en": "No scale to read: pass --device URI, or set [devices] scale in the configuration.",
        "ru": "Не указаны весы: передайте --device URI или задайте [devices] scale в конфигурации.",
        "zh": "没有可读取的秤：请传入 --device URI，或在配置中设置 [devices] scale。",
    },
    "scale_says_overload": {"en": "the scale says it is overloaded", "ru": "весы показывают перегрузку",
                            "zh": "秤显示超载"},
    "scale_says_invalid": {"en": "the scale sends what is not a weight: {detail}",
                           "ru": "весы присылают не вес: {detail}", "zh": "秤发送的不是重量：{detail}"},
    "scale_state": {"en": "scale: {state}", "ru": "весы: {state}", "zh": "秤：{state}"},
    "scale_no_reading": {
        "en": "No reading from the scale {device} within {seconds} s ({detail}). Check its cable and power, "
              "and that the URI's port and protocol= are the scale's.",
        "ru": "Весы {device} не дали показаний за {seconds} с ({detail}). Проверьте кабель и питание весов и "
              "что порт и protocol= в URI — те, что у весов.",
        "zh": "秤 {device} 在 {seconds} 秒内没有读数（{detail}）。请检查秤的线缆和电源，以及 URI 中的端口和 "
              "protocol= 是否与秤一致。",
    },
    "station_waited": {
        "en": "Waited {seconds} s.",
        "ru": "Ожидание {seconds} с.",
        "zh": "已等待 {seconds} 秒。",
    },
    "station_bad_event": {
        "en": "Line {line} of the script is not a valid event ({detail}).",
        "ru": "Строка {line} сценария — не допустимое событие ({detail}).",
        "zh": "脚本第 {line} 行不是有效事件（{detail}）。",
    },
}
