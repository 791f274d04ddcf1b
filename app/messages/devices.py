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


def device_state_words(state: str | None, lang: str) -> str:
    """``disconnected: [Errno 2] ...`` -> ``отключено: [Errno 2] ...``; an unknown state as it is."""
    if not state:
        return ""
    head, colon, reason = state.partition(": ")
    return lookup(DEVICE_WORDS, f"device_{head}", head, lang) + (f": {reason}" if colon else "")


def label_state_word(state: str | None, lang: str) -> str:
    return lookup(DEVICE_WORDS, f"label_state_{state}", state or "", lang)
