<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AddressDialog</name>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="64" />
        <source>Recipient and address of %1</source>
        <translation>Получатель и адрес отправления %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="65" />
        <source>Enter the recipient and the address as the buyer gave them (Ozon does not always give them to an rFBS seller); %1 then gets the parcel with the next sync pass.</source>
        <translation>Введите получателя и адрес так, как их указал покупатель (Ozon не всегда передаёт их продавцу rFBS); затем %1 получит отправление со следующей синхронизацией.</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="69" />
        <source>Recipient*</source>
        <translation>Получатель*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="69" />
        <source>Phone*</source>
        <translation>Телефон*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="69" />
        <source>Postcode*</source>
        <translation>Индекс*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="70" />
        <source>City*</source>
        <translation>Город*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="70" />
        <source>Street*</source>
        <translation>Улица*</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="70" />
        <source>House</source>
        <translation>Дом</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="71" />
        <source>Flat</source>
        <translation>Квартира</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="71" />
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="74" />
        <source>Save and send</source>
        <translation>Сохранить и отправить</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/address.py" line="75" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../app/ui/people/audit.py" line="95" />
        <source>(all)</source>
        <translation>(все)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="108" />
        <source>%1 events shown (at most %2, newest first).</source>
        <translation>Показано событий: %1 (не более %2, сначала новые).</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="113" />
        <source>Export the audit</source>
        <translation>Выгрузка журнала действий</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="119" />
        <source>%1 events written to %2.</source>
        <translation>Записано событий: %1 в %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="124" />
        <source>The audit could not be written: %1</source>
        <translation>Журнал действий не записан: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="128" />
        <source>Person:</source>
        <translation>Сотрудник:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="128" />
        <source>Bench:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="128" />
        <source>Event:</source>
        <translation>Событие:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="129" />
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="129" />
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="132" />
        <source>When (UTC)</source>
        <translation>Когда (UTC)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="132" />
        <source>Bench</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="132" />
        <source>Person</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="133" />
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="133" />
        <source>Posting</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="133" />
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="134" />
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/audit.py" line="135" />
        <source>Export CSV…</source>
        <translation>Выгрузить CSV…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../app/ui/banner.py" line="33" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>BenchController</name>
    <message>
        <location filename="../../app/ui/controller.py" line="186" />
        <location filename="../../app/ui/controller.py" line="244" />
        <location filename="../../app/ui/controller.py" line="260" />
        <source>Open settings</source>
        <translation>Открыть настройки</translation>
    </message>
    <message>
        <location filename="../../app/ui/controller.py" line="341" />
        <source>Settings saved to %1. Restart packdesk to use new account or device settings.</source>
        <translation>Настройки сохранены в %1. Перезапустите packdesk, чтобы применить новые учётные данные или устройства.</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>Case</source>
        <translation>Кейс</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>Posting</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="69" />
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="70" />
        <source>Resolution</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="70" />
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="70" />
        <source>Opened</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="71" />
        <source>New case:</source>
        <translation>Новый кейс:</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="72" />
        <source>Posting number</source>
        <translation>Номер отправления</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="73" />
        <source>What happened</source>
        <translation>Что случилось</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="74" />
        <source>Open case</source>
        <translation>Открыть кейс</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="75" />
        <source>Add note…</source>
        <translation>Добавить заметку…</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="76" />
        <source>Attach file…</source>
        <translation>Приложить файл…</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="77" />
        <source>Close with</source>
        <translation>Закрыть с решением</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/cases_panel.py" line="139" />
        <source>Attach a file to the case</source>
        <translation>Приложить файл к кейсу</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="137" />
        <source>Items missing</source>
        <translation>Не хватает товаров</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="138" />
        <source>The posting will be flagged for a person and not shipped as it is.</source>
        <translation>Отправление будет помечено для разбора и не будет отгружено в таком виде.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="141" />
        <source>What is missing (optional):</source>
        <translation>Чего не хватает (необязательно):</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="143" />
        <source>Close the hand-over without the missing parcels</source>
        <translation>Закрыть передачу без недостающих посылок</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="144" />
        <source>The missing parcels wait for the next carriage; the reason goes to the log.</source>
        <translation>Недостающие посылки уедут со следующей отгрузкой; причина записывается в журнал.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="147" />
        <source>Why (optional):</source>
        <translation>Причина (необязательно):</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="151" />
        <source>Accept this weight</source>
        <translation>Принять этот вес</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="152" />
        <source>Teach barcode %1</source>
        <translation>Привязать штрихкод %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="145" />
        <location filename="../../app/ui/pack/actions.py" line="157" />
        <source>Supervisor:</source>
        <translation>Старший смены:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="140" />
        <location filename="../../app/ui/pack/actions.py" line="145" />
        <location filename="../../app/ui/pack/actions.py" line="154" />
        <source>Supervisor's badge or PIN:</source>
        <translation>Пропуск или PIN старшего:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="155" />
        <source>The supervisor scans their badge or types their PIN here.</source>
        <translation>Старший сканирует свой пропуск или вводит PIN здесь.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="159" />
        <source>It is the item:</source>
        <translation>Это товар:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="161" />
        <source>No supervisors are set up. Add their names in Settings → Packing, or scan the supervisor's command barcode.</source>
        <translation>Старшие смены не заданы. Добавьте их имена в «Настройки → Упаковка» или отсканируйте командный штрихкод старшего.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/errors.py" line="39" />
        <source>packdesk: unexpected error</source>
        <translation>packdesk: непредвиденная ошибка</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="40" />
        <source>(no log file)</source>
        <translation>(файла журнала нет)</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="41" />
        <source>Something went wrong inside packdesk (a bug, not your mistake).</source>
        <translation>В packdesk что-то пошло не так (это ошибка программы, а не ваша).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42" />
        <source>%1

