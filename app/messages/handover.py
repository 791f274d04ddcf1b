"""Answers of the hand-over (``app.services.handover``), Ozon's carriage rules explained, the
hand-over's sync stage and command barcodes, in Russian, Simplified Chinese and English."""
from __future__ import annotations

_RESULTS: dict[str, dict[str, str]] = {
    "handover_started": {
        "en": "Hand-over of {method} for {departure}: {expected} parcel(s) expected. Scan each parcel as it goes "
              "into the courier's bag, then CMD:HANDOVER-CLOSE.",
        "ru": "Передача {method} на {departure}: ожидается посылок — {expected}. Сканируйте каждую посылку, "
              "когда кладёте её в мешок курьера, затем CMD:HANDOVER-CLOSE.",
        "zh": "{method} 在 {departure} 的交接：预计 {expected} 个包裹。每放入快递员袋中一个包裹就扫描一次，"
              "最后扫描 CMD:HANDOVER-CLOSE。",
    },
    "handover_started_resumed": {
        "en": "Hand-over of {method} for {departure} goes on: {scanned} of {expected} parcel(s) scanned, "
              "{missing} to go.",
        "ru": "Передача {method} на {departure} продолжается: отсканировано {scanned} из {expected}, осталось {missing}.",
        "zh": "{method} 在 {departure} 的交接继续：已扫描 {scanned}/{expected} 个包裹，还剩 {missing} 个。",
    },
    "handover_parcel_accepted": {
        "en": "Parcel {posting} in the bag: {scanned} of {expected}, {missing} to go.",
        "ru": "Посылка {posting} в мешке: {scanned} из {expected}, осталось {missing}.",
        "zh": "包裹 {posting} 已装袋：{scanned}/{expected}，还剩 {missing} 个。",
    },
    "handover_parcel_accepted_tracking": {
        "en": "Parcel {posting}: now scan its {carrier_name} barcode (the tracking number).",
        "ru": "Посылка {posting}: теперь отсканируйте её штрихкод {carrier_name} (трек-номер).",
        "zh": "包裹 {posting}：请扫描它的{carrier_name}条码（追踪号）。",
    },
    "handover_parcel_duplicate": {
        "en": "Parcel {posting} was scanned already: not counted again ({scanned} of {expected}).",
        "ru": "Посылка {posting} уже отсканирована: повторно не считается ({scanned} из {expected}).",
        "zh": "包裹 {posting} 已扫描过：不会重复计数（{scanned}/{expected}）。",
    },
    "handover_parcel_not_in_handover": {
        "en": "TAKE IT OUT: parcel {posting} is not part of this hand-over.",
        "ru": "УБЕРИТЕ: посылка {posting} не входит в эту передачу.",
        "zh": "请取出：包裹 {posting} 不属于本次交接。",
    },
    "handover_parcel_not_in_handover_method": {
        "en": "TAKE IT OUT: parcel {posting} goes by another delivery method ({other_method}).",
        "ru": "УБЕРИТЕ: посылка {posting} едет другим способом доставки ({other_method}).",
        "zh": "请取出：包裹 {posting} 属于其他配送方式（{other_method}）。",
    },
    "handover_parcel_not_in_handover_status": {
        "en": "TAKE IT OUT: parcel {posting} is not shipped for hand-over (Ozon status: {status}).",
        "ru": "УБЕРИТЕ: посылка {posting} не готова к передаче (статус Ozon: {status}).",
        "zh": "请取出：包裹 {posting} 尚未可交接（Ozon 状态：{status}）。",
    },
    "handover_parcel_not_in_handover_not_on_ozon": {
        "en": "TAKE IT OUT: Ozon knows no parcel {posting}.",
        "ru": "УБЕРИТЕ: в Ozon нет посылки {posting}.",
        "zh": "请取出：Ozon 中没有包裹 {posting}。",
    },
    "handover_parcel_not_in_handover_handed_over": {
        "en": "TAKE IT OUT: parcel {posting} was handed over already.",
        "ru": "УБЕРИТЕ: посылка {posting} уже передана.",
        "zh": "请取出：包裹 {posting} 已经交接过。",
    },
    "handover_parcel_not_in_handover_unknown": {
        "en": "TAKE IT OUT: no parcel of this seller has the code {code}.",
        "ru": "УБЕРИТЕ: ни у одной посылки продавца нет кода {code}.",
        "zh": "请取出：本店铺没有条码为 {code} 的包裹。",
    },
    "handover_parcel_cancelled": {
        "en": "STOP: parcel {posting} was CANCELLED on Ozon ({reason}). Take it out of the bag; it must not "
              "leave. Scan CMD:ACK when it is out.",
        "ru": "СТОП: посылка {posting} ОТМЕНЕНА в Ozon ({reason}). Выньте её из мешка: её нельзя отправлять. "
              "Когда вынете, отсканируйте CMD:ACK.",
        "zh": "停止：包裹 {posting} 已在 Ozon 被取消（{reason}）。请从袋中取出，不能发出。取出后扫描 CMD:ACK。",
    },
    "handover_parcel_cancelled_offline": {
        "en": "STOP: parcel {posting} is CANCELLED as far as this bench knows ({reason}; Ozon could not be asked "
              "now). Take it out of the bag. Scan CMD:ACK when it is out.",
        "ru": "СТОП: посылка {posting} ОТМЕНЕНА по данным этого места ({reason}; спросить Ozon сейчас не удалось). "
              "Выньте её из мешка. Когда вынете, отсканируйте CMD:ACK.",
        "zh": "停止：据本工作台的数据，包裹 {posting} 已取消（{reason}；目前无法向 Ozon 确认）。请从袋中取出。"
              "取出后扫描 CMD:ACK。",
    },
    "handover_parcel_cancelled_repeated": {
        "en": "STOP is still on: parcel {posting} was cancelled. Take it out, then scan CMD:ACK; nothing else "
              "counts until then.",
        "ru": "СТОП ещё действует: посылка {posting} отменена. Выньте её и отсканируйте CMD:ACK; до этого ничего "
              "не засчитывается.",
        "zh": "停止仍有效：包裹 {posting} 已取消。请取出后扫描 CMD:ACK；在此之前不计数任何包裹。",
    },
    "handover_tracking_captured": {
        "en": "Tracking number {tracking} of {posting} recorded ({carrier_name}): {scanned} of {expected}, "
              "{missing} to go.",
        "ru": "Трек-номер {tracking} для {posting} записан ({carrier_name}): {scanned} из {expected}, "
              "осталось {missing}.",
        "zh": "已记录 {posting} 的追踪号 {tracking}（{carrier_name}）：{scanned}/{expected}，还剩 {missing} 个。",
    },
    "handover_tracking_invalid": {
        "en": "{tracking} is not a {carrier_name} tracking number ({problem}). Scan the carrier's barcode of "
              "parcel {posting}.",
        "ru": "{tracking} — не трек-номер {carrier_name} ({problem}). Отсканируйте штрихкод перевозчика на "
              "посылке {posting}.",
        "zh": "{tracking} 不是{carrier_name}的追踪号（{problem}）。请扫描包裹 {posting} 上的承运商条码。",
    },
    "handover_tracking_invalid_used": {
        "en": "Tracking number {tracking} was given to parcel {owner} already. Scan the carrier's barcode of "
              "parcel {posting}.",
        "ru": "Трек-номер {tracking} уже присвоен посылке {owner}. Отсканируйте штрихкод перевозчика на "
              "посылке {posting}.",
        "zh": "追踪号 {tracking} 已用于包裹 {owner}。请扫描包裹 {posting} 上的承运商条码。",
    },
    "handover_tracking_required": {
        "en": "First the carrier's barcode of parcel {posting}: its tracking number is still missing.",
        "ru": "Сначала штрихкод перевозчика на посылке {posting}: её трек-номер ещё не отсканирован.",
        "zh": "请先扫描包裹 {posting} 的承运商条码：它的追踪号还没有扫描。",
    },
    "handover_handover_closed": {
        "en": "Hand-over closed: {scanned} parcel(s) handed over. Ozon makes the carriage and its act now.",
        "ru": "Передача закрыта: передано посылок — {scanned}. Ozon сейчас формирует отгрузку и акт.",
        "zh": "交接已完成：已交出 {scanned} 个包裹。Ozon 正在生成运输单和交接单。",
    },
    "handover_handover_closed_carriage": {
        "en": "Hand-over closed: {scanned} parcel(s) in carriage {carriage_id}, approved; the act is stored "
              "({act_pdf}). Show the carriage barcode to the courier.",
        "ru": "Передача закрыта: посылок — {scanned}, отгрузка {carriage_id} подтверждена; акт сохранён "
              "({act_pdf}). Покажите курьеру штрихкод отгрузки.",
        "zh": "交接已完成：{scanned} 个包裹在运输单 {carriage_id} 中，已确认；交接单已保存（{act_pdf}）。"
              "请向快递员出示运输单条码。",
    },
    "handover_handover_closed_tracking": {
        "en": "Hand-over closed: {scanned} parcel(s) handed to the carrier; {tracking_sent} tracking number(s) "
              "go to Ozon now.",
        "ru": "Передача закрыта: перевозчику передано посылок — {scanned}; трек-номера ({tracking_sent}) "
              "отправляются в Ozon.",
        "zh": "交接已完成：已向承运商交出 {scanned} 个包裹；{tracking_sent} 个追踪号正在发送给 Ozon。",
    },
    "handover_handover_closed_refused": {
        "en": "Hand-over closed: {scanned} parcel(s) handed over, but Ozon refused the carriage: {close_error}. "
              "Look at the Hand-over tab.",
        "ru": "Передача закрыта: передано посылок — {scanned}, но Ozon отказал в отгрузке: {close_error}. "
              "Посмотрите вкладку «Передача».",
        "zh": "交接已完成：已交出 {scanned} 个包裹，但 Ozon 拒绝了运输单：{close_error}。请查看“交接”标签页。",
    },
    "handover_handover_incomplete": {
        "en": "NOT ALL PARCELS: {missing_count} missing ({missing_text}). Find and scan them, or a supervisor "
              "closes anyway (CMD:HANDOVER-CLOSE:FORCE:<name>): they then wait for the next carriage.",
        "ru": "НЕ ВСЕ ПОСЫЛКИ: не хватает {missing_count} ({missing_text}). Найдите и отсканируйте их, либо старший "
              "закроет передачу без них (CMD:HANDOVER-CLOSE:FORCE:<имя>): они уедут со следующей отгрузкой.",
        "zh": "包裹不全：缺少 {missing_count} 个（{missing_text}）。请找到并扫描，或由主管强制完成"
              "（CMD:HANDOVER-CLOSE:FORCE:<姓名>）：缺少的包裹随下一次运输发出。",
    },
    "handover_handover_nothing": {
        "en": "Nothing to hand over{for_method} today: no parcel is shipped and waiting. Pack and label first.",
        "ru": "Сегодня передавать нечего{for_method}: нет собранных посылок, ожидающих отгрузки. "
              "Сначала упакуйте и наклейте этикетки.",
        "zh": "今天没有可交接的包裹{for_method}：没有已发货待交接的包裹。请先打包并贴面单。",
    },
    "handover_handover_choose": {
        "en": "Parcels are ready for several delivery methods: {choices}. Scan CMD:HANDOVER:<method id>.",
        "ru": "Посылки готовы для нескольких способов доставки: {choices}. Отсканируйте CMD:HANDOVER:<id способа>.",
        "zh": "多种配送方式都有待交接的包裹：{choices}。请扫描 CMD:HANDOVER:<配送方式 id>。",
    },
    "handover_handover_busy": {
        "en": "The hand-over of {method} is still open at this bench: close it (CMD:HANDOVER-CLOSE) before "
              "another one.",
        "ru": "На этом месте ещё открыта передача {method}: закройте её (CMD:HANDOVER-CLOSE), прежде чем начинать "
              "другую.",
        "zh": "本工作台仍有 {method} 的交接未完成：请先完成（CMD:HANDOVER-CLOSE）再开始新的交接。",
    },
    "handover_handover_posting_open": {
        "en": "Posting {posting} is open at this bench: finish it or park it (CMD:PARK) before the hand-over.",
        "ru": "На этом месте открыто отправление {posting}: завершите или отложите его (CMD:PARK) перед передачей.",
        "zh": "本工作台正在处理货件 {posting}：请先完成或暂存（CMD:PARK），再开始交接。",
    },
    "handover_handover_unsupported": {
        "en": "Parcels of {method} ({integration}) are handed to Ozon's partner carrier without a scan-out here.",
        "ru": "Посылки {method} ({integration}) передаются партнёрскому перевозчику Ozon без сканирования здесь.",
        "zh": "{method}（{integration}）的包裹交给 Ozon 合作承运商，无需在此扫描交接。",
    },
    "handover_handover_left": {
        "en": "Back to packing. The hand-over of {method} stays open: CMD:HANDOVER goes on with it.",
        "ru": "Снова упаковка. Передача {method} остаётся открытой: CMD:HANDOVER продолжит её.",
        "zh": "已返回打包。{method} 的交接仍未完成：扫描 CMD:HANDOVER 可继续。",
    },
    "handover_handover_not_open": {
        "en": "No hand-over is open at this bench: scan CMD:HANDOVER to start one.",
        "ru": "На этом месте нет открытой передачи: отсканируйте CMD:HANDOVER, чтобы начать.",
        "zh": "本工作台没有进行中的交接：扫描 CMD:HANDOVER 开始。",
    },
    "handover_handover_nothing_scanned": {
        "en": "No parcel was scanned into this hand-over: scan the parcels first, or CMD:CANCEL to go back to packing.",
        "ru": "В эту передачу не отсканировано ни одной посылки: сначала отсканируйте посылки или CMD:CANCEL, "
              "чтобы вернуться к упаковке.",
        "zh": "本次交接尚未扫描任何包裹：请先扫描包裹，或扫描 CMD:CANCEL 返回打包。",
    },
    "handover_not_a_parcel": {
        "en": "{code} is no parcel label (an item or another code): not counted. Scan the parcel's Ozon label.",
        "ru": "{code} — не этикетка посылки (товар или другой код): не засчитано. Отсканируйте этикетку Ozon на посылке.",
        "zh": "{code} 不是包裹面单（是商品或其他条码）：不计数。请扫描包裹上的 Ozon 面单。",
    },
    "handover_not_now": {
        "en": "Not during a hand-over ({what}). Close the hand-over or CMD:CANCEL to go back to packing.",
        "ru": "Не во время передачи ({what}). Закройте передачу или отсканируйте CMD:CANCEL, чтобы вернуться к упаковке.",
        "zh": "交接期间不可用（{what}）。请完成交接，或扫描 CMD:CANCEL 返回打包。",
    },
    "handover_not_authorized": {
        "en": "{person} may not close a hand-over with parcels missing: a supervisor's name from the settings is needed.",
        "ru": "{person} не может закрыть передачу с недостающими посылками: нужно имя старшего из настроек.",
        "zh": "{person} 无权在缺少包裹时完成交接：需要设置中列出的主管姓名。",
    },
    "handover_acknowledged": {
        "en": "Understood. Go on scanning parcels ({scanned} of {expected}).",
        "ru": "Принято. Продолжайте сканировать посылки ({scanned} из {expected}).",
        "zh": "已确认。请继续扫描包裹（{scanned}/{expected}）。",
    },
    "handover_status": {
        "en": "Hand-over of {method}: {scanned} of {expected} scanned, {missing} to go.",
        "ru": "Передача {method}: отсканировано {scanned} из {expected}, осталось {missing}.",
        "zh": "{method} 的交接：已扫描 {scanned}/{expected}，还剩 {missing} 个。",
    },
    "handover_offline": {
        "en": "(Ozon could not be asked just now: the bench decided from its cache.)",
        "ru": "(Спросить Ozon сейчас не удалось: решение принято по данным этого места.)",
        "zh": "（目前无法询问 Ozon：已根据本地缓存判断。）",
    },
    "handover_ozon_says": {
        "en": "Ozon says: {said}. {hint}",
        "ru": "Ozon сообщает: {said}. {hint}",
        "zh": "Ozon 提示：{said}。{hint}",
    },
}

