"""Returns at the bench, rFBS return actions and cases, in Russian, Simplified Chinese and English
(keys ``return_<code>[_<variant>]`` for the return mode's answers, ``case_*`` for cases)."""
from __future__ import annotations

RETURN_MESSAGES: dict[str, dict[str, str]] = {
    "return_return_opened": {
        "en": "Return {return_number} of posting {posting} opened: {product} × {quantity}. Unpack it on camera and "
              "scan each unit back.",
        "ru": "Возврат {return_number} по отправлению {posting} открыт: {product} × {quantity}. Распакуйте его под "
              "камерой и отсканируйте каждую единицу.",
        "zh": "货件 {posting} 的退货 {return_number} 已打开：{product} × {quantity}。请在摄像头下拆包并逐件扫描。",
    },
    "return_return_opened_unverified": {
        "en": "Return {return_number} of posting {posting} opened: {product} × {quantity}. This posting was not packed "
              "at a packdesk bench: units are checked by product only.",
        "ru": "Возврат {return_number} по отправлению {posting} открыт: {product} × {quantity}. Это отправление "
              "собирали не в packdesk: единицы сверяются только по товару.",
        "zh": "货件 {posting} 的退货 {return_number} 已打开：{product} × {quantity}。该货件不是在 packdesk 打包的：只按商品核对。",
    },
    "return_return_unit_ok": {
        "en": "✓ {product}{mark}: the unit that shipped. {scanned} scanned back.",
        "ru": "✓ {product}{mark}: та самая единица, что уехала. Отсканировано: {scanned}.",
        "zh": "✓ {product}{mark}：正是发出的那一件。已扫描 {scanned} 件。",
    },
    "return_return_unit_mismatch_other_product": {
        "en": "STOP: {product} did not ship in posting {posting}. Set it aside and write a condition note.",
        "ru": "СТОП: {product} не отправлялся в отправлении {posting}. Отложите и опишите в заметке.",
        "zh": "停止：{product} 不在货件 {posting} 的发货内容中。请放到一边并写下状况备注。",
    },
    "return_return_unit_mismatch_other_mark": {
        "en": "STOP: {product} came back with marking code {mark}, which did not leave in posting {posting}: "
              "another unit was substituted. Set it aside, photograph it and open a case.",
        "ru": "СТОП: {product} вернулся с кодом маркировки {mark}, который не уезжал в отправлении {posting}: "
              "единицу подменили. Отложите, сфотографируйте и откройте кейс.",
        "zh": "停止：{product} 退回时的标识码 {mark} 并未随货件 {posting} 发出：商品被调包。请放到一边、拍照并创建案例。",
    },
    "return_return_unit_mismatch_again": {
        "en": "This marking code {mark} was already scanned back in this return.",
        "ru": "Этот код маркировки {mark} уже отсканирован в этом возврате.",
        "zh": "该标识码 {mark} 已在本次退货中扫描过。",
    },
    "return_return_unit_mismatch_extra": {
        "en": "More units of {product} than shipped in posting {posting}.",
        "ru": "Единиц товара {product} больше, чем уехало в отправлении {posting}.",
        "zh": "{product} 的数量超过货件 {posting} 的发货数量。",
    },
    "return_return_unit_mismatch_unknown": {
        "en": "Code {scanned_code} is no product we know: it did not ship in posting {posting}.",
        "ru": "Код {scanned_code} не принадлежит ни одному известному товару: в отправлении {posting} его не было.",
        "zh": "代码 {scanned_code} 不属于任何已知商品：不在货件 {posting} 中。",
    },
    "return_return_scan_mark": {
        "en": "{product} shipped with a marking code: scan its DataMatrix code, not the item barcode.",
        "ru": "{product} уехал с кодом маркировки: отсканируйте DataMatrix, а не штрихкод товара.",
        "zh": "{product} 发货时带有标识码：请扫描 DataMatrix 码，而不是商品条码。",
    },
    "return_return_closed": {
        "en": "Return {return_number} closed: {ok} unit(s) as shipped, {mismatch} not.",
        "ru": "Возврат {return_number} закрыт: {ok} ед. совпали с отправленными, {mismatch} — нет.",
        "zh": "退货 {return_number} 已关闭：{ok} 件与发货一致，{mismatch} 件不一致。",
    },
    "return_return_closed_case": {
        "en": "Return {return_number} closed: {ok} unit(s) as shipped, {mismatch} not — case #{case} opened for "
              "posting {posting}; its evidence is kept.",
        "ru": "Возврат {return_number} закрыт: {ok} ед. совпали, {mismatch} — нет. Открыт кейс №{case} по "
              "отправлению {posting}; его доказательства сохраняются.",
        "zh": "退货 {return_number} 已关闭：{ok} 件一致，{mismatch} 件不一致——已为货件 {posting} 创建案例 #{case}，其证据将被保留。",
    },
    "return_return_note": {
        "en": "Condition note added to return {return_number}.",
        "ru": "Заметка о состоянии добавлена к возврату {return_number}.",
        "zh": "已为退货 {return_number} 添加状况备注。",
    },
    "return_return_photo": {
        "en": "Photo of return {return_number} taken.",
        "ru": "Фото возврата {return_number} сделано.",
        "zh": "已为退货 {return_number} 拍照。",
    },
    "return_return_busy": {
        "en": "Return {return_number} is open at bench {station}: close it there first.",
        "ru": "Возврат {return_number} открыт на столе {station}: сначала закройте его там.",
        "zh": "退货 {return_number} 正在工位 {station} 打开：请先在那里关闭。",
    },
    "return_return_posting_open": {
        "en": "Posting {open} is open at this bench: finish or park it before opening a return.",
        "ru": "На столе открыто отправление {open}: соберите или отложите его, прежде чем открывать возврат.",
        "zh": "本工位有打开的货件 {open}：请先完成或暂存，再打开退货。",
    },
    "return_return_not_open": {
        "en": "No return is open at this bench: scan a return's barcode to open it.",
        "ru": "На этом столе нет открытого возврата: отсканируйте штрихкод возврата.",
        "zh": "本工位没有打开的退货：请扫描退货条码。",
    },
    "return_not_now": {
        "en": "{what} is not taken while a return is open: scan its units, or CMD:RETURN-CLOSE.",
        "ru": "{what} не принимается, пока открыт возврат: сканируйте его единицы или CMD:RETURN-CLOSE.",
        "zh": "退货打开期间不接受 {what}：请扫描退货商品，或扫描 CMD:RETURN-CLOSE。",
    },
    "return_bad_scan": {
        "en": "Not a barcode ({problem}). Scan again.",
        "ru": "Это не штрихкод ({problem}). Отсканируйте ещё раз.",
        "zh": "不是条码（{problem}）。请重新扫描。",
    },
    "return_status": {
        "en": "Return {return_number} of posting {posting}: {ok} unit(s) as shipped, {mismatch} not.",
        "ru": "Возврат {return_number} по отправлению {posting}: совпало {ok}, не совпало {mismatch}.",
        "zh": "货件 {posting} 的退货 {return_number}：一致 {ok} 件，不一致 {mismatch} 件。",
    },
    "return_status_idle": {
        "en": "No return open.",
        "ru": "Открытых возвратов нет.",
        "zh": "没有打开的退货。",
    },
    "return_acknowledged": {
        "en": "Noted. Go on scanning the return's units.",
        "ru": "Принято. Продолжайте сканировать единицы возврата.",
        "zh": "已确认。请继续扫描退货商品。",
    },
    # rFBS return actions
    "return_action_not_rfbs": {
        "en": "Only rFBS return requests take actions from the seller.",
        "ru": "Действия продавца доступны только для заявок на возврат rFBS.",
        "zh": "只有 rFBS 退货申请可以由卖家操作。",
    },
    "return_action_not_offered": {
        "en": "Ozon does not offer action {action} on this return now: refresh and choose one it offers.",
        "ru": "Ozon сейчас не предлагает действие {action} для этого возврата: обновите и выберите доступное.",
        "zh": "Ozon 目前不对该退货提供操作 {action}：请刷新后选择可用的操作。",
    },
    "return_action_needs_reason": {
        "en": "To reject a return Ozon needs a reason and a comment.",
        "ru": "Чтобы отклонить возврат, Ozon требует причину и комментарий.",
        "zh": "拒绝退货时 Ozon 要求填写原因和备注。",
    },
    "return_action_queued": {
        "en": "“{action}” queued for Ozon; the Returns tab shows when Ozon took it.",
        "ru": "«{action}» поставлено в очередь для Ozon; вкладка «Возвраты» покажет, когда Ozon его примет.",
        "zh": "“{action}”已排队发送至 Ozon；“退货”页会显示 Ozon 何时接受。",
    },
    # cases
    "case_type_damaged": {"en": "damaged", "ru": "повреждён", "zh": "损坏"},
    "case_type_missing_item": {"en": "missing item", "ru": "недовложение", "zh": "缺件"},
    "case_type_wrong_item": {"en": "wrong item", "ru": "не тот товар", "zh": "错发商品"},
    "case_type_not_delivered": {"en": "not delivered", "ru": "не доставлен", "zh": "未送达"},
    "case_type_return": {"en": "return", "ru": "возврат", "zh": "退货"},
    "case_resolution_refund": {"en": "refund", "ru": "возврат денег", "zh": "退款"},
    "case_resolution_resend": {"en": "resend", "ru": "повторная отправка", "zh": "重新发货"},
    "case_resolution_rejected": {"en": "rejected", "ru": "отклонено", "zh": "已驳回"},
    "case_state_open": {"en": "open", "ru": "открыт", "zh": "进行中"},
    "case_state_closed": {"en": "closed", "ru": "закрыт", "zh": "已关闭"},
    "case_bad_type": {
        "en": "Unknown case type {value}: one of {allowed}.",
        "ru": "Неизвестный тип кейса {value}: допустимо {allowed}.",
        "zh": "未知的案例类型 {value}：可选 {allowed}。",
    },
    "case_bad_resolution": {
        "en": "Unknown resolution {value}: one of {allowed}.",
        "ru": "Неизвестное решение {value}: допустимо {allowed}.",
        "zh": "未知的处理结果 {value}：可选 {allowed}。",
    },
    "case_not_found": {
        "en": "No case #{case}.",
        "ru": "Кейса №{case} нет.",
        "zh": "没有案例 #{case}。",
    },
    "case_posting_unknown": {
        "en": "Posting {posting} is not in this bench's cache: sync first, or check the number.",
        "ru": "Отправления {posting} нет в кэше стола: выполните синхронизацию или проверьте номер.",
        "zh": "本工位缓存中没有货件 {posting}：请先同步或检查单号。",
    },
    "case_attachment_missing": {
        "en": "File {path} cannot be read: {detail}",
        "ru": "Файл {path} не читается: {detail}",
        "zh": "无法读取文件 {path}：{detail}",
    },
    "case_opened": {
        "en": "Case #{case} ({type}) opened for posting {posting}.",
        "ru": "Кейс №{case} ({type}) открыт по отправлению {posting}.",
        "zh": "已为货件 {posting} 创建案例 #{case}（{type}）。",
    },
    "case_updated": {
        "en": "Case #{case} updated.",
        "ru": "Кейс №{case} обновлён.",
        "zh": "案例 #{case} 已更新。",
    },
    "case_closed": {
        "en": "Case #{case} closed: {resolution}.",
        "ru": "Кейс №{case} закрыт: {resolution}.",
        "zh": "案例 #{case} 已关闭：{resolution}。",
    },
    "case_none": {"en": "No case.", "ru": "Кейсов нет.", "zh": "没有案例。"},
    # where a return is at the bench (app.store.models_returns RETURN_*)
    "return_state_new": {"en": "waiting", "ru": "ожидает", "zh": "待处理"},
    "return_state_open": {"en": "open", "ru": "открыт", "zh": "已打开"},
    "return_state_closed": {"en": "checked", "ru": "проверен", "zh": "已核对"},
    "returns_none": {"en": "No return synced from Ozon yet.", "ru": "Возвратов из Ozon пока нет.",
                     "zh": "尚未从 Ozon 同步到退货。"},
}
