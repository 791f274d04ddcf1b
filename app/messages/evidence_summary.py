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
    # {status}, {before}: Ozon's status and substatus in words (app.services.evidence.summary)
    "evidence_tl_ozon_status_changed": {
        "en": "Ozon's status changed, seen by the sync: {before} → {status}",
        "ru": "Статус в Ozon изменился по данным синхронизации: {before} → {status}",
        "zh": "同步看到 Ozon 状态变更：{before} → {status}",
    },
    "evidence_tl_ozon_status": {
        "en": "Ozon's status seen by the sync: {status}",
        "ru": "Статус в Ozon по данным синхронизации: {status}",
        "zh": "同步看到的 Ozon 状态：{status}",
    },
    # the hand-over the parcel left in (app.services.handover.evidence)
    "evidence_tl_handover_clip": {
        "en": "Video of the hand-over to the courier: {seconds} s, {state}.",
        "ru": "Видео передачи курьеру: {seconds} с, {state}.",
        "zh": "交接给快递员的视频：{seconds} 秒，{state}。",
    },
    "evidence_tl_handover_act_photo": {
        "en": "Photo of the hand-over's act on the desk: {state}.",
        "ru": "Фото акта передачи на столе: {state}.",
        "zh": "交接单在桌上的照片：{state}。",
    },
    "evidence_tl_parcel_scanned_out": {
        "en": "Scanned out to the courier in hand-over #{handover} ({method}).",
        "ru": "Отсканировано при передаче курьеру, передача №{handover} ({method}).",
        "zh": "已在交接 #{handover}（{method}）中扫描交给快递员。",
    },
    "evidence_tl_handover_closed_with": {
        "en": "Hand-over #{handover} closed; Ozon's carriage {carriage_id}.",
        "ru": "Передача №{handover} закрыта; отгрузка Ozon {carriage_id}.",
        "zh": "交接 #{handover} 已完成；Ozon 发运单 {carriage_id}。",
    },
    # returns and cases (app.services.returns)
    "evidence_tl_return_clip": {
        "en": "Video of the return's unpacking: {seconds} s, {state}.",
        "ru": "Видео распаковки возврата: {seconds} с, {state}.",
        "zh": "退货拆包视频：{seconds} 秒，{state}。"},
    "evidence_tl_return_listed": {
        "en": "Ozon: return {return_number} ({kind}) of {product} × {quantity}, reason: {reason}; state: {state}.",
        "ru": "Ozon: возврат {return_number} ({kind}) товара {product} × {quantity}, причина: {reason}; статус: {state}.",
        "zh": "Ozon：退货 {return_number}（{kind}），{product} × {quantity}，原因：{reason}；状态：{state}。"},
    "evidence_tl_return_opened": {
        "en": "Return {return_number} opened at the bench for unpacking on camera.",
        "ru": "Возврат {return_number} вскрыт на столе под камерой.",
        "zh": "退货 {return_number} 在工位摄像头下拆包。"},
    "evidence_tl_return_unit_ok": {
        "en": "Unit scanned back: {product}{mark} — the unit that shipped.",
        "ru": "Единица возврата: {product}{mark} — та, что была отправлена.",
        "zh": "退回商品：{product}{mark}——正是发出的那一件。"},
    "evidence_tl_return_unit_mismatch": {
        "en": "Unit scanned back NOT as shipped ({variant}): {product} {mark}{scanned_code}.",
        "ru": "Единица возврата НЕ совпала с отправленной ({variant}): {product} {mark}{scanned_code}.",
        "zh": "退回商品与发货不一致（{variant}）：{product} {mark}{scanned_code}。"},
    "evidence_tl_return_scan_mark": {
        "en": "{product} scanned by its item barcode; its marking code was asked for.",
        "ru": "{product} отсканирован по штрихкоду товара; запрошен код маркировки.",
        "zh": "{product} 扫描了商品条码；已要求扫描其标识码。"},
    "evidence_tl_return_note": {
        "en": "Condition note on the return: {note}", "ru": "Заметка о состоянии возврата: {note}",
        "zh": "退货状况备注：{note}"},
    "evidence_tl_return_photo": {
        "en": "Photo of the returned goods taken.", "ru": "Сделано фото возвращённого товара.", "zh": "已拍摄退回商品的照片。"},
    "evidence_tl_return_closed": {
        "en": "Return {return_number} closed: {ok} unit(s) as shipped, {mismatch} not.",
        "ru": "Возврат {return_number} закрыт: совпало {ok}, не совпало {mismatch}.",
        "zh": "退货 {return_number} 已关闭：一致 {ok} 件，不一致 {mismatch} 件。"},
    "evidence_tl_case_opened": {
        "en": "Case #{case} opened ({type}): {note}", "ru": "Открыт кейс №{case} ({type}): {note}",
        "zh": "已创建案例 #{case}（{type}）：{note}"},
    "evidence_tl_case_note": {
        "en": "Case #{case}, note: {note}", "ru": "Кейс №{case}, заметка: {note}", "zh": "案例 #{case} 备注：{note}"},
    "evidence_tl_case_attachment": {
        "en": "Case #{case}: file {name} attached (SHA-256 {sha256}).",
        "ru": "Кейс №{case}: приложен файл {name} (SHA-256 {sha256}).",
        "zh": "案例 #{case}：已附加文件 {name}（SHA-256 {sha256}）。"},
    "evidence_tl_case_closed": {
        "en": "Case #{case} closed: {resolution}.", "ru": "Кейс №{case} закрыт: {resolution}.",
        "zh": "案例 #{case} 已关闭：{resolution}。"},
    "evidence_tl_case_resolution": {
        "en": "Case #{case} resolution: {resolution}.", "ru": "Решение по кейсу №{case}: {resolution}.",
        "zh": "案例 #{case} 的处理结果：{resolution}。"},
    "evidence_tl_case_files": {
        "en": "Case #{case}: {count} file(s) attached.", "ru": "Кейс №{case}: приложено файлов: {count}.",
        "zh": "案例 #{case}：已附加 {count} 个文件。"},
    "evidence_tl_other": {"en": "Recorded: {code} {details}", "ru": "Запись: {code} {details}",
                          "zh": "记录：{code} {details}"},
}
