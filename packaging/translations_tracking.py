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
}
