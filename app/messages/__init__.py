"""Human messages of the Qt-free core, in Russian, Simplified Chinese and English.

Services report outcomes as codes; this catalogue turns a code into the words a packer or a
seller reads (the CLI and replay print them; the Qt UI shows the same texts). Placeholders
use ``str.format`` names. A test checks every code has all three languages.
"""
from __future__ import annotations

import locale
import os

from app.messages.carriers import CARRIER_MESSAGES
from app.messages.cli_words import CLI_MESSAGES
from app.messages.device_uri import DEVICE_URI_MESSAGES
from app.messages.devices import DEVICE_WORDS, PRINT_FAILED
from app.messages.discovery import DISCOVERY_MESSAGES
from app.messages.commands import COMMAND_MESSAGES
from app.messages.evidence import EVIDENCE_MESSAGES
from app.messages.evidence_summary import SUMMARY_MESSAGES
from app.messages.handover import HANDOVER_MESSAGES
from app.messages.handover_board import BOARD_MESSAGES
from app.messages.label_delay import LABEL_DELAY_MESSAGES
from app.messages.marks import MARKS_MESSAGES
from app.messages.people import PEOPLE_MESSAGES, REPORT_MESSAGES
from app.messages.returns import RETURN_MESSAGES
from app.messages.room import ROOM_MESSAGES
from app.messages.settings_words import SETTINGS_MESSAGES
from app.messages.station import STATION_MESSAGES
from app.messages.statuses import STATUS_MESSAGES
from app.messages.sync import SYNC_MESSAGES
from app.messages.unit_ids import UNIT_ID_MESSAGES
from app.messages.wave_words import WAVE_WORDS
from app.messages.tracking import TRACKING_MESSAGES

LANGUAGES = ("en", "ru", "zh")