The details are in the log: %2
Please send it to support. The bench keeps working; restart it if something looks wrong.</source>
        <translation>%1

Подробности в журнале: %2
Отправьте его в поддержку. Рабочее место продолжает работать; перезапустите его, если что-то выглядит неправильно.</translation>
    </message>
</context>
<context>
    <name>ErrorFlash</name>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="66" />
        <source>STOP</source>
        <translation>СТОП</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="69" />
        <source>Fix the problem, then scan the right parcel or press the button.</source>
        <translation>Устраните проблему, затем отсканируйте нужную посылку или нажмите кнопку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="71" />
        <source>Put its goods aside, then scan the next posting number or press the button.</source>
        <translation>Отложите его товары в сторону, затем отсканируйте номер следующего отправления или нажмите кнопку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="73" />
        <source>Set the item aside, then scan the next returned item or press the button.</source>
        <translation>Отложите товар в сторону, затем отсканируйте следующий возвращённый товар или нажмите кнопку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="75" />
        <source>Fix the problem, then scan the right item or press the button.</source>
        <translation>Устраните проблему, затем отсканируйте правильный товар или нажмите кнопку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="77" />
        <source>Acknowledge</source>
        <translation>Понятно</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="96" />
        <source>Accept this weight (supervisor)</source>
        <translation>Принять этот вес (старший смены)</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="97" />
        <source>Teach this barcode (supervisor)</source>
        <translation>Привязать этот штрихкод (старший смены)</translation>
    </message>
    <message>
        <location filename="../../app/ui/feedback/flash.py" line="98" />
        <source>Close without the missing parcels (supervisor)</source>
        <translation>Закрыть без недостающих посылок (старший)</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="88" />
        <source>Posting</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="88" />
        <source>Last record</source>
        <translation>Последняя запись</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="88" />
        <source>Clips and photos</source>
        <translation>Видео и фото</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="89" />
        <source>Failed</source>
        <translation>Сбои</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="90" />
        <source>Find a posting number (Enter)</source>
        <translation>Найти номер отправления (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="91" />
        <source>Summary in:</source>
        <translation>Сводка на языке:</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="92" />
        <source>Make dispute bundle…</source>
        <translation>Собрать пакет для спора…</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="93" />
        <source>Check a bundle…</source>
        <translation>Проверить пакет…</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="94" />
        <source>A dispute bundle is a ZIP for Ozon's support: the packing video, the photo on the scale, the label, every scan with its time, and a PDF summary; each file's hash is in the bench's evidence log.</source>
        <translation>Пакет для спора — это ZIP для поддержки Ozon: видео упаковки, фото на весах, этикетка, каждое сканирование со временем и сводка в PDF; хеш каждого файла записан в журнал доказательств места упаковки.</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="151" />
        <source>Save the dispute bundle</source>
        <translation>Сохранить пакет для спора</translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/panel.py" line="191" />
        <source>Check a dispute bundle</source>
        <translation>Проверить пакет для спора</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="22" />
        <source>Demo mode: a simulated Ozon account with sample postings, a simulated scale and printer. To try it: open the Queues tab and double-click a posting (or its item barcode) to scan it, or type a barcode below and press Enter. Then double-click each item's barcode in the list; the scale weighs the parcel and the label is printed to the data folder.</source>
        <translation>Демо-режим: имитация кабинета Ozon с примерами отправлений, имитация весов и принтера. Как попробовать: откройте вкладку «Очереди» и дважды щёлкните отправление (или штрихкод его товара), чтобы отсканировать его, либо введите штрихкод внизу и нажмите Enter. Затем дважды щёлкните штрихкод каждого товара в списке; весы взвесят посылку, а этикетка будет напечатана в папку данных.</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run.py" line="26" />
        <source>Got it</source>
        <translation>Понятно</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="156" />
        <source>Ready to hand over today</source>
        <translation>Готово к передаче сегодня</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="157" />
        <source>Hand-over at this bench</source>
        <translation>Передача на этом месте</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="158" />
        <source>Last hand-over</source>
        <translation>Последняя передача</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="159" />
        <source>Handed over, not scanned by Ozon</source>
        <translation>Переданы, но не отсканированы Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="160" />
        <source>Delivery method</source>
        <translation>Способ доставки</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="160" />
        <source>Parcels</source>
        <translation>Посылки</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="160" />
        <source>Cut-off</source>
        <translation>Отсечка</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="161" />
        <source>Carriage</source>
        <translation>Отгрузка</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="161" />
        <source>Ozon says</source>
        <translation>Сообщение Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="162" />
        <location filename="../../app/ui/handover/panel.py" line="163" />
        <source>Parcel</source>
        <translation>Посылка</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="162" />
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="162" />
        <source>Tracking number</source>
        <translation>Трек-номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="163" />
        <source>Handed over</source>
        <translation>Передана</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="163" />
        <source>Ozon status</source>
        <translation>Статус Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="164" />
        <source>Dispute</source>
        <translation>Спор</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="165" />
        <source>Start hand-over</source>
        <translation>Начать передачу</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="166" />
        <source>Print command barcodes</source>
        <translation>Штрихкоды команд</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="167" />
        <source>Close the hand-over</source>
        <translation>Закрыть передачу</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="168" />
        <source>Close anyway (supervisor)…</source>
        <translation>Закрыть без недостающих (старший)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="169" />
        <source>Back to packing</source>
        <translation>Вернуться к упаковке</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="170" />
        <source>Open the act</source>
        <translation>Открыть акт</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="171" />
        <source>Print the act</source>
        <translation>Напечатать акт</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="172" />
        <source>Print barcode</source>
        <translation>Печать штрихкода</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="173" />
        <source>Attach signed act…</source>
        <translation>Приложить подписанный акт…</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="174" />
        <source>Open a dispute with Ozon</source>
        <translation>Открыть спор с Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="175" />
        <source>expected</source>
        <translation>ожидается</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="176" />
        <source>scanned</source>
        <translation>отсканировано</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="177" />
        <source>missing</source>
        <translation>не хватает</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="221" />
        <source>No hand-over is open: choose a method above, or scan CMD:HANDOVER.</source>
        <translation>Открытой передачи нет: выберите способ выше или отсканируйте CMD:HANDOVER.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="227" />
        <source>%1 · departure %2</source>
        <translation>%1 · отгрузка %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="232" />
        <source>Ozon could not be asked when it started.</source>
        <translation>При начале передачи спросить Ozon не удалось.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="234" />
        <source>Scan the carrier's barcode of parcel %1.</source>
        <translation>Отсканируйте штрихкод перевозчика на посылке %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="239" />
        <source>to scan</source>
        <translation>сканировать</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="239" />
        <source>in the bag</source>
        <translation>в мешке</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="240" />
        <source>carrier barcode next</source>
        <translation>далее штрихкод перевозчика</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="240" />
        <source>cancelled: taken out</source>
        <translation>отменена: вынута</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="241" />
        <source>next carriage</source>
        <translation>следующая отгрузка</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="254" />
        <source>%1: %2 parcel(s) to the carrier, %3 tracking number(s) accepted by Ozon</source>
        <translation>%1: перевозчику передано посылок — %2, Ozon принял трек-номеров — %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="258" />
        <source>Carriage %1 (%2): %3 parcel(s)</source>
        <translation>Отгрузка %1 (%2): посылок — %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="261" />
        <source>%1: %2 parcel(s); the carriage is being made with Ozon</source>
        <translation>%1: посылок — %2; Ozon формирует отгрузку</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="267" />
        <source>Ozon refused the carriage.</source>
        <translation>Ozon отказал в отгрузке.</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="270" />
        <source>Waiting for the next carriage: %1</source>
        <translation>Ждут следующей отгрузки: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="272" />
        <source>Ozon had, not here (taken out of the carriage): %1</source>
        <translation>Были у Ozon, но не здесь (убраны из отгрузки): %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="275" />
        <source>In the bag, left out by Ozon: %1</source>
        <translation>В мешке, но не включены Ozon: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="279" />
        <source>Ozon refused tracking numbers: %1</source>
        <translation>Ozon отклонил трек-номера: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="281" />
        <source>Act: %1</source>
        <translation>Акт: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="282" />
        <source>Signed act: %1</source>
        <translation>Подписанный акт: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="283" />
        <source>Signed act: not attached yet</source>
        <translation>Подписанный акт: ещё не приложен</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="315" />
        <source>Carriage %1</source>
        <translation>Отгрузка %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="322" />
        <source>The signed act (photo or scan)</source>
        <translation>Подписанный акт (фото или скан)</translation>
    </message>
    <message>
        <location filename="../../app/ui/handover/panel.py" line="323" />
        <source>Images and PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp)</source>
        <translation>Изображения и PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff *.webp)</translation>
    </message>
