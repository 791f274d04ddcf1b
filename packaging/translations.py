"""Refresh the UI translations: extract tr() texts from app/ui, fill the known ones, compile .qm.

    .venv/bin/python packaging/translations.py

First app/ui/settings/docs.py is written anew from the settings' descriptions in app/config.py (the
settings dialog's tooltips), so lupdate finds them.

``pyside6-lupdate -extensions py app/ui`` updates resources/i18n/packdesk_<ru|zh_CN|en>.ts (existing
translations are kept); texts listed in TEXTS below are filled where still unfinished (English:
the source itself); ``pyside6-lrelease`` writes the .qm files next to them. Translators may also
edit the .ts files with pyside6-linguist; the test suite checks that ru and zh are complete.
"""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
TARGETS = {"ru": "ru", "zh_CN": "zh", "en": "en"}

# source text -> (Russian, Simplified Chinese)
TEXTS = {
    "Close": ("Закрыть", "关闭"),
    "Open settings": ("Открыть настройки", "打开设置"),
    "Settings saved to %1. Restart packdesk to use new account or device settings.":
        ("Настройки сохранены в %1. Перезапустите packdesk, чтобы применить новые учётные данные или устройства.",
         "设置已保存到 %1。请重启 packdesk 以使新的账户或设备设置生效。"),
    "packdesk: unexpected error": ("packdesk: непредвиденная ошибка", "packdesk：意外错误"),
    "(no log file)": ("(файла журнала нет)", "（无日志文件）"),
    "Something went wrong inside packdesk (a bug, not your mistake).":
        ("В packdesk что-то пошло не так (это ошибка программы, а не ваша).", "packdesk 内部出错（是程序缺陷，不是您的操作失误）。"),
    "%1\n\nThe details are in the log: %2\nPlease send it to support. The bench keeps working; restart it if "
    "something looks wrong.":
        ("%1\n\nПодробности в журнале: %2\nОтправьте его в поддержку. Рабочее место продолжает работать; "
         "перезапустите его, если что-то выглядит неправильно.",
         "%1\n\n详细信息见日志：%2\n请将其发送给技术支持。工作台仍可继续使用；如有异常请重启。"),
    "STOP": ("СТОП", "停止"),
    "Fix the problem, then scan the right item or press the button.":
        ("Устраните проблему, затем отсканируйте правильный товар или нажмите кнопку.", "请先解决问题，然后扫描正确的商品或按下按钮。"),
    "Set the item aside, then scan the next returned item or press the button.":
        ("Отложите товар в сторону, затем отсканируйте следующий возвращённый товар или нажмите кнопку.",
         "请将该商品放到一边，然后扫描下一件退回商品或按下按钮。"),
    "Put its goods aside, then scan the next posting number or press the button.":
        ("Отложите его товары в сторону, затем отсканируйте номер следующего отправления или нажмите кнопку.",
         "请将其商品放到一边，然后扫描下一个货件号或按下按钮。"),
    "Acknowledge": ("Понятно", "确认"),
    "Demo mode: a simulated Ozon account with sample postings, a simulated scale and printer. "
    "To try it: open the Queues tab and double-click a posting (or its item barcode) to scan it, or type a "
    "barcode below and press Enter. Then double-click each item's barcode in the list; the scale weighs the "
    "parcel and the label is printed to the data folder.":
        ("Демо-режим: имитация кабинета Ozon с примерами отправлений, имитация весов и принтера. "
         "Как попробовать: откройте вкладку «Очереди» и дважды щёлкните отправление (или штрихкод его товара), "
         "чтобы отсканировать его, либо введите штрихкод внизу и нажмите Enter. Затем дважды щёлкните штрихкод "
         "каждого товара в списке; весы взвесят посылку, а этикетка будет напечатана в папку данных.",
         "演示模式：模拟的 Ozon 账户（含示例货件）、模拟电子秤和打印机。试用方法：打开“队列”标签页，"
         "双击某个货件（或其商品条码）即可扫描，或在下方输入条码并按回车。然后双击列表中每件商品的条码；"
         "电子秤会称重包裹，面单会打印到数据文件夹。"),
    "Got it": ("Понятно", "知道了"),
    "Show from level:": ("Показывать с уровня:", "显示级别："),
    "Debug": ("Отладка", "调试"),
    "Info": ("Сведения", "信息"),
    "Warning": ("Предупреждение", "警告"),
    "Error": ("Ошибка", "错误"),
    "packdesk: packing bench": ("packdesk: место упаковки", "packdesk：打包工作台"),
    "Pack": ("Упаковка", "打包"),
    "Queues": ("Очереди", "队列"),
    "Log": ("Журнал", "日志"),
    "&File": ("&Файл", "文件(&F)"),
    "&Settings…": ("&Настройки…", "设置(&S)…"),
    "&Quit": ("&Выход", "退出(&Q)"),
    "&Language": ("&Язык", "语言(&L)"),
    "Type or scan a barcode, then Enter": ("Введите или отсканируйте штрихкод и нажмите Enter", "输入或扫描条码，然后按回车"),
    "Scan": ("Сканировать", "扫描"),
    "Last messages": ("Последние сообщения", "最近消息"),
    "Item": ("Товар", "商品"),
    "Barcode": ("Штрихкод", "条码"),
    "Counted": ("Отсканировано", "已扫"),
    "Needed": ("Нужно", "需要"),
    "Packing %1: scan every item": ("Упаковка %1: отсканируйте каждый товар", "正在打包 %1：请扫描每件商品"),
    "Put the parcel on the scale": ("Положите посылку на весы", "请将包裹放到秤上"),
    "Stop: look at the message": ("Стоп: прочтите сообщение", "停止：请查看提示"),
    "Scan a posting or an item": ("Отсканируйте отправление или товар", "请扫描货件或商品"),
    "Deadline": ("Срок отгрузки", "发货截止"),
    "Posting": ("Отправление", "货件"),
    "Warehouse": ("Склад", "仓库"),
    "Ozon account": ("Аккаунт Ozon", "Ozon 账户"),
    "Delivery method": ("Способ доставки", "配送方式"),
    "Item barcode": ("Штрихкод товара", "商品条码"),
    "Items": ("Товары", "商品"),
    "Printed": ("Напечатано", "打印时间"),
    "Printer": ("Принтер", "打印机"),
    "Copies": ("Копий", "份数"),
    "State": ("Состояние", "状态"),
    "Problem": ("Проблема", "问题"),
    "Details": ("Подробности", "详情"),
    "Warehouse:": ("Склад:", "仓库："),
    "Delivery:": ("Доставка:", "配送："),
    "Search posting, item or barcode": ("Поиск: отправление, товар или штрихкод", "搜索货件、商品或条码"),
    "Reprint selected label": ("Перепечатать выбранную этикетку", "重新打印所选面单"),
    "Awaiting packaging (%1)": ("Ждут упаковки (%1)", "待打包 (%1)"),
    "Packed, waiting for label (%1)": ("Ждут этикетку (%1)", "已打包，待面单 (%1)"),
    "Printed today (%1)": ("Напечатано сегодня (%1)", "今日已打印 (%1)"),
    "Failed prints (%1)": ("Ошибки печати (%1)", "打印失败 (%1)"),
    "Needs a person (%1)": ("Нужен человек (%1)", "需要人工处理 (%1)"),
    "On Ozon": ("В Ozon", "Ozon 状态"),
    "What is wrong": ("Что не так", "问题所在"),
    "All warehouses": ("Все склады", "全部仓库"),
    "All methods": ("Все способы", "全部方式"),
    "Seller API address": ("Адрес Seller API", "卖家 API 地址"),
    "Client-Id": ("Client-Id", "Client-Id"),
    "API key (leave empty to keep the saved one)": ("API-ключ (оставьте пустым, чтобы сохранить прежний)",
                                                    "API 密钥（留空则保留已保存的密钥）"),
    "Warehouses to sync (ids, empty: all)": ("Склады для синхронизации (id; пусто — все)", "要同步的仓库（ID，留空表示全部）"),
    "Label printer": ("Принтер этикеток", "面单打印机"),
    "Scale": ("Весы", "电子秤"),
    "Scanner": ("Сканер", "扫码枪"),
    "Weight tolerance, %": ("Допуск по весу, %", "重量容差，%"),
    "Box and filler weight, g": ("Вес коробки и наполнителя, г", "箱子和填充物重量，克"),
    "Language": ("Язык", "语言"),
    "Settings": ("Настройки", "设置"),
    "Ozon": ("Ozon", "Ozon"),
    "Devices": ("Устройства", "设备"),
    "Packing": ("Упаковка", "打包"),
    "General": ("Общие", "常规"),
    "Test connection": ("Проверить связь", "测试连接"),
    "Find devices": ("Найти устройства", "查找设备"),
    "Test print": ("Пробная печать", "测试打印"),
    "Read scale": ("Прочитать весы", "读取电子秤"),
    "Not saved: %1": ("Не сохранено: %1", "未保存：%1"),
    "Asking Ozon…": ("Запрос к Ozon…", "正在询问 Ozon…"),
    "Connection failed: %1": ("Связь не установлена: %1", "连接失败：%1"),
    "Connected. The key has no expiry date.": ("Связь есть. У ключа нет срока действия.", "已连接。该密钥没有过期日期。"),
    "Connected. The key expires on %1.": ("Связь есть. Ключ действует до %1.", "已连接。该密钥将于 %1 过期。"),
    "Looking for devices…": ("Поиск устройств…", "正在查找设备…"),
    "%1 device(s) found.": ("Найдено устройств: %1.", "找到 %1 个设备。"),
    "Test label sent to %1.": ("Пробная этикетка отправлена на %1.", "测试面单已发送到 %1。"),
    "Scale reads %1 g (%2).": ("Весы показывают %1 г (%2).", "电子秤读数 %1 克（%2）。"),
    "Device problem: %1": ("Проблема с устройством: %1", "设备问题：%1"),
    "Ozon: connecting…": ("Ozon: подключение…", "Ozon：连接中…"),
    "Ozon: online": ("Ozon: на связи", "Ozon：在线"),
    "Ozon: offline": ("Ozon: нет связи", "Ozon：离线"),
    "Ozon: key refused": ("Ozon: ключ отклонён", "Ozon：密钥被拒绝"),
    "Ozon: not set up": ("Ozon: не настроен", "Ozon：未设置"),
    "Last sync: %1": ("Синхронизация: %1", "上次同步：%1"),
    "Outbox: %1 open, %2 parked": ("Для Ozon: %1 в очереди, %2 отложено", "发件队列：%1 待处理，%2 搁置"),
    "Printer: %1": ("Принтер: %1", "打印机：%1"),
    "Scanner: %1": ("Сканер: %1", "扫码枪：%1"),
    "⚠ API key expires %1": ("⚠ API-ключ истекает %1", "⚠ API 密钥将于 %1 过期"),
    "not set": ("не задан", "未设置"),
    "Scale: not set": ("Весы: не заданы", "电子秤：未设置"),
    "Scale: %1": ("Весы: %1", "电子秤：%1"),
    "%1 g stable": ("%1 г, стабильно", "%1 克，稳定"),
    "%1 g moving": ("%1 г, колеблется", "%1 克，波动中"),
    # the pack view's buttons, the supervisor's way out, the posting line, the live weight
    "Packed: %1": ("Упаковано: %1", "已打包：%1"),
    "Items missing": ("Не хватает товаров", "缺少商品"),
    "The posting will be flagged for a person and not shipped as it is.":
        ("Отправление будет помечено для разбора и не будет отгружено в таком виде.", "该货件将被标记交由人工处理，不会按现状发货。"),
    "What is missing (optional):": ("Чего не хватает (необязательно):", "缺少什么（可选）："),
    "Accept this weight": ("Принять этот вес", "接受此重量"),
    "Teach barcode %1": ("Привязать штрихкод %1", "绑定条码 %1"),
    "Supervisor:": ("Старший смены:", "主管："),
    "It is the item:": ("Это товар:", "对应商品："),
    "No supervisors are set up. Add their names in Settings → Packing, or scan the supervisor's command barcode.":
        ("Старшие смены не заданы. Добавьте их имена в «Настройки → Упаковка» или отсканируйте командный "
         "штрихкод старшего.", "尚未设置主管。请在“设置 → 包装”中添加主管姓名，或扫描主管的指令条码。"),
    "Accept this weight (supervisor)": ("Принять этот вес (старший смены)", "接受此重量（主管）"),
    "Teach this barcode (supervisor)": ("Привязать этот штрихкод (старший смены)", "绑定此条码（主管）"),
    "Park": ("Отложить", "暂放"),
    "Next box": ("Следующая коробка", "下一箱"),
    "Weigh again": ("Взвесить снова", "重新称重"),
    "Items missing…": ("Не хватает товаров…", "缺少商品…"),
    "Put back": ("Вернуть в очередь", "放回队列"),
    "Set this posting aside (it stays yours) and free the bench":
        ("Отложить отправление (оно остаётся за вами) и освободить рабочее место", "暂放此货件（仍归您处理）并空出工作台"),
    "Close this box and start the next one": ("Закрыть эту коробку и начать следующую", "封好此箱并开始下一箱"),
    "Read the scale again": ("Снова считать вес с весов", "重新读取电子秤"),
    "Units cannot be found: flag the posting for a person":
        ("Товары не найдены: пометить отправление для разбора", "找不到商品：将货件标记交由人工处理"),
    "Put the posting back: counted units are dropped":
        ("Вернуть отправление в очередь: отсканированное сбрасывается", "将货件放回队列：已扫描数量清零"),
    "Article": ("Артикул", "货号"),
    "Scale: no reading": ("Весы: нет показаний", "电子秤：无读数"),
    "stable": ("стабильно", "稳定"),
    "overload": ("перегрузка", "超载"),
    "below zero: tare the scale": ("ниже нуля: обнулите весы", "低于零：请将秤归零"),
    "settling…": ("стабилизируется…", "稳定中…"),
    "Scale: %1 g, %2": ("Весы: %1 г, %2", "电子秤：%1 克，%2"),
    "Scale: %1 g": ("Весы: %1 г", "电子秤：%1 克"),
    "Ship by %1 (%2)": ("Отгрузить до %1 (%2)", "发货截止 %1（%2）"),
    "express": ("экспресс", "急速"),
    "%1 h %2 min": ("%1 ч %2 мин", "%1 小时 %2 分钟"),
    "%1 min": ("%1 мин", "%1 分钟"),
    "%1 left": ("осталось %1", "剩余 %1"),
    "late by %1": ("опоздание %1", "已超时 %1"),
    "Supervisors (may teach barcodes and accept a weight), comma-separated":
        ("Старшие смены (могут привязывать штрихкоды и принимать вес), через запятую", "主管（可绑定条码和接受重量），用逗号分隔"),
    "Print the command barcodes": ("Напечатать командные штрихкоды", "打印指令条码"),
    "No scale in use: pick one and press Read scale.":
        ("Весы не используются: выберите весы и нажмите «Прочитать весы».", "未使用电子秤：请选择电子秤并按“读取电子秤”。"),
    "Live reading shows the scale in use; press Read scale to try the new one.":
        ("Текущие показания — с используемых весов; нажмите «Прочитать весы», чтобы проверить новые.",
         "实时读数来自正在使用的电子秤；按“读取电子秤”以测试新的电子秤。"),
    "Scale in use: waiting for a reading…": ("Используемые весы: ждём показаний…", "正在使用的电子秤：等待读数…"),
    "Scale in use, live: %1 g (%2)": ("Используемые весы, сейчас: %1 г (%2)", "正在使用的电子秤，实时：%1 克（%2）"),
    "Printing…": ("Печать…", "正在打印…"),
    "Not printed: %1": ("Не напечатано: %1", "未打印：%1"),
    "Command barcodes sent to %1. Keep the sheet at the bench; supervisors keep their own.":
        ("Командные штрихкоды отправлены на %1. Держите лист у рабочего места; старшие смены хранят свои.",
         "指令条码已发送到 %1。请将此页放在工作台旁；主管请自行保管自己的条码。"),
    # the settings dialog: more settings, and each setting's description (app/config.py) as its tooltip
    "Requests to Ozon per second": ("Запросов к Ozon в секунду", "每秒向 Ozon 发送的请求数"),
    "Sync every, s": ("Синхронизация каждые, с", "同步间隔（秒）"),
    "Own order label": ("Своя этикетка заказа", "自有订单标签"),
    "Never: only Ozon's label": ("Нет: только этикетка Ozon", "不打印：仅打印 Ozon 面单"),
    "After packing, for the verify-first shelf": ("После упаковки, для полки «сначала проверка»",
                                                  "打包后打印，用于“先核验”货架"),
    "Client-Id of the seller account": ("Client-Id кабинета продавца", "卖家账户的 Client-Id"),
    "warehouses to sync; empty: all": ("склады для синхронизации; пусто — все", "要同步的仓库；留空表示全部"),
    "own rate limit, well under Ozon's 50 rps": ("собственное ограничение частоты запросов, заметно ниже 50 в секунду, "
                                                 "которые допускает Ozon", "自身的请求频率限制，远低于 Ozon 允许的每秒 50 次"),
    "seconds between sync passes": ("секунд между проходами синхронизации", "两次同步之间的秒数"),
    "printer URI, e.g. tcp://10.0.0.5:9100?lang=tspl&dpi=203": (
        "URI принтера, например tcp://10.0.0.5:9100?lang=tspl&dpi=203",
        "打印机 URI，例如 tcp://10.0.0.5:9100?lang=tspl&dpi=203"),
    "scale URI, e.g. hid://0922:8003": ("URI весов, например hid://0922:8003", "电子秤 URI，例如 hid://0922:8003"),
    "scanner URI: keyboard, serial:PORT, hid://VID:PID": ("URI сканера: keyboard, serial:ПОРТ, hid://VID:PID",
                                                          "扫描枪 URI：keyboard、serial:端口、hid://VID:PID"),
    "allowed deviation from catalogue weight, %": ("допустимое отклонение от веса по каталогу, %",
                                                   "允许与目录重量的偏差，%"),
    "weight of the box and filler, g": ("вес коробки и наполнителя, г", "箱子和填充物的重量，克"),
    "people who may teach barcodes and override a weight check": (
        "кто может привязывать штрихкоды и принимать вес вопреки проверке", "可以绑定条码并越过重量检查的人员"),
    "the station's own order label (QR PDK:<posting>): never = only Ozon's label prints; on_pack = print it "
    "right after packing, for the verify-first shelf (scan it to match Ozon's label)": (
        "своя этикетка заказа (QR PDK:<отправление>): never — печатается только этикетка Ozon; on_pack — печатать "
        "сразу после упаковки, для полки «сначала проверка» (отсканируйте её, чтобы сверить с этикеткой Ozon)",
        "工作台自有的订单标签（二维码 PDK:<货件>）：never = 只打印 Ozon 面单；on_pack = 打包后立即打印，"
        "用于“先核验”货架（扫描它以与 Ozon 面单核对）"),
    # the packing camera in the status bar, the Evidence tab
    "Camera: off": ("Камера: выкл.", "摄像头：关闭"),
    "● REC %1": ("● ЗАПИСЬ %1", "● 录像 %1"),
    "● REC": ("● ЗАПИСЬ", "● 录像"),
    "⚠ Camera: %1": ("⚠ Камера: %1", "⚠ 摄像头：%1"),
    "not available": ("недоступна", "不可用"),
    "Camera: ready": ("Камера: готова", "摄像头：就绪"),
    "Camera: starting…": ("Камера: запуск…", "摄像头：启动中…"),
    "Evidence": ("Доказательства", "证据"),
    "Last record": ("Последняя запись", "最近记录"),
    "Clips and photos": ("Видео и фото", "视频和照片"),
    "Failed": ("Сбои", "失败"),
    "Find a posting number (Enter)": ("Найти номер отправления (Enter)", "查找货件号（回车）"),
    "Summary in:": ("Сводка на языке:", "摘要语言："),
    "Make dispute bundle…": ("Собрать пакет для спора…", "生成争议证据包…"),
    "Check a bundle…": ("Проверить пакет…", "校验证据包…"),
    "A dispute bundle is a ZIP for Ozon's support: the packing video, the photo on the scale, the label, every "
    "scan with its time, and a PDF summary; each file's hash is in the bench's evidence log.":
        ("Пакет для спора — это ZIP для поддержки Ozon: видео упаковки, фото на весах, этикетка, каждое "
         "сканирование со временем и сводка в PDF; хеш каждого файла записан в журнал доказательств места упаковки.",
         "争议证据包是提交给 Ozon 客服的 ZIP：打包视频、称重照片、面单、每次扫描及其时间，以及 PDF 摘要；"
         "每个文件的哈希值都记录在本工作台的证据日志中。"),
    "Save the dispute bundle": ("Сохранить пакет для спора", "保存争议证据包"),
    "Check a dispute bundle": ("Проверить пакет для спора", "校验争议证据包"),
    # people at the bench (app/ui/people, the supervisor's dialog)
    "minutes without a scan after which the person signed in at this bench is signed out": (
        "через сколько минут без сканирования вошедший на этом месте сотрудник выходит автоматически",
        "在此工作台无扫描多少分钟后自动退出登录的人员"),
    "Sign a packer out after, min without a scan": ("Выход упаковщика после, мин без сканирования",
                                                      "无扫描多少分钟后退出打包员登录"),
    "Sign in with a PIN": ("Вход по PIN", "用 PIN 登录"),
    "PIN:": ("PIN:", "PIN："),
    "Signed in: %1": ("Работает: %1", "已登录：%1"),
    "Nobody is signed in: scan your badge or type your PIN.": (
        "Никто не вошёл: отсканируйте свой пропуск или введите PIN.", "无人登录：请扫描您的工牌或输入 PIN。"),
    "Type PIN…": ("Ввести PIN…", "输入 PIN…"),
    "Sign out": ("Выйти", "退出登录"),
    "(all)": ("(все)", "（全部）"),
    "%1 events shown (at most %2, newest first).": ("Показано событий: %1 (не более %2, сначала новые).",
                                                     "显示 %1 条事件（最多 %2 条，最新在前）。"),
    "Export the audit": ("Выгрузка журнала действий", "导出审计记录"),
    "%1 events written to %2.": ("Записано событий: %1 в %2.", "已将 %1 条事件写入 %2。"),
    "The audit could not be written: %1": ("Журнал действий не записан: %1", "审计记录未能写入：%1"),
    "Person:": ("Сотрудник:", "人员："),
    "Bench:": ("Место:", "工作台："),
    "Event:": ("Событие:", "事件："),
    "From:": ("С:", "从："),
    "To:": ("По:", "到："),
    "When (UTC)": ("Когда (UTC)", "时间（UTC）"),
    "Bench": ("Место", "工作台"),
    "Person": ("Сотрудник", "人员"),
    "Event": ("Событие", "事件"),
    "Posting": ("Отправление", "货件"),
    "Details": ("Подробности", "详情"),
    "Show": ("Показать", "显示"),
    "Export CSV…": ("Выгрузить CSV…", "导出 CSV…"),
    "Audit": ("Аудит", "审计"),
    "&People…": ("&Сотрудники…", "人员(&P)…"),
    "People": ("Сотрудники", "人员"),
    "Name": ("Имя", "姓名"),
    "Role": ("Роль", "角色"),
    "Signs in with": ("Вход по", "登录方式"),
    "Active": ("Активен", "有效"),
    "PIN (4-12 digits, optional)": ("PIN (4–12 цифр, необязательно)", "PIN（4–12 位数字，可选）"),
    "Add": ("Добавить", "添加"),
    "New badge": ("Новый пропуск", "新工牌"),
    "Set PIN": ("Задать PIN", "设置 PIN"),
    "Set role": ("Задать роль", "设置角色"),
    "Deactivate": ("Отключить", "停用"),
    "Name:": ("Имя:", "姓名："),
    "Selected person:": ("Выбранный сотрудник:", "所选人员："),
    "Packers pack; supervisors also confirm overrides with their badge or PIN; admins also change settings "
    "and people.": ("Упаковщики упаковывают; старшие также подтверждают исключения своим пропуском или PIN; "
                    "администраторы также меняют настройки и список сотрудников.",
                    "打包员负责打包；主管还可用自己的工牌或 PIN 确认例外；管理员还可更改设置和人员。"),
    "packer": ("упаковщик", "打包员"),
    "supervisor": ("старший", "主管"),
    "admin": ("администратор", "管理员"),
    "badge": ("пропуск", "工牌"),
    "PIN": ("PIN", "PIN"),
    "yes": ("да", "是"),
    "no": ("нет", "否"),
    "%1 added.": ("%1: добавлен(а).", "已添加 %1。"),
    "New badge of %1: print this code as a Code 128 barcode: %2": (
        "Новый пропуск для %1: напечатайте этот код штрихкодом Code 128: %2", "%1 的新工牌：请将此代码打印为 Code 128 条码：%2"),
    "PIN of %1 set.": ("PIN для %1 задан.", "已设置 %1 的 PIN。"),
    "%1 is now: %2": ("%1 теперь: %2", "%1 现在是：%2"),
    "%1 can no longer sign in.": ("%1 больше не может войти.", "%1 已无法登录。"),
    "Per packer over the period": ("По упаковщикам за период", "按打包员统计（所选期间）"),
    "Postings": ("Отправления", "货件"),
    "Units": ("Единицы", "件数"),
    "Mistakes caught": ("Пойманные ошибки", "拦截的差错"),
    "Overrides": ("Исключения", "例外"),
    "Date": ("Дата", "日期"),
    "s/unit": ("с/шт.", "秒/件"),
    "s/posting": ("с/отпр.", "秒/货件"),
    "Statistics": ("Статистика", "统计"),
    "Supervisor's badge or PIN:": ("Пропуск или PIN старшего:", "主管的工牌或 PIN："),
    "The supervisor scans their badge or types their PIN here.": (
        "Старший сканирует свой пропуск или вводит PIN здесь.", "请主管在此扫描工牌或输入 PIN。"),
}

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translations_handover import HANDOVER_TEXTS  # noqa: E402  (the Hand-over tab's, kept apart)
from translations_returns import RETURN_TEXTS  # noqa: E402  (the Returns and Cases tabs')