CATALOGUE: dict[str, dict[str, str]] = {
    "config_invalid": {
        "en": "Configuration problem: {detail}",
        "ru": "Ошибка настройки: {detail}",
        "zh": "配置错误：{detail}",
    },
    "no_client_id": {
        "en": "No Ozon Client-Id configured: set [ozon] client_id in {path} or PACKDESK_OZON_CLIENT_ID.",
        "ru": "Не задан Client-Id Ozon: укажите [ozon] client_id в {path} или PACKDESK_OZON_CLIENT_ID.",
        "zh": "未配置 Ozon Client-Id：请在 {path} 中设置 [ozon] client_id 或设置 PACKDESK_OZON_CLIENT_ID。",
    },
    "no_api_key": {
        "en": "No Ozon API key: set PACKDESK_OZON_API_KEY or save the key in Settings (OS keyring).",
        "ru": "Нет API-ключа Ozon: задайте PACKDESK_OZON_API_KEY или сохраните ключ в настройках (хранилище ОС).",
        "zh": "没有 Ozon API 密钥：请设置 PACKDESK_OZON_API_KEY，或在设置中保存密钥（系统密钥环）。",
    },
    "no_account_key": {
        "en": "No API key for the Ozon account {detail}: store it in the OS keyring (service packdesk, user = "
              "its Client-Id) or set PACKDESK_OZON_API_KEY_<Client-Id>; until then it is left out.",
        "ru": "Нет API-ключа для аккаунта Ozon {detail}: сохраните его в хранилище ОС (служба packdesk, "
              "пользователь = его Client-Id) или задайте PACKDESK_OZON_API_KEY_<Client-Id>; до тех пор он не "
              "используется.",
        "zh": "Ozon 账户 {detail} 没有 API 密钥：请存入系统密钥环（服务 packdesk，用户 = 其 Client-Id），"
              "或设置 PACKDESK_OZON_API_KEY_<Client-Id>；在此之前不使用该账户。",
    },
    "auth_failed": {
        "en": "Ozon refused the API key for Client-Id {client_id} ({detail}). Check the key in Ozon's "
              "seller office (Settings → API keys) and that it has not expired.",
        "ru": "Ozon отклонил API-ключ для Client-Id {client_id} ({detail}). Проверьте ключ в личном кабинете "
              "продавца (Настройки → API-ключи) и срок его действия.",
        "zh": "Ozon 拒绝了 Client-Id {client_id} 的 API 密钥（{detail}）。请在卖家后台（设置 → API 密钥）"
              "检查密钥及其有效期。",
    },
    "file_not_written": {
        "en": "Cannot write {path}: {detail}. Give a path in a folder that exists and that you may write to.",
        "ru": "Не удалось записать {path}: {detail}. Укажите путь в существующей папке, куда разрешена запись.",
        "zh": "无法写入 {path}：{detail}。请指定一个已存在且可写入的文件夹中的路径。",
    },
    "ozon_unreachable": {
        "en": "Ozon cannot be reached ({detail}); working offline, will retry.",
        "ru": "Нет связи с Ozon ({detail}); работаем офлайн, повторим попытку.",
        "zh": "无法连接 Ozon（{detail}）；离线工作中，稍后重试。",
    },
    "database_unavailable": {
        "en": "The database cannot be used ({detail}). Nothing of this step was recorded: check the database "
              "server and the network (benches sharing one database) or the disk, then scan again.",
        "ru": "База данных недоступна ({detail}). Этот шаг не записан: проверьте сервер базы данных и сеть "
              "(если места упаковки работают с общей базой) или диск, затем отсканируйте ещё раз.",
        "zh": "数据库无法使用（{detail}）。此步骤未被记录：请检查数据库服务器和网络（多个工作台共用一个数据库时）"
              "或磁盘，然后重新扫描。",
    },
    "sync_summary": {
        "en": "sync: {postings} postings read ({changed} changed, {skipped} skipped), {products} new products, "
              "outbox: {done} done, {parked} parked, {open} open",
        "ru": "синхронизация: прочитано отправлений {postings} (изменено {changed}, пропущено {skipped}), "
              "новых товаров {products}, очередь: выполнено {done}, отложено {parked}, в работе {open}",
        "zh": "同步：读取 {postings} 个货件（{changed} 个有变化，跳过 {skipped} 个），新商品 {products} 个，"
              "发件队列：完成 {done}，搁置 {parked}，待处理 {open}",
    },
    "sync_incomplete": {
        "en": "sync pass did not finish: {detail}",
        "ru": "проход синхронизации не завершён: {detail}",
        "zh": "同步未完成：{detail}",
    },
    "key_expires_soon": {
        "en": "The Ozon API key expires on {date}: make a new one in the seller office before then.",
        "ru": "API-ключ Ozon истекает {date}: создайте новый в личном кабинете заранее.",
        "zh": "Ozon API 密钥将于 {date} 过期：请提前在卖家后台创建新密钥。",
    },
    "database_cannot_open": {
        "en": "The bench cannot open its database ({detail}). Nothing was changed: check that the database "
              "server is running and can be reached (benches sharing one database) or that the data dir's disk "
              "can be written, then start packdesk again.",
        "ru": "Место упаковки не может открыть свою базу данных ({detail}). Ничего не изменено: проверьте, что "
              "сервер базы данных запущен и доступен (если места упаковки работают с общей базой) или что на "
              "диск с папкой данных можно писать, затем запустите packdesk снова.",
        "zh": "工作台无法打开其数据库（{detail}）。未做任何更改：请检查数据库服务器是否在运行且可以连接（多个工作台"
              "共用一个数据库时），或数据目录所在的磁盘是否可写，然后重新启动 packdesk。",
    },
    "window_already_open": {
        "en": "packdesk is already open on this bench ({detail}). Switch to that window (it may be minimised "
              "or on another desktop): a second one would share its scanner, scale and station.",
        "ru": "packdesk уже открыт на этом месте упаковки ({detail}). Переключитесь на то окно (оно может быть "
              "свёрнуто или на другом рабочем столе): второе окно делило бы с ним сканер, весы и станцию.",
        "zh": "此工作台上已经打开了 packdesk（{detail}）。请切换到该窗口（它可能已最小化或在其他桌面上）："
              "第二个窗口会与它共用扫描枪、电子秤和工位。",
    },
    "disk_full": {
        "en": "The disk that holds the bench's database is full ({detail}). Nothing was changed: free some space "
              "on that disk, then start packdesk again.",
        "ru": "Диск, на котором лежит база данных места упаковки, заполнен ({detail}). Ничего не изменено: "
              "освободите место на этом диске, затем запустите packdesk снова.",
        "zh": "存放工作台数据库的磁盘已满（{detail}）。未做任何更改：请在该磁盘上释放一些空间，然后重新启动 packdesk。",
    },
    "cache_schema_newer": {
        "en": "This bench's database was upgraded by a newer packdesk (schema {detail}), which this one cannot "
              "read. Nothing was changed: install the same packdesk as the other benches (or newer) here.",
        "ru": "Базу данных этого места упаковки обновила более новая версия packdesk (схема {detail}); эта "
              "версия не может её читать. Ничего не изменено: установите здесь ту же версию packdesk, что и на "
              "других местах упаковки (или новее).",
        "zh": "此工作台的数据库已被更新版本的 packdesk 升级（架构 {detail}），当前版本无法读取。未做任何更改："
              "请在此安装与其他工作台相同（或更新）版本的 packdesk。",
    },
    "no_postings": {
        "en": "No postings in the cache. Run 'packdesk sync --once' first.",
        "ru": "В кэше нет отправлений. Сначала выполните «packdesk sync --once».",
        "zh": "缓存中没有货件。请先运行 “packdesk sync --once”。",
    },
    "gui_unavailable": {
        "en": "The desktop window cannot start: {detail}",
        "ru": "Не удаётся запустить окно программы: {detail}",
        "zh": "无法启动桌面窗口：{detail}",
    },
    # --- labels (packdesk label, the label queue) ---
    "label_printed": {
        "en": "Label of {posting} printed on {printer}.",
        "ru": "Этикетка {posting} напечатана на {printer}.",
        "zh": "货件 {posting} 的面单已在 {printer} 上打印。",
    },
    "label_no_printer": {
        "en": "No printer configured: set [devices] printer in the configuration or pass --printer URI.",
        "ru": "Принтер не настроен: укажите [devices] printer в настройках или передайте --printer URI.",
        "zh": "未配置打印机：请在配置中设置 [devices] printer，或传入 --printer URI。",
    },
    "label_unknown_posting": {
        "en": "Posting {posting} is unknown to Ozon.",
        "ru": "Отправление {posting} не найдено в Ozon.",
        "zh": "Ozon 中没有货件 {posting}。",
    },
    "label_not_shipped": {
        "en": "Posting {posting} is not shipped yet (Ozon status: {status}); its label comes after shipping.",
        "ru": "Отправление {posting} ещё не собрано (статус Ozon: {status}); этикетка будет после сборки.",
        "zh": "货件 {posting} 尚未发货（Ozon 状态：{status}）；发货后才有面单。",
    },
    "label_cancelled": {
        "en": "Posting {posting} is cancelled (Ozon status: {status}); no label is issued.",
        "ru": "Отправление {posting} отменено (статус Ozon: {status}); этикетка не выдаётся.",
        "zh": "货件 {posting} 已取消（Ozon 状态：{status}）；不会生成面单。",
    },
    "label_refused": {
        "en": "Ozon gave no label for {posting} ({detail}).",
        "ru": "Ozon не выдал этикетку для {posting} ({detail}).",
        "zh": "Ozon 没有提供 {posting} 的面单（{detail}）。",
    },
    "ozon_unreachable_now": {
        "en": "Ozon cannot be reached ({detail}). Check the network, then run the command again.",
        "ru": "Нет связи с Ozon ({detail}). Проверьте сеть и запустите команду ещё раз.",
        "zh": "无法连接 Ozon（{detail}）。请检查网络，然后重新运行该命令。",
    },
    "label_not_ready": {
        "en": "Ozon has not prepared the label of {posting} yet; try again in a minute.",
        "ru": "Ozon ещё не подготовил этикетку {posting}; повторите через минуту.",
        "zh": "Ozon 尚未生成货件 {posting} 的面单；请一分钟后再试。",
    },
}


