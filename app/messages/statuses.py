"""Posting statuses in the seller's words, in Russian, Simplified Chinese and English: Ozon's
statuses and substatuses (``app.statuses``; Ozon's own Russian words where its Seller API reference
gives them) and the bench's local states. The window and the commands say a status with
``status_word`` and its kin; a code Ozon adds later is shown as Ozon's code until it has words here.
"""
from __future__ import annotations

from app.messages.words import lookup, table

# Ozon's posting statuses (every one in ``app.statuses.OZON_STATUSES``; a test checks it)
STATUS_WORDS: dict[str, dict[str, str]] = table("status_", {
    "acceptance_in_progress": ("acceptance in progress", "идёт приёмка", "验收中"),
    "awaiting_approve": ("awaiting approval", "ожидает подтверждения", "等待确认"),
    "awaiting_verification": ("created", "создано", "已创建"),
    "awaiting_packaging": ("awaiting packaging", "ожидает упаковки", "等待打包"),
    "awaiting_registration": ("awaiting registration", "ожидает регистрации", "等待登记"),
    "awaiting_deliver": ("awaiting shipment", "ожидает отгрузки", "等待发运"),
    "sent_by_seller": ("sent by seller", "отправлено продавцом", "卖家已发出"),
    "driver_pickup": ("with the driver", "у водителя", "司机已取件"),
    "delivering": ("delivering", "доставляется", "配送中"),
    "delivered": ("delivered", "доставлено", "已送达"),
    "not_accepted": ("not accepted at sorting", "не принято на сортировке", "分拣中心未接收"),
    "arbitration": ("dispute", "спор", "争议中"),
    "client_arbitration": ("buyer's dispute", "спор покупателя", "买家争议"),
    "cancelled": ("cancelled", "отменено", "已取消"),
    "cancelled_from_split_pending": ("cancelled (split)", "отменено (разделено)", "已取消（拆分）"),
})
# Ozon's posting substatuses, in the seller's words (Ozon's Russian ones from its Seller API reference)
SUBSTATUS_WORDS: dict[str, dict[str, str]] = table("substatus_", {
    "posting_acceptance_in_progress": ("acceptance in progress", "идёт приёмка", "验收中"),
    "posting_created": ("created", "создано", "已创建"),
    "posting_awaiting_registration": ("awaiting registration", "ожидает регистрации", "等待登记"),
    "posting_registered": ("registered", "зарегистрировано", "已登记"),
    "posting_registration_error": ("registration error", "ошибка регистрации", "登记出错"),
    "posting_awaiting_passport_data": ("awaiting passport data", "ожидает паспортных данных", "等待护照信息"),
    "posting_split_pending": ("awaiting a split", "ожидает разделения", "等待拆分"),
    "posting_transferring_to_delivery": ("handing over to delivery", "передаётся в доставку", "正在移交配送"),
    "posting_in_carriage": ("in a carriage", "в перевозке", "已加入发运批次"),
    "posting_not_in_carriage": ("not in a carriage", "не добавлено в перевозку", "未加入发运批次"),
    "posting_driver_pick_up": ("with the driver", "у водителя", "司机已取件"),
    "posting_not_in_sort_center": ("not accepted at the sorting centre", "не принято на сортировочном центре",
                                   "分拣中心未接收"),
    "posting_on_way_to_city": ("on the way to the city", "на пути в город", "正在运往城市"),
    "posting_transferred_to_courier_service": ("handed to the courier", "передаётся курьеру", "已转交快递员"),
    "posting_in_courier_service": ("courier on the way", "курьер в пути", "快递员派送中"),
    "posting_on_way_to_pickup_point": ("on the way to the pick-up point", "на пути в пункт выдачи", "正在运往自提点"),
    "posting_in_pickup_point": ("at the pick-up point", "в пункте выдачи", "已到自提点"),
    "posting_conditionally_delivered": ("conditionally delivered", "условно доставлено", "有条件送达"),
    "posting_delivered": ("delivered", "доставлено", "已送达"),
    "posting_received": ("received", "получено", "已签收"),
    "posting_sent_by_seller": ("sent by seller", "отправлено продавцом", "卖家已发出"),
    "posting_ship_failed": ("shipping failed: ship again", "отгрузка не прошла: отгрузите снова", "发货失败：请重新发货"),
    "posting_canceled": ("cancelled", "отменено", "已取消"),
    "posting_returned_to_warehouse": ("returned to the warehouse", "возвращено на склад", "已退回仓库"),
    "posting_in_arbitration": ("in dispute", "арбитраж", "争议中"),
    "posting_in_client_arbitration": ("buyer's delivery dispute", "клиентский арбитраж доставки", "买家配送争议"),
})
# the bench's local states (every one in ``app.statuses.LocalState``; a test checks it)
LOCAL_STATE_WORDS: dict[str, dict[str, str]] = table("local_state_", {
    "waiting": ("not started", "не начато", "未开始"),
    "in_progress": ("being packed", "упаковывается", "打包中"),
    "packed": ("packed", "упаковано", "已打包"),
    "shipped": ("shipped", "отгружено", "已发货"),
    "labelled": ("label printed", "этикетка напечатана", "面单已打印"),
    "handed_over": ("handed over", "передано", "已交接"),
    "problem": ("problem", "проблема", "有问题"),
    "cancelled": ("cancelled", "отменено", "已取消"),
})