# Ozon's carriage rules (ozon-after-ship.md §1), explained in the packer's language
_HINTS: dict[str, dict[str, str]] = {
    "handover_hint_unknown": {
        "en": "Look at the hand-over in Ozon's seller office.",
        "ru": "Посмотрите отгрузку в личном кабинете Ozon.",
        "zh": "请在 Ozon 卖家后台查看该运输单。",
    },
    "handover_hint_package_time_not_passed": {
        "en": "The cut-off has not passed yet: Ozon makes the carriage after it; close again then.",
        "ru": "Время отсечки ещё не наступило: Ozon сформирует отгрузку после него; закройте ещё раз позже.",
        "zh": "截单时间尚未到：Ozon 会在截单后生成运输单；届时请再次完成交接。",
    },
    "handover_hint_new_postings_are_possible": {
        "en": "New orders may still come for today's carriage.",
        "ru": "В сегодняшнюю отгрузку ещё могут прийти новые заказы.",
        "zh": "今天的运输单可能还会有新订单。",
    },
    "handover_hint_not_registered": {
        "en": "The carriage is not registered yet: wait a few minutes.",
        "ru": "Отгрузка ещё не зарегистрирована: подождите несколько минут.",
        "zh": "运输单尚未登记：请等待几分钟。",
    },
    "handover_hint_posting_statuses_not_ready": {
        "en": "Ozon is still updating the parcels: it tries again in a few minutes.",
        "ru": "Ozon ещё обновляет статусы посылок: повтор через несколько минут.",
        "zh": "Ozon 仍在更新包裹状态：几分钟后会自动重试。",
    },
    "handover_hint_no_postings": {
        "en": "Ozon has no parcels for this carriage.",
        "ru": "У Ozon нет посылок для этой отгрузки.",
        "zh": "Ozon 没有该运输单的包裹。",
    },
    "handover_hint_non_carriageable": {
        "en": "This delivery method takes no carriage today.",
        "ru": "Для этого способа доставки сегодня отгрузки нет.",
        "zh": "该配送方式今天没有运输单。",
    },
    "handover_hint_not_packaged": {
        "en": "Some parcels due today are not packed: they stay out of the carriage.",
        "ru": "Часть посылок на сегодня не собрана: они не попадут в отгрузку.",
        "zh": "部分今天应发的包裹尚未打包：它们不会进入运输单。",
    },
    "handover_hint_not_accepted_on_sc": {
        "en": "Parcels of an earlier hand-over were not accepted at the sorting centre: settle that dispute first.",
        "ru": "Посылки прошлой передачи не приняты на сортировочном центре: сначала урегулируйте этот спор.",
        "zh": "上一次交接的包裹未被分拣中心接收：请先处理该争议。",
    },
    "handover_hint_has_seller_returns_in_stock": {
        "en": "Returns wait for you at the drop-off point: collect them.",
        "ru": "В пункте приёма вас ждут возвраты: заберите их.",
        "zh": "交接点有您的退货待取：请取回。",
    },
    "handover_hint_has_postings_with_registration_error": {
        "en": "Some parcels have a registration error: they need support or a cancellation.",
        "ru": "У части посылок ошибка регистрации: нужна поддержка или отмена.",
        "zh": "部分包裹登记出错：需要联系客服或取消。",
    },
    "handover_hint_first_mile_absent": {
        "en": "No first mile (drop-off point or pick-up) is set for this warehouse: set it in the seller office.",
        "ru": "Для склада не выбрана первая миля (пункт приёма или забор): укажите её в личном кабинете.",
        "zh": "该仓库未设置首公里（交接点或上门取件）：请在卖家后台设置。",
    },
    "handover_hint_first_mile_is_changing": {
        "en": "The first mile is being changed: wait until the change is done.",
        "ru": "Первая миля меняется: дождитесь окончания изменения.",
        "zh": "首公里正在变更：请等待变更完成。",
    },
    "handover_hint_has_overflow": {
        "en": "The drop-off point is over capacity: Ozon may limit the carriage.",
        "ru": "Пункт приёма переполнен: Ozon может ограничить отгрузку.",
        "zh": "交接点已超负荷：Ozon 可能限制运输单。",
    },
    "handover_hint_has_surge": {
        "en": "Ozon sees a surge of parcels today: expect limits.",
        "ru": "У Ozon сегодня всплеск отправлений: возможны ограничения.",
        "zh": "Ozon 今天包裹激增：可能会有限制。",
    },
    "handover_hint_there_are_incomplete_carriages": {
        "en": "An earlier carriage of this method is not approved: approve or cancel it in the seller office.",
        "ru": "Предыдущая отгрузка этого способа не подтверждена: подтвердите или отмените её в личном кабинете.",
        "zh": "该配送方式之前的运输单尚未确认：请在卖家后台确认或取消。",
    },
    "handover_hint_outdated": {
        "en": "The carriage is out of date: start the hand-over again.",
        "ru": "Отгрузка устарела: начните передачу заново.",
        "zh": "运输单已过期：请重新开始交接。",
    },
    "handover_hint_delivery_method_not_found": {
        "en": "Ozon does not know this delivery method: check it in the seller office.",
        "ru": "Ozon не знает этот способ доставки: проверьте его в личном кабинете.",
        "zh": "Ozon 不认识该配送方式：请在卖家后台检查。",
    },
    "handover_hint_incorrect_carriage_status": {
        "en": "The carriage is not in the state this step needs (documents come only after the approval).",
        "ru": "Отгрузка не в том состоянии, которое нужно для этого шага (документы — только после подтверждения).",
        "zh": "运输单状态不符合此步骤的要求（确认后才能获取单据）。",
    },
    "handover_hint_posting_not_found": {
        "en": "Ozon has nothing new to carry: the parcels may be in a carriage already (approve it in the "
              "seller office), or none is awaiting delivery.",
        "ru": "У Ozon нет новых посылок для отгрузки: возможно, они уже в отгрузке (подтвердите её в личном "
              "кабинете) или ни одна не ожидает отгрузки.",
        "zh": "Ozon 没有新的包裹可运：这些包裹可能已在运输单中（请在卖家后台确认），或没有待发运的包裹。",
    },
}