from translations_progress import PROGRESS_TEXTS  # noqa: E402  (the progress bars', the report's PDF)
from translations_tracking import TRACKING_TEXTS  # noqa: E402  (the Tracking tab's)
from translations_carriers import CARRIER_TEXTS  # noqa: E402  (the parcels held at the seller's carrier)

TEXTS.update(HANDOVER_TEXTS)
TEXTS.update(RETURN_TEXTS)
TEXTS.update(TRACKING_TEXTS)
TEXTS.update(CARRIER_TEXTS)
TEXTS.update(PROGRESS_TEXTS)

# a source text said otherwise in one context (Qt keeps translations per context; a key of TEXTS is one text)
IN_CONTEXT = {
    ("Queues", "Units"): ("Шт.", "件数"),  # a narrow column; the statistics say "Единицы"
}

DOCS_MODULE = ROOT / "app" / "ui" / "settings" / "docs.py"


def setting_docs_module() -> str:
    """app/ui/settings/docs.py: the descriptions of the settings the dialog edits, as literals."""
    sys.path.insert(0, str(ROOT))
    from app.ui.settings.form import FIELDS, setting

    lines = [f"    QT_TRANSLATE_NOOP(\"SettingDocs\", {json.dumps(setting(name).doc)})," for name in FIELDS]
    return ('"""The descriptions of the settings the dialog edits (declared in app/config.py), written out\n'
            'for lupdate: the dialog shows them, translated, as tooltips. Generated by\n'
            'packaging/translations.py; tests/test_ui_settings.py checks it is current."""\n'
            "from PySide6.QtCore import QT_TRANSLATE_NOOP\n\n"
            'CONTEXT = "SettingDocs"\n'
            "DOCS = (\n" + "\n".join(lines) + "\n)\n")


