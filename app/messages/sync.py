"""The stages of a sync pass, as a packer names them (``packdesk sync`` and the status bar say
which did not finish), in Russian, Simplified Chinese and English."""
from __future__ import annotations

SYNC_MESSAGES: dict[str, dict[str, str]] = {
    "sync_stage_outbox": {
        "en": "sending commands to Ozon",
        "ru": "отправка команд в Ozon",
        "zh": "向 Ozon 发送指令",
    },
    "sync_stage_reference": {
        "en": "warehouses and delivery methods",
        "ru": "склады и способы доставки",
        "zh": "仓库和配送方式",
    },
    "sync_stage_key": {
        "en": "API key check",
        "ru": "проверка API-ключа",
        "zh": "API 密钥检查",
    },
    "sync_stage_postings": {
        "en": "postings",
        "ru": "отправления",
        "zh": "货件",
    },
    "sync_stage_reconcile": {
        "en": "postings gone from Ozon's list",
        "ru": "отправления, пропавшие из списка Ozon",
        "zh": "从 Ozon 列表中消失的货件",
    },
    "sync_stage_products": {
        "en": "products",
        "ru": "товары",
        "zh": "商品",
    },
    "sync_stage_carriers": {
        "en": "carrier shipments (Russian Post, CDEK)",
        "ru": "отправления перевозчиков (Почта России, СДЭК)",
        "zh": "承运商运单（俄罗斯邮政、CDEK）",
    },
    "sync_stage_aggregator": {
        "en": "partner delivery registrations",
        "ru": "регистрация у партнёра доставки",
        "zh": "配送合作方登记",
    },
    "sync_stage_buyer_chat": {
        "en": "messages to buyers",
        "ru": "сообщения покупателям",
        "zh": "给买家的消息",
    },
    "sync_stage_marks": {
        "en": "marking codes for Ozon",
        "ru": "коды маркировки для Ozon",
        "zh": "发送给 Ozon 的标识码",
    },
    "sync_stage_returns": {
        "en": "returns",
        "ru": "возвраты",
        "zh": "退货",
    },
    "sync_stage_outbox_again": {  # the second drain: the same work for the packer
        "en": "sending commands to Ozon",
        "ru": "отправка команд в Ozon",
        "zh": "向 Ozon 发送指令",
    },
    "sync_stage_labels": {
        "en": "fetching labels",
        "ru": "получение этикеток",
        "zh": "获取面单",
    },
    "sync_stage_printing": {
        "en": "printing labels",
        "ru": "печать этикеток",
        "zh": "打印面单",
    },
    "sync_stage_prune": {
        "en": "removing old label files",
        "ru": "удаление старых файлов этикеток",
        "zh": "删除旧的面单文件",
    },
    "sync_stage_bug": {
        "en": "a bug in packdesk, the details are in the log: {detail}",
        "ru": "ошибка в программе packdesk, подробности в журнале: {detail}",
        "zh": "packdesk 程序错误，详情见日志：{detail}",
    },
    "sync_stages_failed": {  # the status bar: which stages of the last pass did not finish
        "en": "⚠ Not done: {stages}",
        "ru": "⚠ Не выполнено: {stages}",
        "zh": "⚠ 未完成：{stages}",
    },
}


def stage_names(stages: list[str], lang: str) -> list[str]:
    """The packer's names of sync stages (``PassSummary.failed_stages``), each once, in order."""
    names = []
    for stage in stages:
        entry = SYNC_MESSAGES.get(f"sync_stage_{stage}")
        names.append(stage if entry is None else entry.get(lang) or entry["en"])
    return list(dict.fromkeys(names))
