"""Russian and Chinese for the parcels held at the seller's own carrier (Queues → Held at the carrier,
the address dialog; merged into ``translations.TEXTS``): source text -> (Russian, Simplified Chinese)."""

CARRIER_TEXTS = {
    "Held at the carrier (%1)": ("Не ушли перевозчику (%1)", "未交承运商 (%1)"),
    "Carrier": ("Перевозчик", "承运商"),
    "Held since": ("Остановлено с", "暂停时间"),
    "Enter address…": ("Ввести адрес…", "填写地址…"),
    "Retry at the carrier": ("Повторить у перевозчика", "重新提交给承运商"),
    "Once the cause is fixed: the parcel goes to the carrier again with the next sync pass, never twice":
        ("Когда причина устранена: отправление снова уйдёт перевозчику со следующей синхронизацией, но не дважды",
         "原因排除后：该货件将在下次同步时再次发给承运商，绝不会重复创建"),
    "Select a parcel first.": ("Сначала выберите отправление.", "请先选择一个货件。"),
    "Recipient and address of %1": ("Получатель и адрес отправления %1", "货件 %1 的收件人和地址"),
    "Enter the recipient and the address as the buyer gave them (Ozon does not always give them to an rFBS "
    "seller); %1 then gets the parcel with the next sync pass.":
        ("Введите получателя и адрес так, как их указал покупатель (Ozon не всегда передаёт их продавцу rFBS); "
         "затем %1 получит отправление со следующей синхронизацией.",
         "请按买家提供的信息填写收件人和地址（Ozon 并不总是向 rFBS 卖家提供这些信息）；之后 %1 将在下次同步时收到该货件。"),
    "Recipient*": ("Получатель*", "收件人*"),
    "Phone*": ("Телефон*", "电话*"),
    "Postcode*": ("Индекс*", "邮编*"),
    "City*": ("Город*", "城市*"),
    "Street*": ("Улица*", "街道*"),
    "House": ("Дом", "门牌号"),
    "Flat": ("Квартира", "公寓号"),
    "Region": ("Регион", "地区"),
    "Save and send": ("Сохранить и отправить", "保存并发送"),
    "Cancel": ("Отмена", "取消"),
}
