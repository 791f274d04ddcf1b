"""A carrier's refusal of a parcel (rFBS with the seller's own Russian Post or CDEK contract), as the
packer reads it when scanning the parked parcel (``posting_not_packable`` with the reason
``carrier_<kind>``): the carrier's own words in ``{message}`` and a hint per kind of refusal
(``app.services.carriers.base``: bad_address, weight, credentials, invalid)."""
from __future__ import annotations

CARRIER_MESSAGES: dict[str, dict[str, str]] = {
    "station_posting_not_packable_carrier_bad_address": {
        "en": "{carrier} refused the parcel {posting}: {message}. Check the buyer's address on Ozon "
              "(postcode, city, street and house), correct it with the buyer, then enter it in Queues → Held at the "
              "carrier (Enter address…): the parcel goes again by itself.",
        "ru": "{carrier} не принял отправление {posting}: {message}. Проверьте адрес покупателя в Ozon "
              "(индекс, город, улица и дом), уточните его у покупателя и введите в «Очереди» → «Не ушли перевозчику» "
              "(«Ввести адрес…»): отправление уйдёт снова само.",
        "zh": "{carrier} 拒收货件 {posting}：{message}。请在 Ozon 上核对买家地址（邮编、城市、街道和门牌），"
              "与买家确认后在“队列”→“未交承运商”中填写（“填写地址…”），货件会自动重新发送。",
    },
    "station_posting_not_packable_carrier_weight": {
        "en": "{carrier} refused the parcel {posting}: {message}. Weigh the parcel again; if it is really "
              "this heavy, split it or choose a tariff that takes this weight.",
        "ru": "{carrier} не принял отправление {posting}: {message}. Взвесьте посылку ещё раз; если вес верный, "
              "разделите её или выберите тариф, допускающий такой вес.",
        "zh": "{carrier} 拒收货件 {posting}：{message}。请重新称重；如果重量无误，请拆分包裹或选择允许该重量的资费。",
    },
    "station_posting_not_packable_carrier_credentials": {
        "en": "{carrier} refused the credentials: {message}. Enter the carrier's login and password or key "
              "again in Settings (OS keyring) or the environment; the parcels wait and go out by themselves.",
        "ru": "{carrier} не принял учётные данные: {message}. Введите логин и пароль или ключ перевозчика заново "
              "в настройках (хранилище ОС) или в переменных окружения; отправления подождут и уйдут сами.",
        "zh": "{carrier} 拒绝了凭据：{message}。请在设置（系统密钥环）或环境变量中重新输入承运商的登录名和密码或密钥；"
              "货件会等待并自动发出。",
    },
    "station_posting_not_packable_carrier_invalid": {
        "en": "{carrier} refused the parcel {posting}: {message}. Correct what the carrier names, then retry "
              "it in Queues → Held at the carrier.",
        "ru": "{carrier} не принял отправление {posting}: {message}. Исправьте то, что указал перевозчик, "
              "и повторите отправку в «Очереди» → «Не ушли перевозчику».",
        "zh": "{carrier} 拒收货件 {posting}：{message}。请按承运商的提示更正后，在“队列”→“未交承运商”中重新提交。",
    },
    "carrier_retry_queued": {
        "en": "{posting}: the {carrier} shipment goes again with the next sync pass (packdesk sync --once: now).",
        "ru": "{posting}: отправка через {carrier} уйдёт снова со следующей синхронизацией (packdesk sync --once: сейчас).",
        "zh": "{posting}：{carrier} 发货将在下次同步时重新发送（packdesk sync --once：立即）。",
    },
    "carrier_retry_none": {
        "en": "{posting} has no carrier shipment to send again.",
        "ru": "У {posting} нет отправки через перевозчика, которую можно повторить.",
        "zh": "{posting} 没有可重新发送的承运商发货。",
    },
    "carrier_retry_not_parked": {
        "en": "{posting}: its carrier shipment is not held ({state}); nothing to send again.",
        "ru": "{posting}: отправка через перевозчика не остановлена ({state}); повторять нечего.",
        "zh": "{posting}：其承运商发货未被暂停（{state}）；无需重新发送。",
    },
    "carrier_address_invalid": {
        "en": "{posting}: the address cannot go to a carrier: {detail}. Nothing was changed.",
        "ru": "{posting}: с таким адресом перевозчик не примет отправление: {detail}. Ничего не изменено.",
        "zh": "{posting}：该地址无法交给承运商：{detail}。未作任何更改。",
    },
    "carrier_address_postcode": {
        "en": "{posting}: «{postcode}» is not a Russian postcode (six digits, e.g. 101000). Nothing was changed.",
        "ru": "{posting}: «{postcode}» — не почтовый индекс России (шесть цифр, например 101000). Ничего не изменено.",
        "zh": "{posting}：“{postcode}”不是俄罗斯邮编（六位数字，例如 101000）。未作任何更改。",
    },
    "carrier_address_incomplete": {
        "en": "{posting}: a carrier needs the recipient's name, the postcode, the city and the street with the "
              "house; fill in the empty ones. Nothing was changed.",
        "ru": "{posting}: перевозчику нужны имя получателя, индекс, город и улица с домом; заполните пустые поля. "
              "Ничего не изменено.",
        "zh": "{posting}：承运商需要收件人姓名、邮编、城市以及街道和门牌号；请填写空着的项。未作任何更改。",
    },
    # the held carrier parcels in the window (Queues → Held at the carrier)
    "carrier_held_none": {
        "en": "No carrier parcel is held: each went to its carrier or goes with the next sync pass.",
        "ru": "Остановленных отправлений перевозчика нет: все переданы перевозчику или уйдут со следующей синхронизацией.",
        "zh": "没有被暂停的承运商货件：每件都已交给承运商，或将在下次同步时发出。",
    },
    "carrier_held_summary": {
        "en": "Held at the carrier: {count}. Select a parcel, fix what is said below, then retry it at the carrier "
              "or enter its address.",
        "ru": "Остановлено у перевозчика: {count}. Выберите отправление, исправьте то, что указано ниже, затем "
              "повторите отправку или введите адрес.",
        "zh": "承运商处暂停的货件：{count}。请选择一个货件，按下方提示更正，然后重新提交给承运商或填写地址。",
    },
    # our own checks before any carrier is asked (app.services.carriers.parcel), in the held parcels' list
    "carrier_check_address_incomplete": {
        "en": "no full address (the recipient's name, postcode, city, street and house are all needed)",
        "ru": "адрес неполный (нужны имя получателя, индекс, город, улица и дом)",
        "zh": "地址不完整（需要收件人姓名、邮编、城市、街道和门牌号）",
    },
    "carrier_check_postcode": {
        "en": "«{postcode}» is not a Russian postcode (six digits)",
        "ru": "«{postcode}» — не почтовый индекс России (шесть цифр)",
        "zh": "“{postcode}”不是俄罗斯邮编（六位数字）",
    },
    "carrier_check_weight_zero": {
        "en": "the parcel weighs {weight} g: weigh it again",
        "ru": "посылка весит {weight} г: взвесьте её ещё раз",
        "zh": "包裹重量为 {weight} 克：请重新称重",
    },
    "carrier_check_no_items": {
        "en": "the parcel has no items",
        "ru": "в посылке нет товаров",
        "zh": "包裹中没有商品",
    },
    "carrier_held_bad_address": {
        "en": "{carrier} cannot take the parcel {posting}: {message}. Enter the recipient and the address as the "
              "buyer gave them (Enter address…; check them on Ozon or with the buyer); the parcel then goes by itself.",
        "ru": "{carrier} не может принять отправление {posting}: {message}. Введите получателя и адрес так, как их "
              "указал покупатель (Ввести адрес…; сверьте с Ozon или с покупателем); затем отправление уйдёт само.",
        "zh": "{carrier} 无法接收货件 {posting}：{message}。请按买家提供的信息填写收件人和地址（填写地址…；"
              "可在 Ozon 上或向买家核对）；之后货件会自动发出。",
    },
    "carrier_held_other": {
        "en": "{carrier} holds the parcel {posting}: {message}. Fix the cause (the carrier's settings), then retry "
              "the parcel.",
        "ru": "{carrier}: отправление {posting} остановлено: {message}. Устраните причину (настройки перевозчика) "
              "и повторите отправку.",
        "zh": "{carrier} 暂停了货件 {posting}：{message}。请排除原因（承运商设置）后重新提交该货件。",
    },
}