def _join(*tables: dict[str, dict[str, str]]) -> None:
    """Each module's messages into the catalogue; a code two modules define is a bug, found at import."""
    for table in tables:
        clash = CATALOGUE.keys() & table.keys()
        if clash:
            raise RuntimeError(f"message codes defined twice: {sorted(clash)}")
        CATALOGUE.update(table)


_join(STATION_MESSAGES, LABEL_DELAY_MESSAGES, COMMAND_MESSAGES, SYNC_MESSAGES, MARKS_MESSAGES, PEOPLE_MESSAGES,
      REPORT_MESSAGES, ROOM_MESSAGES, RETURN_MESSAGES, CARRIER_MESSAGES, EVIDENCE_MESSAGES, SUMMARY_MESSAGES,
      HANDOVER_MESSAGES, UNIT_ID_MESSAGES, TRACKING_MESSAGES, STATUS_MESSAGES, BOARD_MESSAGES, WAVE_WORDS, DEVICE_WORDS,
      PRINT_FAILED, DISCOVERY_MESSAGES, DEVICE_URI_MESSAGES, SETTINGS_MESSAGES, CLI_MESSAGES)


def system_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else "en"
    try:
        code = (locale.getlocale()[0] or "")[:2].lower()
    except ValueError:
        code = ""
    return code if code in LANGUAGES else "en"


def text(code: str, lang: str = "en", /, **params) -> str:
    """The message for ``code`` in ``lang`` (English when the language is unknown)."""
    entry = CATALOGUE[code]
    template = entry.get(lang) or entry["en"]
    return template.format(**params)


class Said:
    """A message by its code, rendered in whatever language is shown when it is shown (a banner
    that stays up across a language switch says it again in the new one). A parameter may be a
    ``Said`` itself (a case's type, a resolution): rendered in the same language."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params) -> None:
        CATALOGUE[code]  # an unknown code fails here, where it is written, not when it is shown
        self.code, self.params = code, params

    def render(self, lang: str) -> str:
        return text(self.code, lang, **{k: v.render(lang) if isinstance(v, Said) else v for k, v in self.params.items()})

    def __repr__(self) -> str:
        return f"Said({self.code!r}, **{self.params!r})"


def error_text(error: object, lang: str, otherwise: str | None = None) -> str:
    """An error that names its message (a catalogue ``code`` and its ``params``, which may be ``Said``:
    ConfigError, DeviceUriError, ReceiptError...) said in ``lang``; anything else as ``otherwise``, or
    as its own text."""
    code, params = getattr(error, "code", None), getattr(error, "params", None)
    if isinstance(code, str) and code in CATALOGUE and isinstance(params, dict):
        return Said(code, **params).render(lang)
    return str(error) if otherwise is None else otherwise

