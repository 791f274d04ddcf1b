"""Russian and Chinese for the Tracking tab (merged into ``translations.TEXTS``): source text ->
(Russian, Simplified Chinese)."""

TRACKING_TEXTS = {
    "Tracking": ("Трекинг", "物流跟踪"),
    "Posting": ("Отправление", "货件"),
    "Ozon status": ("Статус Ozon", "Ozon 状态"),
    "Substatus": ("Подстатус", "子状态"),
    "In status": ("В статусе", "处于该状态"),
    "Tracking number": ("Трек-номер", "追踪号"),
    "Needs a person": ("Что сделать", "需要处理"),
    "Domestic tracking": ("Внутренний трек (экспедитор)", "国内物流单号"),
    "Carrier says": ("Перевозчик сообщает", "承运商状态"),
    "Refresh": ("Обновить", "刷新"),
    "Courier on the way": ("Курьер в пути", "快递员在途"),
    "Delivered": ("Доставлено", "已送达"),
    "Select the parcels first.": ("Сначала выберите посылки.", "请先选择包裹。"),
    "For parcels of your own carrier: tells Ozon, then checks that Ozon shows it":
        ("Для посылок вашего перевозчика: сообщает Ozon и проверяет, что Ozon это отразил",
         "适用于自有承运商的包裹：通知 Ozon，并核对 Ozon 已显示该状态"),
    # Settings: the buyer's message
    "Buyer messages": ("Сообщения покупателям", "买家消息"),
    "Tracking number to the buyer": ("Трек-номер покупателю", "向买家发送追踪号"),
    "Message in Russian": ("Сообщение на русском", "俄语消息"),
    "Message in Chinese": ("Сообщение на китайском", "中文消息"),
    "Message in English": ("Сообщение на английском", "英语消息"),
    "Off": ("Выключено", "关闭"),
    "In Russian": ("На русском", "用俄语"),
    "In Chinese": ("На китайском", "用中文"),
    "In English": ("На английском", "用英语"),
    "days a parcel may travel after its hand-over before the tracking monitor calls it late":
        ("сколько дней посылка может быть в пути после передачи, прежде чем монитор отметит опоздание",
         "交接后包裹可在途的天数，超过后跟踪监控会标记为延误"),
    "message the buyer of an rFBS parcel its tracking number through Ozon's chat (needs Premium Plus or Pro): "
    "off, or the language of the template sent":
        ("отправлять покупателю rFBS-посылки трек-номер через чат Ozon (нужен Premium Plus или Pro): "
         "выключено или язык отправляемого шаблона",
         "通过 Ozon 聊天向 rFBS 包裹的买家发送追踪号（需 Premium Plus 或 Pro）：关闭，或所发送模板的语言"),
    "the buyer's message in Russian: {posting}, {carrier} and {tracking_number} are filled in":
        ("сообщение покупателю на русском: подставляются {posting}, {carrier} и {tracking_number}",
         "发给买家的俄语消息：会填入 {posting}、{carrier} 和 {tracking_number}"),
    "the buyer's message in Chinese (same placeholders)":
        ("сообщение покупателю на китайском (те же подстановки)", "发给买家的中文消息（占位符相同）"),
    "the buyer's message in English (same placeholders)":
        ("сообщение покупателю на английском (те же подстановки)", "发给买家的英语消息（占位符相同）"),
    # the Tracking tab: buyer messages turned off
    "Turn buyer messages on again": ("Снова включить сообщения покупателям", "重新开启买家消息"),
}