</context>
<context>
    <name>HeldParcelsPanel</name>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="109" />
        <location filename="../../app/ui/carriers/held.py" line="119" />
        <source>Select a parcel first.</source>
        <translation>Сначала выберите отправление.</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="169" />
        <source>Posting</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="169" />
        <source>Carrier</source>
        <translation>Перевозчик</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="169" />
        <source>Held since</source>
        <translation>Остановлено с</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="170" />
        <source>Carrier says</source>
        <translation>Перевозчик сообщает</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="171" />
        <source>Enter address…</source>
        <translation>Ввести адрес…</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="172" />
        <source>Retry at the carrier</source>
        <translation>Повторить у перевозчика</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="173" />
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/carriers/held.py" line="174" />
        <source>Once the cause is fixed: the parcel goes to the carrier again with the next sync pass, never twice</source>
        <translation>Когда причина устранена: отправление снова уйдёт перевозчику со следующей синхронизацией, но не дважды</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../../app/ui/log_view.py" line="40" />
        <source>Show from level:</source>
        <translation>Показывать с уровня:</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Debug</source>
        <translation>Отладка</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Info</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <location filename="../../app/ui/log_view.py" line="41" />
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="90" />
        <source>packdesk: packing bench</source>
        <translation>packdesk: место упаковки</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="92" />
        <source>Pack</source>
        <translation>Упаковка</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="93" />
        <source>Queues</source>
        <translation>Очереди</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="94" />
        <source>Hand-over</source>
        <translation>Передача</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="95" />
        <source>Tracking</source>
        <translation>Трекинг</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="96" />
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97" />
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97" />
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98" />
        <source>Audit</source>
        <translation>Аудит</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98" />
        <source>Cases</source>
        <translation>Кейсы</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="99" />
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="102" />
        <source>&amp;People…</source>
        <translation>&amp;Сотрудники…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104" />
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="105" />
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="106" />
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
</context>
<context>
    <name>PackActions</name>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="73" />
        <source>Park</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="73" />
        <source>Next box</source>
        <translation>Следующая коробка</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="73" />
        <source>Weigh again</source>
        <translation>Взвесить снова</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="74" />
        <source>Items missing…</source>
        <translation>Не хватает товаров…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="74" />
        <source>Put back</source>
        <translation>Вернуть в очередь</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="75" />
        <source>Set this posting aside (it stays yours) and free the bench</source>
        <translation>Отложить отправление (оно остаётся за вами) и освободить рабочее место</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="76" />
        <source>Close this box and start the next one</source>
        <translation>Закрыть эту коробку и начать следующую</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="77" />
        <source>Read the scale again</source>
        <translation>Снова считать вес с весов</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="78" />
        <source>Units cannot be found: flag the posting for a person</source>
        <translation>Товары не найдены: пометить отправление для разбора</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/actions.py" line="79" />
        <source>Put the posting back: counted units are dropped</source>
        <translation>Вернуть отправление в очередь: отсканированное сбрасывается</translation>
    </message>
