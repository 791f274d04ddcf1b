"""The devices' states and the label queue's states in the packer's words: what the status bar
and the Failed prints tab show. A device worker reports ``connecting``, ``connected``,
``disconnected: REASON``, ``unavailable: REASON``, ``stopped``; a printer's failure is one of
``app.devices.printers.errors.KINDS``; a label's state one of ``app.store.models.LABEL_STATES``.
The reason after the colon is the library's own text and stays as it is."""
from __future__ import annotations

from app.messages.words import lookup, table


DEVICE_WORDS: dict[str, dict[str, str]] = {
    **table("device_", {
        "idle": ("idle", "не запущено", "未启动"),
        "connecting": ("connecting…", "подключение…", "连接中…"),
        "connected": ("connected", "подключено", "已连接"),
        "disconnected": ("disconnected", "отключено", "已断开"),
        "unavailable": ("unavailable", "недоступно", "不可用"),
        "stopped": ("stopped", "остановлено", "已停止"),
        "error": ("error", "ошибка", "出错"),
        # a printer's failure (app.devices.printers.errors.KINDS)
        "offline": ("offline", "не в сети", "离线"),
        "refused": ("refused the connection", "отказ в подключении", "拒绝连接"),
        "reset": ("connection dropped", "связь оборвалась", "连接中断"),
        "timeout": ("not answering", "не отвечает", "无响应"),
        "no_paper": ("out of labels", "кончились этикетки", "标签纸用完"),
        "cover_open": ("cover open", "открыта крышка", "盖子未关"),
        "failed": ("failed", "ошибка", "失败"),
        # why a label is not printed (app.services.labels.printing)
        "render": ("the label's PDF does not render", "PDF этикетки не отрисовывается", "面单 PDF 无法渲染"),
        "missing": ("the label's file is missing", "нет файла этикетки", "面单文件丢失"),
        "elsewhere": ("belongs to another bench", "этикетка другого места", "属于其他工作台"),
        "posting_registration_error": ("the partner refused to register it", "партнёр не зарегистрировал",
                                       "合作方拒绝登记"),
    }),
    # a label's state (app.store.models LABEL_*)
    **table("label_state_", {
        "waiting": ("waiting", "ждёт", "等待中"),
        "fetched": ("fetched", "получена", "已获取"),
        "printed": ("printed", "напечатана", "已打印"),
        "failed": ("failed", "ошибка", "失败"),
        "parked": ("parked", "отложена", "已搁置"),
    }),
}

# what to do when a label did not print, by the printer's failure (app.devices.printers.errors.KINDS)
PRINT_FAILED: dict[str, dict[str, str]] = {
    "label_print_failed": {
        "en": "The label of {posting} did not print: {said}. {hint} ({detail})",
        "ru": "Этикетка {posting} не напечатана: {said}. {hint} ({detail})",
        "zh": "货件 {posting} 的面单未能打印：{said}。{hint}（{detail}）",
    },
    **table("print_hint_", {
        "offline": ("Check that the printer is on and its cable or network is connected.",
                    "Проверьте, что принтер включён и его кабель или сеть подключены.",
                    "请检查打印机是否开机、线缆或网络是否连接。"),
        "refused": ("Check the printer's address and port in Settings → Devices.",
                    "Проверьте адрес и порт принтера в Настройки → Устройства.",
                    "请在 设置 → 设备 中检查打印机地址和端口。"),
        "timeout": ("Check that the printer is on and not busy, then reprint it from Queues → Failed prints.",
                    "Проверьте, что принтер включён и не занят, и напечатайте снова: Очереди → Ошибки печати.",
                    "请检查打印机是否开机且空闲，然后在 队列 → 打印失败 中重新打印。"),
        "no_paper": ("Put in a new roll of labels, then reprint it from Queues → Failed prints.",
                     "Вставьте новый рулон этикеток и напечатайте снова: Очереди → Ошибки печати.",
                     "请装入新的标签纸卷，然后在 队列 → 打印失败 中重新打印。"),
        "cover_open": ("Close the printer's cover, then reprint it from Queues → Failed prints.",
                       "Закройте крышку принтера и напечатайте снова: Очереди → Ошибки печати.",
                       "请合上打印机盖，然后在 队列 → 打印失败 中重新打印。"),
        "unavailable": ("This computer cannot use that printer (driver, library or permission): see "
                        "Settings → Devices.",
                        "Этот компьютер не может работать с этим принтером (драйвер, библиотека или права): "
                        "см. Настройки → Устройства.",
                        "本机无法使用该打印机（驱动、库或权限问题）：请查看 设置 → 设备。"),
        "render": ("Ozon's label file cannot be drawn: fetch it again with packdesk label POSTING.",
                   "Файл этикетки Ozon не отрисовывается: получите его снова командой packdesk label ОТПРАВЛЕНИЕ.",
                   "Ozon 面单文件无法绘制：请用 packdesk label 货件号 重新获取。"),
        "missing": ("Fetch it again with packdesk label POSTING.",
                    "Получите её снова командой packdesk label ОТПРАВЛЕНИЕ.",
                    "请用 packdesk label 货件号 重新获取。"),
        "elsewhere": ("Reprint it at the bench that packed the posting.",
                      "Напечатайте её снова на том месте, где упаковали отправление.",
                      "请在打包该货件的工作台上重新打印。"),
        "other": ("Check the printer, then reprint it from Queues → Failed prints.",
                  "Проверьте принтер и напечатайте снова: Очереди → Ошибки печати.",
                  "请检查打印机，然后在 队列 → 打印失败 中重新打印。"),
    }),
}


def print_failed_text(posting: str, kind: str | None, detail: str | None, lang: str) -> str:
    """A label that did not print, in the packer's language: what went wrong and what to do."""
    hint = f"print_hint_{kind}" if f"print_hint_{kind}" in PRINT_FAILED else "print_hint_other"
    return lookup(PRINT_FAILED, "label_print_failed", "", lang).format(
        posting=posting, said=device_state_words(kind or "failed", lang), hint=lookup(PRINT_FAILED, hint, "", lang),
        detail=detail or "-")


def device_state_words(state: str | None, lang: str) -> str:
    """``disconnected: [Errno 2] ...`` -> ``отключено: [Errno 2] ...``; an unknown state as it is."""
    if not state:
        return ""
    head, colon, reason = state.partition(": ")
    return lookup(DEVICE_WORDS, f"device_{head}", head, lang) + (f": {reason}" if colon else "")


def label_state_word(state: str | None, lang: str) -> str:
    return lookup(DEVICE_WORDS, f"label_state_{state}", state or "", lang)
