"""The tracking monitor (``app.services.tracking``): its flags, its header and what a seller does
with a flagged parcel, in Russian, Simplified Chinese and English."""
from __future__ import annotations

TRACKING_MESSAGES: dict[str, dict[str, str]] = {
    "track_flag_not_scanned_by_ozon": {
        "en": "Ozon has not scanned it since the hand-over: find the act and open a dispute "
              "(packdesk handover arbitrate {posting}).",
        "ru": "Ozon не отсканировал посылку после передачи: найдите акт и откройте спор "
              "(packdesk handover arbitrate {posting}).",
        "zh": "交接后 Ozon 尚未扫描该包裹：请找到交接单并发起争议（packdesk handover arbitrate {posting}）。",
    },
    "track_flag_registration_error": {
        "en": "The delivery partner refused to register it: write to Ozon support or cancel the posting.",
        "ru": "Партнёр доставки не зарегистрировал отправление: напишите в поддержку Ozon или отмените его.",
        "zh": "配送合作方拒绝登记该货件：请联系 Ozon 客服或取消该货件。",
    },
    "track_flag_cancelled_after_label": {
        "en": "Cancelled on Ozon after its label printed: keep the parcel, do not hand it over.",
        "ru": "Отменено в Ozon после печати этикетки: оставьте посылку у себя, не передавайте её.",
        "zh": "面单打印后已在 Ozon 取消：请留下包裹，不要交出。",
    },
    "track_flag_returning": {
        "en": "On its way back to you: expect it at the warehouse.",
        "ru": "Возвращается к вам: ждите посылку на складе.",
        "zh": "正在退回给您：请在仓库等候接收。",
    },
    "track_flag_late": {
        "en": "Late: longer on its way than the delivery promises. Check it with the carrier.",
        "ru": "Опаздывает: в пути дольше обещанного срока доставки. Уточните у перевозчика.",
        "zh": "延误：运输时间超过承诺时效。请向承运商核实。",
    },
    "track_nothing": {
        "en": "No parcel on its way: nothing shipped waits for delivery.",
        "ru": "В пути ничего нет: все отгруженные отправления доставлены.",
        "zh": "没有在途包裹：已发货的货件都已送达。",
    },
    "track_summary": {
        "en": "{total} parcel(s) on their way, {flagged} need a person.",
        "ru": "В пути посылок: {total}, требуют внимания: {flagged}.",
        "zh": "在途包裹 {total} 个，其中 {flagged} 个需要人工处理。",
    },
    "track_days": {
        "en": "{days} d",
        "ru": "{days} дн.",
        "zh": "{days} 天",
    },
    # short names of the flags (the Tracking tab's column; the advice is shown below the table)
    "track_short_not_scanned_by_ozon": {"en": "Not scanned by Ozon", "ru": "Ozon не отсканировал", "zh": "Ozon 未扫描"},
    "track_short_registration_error": {"en": "Not registered", "ru": "Не зарегистрировано", "zh": "未登记"},
    "track_short_cancelled_after_label": {"en": "Cancelled after label", "ru": "Отменено после этикетки",
                                          "zh": "打印面单后取消"},
    "track_short_returning": {"en": "Returning", "ru": "Возвращается", "zh": "退回中"},
    "track_short_late": {"en": "Late", "ru": "Опаздывает", "zh": "延误"},
}