_OTHER: dict[str, dict[str, str]] = {
    "sync_stage_handover": {
        "en": "hand-over: Ozon's word on today's departures, parcels not scanned by Ozon",
        "ru": "передача: данные Ozon о сегодняшних отгрузках, посылки, не отсканированные Ozon",
        "zh": "交接：Ozon 关于今天发运的信息、Ozon 未扫描的包裹",
    },
    "command_handover": {
        "en": "Start the hand-over",
        "ru": "Начать передачу",
        "zh": "开始交接",
    },
    "command_handover_close": {
        "en": "Close the hand-over",
        "ru": "Закрыть передачу",
        "zh": "完成交接",
    },
    "carrier_russian_post": {"en": "Russian Post", "ru": "Почты России", "zh": "俄罗斯邮政"},
    "carrier_cdek": {"en": "CDEK", "ru": "СДЭК", "zh": "CDEK 快递"},
    "carrier_other": {"en": "the carrier's", "ru": "перевозчика", "zh": "承运商"},
    "handover_flagged": {
        "en": "Parcel {posting} was handed over {hours} h ago and Ozon has not scanned it (status {status}). "
              "Open a dispute (arbitration) with Ozon.",
        "ru": "Посылка {posting} передана {hours} ч назад, но Ozon её не отсканировал (статус {status}). "
              "Откройте спор (арбитраж) с Ozon.",
        "zh": "包裹 {posting} 已于 {hours} 小时前交出，但 Ozon 尚未扫描（状态 {status}）。请向 Ozon 发起争议（仲裁）。",
    },
    "handover_arbitration_queued": {
        "en": "Dispute for {posting} queued for Ozon.",
        "ru": "Спор по {posting} поставлен в очередь для Ozon.",
        "zh": "已将 {posting} 的争议加入发往 Ozon 的队列。",
    },
    "handover_receipt_attached": {
        "en": "The signed act of hand-over {handover} is attached: {path}",
        "ru": "Подписанный акт передачи {handover} приложен: {path}",
        "zh": "交接 {handover} 的签字交接单已附上：{path}",
    },
    "handover_unknown": {
        "en": "No hand-over {handover} in this bench's records.",
        "ru": "Передачи {handover} нет в записях этого места.",
        "zh": "本工作台没有交接记录 {handover}。",
    },
    "handover_file_unreadable": {
        "en": "Cannot attach {path}: {detail}",
        "ru": "Не удаётся приложить {path}: {detail}",
        "zh": "无法附加 {path}：{detail}",
    },
    "handover_not_flaggable": {
        "en": "{posting} left in no closed hand-over of this bench: nothing to dispute.",
        "ru": "{posting} не уходила ни в одной закрытой передаче этого места: спорить не о чем.",
        "zh": "{posting} 不在本工作台任何已完成的交接中：无需发起争议。",
    },
}

HANDOVER_MESSAGES: dict[str, dict[str, str]] = {**_RESULTS, **_HINTS, **_OTHER}