def fill(ts: Path, lang: str) -> int:
    """Fill unfinished entries we know; returns how many remain unfinished."""
    tree = ET.parse(ts)
    left = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            left += _fill(message, name, lang)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return left


def _fill(message: ET.Element, context: str | None, lang: str) -> int:
    """1 when the message stays unfinished (a text nobody translated yet), else 0."""
    source = message.findtext("source") or ""
    translation = message.find("translation")
    if translation.get("type") != "unfinished":
        return 0
    known = IN_CONTEXT.get((context, source)) or TEXTS.get(source) or (None, None)
    text = source if lang == "en" else known[0 if lang == "ru" else 1]
    if text is None:
        return 1
    translation.text = text
    del translation.attrib["type"]
    return 0


def main() -> int:
    DOCS_MODULE.write_text(setting_docs_module(), encoding="utf-8")
    left = 0
    for suffix, lang in TARGETS.items():
        ts = I18N / f"packdesk_{suffix}.ts"
        subprocess.run([str(BIN / "pyside6-lupdate"), "-extensions", "py", str(ROOT / "app" / "ui"), "-ts", str(ts),
                        "-source-language", "en", "-target-language", suffix, "-no-obsolete"], check=True)
        missing = fill(ts, lang)
        left += missing
        if missing:
            print(f"{ts.name}: {missing} text(s) still to translate", file=sys.stderr)
        subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
