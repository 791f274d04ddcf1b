"""Messages of the two ways to meet Ozon's label delay: the verify-first shelf (matching a
parcel's own label to its printed Ozon label) and label-first waves (the bench's answers and
``packdesk wave``). Part of ``app.messages.CATALOGUE``; same rules (ru, zh, en; ``str.format``)."""
from __future__ import annotations

LABEL_DELAY_MESSAGES: dict[str, dict[str, str]] = {
    "station_posting_opened_wave": {
        "en": "Posting {posting} open (wave {wave}, pick {pick}; already shipped, its label is on it): "
              "{counted} of {total} units verified.",
        "ru": "Отправление {posting} открыто (волна {wave}, № {pick}; уже отгружено, этикетка на нём): "
              "проверено {counted} из {total} шт.",
        "zh": "货件 {posting} 已打开（波次 {wave}，拣货序号 {pick}；已发货，面单已贴）：已核对 {counted}/{total} 件。",
    },
    "station_weight_accepted_wave": {
        "en": "Weight {measured_g} g recorded. Posting {posting} verified and done; it was shipped with "
              "wave {wave}, nothing more to send.",
        "ru": "Вес {measured_g} г записан. Отправление {posting} проверено и готово; оно отгружено "
              "волной {wave}, больше ничего отправлять не нужно.",
        "zh": "已记录重量 {measured_g} 克。货件 {posting} 已核对完成；它已随波次 {wave} 发货，无需再提交。",
    },
    "station_posting_short": {
        "en": "Posting {posting} flagged as short ({counted} of {total} units found: {reason}). "
              "Put it aside: a person decides.",
        "ru": "Отправление {posting} помечено как недостача (найдено {counted} из {total} шт.: {reason}). "
              "Отложите его: решение примет ответственный.",
        "zh": "货件 {posting} 已标记为缺货（找到 {counted}/{total} 件：{reason}）。请放到一边，由专人处理。",
    },
    "station_posting_short_wave": {
        "en": "Posting {posting} of wave {wave} flagged as short ({counted} of {total} units found: {reason}). "
              "It is already shipped on Ozon: a person must ship it partially or cancel it with a reason.",
        "ru": "Отправление {posting} из волны {wave} помечено как недостача (найдено {counted} из {total} шт.: "
              "{reason}). Оно уже отгружено в Ozon: ответственный должен отгрузить его частично или "
              "отменить с указанием причины.",
        "zh": "波次 {wave} 的货件 {posting} 已标记为缺货（找到 {counted}/{total} 件：{reason}）。它在 Ozon "
              "上已发货：须由专人进行部分发货，或注明原因取消。",
    },
    "station_label_matched": {
        "en": "Match: the Ozon label printed for {posting} goes on this parcel.",
        "ru": "Совпадает: этикетка Ozon, напечатанная для {posting}, — для этой посылки.",
        "zh": "匹配：为 {posting} 打印的 Ozon 面单属于此包裹。",
    },
    "station_label_already_matched": {
        "en": "Parcel {posting} already has its Ozon label (matched before).",
        "ru": "На посылке {posting} уже есть её этикетка Ozon (сопоставлено ранее).",
        "zh": "包裹 {posting} 已有其 Ozon 面单（此前已匹配）。",
    },
    "station_wrong_parcel": {
        "en": "WRONG PARCEL: this is {posting}, but the Ozon label waiting is for {expected}. Do not stick "
              "it on; find parcel {expected}.",
        "ru": "НЕ ТА ПОСЫЛКА: это {posting}, а ожидающая этикетка Ozon — для {expected}. Не наклеивайте; "
              "найдите посылку {expected}.",
        "zh": "包裹错误：这是 {posting}，但待贴的 Ozon 面单属于 {expected}。请勿粘贴，请找到包裹 {expected}。",
    },
    "station_label_not_ready": {
        "en": "The Ozon label of {posting} is not printed yet; leave the parcel on the shelf, it prints "
              "by itself.",
        "ru": "Этикетка Ozon для {posting} ещё не напечатана; оставьте посылку на полке, она напечатается "
              "сама.",
        "zh": "{posting} 的 Ozon 面单尚未打印；请把包裹留在货架上，面单会自动打印。",
    },
    "station_label_not_ready_parked": {
        "en": "The Ozon label of {posting} will not print by itself ({detail}); a person must look.",
        "ru": "Этикетка Ozon для {posting} сама не напечатается ({detail}); нужен ответственный.",
        "zh": "{posting} 的 Ozon 面单不会自动打印（{detail}）；需要专人处理。",
    },
    "wave_nothing_planned": {
        "en": "No wave planned: no posting awaiting packaging here can go in one ({excluded} excluded).",
        "ru": "Волна не запланирована: ни одно отправление, ожидающее упаковки, в неё не подходит "
              "(исключено {excluded}).",
        "zh": "未计划波次：没有可加入波次的待打包货件（排除 {excluded} 个）。",
    },
    "wave_planned": {
        "en": "Wave {wave} planned: {count} posting(s) in pick order, {excluded} excluded. Ship it with "
              "'packdesk wave ship {wave}'.",
        "ru": "Волна {wave} запланирована: {count} отправл. в порядке сборки, исключено {excluded}. "
              "Отгрузить: 'packdesk wave ship {wave}'.",
        "zh": "波次 {wave} 已计划：按拣货顺序 {count} 个货件，排除 {excluded} 个。发货命令：'packdesk wave ship {wave}'。",
    },
    "wave_shipped": {
        "en": "Wave {wave}: {count} ship command(s) queued, {dropped} posting(s) dropped (no longer packable). "
              "The sync sends them; labels print in pick order.",
        "ru": "Волна {wave}: поставлено в очередь {count} команд отгрузки, снято {dropped} отправл. (уже нельзя "
              "упаковать). Синхронизация отправит их; этикетки напечатаются в порядке сборки.",
        "zh": "波次 {wave}：已排队 {count} 条发货指令，移除 {dropped} 个货件（已无法打包）。同步会发送它们；"
              "面单按拣货顺序打印。",
    },
    "wave_already_shipped": {
        "en": "Wave {wave} was shipped before ({count} posting(s)); nothing new queued.",
        "ru": "Волна {wave} уже отгружена ({count} отправл.); новых команд нет.",
        "zh": "波次 {wave} 此前已发货（{count} 个货件）；未新增指令。",
    },
    "wave_status": {
        "en": "Wave {wave} ({state}): {verified} verified, {pending} pending, {short} short, {problem} with a "
              "problem, {dropped} dropped, {excluded} excluded.",
        "ru": "Волна {wave} ({state}): проверено {verified}, ожидают {pending}, недостача {short}, с проблемой "
              "{problem}, снято {dropped}, исключено {excluded}.",
        "zh": "波次 {wave}（{state}）：已核对 {verified}，待处理 {pending}，缺货 {short}，有问题 {problem}，"
              "已移除 {dropped}，已排除 {excluded}。",
    },
    "wave_unknown": {
        "en": "There is no wave {wave}.",
        "ru": "Волны {wave} нет.",
        "zh": "不存在波次 {wave}。",
    },
    "wave_bad_option": {
        "en": "Wrong option: {detail}",
        "ru": "Неверный параметр: {detail}",
        "zh": "参数错误：{detail}",
    },
}
