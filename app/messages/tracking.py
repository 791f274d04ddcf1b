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
TRACKING_MESSAGES.update(DOMESTIC_MESSAGES)
TRACKING_MESSAGES.update(STEP_MESSAGES)