# Ozon's posting statuses the tracking monitor shows, in the seller's words
STATUS_WORDS: dict[str, dict[str, str]] = {
    "track_status_awaiting_registration": {"en": "awaiting registration", "ru": "ожидает регистрации",
                                           "zh": "等待登记"},
    "track_status_awaiting_deliver": {"en": "awaiting shipment", "ru": "ожидает отгрузки", "zh": "等待发运"},
    "track_status_sent_by_seller": {"en": "sent by seller", "ru": "отправлено продавцом", "zh": "卖家已发出"},
    "track_status_driver_pickup": {"en": "with the driver", "ru": "у водителя", "zh": "司机已取件"},
    "track_status_delivering": {"en": "delivering", "ru": "доставляется", "zh": "配送中"},
    "track_status_not_accepted": {"en": "not accepted at sorting", "ru": "не принято на сортировке",
                                  "zh": "分拣中心未接收"},
    "track_status_arbitration": {"en": "dispute", "ru": "спор", "zh": "争议中"},
    "track_status_client_arbitration": {"en": "buyer's dispute", "ru": "спор покупателя", "zh": "买家争议"},
    "track_status_cancelled": {"en": "cancelled", "ru": "отменено", "zh": "已取消"},
    "track_status_cancelled_from_split_pending": {"en": "cancelled (split)", "ru": "отменено (разделено)",
                                                  "zh": "已取消（拆分）"},
}
# Ozon's posting substatuses, in the seller's words (Ozon's Russian ones from its Seller API reference)
SUBSTATUS_WORDS: dict[str, dict[str, str]] = {f"track_substatus_{code}": words for code, words in {
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
    "posting_canceled": {"en": "cancelled", "ru": "отменено", "zh": "已取消"},
    "posting_returned_to_warehouse": {"en": "returned to the warehouse", "ru": "возвращено на склад",
                                      "zh": "已退回仓库"},
    "posting_in_arbitration": {"en": "in dispute", "ru": "арбитраж", "zh": "争议中"},
    "posting_in_client_arbitration": {"en": "buyer's delivery dispute", "ru": "клиентский арбитраж доставки",
                                      "zh": "买家配送争议"},
}.items()}
# the last steps of an rFBS parcel with the seller's own carrier (app.services.tracking.steps)
STEP_MESSAGES: dict[str, dict[str, str]] = {
    "track_step_queued": {
        "en": "{posting}: {step} queued for Ozon (it shows once Ozon has applied it).",
        "ru": "{posting}: «{step}» поставлено в очередь для Ozon (статус сменится, когда Ozon его применит).",
        "zh": "{posting}：{step} 已排队发送给 Ozon（Ozon 处理后状态才会改变）。",
    },
    "track_step_unknown": {
        "en": "{posting}: not in this bench's cache. Run a sync, or check the number.",
        "ru": "{posting}: нет в данных этого места. Выполните синхронизацию или проверьте номер.",
        "zh": "{posting}：本工作台缓存中没有该货件。请先同步，或核对编号。",
    },
    "track_step_integrated": {
        "en": "{posting}: its carrier is integrated with Ozon and reports the delivery itself.",
        "ru": "{posting}: перевозчик интегрирован с Ozon и сам сообщает о доставке.",
        "zh": "{posting}：其承运商已与 Ozon 对接，会自行上报配送状态。",
    },
    "track_step_not_delivering": {
        "en": "{posting}: not on its way yet (Ozon status {status}): hand it to the carrier first.",
        "ru": "{posting}: ещё не в пути (статус Ozon {status}): сначала передайте посылку перевозчику.",
        "zh": "{posting}：尚未在途（Ozon 状态 {status}）：请先交给承运商。",
    },
    "track_step_done": {
        "en": "{posting}: Ozon shows it already.",
        "ru": "{posting}: в Ozon это уже отражено.",
        "zh": "{posting}：Ozon 已显示该状态。",
    },
}
# domestic (e.g. China-side) tracking numbers of cross-border parcels (app.services.aggregator.domestic)
DOMESTIC_MESSAGES: dict[str, dict[str, str]] = {
    "domestic_invalid": {
        "en": "'{number}' is not a tracking number: 6 to 40 letters, digits or dashes.",
        "ru": "«{number}» — не трек-номер: нужно от 6 до 40 букв, цифр или дефисов.",
        "zh": "“{number}”不是有效的追踪号：应为 6 到 40 位字母、数字或连字符。",
    },
    "domestic_recorded": {
        "en": "{posting}: domestic tracking number(s) recorded: {numbers}.",
        "ru": "{posting}: записаны внутренние трек-номера: {numbers}.",
        "zh": "{posting}：已记录国内追踪号：{numbers}。",
    },
    "domestic_known": {
        "en": "{posting}: these numbers were recorded already.",
        "ru": "{posting}: эти номера уже записаны.",
        "zh": "{posting}：这些追踪号已记录过。",
    },
    "buyer_chat_off": {
        "en": "Buyer messages are off: Ozon's chat needs the Premium Plus or Premium Pro subscription "
              "(Ozon said: {detail}). Turn them on again once the subscription is active.",
        "ru": "Сообщения покупателям выключены: чат Ozon доступен только с подпиской Premium Plus или Premium Pro "
              "(ответ Ozon: {detail}). Включите их снова, когда подписка будет активна.",
        "zh": "买家消息已关闭：Ozon 聊天需要 Premium Plus 或 Premium Pro 订阅（Ozon 回复：{detail}）。"
              "订阅生效后请重新开启。",
    },
    "domestic_exported": {
        "en": "{count} domestic tracking number(s) written to {path}.",
        "ru": "Внутренних трек-номеров записано в {path}: {count}.",
        "zh": "已将 {count} 个国内追踪号写入 {path}。",
    },
}
TRACKING_MESSAGES.update(STATUS_WORDS)
TRACKING_MESSAGES.update(SUBSTATUS_WORDS)
TRACKING_MESSAGES.update(DOMESTIC_MESSAGES)
TRACKING_MESSAGES.update(STEP_MESSAGES)