</context>
<context>
    <name>PackView</name>
    <message>
        <location filename="../../app/ui/pack/view.py" line="121" />
        <source>Type or scan a barcode, then Enter</source>
        <translation>Введите или отсканируйте штрихкод и нажмите Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="122" />
        <source>Scan</source>
        <translation>Сканировать</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="123" />
        <source>Last messages</source>
        <translation>Последние сообщения</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="124" />
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="124" />
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="124" />
        <source>Article</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="125" />
        <source>Counted</source>
        <translation>Отсканировано</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="125" />
        <source>Needed</source>
        <translation>Нужно</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="142" />
        <source>Packing %1: scan every item</source>
        <translation>Упаковка %1: отсканируйте каждый товар</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="144" />
        <source>Put the parcel on the scale</source>
        <translation>Положите посылку на весы</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="146" />
        <source>Stop: look at the message</source>
        <translation>Стоп: прочтите сообщение</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="148" />
        <source>Hand-over: scan each parcel into the courier's bag</source>
        <translation>Передача: сканируйте каждую посылку в мешок курьера</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="150" />
        <source>Return: scan each unit that came back, then Close return</source>
        <translation>Возврат: сканируйте каждую вернувшуюся единицу, затем «Закрыть возврат»</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="152" />
        <source>Packed: %1</source>
        <translation>Упаковано: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="153" />
        <source>Scan a posting or an item</source>
        <translation>Отсканируйте отправление или товар</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="274" />
        <source>Scale: no reading</source>
        <translation>Весы: нет показаний</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="286" />
        <source>Ship by %1 (%2)</source>
        <translation>Отгрузить до %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="290" />
        <source>express</source>
        <translation>экспресс</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="297" />
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="298" />
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="299" />
        <source>%1 left</source>
        <translation>осталось %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pack/view.py" line="299" />
        <source>late by %1</source>
        <translation>опоздание %1</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <location filename="../../app/ui/people/manage.py" line="28" />
        <source>People</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="30" />
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="30" />
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="30" />
        <source>Signs in with</source>
        <translation>Вход по</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="31" />
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="43" />
        <source>PIN (4-12 digits, optional)</source>
        <translation>PIN (4–12 цифр, необязательно)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="44" />
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="46" />
        <source>New badge</source>
        <translation>Новый пропуск</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="48" />
        <source>Set PIN</source>
        <translation>Задать PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="50" />
        <source>Set role</source>
        <translation>Задать роль</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="52" />
        <source>Deactivate</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="57" />
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="60" />
        <source>Selected person:</source>
        <translation>Выбранный сотрудник:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="67" />
        <source>Packers pack; supervisors also confirm overrides with their badge or PIN; admins also change settings and people.</source>
        <translation>Упаковщики упаковывают; старшие также подтверждают исключения своим пропуском или PIN; администраторы также меняют настройки и список сотрудников.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="79" />
        <source>packer</source>
        <translation>упаковщик</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="79" />
        <source>supervisor</source>
        <translation>старший</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="79" />
        <source>admin</source>
        <translation>администратор</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="89" />
        <source>badge</source>
        <translation>пропуск</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="89" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="90" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="90" />
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="103" />
        <source>%1 added.</source>
        <translation>%1: добавлен(а).</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="109" />
        <source>New badge of %1: print this code as a Code 128 barcode: %2</source>
        <translation>Новый пропуск для %1: напечатайте этот код штрихкодом Code 128: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="121" />
        <source>PIN of %1 set.</source>
        <translation>PIN для %1 задан.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="126" />
        <source>%1 is now: %2</source>
        <translation>%1 теперь: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/manage.py" line="133" />
        <source>%1 can no longer sign in.</source>
        <translation>%1 больше не может войти.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../app/ui/people/bar.py" line="23" />
        <source>Sign in with a PIN</source>
        <translation>Вход по PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="30" />
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../app/ui/progress.py" line="82" />
        <source>Syncing postings: %1 of %2</source>
        <translation>Загрузка отправлений: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="83" />
        <source>Syncing postings: %1</source>
        <translation>Загрузка отправлений: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="85" />
        <source>Wave %1: labels printed %2 of %3</source>
        <translation>Волна %1: напечатано этикеток %2 из %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="88" />
        <source>Printing labels: %1 of %2</source>
        <translation>Печать этикеток: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="89" />
        <source>Writing the report…</source>
        <translation>Отчёт записывается…</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress.py" line="89" />
        <source>The report is written</source>
        <translation>Отчёт записан</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <location filename="../../app/ui/queues/model.py" line="42" />
        <location filename="../../app/ui/queues/model.py" line="58" />
        <source>Deadline</source>
        <translation>Срок отгрузки</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="43" />
        <location filename="../../app/ui/queues/model.py" line="52" />
        <location filename="../../app/ui/queues/model.py" line="59" />
        <location filename="../../app/ui/queues/model.py" line="65" />
        <source>Posting</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="44" />
        <source>Warehouse</source>
        <translation>Склад</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="45" />
        <source>Delivery method</source>
        <translation>Способ доставки</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="46" />
        <location filename="../../app/ui/queues/model.py" line="61" />
        <source>Units</source>
        <translation>Шт.</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="47" />
        <source>Item barcode</source>
        <translation>Штрихкод товара</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="48" />
        <source>Items</source>
        <translation>Товары</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="50" />
        <source>Ozon account</source>
        <translation>Аккаунт Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="53" />
        <source>Printed</source>
        <translation>Напечатано</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="54" />
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="55" />
        <source>Copies</source>
        <translation>Копий</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="60" />
        <source>On Ozon</source>
        <translation>В Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="62" />
        <source>What is wrong</source>
        <translation>Что не так</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="66" />
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="67" />
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/model.py" line="68" />
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>QueuesPanel</name>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="121" />
        <source>Warehouse:</source>
        <translation>Склад:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="122" />
        <source>Delivery:</source>
        <translation>Доставка:</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="123" />
        <source>Search posting, item or barcode</source>
        <translation>Поиск: отправление, товар или штрихкод</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="124" />
        <source>Reprint selected label</source>
        <translation>Перепечатать выбранную этикетку</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="140" />
        <source>Awaiting packaging (%1)</source>
        <translation>Ждут упаковки (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="140" />
        <source>Packed, waiting for label (%1)</source>
        <translation>Ждут этикетку (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="141" />
        <source>Printed today (%1)</source>
        <translation>Напечатано сегодня (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="141" />
        <source>Failed prints (%1)</source>
        <translation>Ошибки печати (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="141" />
        <source>Needs a person (%1)</source>
        <translation>Нужен человек (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="146" />
        <source>Held at the carrier (%1)</source>
        <translation>Не ушли перевозчику (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="205" />
        <source>All warehouses</source>
        <translation>Все склады</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="206" />
        <source>All methods</source>
        <translation>Все способы</translation>
    </message>
    <message>
        <location filename="../../app/ui/queues/panel.py" line="241" />
        <source>Make dispute bundle…</source>
        <translation>Собрать пакет для спора…</translation>
    </message>
</context>
<context>
    <name>ReturnsPanel</name>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="94" />
        <source>At this bench</source>
        <translation>На этом столе</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="95" />
        <source>What shipped</source>
        <translation>Что уехало</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="96" />
        <source>What came back</source>
        <translation>Что вернулось</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="97" />
        <source>Scan a return's barcode to open it here: unpack it on camera and scan each unit back; each is checked against the unit that shipped.</source>
        <translation>Отсканируйте штрихкод возврата, чтобы открыть его здесь: распакуйте под камерой и отсканируйте каждую единицу; каждая сверяется с той, что уехала.</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="99" />
        <source>Condition note (damage, missing parts, smell…)</source>
        <translation>Заметка о состоянии (повреждения, некомплект, запах…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="100" />
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="101" />
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="102" />
        <source>Packing clip</source>
        <translation>Видео упаковки</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="103" />
        <source>Close return</source>
        <translation>Закрыть возврат</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="104" />
        <source>Return</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="104" />
        <source>Scheme</source>
        <translation>Схема</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="104" />
        <source>Posting</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="105" />
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="105" />
        <source>Ozon's state</source>
        <translation>Статус Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="105" />
        <source>At the bench</source>
        <translation>На столе</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="106" />
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="107" />
        <source>rFBS action:</source>
        <translation>Действие rFBS:</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="108" />
        <source>Comment (needed to reject)</source>
        <translation>Комментарий (обязателен для отклонения)</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="109" />
        <source>Send to Ozon</source>
        <translation>Отправить в Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/returns/panel.py" line="148" />
        <source>Return {barcode} of posting {posting}: {product} × {quantity}</source>
        <translation>Возврат {barcode} по отправлению {posting}: {product} × {quantity}</translation>
    </message>
</context>
<context>
    <name>ScaleWords</name>
    <message>
        <location filename="../../app/ui/scale_words.py" line="12" />
        <source>stable</source>
        <translation>стабильно</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="14" />
        <source>overload</source>
        <translation>перегрузка</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="16" />
        <source>below zero: tare the scale</source>
        <translation>ниже нуля: обнулите весы</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="17" />
        <source>settling…</source>
        <translation>стабилизируется…</translation>
    </message>
    <message>
        <location filename="../../app/ui/scale_words.py" line="27" />
        <source>Scale: %1 g, %2</source>
        <translation>Весы: %1 г, %2</translation>
    </message>
</context>
<context>
    <name>SettingDocs</name>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="8" />
        <source>Seller API address</source>
        <translation>Адрес Seller API</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="9" />
        <source>Client-Id of the seller account</source>
        <translation>Client-Id кабинета продавца</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="10" />
        <source>warehouses to sync; empty: all</source>
        <translation>склады для синхронизации; пусто — все</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="11" />
        <source>own rate limit, well under Ozon's 50 rps</source>
        <translation>собственное ограничение частоты запросов, заметно ниже 50 в секунду, которые допускает Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="12" />
        <source>seconds between sync passes</source>
        <translation>секунд между проходами синхронизации</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="13" />
        <source>printer URI, e.g. tcp://10.0.0.5:9100?lang=tspl&amp;dpi=203</source>
        <translation>URI принтера, например tcp://10.0.0.5:9100?lang=tspl&amp;dpi=203</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="14" />
        <source>scale URI, e.g. hid://0922:8003</source>
        <translation>URI весов, например hid://0922:8003</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="15" />
        <source>scanner URI: keyboard, serial:PORT, hid://VID:PID</source>
        <translation>URI сканера: keyboard, serial:ПОРТ, hid://VID:PID</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="16" />
        <source>allowed deviation from catalogue weight, %</source>
        <translation>допустимое отклонение от веса по каталогу, %</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="17" />
        <source>weight of the box and filler, g</source>
        <translation>вес коробки и наполнителя, г</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="18" />
        <source>people who may teach barcodes and override a weight check</source>
        <translation>кто может привязывать штрихкоды и принимать вес вопреки проверке</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="19" />
        <source>the station's own order label (QR PDK:&lt;posting&gt;): never = only Ozon's label prints; on_pack = print it right after packing, for the verify-first shelf (scan it to match Ozon's label)</source>
        <translation>своя этикетка заказа (QR PDK:&lt;отправление&gt;): never — печатается только этикетка Ozon; on_pack — печатать сразу после упаковки, для полки «сначала проверка» (отсканируйте её, чтобы сверить с этикеткой Ozon)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="20" />
        <source>minutes without a scan after which the person signed in at this bench is signed out</source>
        <translation>через сколько минут без сканирования вошедший на этом месте сотрудник выходит автоматически</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="21" />
        <source>message the buyer of an rFBS parcel its tracking number through Ozon's chat (needs Premium Plus or Pro): off, or the language of the template sent</source>
        <translation>отправлять покупателю rFBS-посылки трек-номер через чат Ozon (нужен Premium Plus или Pro): выключено или язык отправляемого шаблона</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="22" />
        <source>the buyer's message in Russian: {posting}, {carrier} and {tracking_number} are filled in</source>
        <translation>сообщение покупателю на русском: подставляются {posting}, {carrier} и {tracking_number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="23" />
        <source>the buyer's message in Chinese (same placeholders)</source>
        <translation>сообщение покупателю на китайском (те же подстановки)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/docs.py" line="24" />
        <source>the buyer's message in English (same placeholders)</source>
        <translation>сообщение покупателю на английском (те же подстановки)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="167" />
        <source>Seller API address</source>
        <translation>Адрес Seller API</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="167" />
        <source>Client-Id</source>
        <translation>Client-Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="168" />
        <source>API key (leave empty to keep the saved one)</source>
        <translation>API-ключ (оставьте пустым, чтобы сохранить прежний)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="169" />
        <source>Warehouses to sync (ids, empty: all)</source>
        <translation>Склады для синхронизации (id; пусто — все)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="170" />
        <source>Label printer</source>
        <translation>Принтер этикеток</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="170" />
        <source>Scale</source>
        <translation>Весы</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="170" />
        <source>Scanner</source>
        <translation>Сканер</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="171" />
        <source>Weight tolerance, %</source>
        <translation>Допуск по весу, %</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="172" />
        <source>Box and filler weight, g</source>
        <translation>Вес коробки и наполнителя, г</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="173" />
        <source>Supervisors (may teach barcodes and accept a weight), comma-separated</source>
        <translation>Старшие смены (могут привязывать штрихкоды и принимать вес), через запятую</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="174" />
        <source>Requests to Ozon per second</source>
        <translation>Запросов к Ozon в секунду</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="175" />
        <source>Sync every, s</source>
        <translation>Синхронизация каждые, с</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="176" />
        <source>Own order label</source>
        <translation>Своя этикетка заказа</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="177" />
        <source>Sign a packer out after, min without a scan</source>
        <translation>Выход упаковщика после, мин без сканирования</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="178" />
        <source>Tracking number to the buyer</source>
        <translation>Трек-номер покупателю</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="179" />
        <source>Message in Russian</source>
        <translation>Сообщение на русском</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="179" />
        <source>Message in Chinese</source>
        <translation>Сообщение на китайском</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="180" />
        <source>Message in English</source>
        <translation>Сообщение на английском</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="181" />
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="186" />
        <source>Never: only Ozon's label</source>
        <translation>Нет: только этикетка Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="187" />
        <source>After packing, for the verify-first shelf</source>
        <translation>После упаковки, для полки «сначала проверка»</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="188" />
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="188" />
        <source>In Russian</source>
        <translation>На русском</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="188" />
        <source>In Chinese</source>
        <translation>На китайском</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="189" />
        <source>In English</source>
        <translation>На английском</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="197" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>Ozon</source>
        <translation>Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>Packing</source>
        <translation>Упаковка</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="198" />
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="199" />
        <source>Buyer messages</source>
        <translation>Сообщения покупателям</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="213" />
        <source>Test connection</source>
        <translation>Проверить связь</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="214" />
        <source>Find devices</source>
        <translation>Найти устройства</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="215" />
        <source>Test print</source>
        <translation>Пробная печать</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="216" />
        <source>Read scale</source>
        <translation>Прочитать весы</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="217" />
        <source>Print the command barcodes</source>
        <translation>Напечатать командные штрихкоды</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="244" />
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="254" />
        <source>Asking Ozon…</source>
        <translation>Запрос к Ozon…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="258" />
        <source>Connection failed: %1</source>
        <translation>Связь не установлена: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="265" />
        <source>Connected. The key has no expiry date.</source>
        <translation>Связь есть. У ключа нет срока действия.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="267" />
        <source>Connected. The key expires on %1.</source>
        <translation>Связь есть. Ключ действует до %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="295" />
        <source>Looking for devices…</source>
        <translation>Поиск устройств…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="308" />
        <source>%1 device(s) found.</source>
        <translation>Найдено устройств: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="319" />
        <source>Test label sent to %1.</source>
        <translation>Пробная этикетка отправлена на %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="327" />
        <source>No scale in use: pick one and press Read scale.</source>
        <translation>Весы не используются: выберите весы и нажмите «Прочитать весы».</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="329" />
        <source>Live reading shows the scale in use; press Read scale to try the new one.</source>
        <translation>Текущие показания — с используемых весов; нажмите «Прочитать весы», чтобы проверить новые.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="331" />
        <source>Scale in use: waiting for a reading…</source>
        <translation>Используемые весы: ждём показаний…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="333" />
        <source>Scale in use, live: %1 g (%2)</source>
        <translation>Используемые весы, сейчас: %1 г (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="344" />
        <source>Printing…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="346" />
        <source>Not printed: %1</source>
        <translation>Не напечатано: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="355" />
        <source>Scale reads %1 g (%2).</source>
        <translation>Весы показывают %1 г (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/dialog.py" line="359" />
        <source>Device problem: %1</source>
        <translation>Проблема с устройством: %1</translation>
    </message>
</context>
<context>
    <name>SignInBar</name>
    <message>
        <location filename="../../app/ui/people/bar.py" line="84" />
        <source>Signed in: %1</source>
        <translation>Работает: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="86" />
        <source>Nobody is signed in: scan your badge or type your PIN.</source>
        <translation>Никто не вошёл: отсканируйте свой пропуск или введите PIN.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="87" />
        <source>Type PIN…</source>
        <translation>Ввести PIN…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/bar.py" line="88" />
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="72" />
        <source>Save the shift report</source>
        <translation>Сохранить отчёт о смене</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="73" />
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="127" />
        <source>Per packer over the period</source>
        <translation>По упаковщикам за период</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="130" />
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Postings</source>
        <translation>Отправления</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="130" />
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Units</source>
        <translation>Единицы</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="130" />
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>Mistakes caught</source>
        <translation>Пойманные ошибки</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="131" />
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>Overrides</source>
        <translation>Исключения</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="134" />
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="135" />
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="136" />
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="137" />
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Bench</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="139" />
        <source>Person</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>s/unit</source>
        <translation>с/шт.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people/statistics.py" line="140" />
        <source>s/posting</source>
        <translation>с/отпр.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../app/ui/status.py" line="180" />
        <source>Ozon: connecting…</source>
        <translation>Ozon: подключение…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="180" />
        <source>Ozon: online</source>
        <translation>Ozon: на связи</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="181" />
        <source>Ozon: offline</source>
        <translation>Ozon: нет связи</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="181" />
        <source>Ozon: key refused</source>
        <translation>Ozon: ключ отклонён</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="182" />
        <source>Ozon: not set up</source>
        <translation>Ozon: не настроен</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="186" />
        <source>Last sync: %1</source>
        <translation>Синхронизация: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="187" />
        <source>Outbox: %1 open, %2 parked</source>
        <translation>Для Ozon: %1 в очереди, %2 отложено</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="190" />
        <source>Printer: %1</source>
        <translation>Принтер: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="190" />
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="192" />
        <source>Scanner: %1</source>
        <translation>Сканер: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="192" />
        <source>Scanner</source>
        <translation>Сканер</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="209" />
        <source>Camera: off</source>
        <translation>Камера: выкл.</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="211" />
        <source>● REC</source>
        <translation>● ЗАПИСЬ</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="213" />
        <source>⚠ Camera: %1</source>
        <translation>⚠ Камера: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="213" />
        <source>not available</source>
        <translation>недоступна</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="215" />
        <source>Camera: ready</source>
        <translation>Камера: готова</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="216" />
        <source>Camera: starting…</source>
        <translation>Камера: запуск…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="228" />
        <source>⚠ API key expires %1</source>
        <translation>⚠ API-ключ истекает %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="235" />
        <source>not set</source>
        <translation>не задан</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="257" />
        <source>Scale: not set</source>
        <translation>Весы: не заданы</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="259" />
        <location filename="../../app/ui/status.py" line="262" />
        <source>Scale: %1</source>
        <translation>Весы: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="263" />
        <source>Scale: %1 g</source>
        <translation>Весы: %1 г</translation>
    </message>
</context>
<context>
    <name>TrackingPanel</name>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="121" />
        <source>Select the parcels first.</source>
        <translation>Сначала выберите посылки.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="181" />
        <source>Posting</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="181" />
        <source>Ozon status</source>
        <translation>Статус Ozon</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="181" />
        <source>Substatus</source>
        <translation>Подстатус</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="182" />
        <source>In status</source>
        <translation>В статусе</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="182" />
        <source>Tracking number</source>
        <translation>Трек-номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="183" />
        <source>Needs a person</source>
        <translation>Что сделать</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="183" />
        <source>Carrier says</source>
        <translation>Перевозчик сообщает</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="184" />
        <source>Domestic tracking</source>
        <translation>Внутренний трек (экспедитор)</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="185" />
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="186" />
        <source>Courier on the way</source>
        <translation>Курьер в пути</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="187" />
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="188" />
        <source>For parcels of your own carrier: tells Ozon, then checks that Ozon shows it</source>
        <translation>Для посылок вашего перевозчика: сообщает Ozon и проверяет, что Ozon это отразил</translation>
    </message>
    <message>
        <location filename="../../app/ui/tracking/panel.py" line="191" />
        <source>Turn buyer messages on again</source>
        <translation>Снова включить сообщения покупателям</translation>
    </message>
</context>
</TS>