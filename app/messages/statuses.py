"""Posting statuses in the seller's words, in Russian, Simplified Chinese and English: Ozon's
statuses and substatuses (``app.statuses``; Ozon's own Russian words where its Seller API reference
gives them) and the bench's local states. The window and the commands say a status with
``status_word`` and its kin; a code Ozon adds later is shown as Ozon's code until it has words here.
"""
from __future__ import annotations

from app.messages.words import lookup

# Ozon's posting statuses (every one in ``app.statuses.OZON_STATUSES``; a test checks it)
STATUS_WORDS: dict[str, dict[str, str]] = {f"status_{code}": words for code, words in {
    "acceptance_in_progress": {"en": "acceptance in progress", "ru": "идёт приёмка", "zh": "验收中"},
    "awaiting_approve": {"en": "awaiting approval", "ru": "ожидает подтверждения", "zh": "等待确认"},
    "awaiting_verification": {"en": "created", "ru": "создано", "zh": "已创建"},
    "awaiting_packaging": {"en": "awaiting packaging", "ru": "ожидает упаковки", "zh": "等待打包"},
    "awaiting_registration": {"en": "awaiting registration", "ru": "ожидает регистрации", "zh": "等待登记"},
    "awaiting_deliver": {"en": "awaiting shipment", "ru": "ожидает отгрузки", "zh": "等待发运"},
    "sent_by_seller": {"en": "sent by seller", "ru": "отправлено продавцом", "zh": "卖家已发出"},
    "driver_pickup": {"en": "with the driver", "ru": "у водителя", "zh": "司机已取件"},
    "delivering": {"en": "delivering", "ru": "доставляется", "zh": "配送中"},
    "delivered": {"en": "delivered", "ru": "доставлено", "zh": "已送达"},
    "not_accepted": {"en": "not accepted at sorting", "ru": "не принято на сортировке", "zh": "分拣中心未接收"},
    "arbitration": {"en": "dispute", "ru": "спор", "zh": "争议中"},
    "client_arbitration": {"en": "buyer's dispute", "ru": "спор покупателя", "zh": "买家争议"},
    "cancelled": {"en": "cancelled", "ru": "отменено", "zh": "已取消"},
    "cancelled_from_split_pending": {"en": "cancelled (split)", "ru": "отменено (разделено)", "zh": "已取消（拆分）"},
}.items()}
# Ozon's posting substatuses, in the seller's words (Ozon's Russian ones from its Seller API reference)
SUBSTATUS_WORDS: dict[str, dict[str, str]] = {f"substatus_{code}": words for code, words in {
    "posting_acceptance_in_progress": {"en": "acceptance in progress", "ru": "идёт приёмка", "zh": "验收中"},
    "posting_created": {"en": "created", "ru": "создано", "zh": "已创建"},
    "posting_awaiting_registration": {"en": "awaiting registration", "ru": "ожидает регистрации", "zh": "等待登记"},
    "posting_registered": {"en": "registered", "ru": "зарегистрировано", "zh": "已登记"},
    "posting_registration_error": {"en": "registration error", "ru": "ошибка регистрации", "zh": "登记出错"},
    "posting_awaiting_passport_data": {"en": "awaiting passport data", "ru": "ожидает паспортных данных",
                                       "zh": "等待护照信息"},
    "posting_split_pending": {"en": "awaiting a split", "ru": "ожидает разделения", "zh": "等待拆分"},
    "posting_transferring_to_delivery": {"en": "handing over to delivery", "ru": "передаётся в доставку",
                                         "zh": "正在移交配送"},
    "posting_in_carriage": {"en": "in a carriage", "ru": "в перевозке", "zh": "已加入发运批次"},
    "posting_not_in_carriage": {"en": "not in a carriage", "ru": "не добавлено в перевозку", "zh": "未加入发运批次"},
    "posting_driver_pick_up": {"en": "with the driver", "ru": "у водителя", "zh": "司机已取件"},
    "posting_not_in_sort_center": {"en": "not accepted at the sorting centre", "ru": "не принято на сортировочном "
                                   "центре", "zh": "分拣中心未接收"},
    "posting_on_way_to_city": {"en": "on the way to the city", "ru": "на пути в город", "zh": "正在运往城市"},
    "posting_transferred_to_courier_service": {"en": "handed to the courier", "ru": "передаётся курьеру",
                                               "zh": "已转交快递员"},
    "posting_in_courier_service": {"en": "courier on the way", "ru": "курьер в пути", "zh": "快递员派送中"},
    "posting_on_way_to_pickup_point": {"en": "on the way to the pick-up point", "ru": "на пути в пункт выдачи",
                                       "zh": "正在运往自提点"},
    "posting_in_pickup_point": {"en": "at the pick-up point", "ru": "в пункте выдачи", "zh": "已到自提点"},
    "posting_conditionally_delivered": {"en": "conditionally delivered", "ru": "условно доставлено",
                                        "zh": "有条件送达"},
    "posting_delivered": {"en": "delivered", "ru": "доставлено", "zh": "已送达"},
    "posting_received": {"en": "received", "ru": "получено", "zh": "已签收"},
    "posting_sent_by_seller": {"en": "sent by seller", "ru": "отправлено продавцом", "zh": "卖家已发出"},
    "posting_ship_failed": {"en": "shipping failed: ship again", "ru": "отгрузка не прошла: отгрузите снова",
                            "zh": "发货失败：请重新发货"},
    "posting_canceled": {"en": "cancelled", "ru": "отменено", "zh": "已取消"},
    "posting_returned_to_warehouse": {"en": "returned to the warehouse", "ru": "возвращено на склад",
                                      "zh": "已退回仓库"},
    "posting_in_arbitration": {"en": "in dispute", "ru": "арбитраж", "zh": "争议中"},
    "posting_in_client_arbitration": {"en": "buyer's delivery dispute", "ru": "клиентский арбитраж доставки",
                                      "zh": "买家配送争议"},
}.items()}
# the bench's local states (every one in ``app.statuses.LocalState``; a test checks it)
LOCAL_STATE_WORDS: dict[str, dict[str, str]] = {f"local_state_{code}": words for code, words in {
    "waiting": {"en": "not started", "ru": "не начато", "zh": "未开始"},
    "in_progress": {"en": "being packed", "ru": "упаковывается", "zh": "打包中"},
    "packed": {"en": "packed", "ru": "упаковано", "zh": "已打包"},
    "shipped": {"en": "shipped", "ru": "отгружено", "zh": "已发货"},
    "labelled": {"en": "label printed", "ru": "этикетка напечатана", "zh": "面单已打印"},
    "handed_over": {"en": "handed over", "ru": "передано", "zh": "已交接"},
    "problem": {"en": "problem", "ru": "проблема", "zh": "有问题"},
    "cancelled": {"en": "cancelled", "ru": "отменено", "zh": "已取消"},
}.items()}

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
    "listing_none_with": {"en": "No cached posting is {status}.",
                          "ru": "Среди отправлений нет ни одного в статусе «{status}».",
                          "zh": "缓存中没有状态为“{status}”的货件。"},
}

STATUS_MESSAGES: dict[str, dict[str, str]] = {**STATUS_WORDS, **SUBSTATUS_WORDS, **LOCAL_STATE_WORDS, **LISTING_WORDS}


def status_word(status: str, lang: str) -> str:
    """Ozon's posting ``status`` in the seller's words (Ozon's code when it is a new one)."""
    return lookup(STATUS_WORDS, f"status_{status}", status, lang)


def substatus_word(substatus: str, lang: str) -> str:
    return lookup(SUBSTATUS_WORDS, f"substatus_{substatus}", substatus, lang)


def local_state_word(state: str, lang: str) -> str:
    return lookup(LOCAL_STATE_WORDS, f"local_state_{state}", state, lang)
