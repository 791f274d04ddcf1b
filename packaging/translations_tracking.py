"""Russian and Chinese for the Tracking tab (merged into ``translations.TEXTS``): source text ->
(Russian, Simplified Chinese)."""

TRACKING_TEXTS = {
    "Tracking": ("Отслеживание", "物流跟踪"),
    "Posting": ("Отправление", "货件"),
    "Ozon status": ("Статус Ozon", "Ozon 状态"),
    "Substatus": ("Подстатус", "子状态"),
    "In status": ("В статусе", "处于该状态"),
    "Tracking number": ("Трек-номер", "追踪号"),
    "Needs a person": ("Что сделать", "需要处理"),
    "Refresh": ("Обновить", "刷新"),
    "Courier on the way": ("Курьер в пути", "快递员在途"),
    "Delivered": ("Доставлено", "已送达"),
    "Select the parcels first.": ("Сначала выберите посылки.", "请先选择包裹。"),
    "For parcels of your own carrier: tells Ozon, then checks that Ozon shows it":
        ("Для посылок вашего перевозчика: сообщает Ozon и проверяет, что Ozon это отразил",
         "适用于自有承运商的包裹：通知 Ozon，并核对 Ozon 已显示该状态"),
}
