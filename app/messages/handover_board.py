"""The hand-over board in words (``app.services.handover.board``; the Hand-over tab and
``packdesk handover status|receipt``): where a carriage is in its close, Ozon's carriage status, a
dispute's state, and the lines of the command's board and receipt. Part of
``app.messages.CATALOGUE``; same rules (ru, zh, en; ``str.format``)."""
from __future__ import annotations

from app.messages.words import lookup, table

# where the bench is in closing a hand-over (``close_step`` of app.services.handover.carriage)
CLOSE_STEP_WORDS: dict[str, dict[str, str]] = table("handover_step_", {
    "create": ("being created", "создаётся", "生成中"),
    "check": ("checking Ozon's act", "сверяем акт Ozon", "正在核对 Ozon 的交接单"),
    "trim": ("taking out parcels not here", "убираем посылки, которых здесь нет", "正在移除不在此处的包裹"),
    "approve": ("approving", "подтверждается", "确认中"),
    "confirm": ("approving", "подтверждается", "确认中"),
    "documents": ("approved, fetching the act", "подтверждена, акт загружается", "已确认，正在获取交接单"),
    "done": ("approved, act stored", "подтверждена, акт сохранён", "已确认，交接单已保存"),
    "refused": ("refused by Ozon", "отклонена Ozon", "被 Ozon 拒绝"),
})
# Ozon's carriage statuses (one Ozon adds later is shown as Ozon says it)
CARRIAGE_WORDS: dict[str, dict[str, str]] = table("carriage_status_", {
    "new": ("created, not approved", "создана, не подтверждена", "已创建，未确认"),
    "formed": ("approved", "подтверждена", "已确认"),
    "received": ("being accepted by Ozon", "Ozon принимает", "Ozon 正在接收"),
    "sended": ("sent by Ozon", "отправлена Ozon", "Ozon 已发出"),
    "closed": ("taken over by Ozon", "принята Ozon", "Ozon 已接收"),
    "cancelled": ("cancelled", "отменена", "已取消"),
})
# a dispute for a parcel Ozon has not scanned (app.store.models_handover ARBITRATION_*)
DISPUTE_WORDS: dict[str, dict[str, str]] = table("dispute_", {
    "requested": ("asked", "запрошен", "已申请"),
    "opened": ("opened", "открыт", "已发起"),
    "refused": ("refused", "отклонён", "被拒绝"),
})

# ``packdesk handover status`` and ``receipt``, one line each
BOARD_LINES: dict[str, dict[str, str]] = {
    "board_day": {"en": "Hand-overs of {day}", "ru": "Передачи за {day}", "zh": "{day} 的交接"},
    "board_nothing_ready": {"en": "Nothing ready to hand over.", "ru": "Передавать нечего.",
                            "zh": "没有待交接的包裹。"},
    "board_ready": {
        "en": "Ready: {method}: {parcels} parcel(s). Scan {command} to start.",
        "ru": "Готово к передаче: {method}: посылок {parcels}. Чтобы начать, отсканируйте {command}.",
        "zh": "待交接：{method}：{parcels} 个包裹。扫描 {command} 开始。",
    },
    "board_open": {
        "en": "Open: #{id} {method}: {scanned} of {expected} scanned, {missing} missing.",
        "ru": "Идёт передача №{id} {method}: отсканировано {scanned} из {expected}, не хватает {missing}.",
        "zh": "进行中：#{id} {method}：已扫描 {scanned}/{expected}，缺 {missing} 个。",
    },
    "board_last": {
        "en": "Last: #{id} {method}: {parcels} parcel(s), carriage {carriage} ({step}), act {act}.",
        "ru": "Последняя: №{id} {method}: посылок {parcels}, отгрузка {carriage} ({step}), акт {act}.",
        "zh": "上一次：#{id} {method}：{parcels} 个包裹，运输单 {carriage}（{step}），交接单 {act}。",
    },
    "board_refused": {"en": "Ozon refused the carriage: {error}", "ru": "Ozon отказал в отгрузке: {error}",
                      "zh": "Ozon 拒绝了运输单：{error}"},
    "board_flag": {
        "en": "Needs a person: {posting}: {flag} (Ozon: {status}); dispute: {dispute}.",
        "ru": "Требует внимания: {posting}: {flag} (Ozon: {status}); спор: {dispute}.",
        "zh": "需要人工处理：{posting}：{flag}（Ozon：{status}）；争议：{dispute}。",
    },
    "board_none": {"en": "-", "ru": "—", "zh": "无"},
    # the receipt's lines (app.services.handover.receipt.Receipt)
    "receipt_handover": {"en": "Hand-over", "ru": "Передача", "zh": "交接"},
    "receipt_station": {"en": "Station", "ru": "Станция", "zh": "工位"},
    "receipt_packer": {"en": "Handed over by", "ru": "Передал", "zh": "交接人"},
    "receipt_delivery_method": {"en": "Delivery method", "ru": "Способ доставки", "zh": "配送方式"},
    "receipt_departure_date": {"en": "Departure date", "ru": "Дата отгрузки", "zh": "发运日期"},
    "receipt_started_at": {"en": "Started", "ru": "Начата", "zh": "开始时间"},
    "receipt_closed_at": {"en": "Closed", "ru": "Закрыта", "zh": "结束时间"},
    "receipt_parcels": {"en": "Parcels", "ru": "Посылок", "zh": "包裹数"},
    "receipt_deferred": {"en": "Waiting for the next carriage", "ru": "Ждут следующей отгрузки",
                         "zh": "等待下一次运输"},
    "receipt_carriage_id": {"en": "Carriage", "ru": "Отгрузка", "zh": "运输单"},
    "receipt_act_number": {"en": "Act number", "ru": "Номер акта", "zh": "交接单编号"},
    "receipt_act_pdf": {"en": "Act", "ru": "Акт", "zh": "交接单"},
    "receipt_signed_act": {"en": "Signed act", "ru": "Подписанный акт", "zh": "已签字的交接单"},
    "receipt_forced_by": {"en": "Closed incomplete by", "ru": "Закрыл неполной", "zh": "强制结束人"},
    "receipt_force_reason": {"en": "Why", "ru": "Причина", "zh": "原因"},
}

BOARD_MESSAGES: dict[str, dict[str, str]] = {**CLOSE_STEP_WORDS, **CARRIAGE_WORDS, **DISPUTE_WORDS, **BOARD_LINES}


def carriage_word(status: str | None, lang: str) -> str:
    return lookup(CARRIAGE_WORDS, f"carriage_status_{status}", status or "", lang)


def close_step_word(step: str | None, carriage_status: str | None, lang: str) -> str:
    """Where a closed hand-over's carriage is: the bench's close step, else Ozon's carriage status."""
    return lookup(CLOSE_STEP_WORDS, f"handover_step_{step}", carriage_word(carriage_status, lang), lang)


def dispute_word(state: str | None, lang: str) -> str:
    return lookup(DISPUTE_WORDS, f"dispute_{state}", "", lang)
