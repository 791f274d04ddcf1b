"""Texts of the command-barcode sheet (``app.services.labels.command_sheet``): the title printed
above each command barcode, the sheet's page header and the outcome of printing it. Part of
``app.messages.CATALOGUE``; same rules (ru, zh, en; ``str.format``)."""
from __future__ import annotations

COMMAND_MESSAGES: dict[str, dict[str, str]] = {
    # one title per command of app.services.station.classify.COMMANDS ("command_" + name, "-" -> "_")
    "command_ack": {
        "en": "Clear the error",
        "ru": "Сбросить ошибку",
        "zh": "清除错误提示",
    },
    "command_park": {
        "en": "Park the posting",
        "ru": "Отложить отправление",
        "zh": "暂存货件",
    },
    "command_next_box": {
        "en": "Next box",
        "ru": "Следующая коробка",
        "zh": "下一个箱子",
    },
    "command_cancel": {
        "en": "Cancel packing",
        "ru": "Отменить сборку",
        "zh": "取消本单打包",
    },
    "command_short": {
        "en": "Units missing",
        "ru": "Недостача",
        "zh": "缺货",
    },
    "command_override_weight": {
        "en": "Accept weight: {supervisor}",
        "ru": "Принять вес: {supervisor}",
        "zh": "确认重量：{supervisor}",
    },
    "command_teach": {
        "en": "Teach barcode: {supervisor}",
        "ru": "Привязать штрихкод: {supervisor}",
        "zh": "关联条码：{supervisor}",
    },
    "command_sheet_header": {
        "en": "Command barcodes · page {page} of {pages}",
        "ru": "Командные штрихкоды · лист {page} из {pages}",
        "zh": "命令条码 · 第 {page} 页，共 {pages} 页",
    },
    "command_sheet_printed": {
        "en": "Command barcode sheet printed ({pages} label(s)).",
        "ru": "Лист командных штрихкодов напечатан (этикеток: {pages}).",
        "zh": "命令条码表已打印（共 {pages} 张标签）。",
    },
    "command_sheet_print_failed": {
        "en": "The command barcode sheet did not print: {detail}",
        "ru": "Лист командных штрихкодов не напечатан: {detail}",
        "zh": "命令条码表未能打印：{detail}",
    },
    "command_sheet_skipped": {
        "en": "No barcode for supervisor(s) {names}: a barcode carries only Latin letters, digits and "
              ". - _ + / * $ %, and must fit on the label. Add a short Latin spelling to "
              "[station] supervisors.",
        "ru": "Нет штрихкода для старших: {names}. В штрихкоде допустимы только латинские буквы, цифры и "
              ". - _ + / * $ %, и он должен поместиться на этикетке. Добавьте короткое имя латиницей "
              "в [station] supervisors.",
        "zh": "无法为主管 {names} 生成条码：条码只能包含拉丁字母、数字和 . - _ + / * $ %，且须能放进标签。"
              "请在 [station] supervisors 中添加简短的拉丁字母名称。",
    },
}