# ``packdesk postings``: its header and units
LISTING_WORDS: dict[str, dict[str, str]] = {
    "listing_posting": {"en": "Posting", "ru": "Отправление", "zh": "货件"},
    "listing_status": {"en": "On Ozon", "ru": "В Ozon", "zh": "Ozon 状态"},
    "listing_local_state": {"en": "Here", "ru": "Здесь", "zh": "本地状态"},
    "listing_ship_by": {"en": "Ship by", "ru": "Отгрузить до", "zh": "发货截止"},
    "listing_units": {"en": "Units", "ru": "Штук", "zh": "件数"},
    "listing_problem": {"en": "Problem", "ru": "Проблема", "zh": "问题"},
    "listing_none": {"en": "No posting in the cache: run packdesk sync.",
                     "ru": "В данных нет отправлений: выполните packdesk sync.",
                     "zh": "缓存中没有货件：请运行 packdesk sync。"},
    "listing_none_with": {"en": "No cached posting has the status “{status}”.",
                          "ru": "Среди отправлений нет ни одного в статусе «{status}».",
                          "zh": "缓存中没有状态为“{status}”的货件。"},
    "listing_unknown_status": {
        "en": "'{status}' is no posting's status. Ozon's: {ozon}. At the bench: {local}.",
        "ru": "«{status}» — не статус отправления. Статусы Ozon: {ozon}. Состояния на столе: {local}.",
        "zh": "“{status}”不是货件状态。Ozon 状态：{ozon}。本地状态：{local}。"},
}

# who cancelled a posting (app.statuses.CANCELLED_BY), said beside Ozon's reason
CANCELLED_BY_WORDS = table("cancelled_by_", {
    "seller": ("by the seller", "продавцом", "卖家取消"),
    "buyer": ("by the buyer", "покупателем", "买家取消"),
    "ozon": ("by Ozon", "Ozon", "Ozon 取消"),
    "system": ("by Ozon's system", "системой Ozon", "系统取消"),
    "delivery": ("by the delivery service", "службой доставки", "物流服务取消"),
})

STATUS_MESSAGES: dict[str, dict[str, str]] = {**STATUS_WORDS, **SUBSTATUS_WORDS, **LOCAL_STATE_WORDS, **LISTING_WORDS,
                                              **CANCELLED_BY_WORDS}


def status_word(status: str, lang: str) -> str:
    """Ozon's posting ``status`` in the seller's words (Ozon's code when it is a new one)."""
    return lookup(STATUS_WORDS, f"status_{status}", status, lang)


def substatus_word(substatus: str, lang: str) -> str:
    return lookup(SUBSTATUS_WORDS, f"substatus_{substatus}", substatus, lang)


def local_state_word(state: str, lang: str) -> str:
    return lookup(LOCAL_STATE_WORDS, f"local_state_{state}", state, lang)


def cancelled_detail(by: str | None, detail: str, lang: str, *, in_ozon_words: bool) -> str:
    """Why a posting was cancelled, in ``lang``: Ozon's reason (``in_ozon_words``), else its status
    in words, with who cancelled it (``app.statuses.CANCELLED_BY``; None: not known). Ozon gives its
    reason in Russian, which says who to a Russian reader already; an English or Chinese one reads who
    first: "by the buyer: Покупатель отменил заказ"."""
    detail = detail if in_ozon_words else status_word(detail, lang)
    who = lookup(CANCELLED_BY_WORDS, f"cancelled_by_{by}", "", lang) if by else ""
    if not who or (lang == "ru" and in_ozon_words):
        return detail
    if lang == "ru":
        return f"{detail} {who}"  # "отменено покупателем"
    return f"{who}：{detail}" if lang == "zh" else f"{who}: {detail}"
