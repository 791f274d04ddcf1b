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
}
