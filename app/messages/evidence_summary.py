"""The dispute bundle's summary (``app/services/evidence/summary.py``): its headings and the words
of timeline entries the station's own messages do not cover. Russian is the default: Ozon's support
reads it."""
from __future__ import annotations

SUMMARY_MESSAGES: dict[str, dict[str, str]] = {
    "evsum_title": {"en": "Evidence for posting {posting}", "ru": "Доказательства по отправлению {posting}",
                    "zh": "货件 {posting} 的证据"},
    "evsum_made": {"en": "Made {time} at station {station} by packdesk {version}. Times are {zone}.",
                   "ru": "Сформировано {time} на месте упаковки {station}, packdesk {version}. Время: {zone}.",
                   "zh": "由 packdesk {version} 于 {time} 在工位 {station} 生成。时间为 {zone}。"},
    "evsum_posting": {"en": "Posting", "ru": "Отправление", "zh": "货件"},
    "evsum_field_status": {"en": "Ozon status", "ru": "Статус Ozon", "zh": "Ozon 状态"},
    "evsum_field_order": {"en": "Order", "ru": "Заказ", "zh": "订单"},
    "evsum_field_method": {"en": "Delivery method", "ru": "Способ доставки", "zh": "配送方式"},
    "evsum_field_ship_by": {"en": "Ship by", "ru": "Отгрузить до", "zh": "发货截止"},
    "evsum_field_packed": {"en": "Packed", "ru": "Упаковано", "zh": "打包"},
    "evsum_field_weight": {"en": "Weight measured", "ru": "Измеренный вес", "zh": "实测重量"},
    "evsum_field_tracking": {"en": "Tracking number", "ru": "Трек-номер", "zh": "追踪号"},
    "evsum_items": {"en": "Items", "ru": "Товары", "zh": "商品"},
    "evsum_col_item": {"en": "Item", "ru": "Товар", "zh": "商品"},
    "evsum_col_qty": {"en": "Qty", "ru": "Кол-во", "zh": "数量"},
    "evsum_timeline": {"en": "Timeline", "ru": "Хронология", "zh": "时间线"},
    "evsum_col_time": {"en": "Time", "ru": "Время", "zh": "时间"},
    "evsum_col_what": {"en": "What happened", "ru": "Что произошло", "zh": "经过"},
    "evsum_col_who": {"en": "Station / packer", "ru": "Место / упаковщик", "zh": "工位 / 打包员"},
    "evsum_files": {"en": "Video, photos and documents", "ru": "Видео, фото и документы", "zh": "视频、照片和文件"},
    "evsum_col_file": {"en": "File", "ru": "Файл", "zh": "文件"},
    "evsum_col_state": {"en": "State", "ru": "Состояние", "zh": "状态"},
    "evsum_chain": {"en": "Evidence log", "ru": "Журнал доказательств", "zh": "证据日志"},
    "evsum_chain_intact": {
        "en": "The bench's evidence log was checked from entry 1 to entry {entries}: every entry follows the one "
              "before it and every sealed record still matches. Entries of this posting:",
        "ru": "Журнал доказательств места упаковки проверен с записи 1 по запись {entries}: каждая запись "
              "продолжает предыдущую, каждая запечатанная запись совпадает. Записи по этому отправлению:",
        "zh": "已检查本工作台证据日志第 1 至第 {entries} 条：每条都衔接上一条，所有封存记录均一致。本货件的条目：",
    },
    "evsum_chain_broken": {
        "en": "WARNING: the bench's evidence log is broken at {where}: {detail}. Entries of this posting:",
        "ru": "ВНИМАНИЕ: журнал доказательств места упаковки нарушен: {where}: {detail}. Записи по этому отправлению:",
        "zh": "警告：本工作台证据日志在 {where} 处被破坏：{detail}。本货件的条目：",
    },
    "evsum_how": {
        "en": "Each file's SHA-256 is in manifest.json and in the evidence log entry that sealed it when it was "
              "made. Check this bundle with: packdesk evidence verify <file>.zip",
        "ru": "SHA-256 каждого файла указан в manifest.json и в записи журнала доказательств, сделанной при его "
              "создании. Проверка пакета: packdesk evidence verify <файл>.zip",
        "zh": "每个文件的 SHA-256 都记录在 manifest.json 及其生成时封存它的证据日志条目中。校验本证据包："
              "packdesk evidence verify <文件>.zip",
    },
    "evsum_font_note": {
        "en": "(Written in English: this computer has no font for the language asked for.)",
        "ru": "(Written in English: this computer has no font for the language asked for.) (нет шрифта)",
        "zh": "(Written in English: this computer has no font for the language asked for.)（无字体）",
    },
    # file states
    "evsum_state_sealed": {"en": "sealed", "ru": "запечатан", "zh": "已封存"},
    "evsum_state_failed": {"en": "FAILED: {detail}", "ru": "СБОЙ: {detail}", "zh": "失败：{detail}"},
    "evsum_state_pruned": {"en": "removed ({detail})", "ru": "удалён ({detail})", "zh": "已删除（{detail}）"},
    "evsum_state_recording": {"en": "being recorded", "ru": "идёт запись", "zh": "录制中"},
    # timeline entries the station's messages do not cover
    "evidence_tl_packed": {
        "en": "Packed: {packages} package(s), weight {measured_g} g; the ship command was queued for Ozon.",
        "ru": "Упаковано: грузомест {packages}, вес {measured_g} г; команда отгрузки поставлена в очередь Ozon.",
        "zh": "已打包：{packages} 个包裹，重量 {measured_g} 克；发货指令已排队发送至 Ozon。",
    },
    "evidence_tl_clip": {
        "en": "Packing video{box_text}: {seconds} s, {state}.",
        "ru": "Видео упаковки{box_text}: {seconds} с, {state}.",
        "zh": "打包视频{box_text}：{seconds} 秒，{state}。",
    },
    "evidence_tl_photo": {
        "en": "Photo of the parcel on the scale: {state}.",
        "ru": "Фото посылки на весах: {state}.",
        "zh": "包裹在秤上的照片：{state}。",
    },
    "evidence_tl_box": {"en": " (box {box})", "ru": " (коробка {box})", "zh": "（第 {box} 箱）"},
    "evidence_tl_label_fetched_ozon": {
        "en": "Ozon's label received.", "ru": "Этикетка Ozon получена.", "zh": "已收到 Ozon 面单。"},
    "evidence_tl_label_printed_ozon": {
        "en": "Ozon's label printed on {printer} ({copies} copies).",
        "ru": "Этикетка Ozon напечатана на {printer} (копий: {copies}).",
        "zh": "Ozon 面单已在 {printer} 上打印（{copies} 份）。"},
    "evidence_tl_label_printed_own": {
        "en": "The station's order label printed on {printer}.",
        "ru": "Собственная этикетка заказа напечатана на {printer}.",
        "zh": "工位订单标签已在 {printer} 上打印。"},
    "evidence_tl_ozon_command_queued": {
        "en": "Command '{command}' queued for Ozon.", "ru": "Команда «{command}» поставлена в очередь для Ozon.",
        "zh": "指令“{command}”已排队发送至 Ozon。"},
    "evidence_tl_ozon_command_done": {
        "en": "Ozon accepted the command '{command}'.", "ru": "Ozon принял команду «{command}».",
        "zh": "Ozon 已接受指令“{command}”。"},
    "evidence_tl_ozon_command_parked": {
        "en": "Ozon refused the command '{command}': {reason}", "ru": "Ozon отклонил команду «{command}»: {reason}",
        "zh": "Ozon 拒绝了指令“{command}”：{reason}"},
    "evidence_tl_other": {"en": "Recorded: {code} {details}", "ru": "Запись: {code} {details}",
                          "zh": "记录：{code} {details}"},
}
