"""Russian and Chinese for the Returns and Cases tabs and the return's words elsewhere in the window
(merged into ``translations.TEXTS``): source text -> (Russian, Simplified Chinese)."""

RETURN_TEXTS = {
    "Returns": ("Возвраты", "退货"),
    "Cases": ("Кейсы", "案例"),
    "Return: scan each unit that came back, then Close return": (
        "Возврат: сканируйте каждую вернувшуюся единицу, затем «Закрыть возврат»",
        "退货：逐件扫描退回的商品，然后点击“关闭退货”"),
    "At this bench": ("На этом столе", "本工位"),
    "What shipped": ("Что уехало", "发出的商品"),
    "What came back": ("Что вернулось", "退回的商品"),
    "Scan a return's barcode to open it here: unpack it on camera and scan each unit back; each is checked "
    "against the unit that shipped.": (
        "Отсканируйте штрихкод возврата, чтобы открыть его здесь: распакуйте под камерой и отсканируйте каждую "
        "единицу; каждая сверяется с той, что уехала.",
        "扫描退货条码即可在此打开：在摄像头下拆包并逐件扫描，每件都与发出的那一件核对。"),
    "Condition note (damage, missing parts, smell…)": ("Заметка о состоянии (повреждения, некомплект, запах…)",
                                                       "状况备注（损坏、缺件、异味…）"),
    "Add note": ("Добавить заметку", "添加备注"),
    "Photo": ("Фото", "拍照"),
    "Packing clip": ("Видео упаковки", "打包视频"),
    "Close return": ("Закрыть возврат", "关闭退货"),
    "Return": ("Возврат", "退货"),
    "Scheme": ("Схема", "模式"),
    "Posting": ("Отправление", "货件"),
    "Product": ("Товар", "商品"),
    "Ozon's state": ("Статус Ozon", "Ozon 状态"),
    "At the bench": ("На столе", "工位状态"),
    "Created": ("Создан", "创建时间"),
    "rFBS action:": ("Действие rFBS:", "rFBS 操作："),
    "Comment (needed to reject)": ("Комментарий (обязателен для отклонения)", "备注（拒绝时必填）"),
    "Send to Ozon": ("Отправить в Ozon", "发送至 Ozon"),
    "Return {barcode} of posting {posting}: {product} × {quantity}": (
        "Возврат {barcode} по отправлению {posting}: {product} × {quantity}",
        "货件 {posting} 的退货 {barcode}：{product} × {quantity}"),
    "Case": ("Кейс", "案例"),
    "Type": ("Тип", "类型"),
    "State": ("Состояние", "状态"),
    "Resolution": ("Решение", "处理结果"),
    "Files": ("Файлы", "文件"),
    "Opened": ("Открыт", "创建时间"),
    "New case:": ("Новый кейс:", "新案例："),
    "Posting number": ("Номер отправления", "货件编号"),
    "What happened": ("Что случилось", "发生了什么"),
    "Open case": ("Открыть кейс", "创建案例"),
    "Add note…": ("Добавить заметку…", "添加备注…"),
    "Attach file…": ("Приложить файл…", "附加文件…"),
    "Close with": ("Закрыть с решением", "关闭，结果为"),
    "Attach a file to the case": ("Приложить файл к кейсу", "为案例附加文件"),
}
