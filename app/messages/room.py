"""A room of benches on one database: moving a bench's cache there (``packdesk db migrate-to``) and
the labels that belong to another bench, in Russian, Simplified Chinese and English."""
from __future__ import annotations

ROOM_MESSAGES: dict[str, dict[str, str]] = {
    "db_table_copied": {
        "en": "{table}: {rows} rows",
        "ru": "{table}: строк {rows}",
        "zh": "{table}：{rows} 行",
    },
    "db_copied": {
        "en": "Copied {rows} rows of {tables} tables to {url}; every row arrived. The bench's own database "
              "({source}) is unchanged.",
        "ru": "Скопировано строк: {rows} из {tables} таблиц в {url}; все строки на месте. Собственная база "
              "станции ({source}) не изменилась.",
        "zh": "已将 {tables} 个表的 {rows} 行复制到 {url}，每一行都已到达。本工位自己的数据库（{source}）未被改动。",
    },
    "db_target_not_empty": {
        "en": "The database {url} already holds data ({held}): nothing was copied. Give an empty database, "
              "or add --replace to delete what it holds first.",
        "ru": "В базе {url} уже есть данные ({held}): ничего не скопировано. Укажите пустую базу или добавьте "
              "--replace, чтобы сначала удалить её содержимое.",
        "zh": "数据库 {url} 中已有数据（{held}），未复制任何内容。请指定一个空数据库，或加上 --replace 先删除其中的内容。",
    },
    "db_copy_failed": {
        "en": "The copy to {url} did not succeed and nothing was kept: {detail}",
        "ru": "Копирование в {url} не удалось, ничего не сохранено: {detail}",
        "zh": "复制到 {url} 未成功，未保留任何内容：{detail}",
    },
    "db_unreachable": {
        "en": "Cannot use the database {url}: {detail}. Check the address, the user and password, and that "
              "the database exists.",
        "ru": "Не удаётся работать с базой {url}: {detail}. Проверьте адрес, пользователя и пароль и что "
              "база создана.",
        "zh": "无法使用数据库 {url}：{detail}。请检查地址、用户名和密码，以及数据库是否已创建。",
    },
    "db_bad_url": {
        "en": "{url} is not a database URL packdesk can use; for PostgreSQL: "
              "postgresql+psycopg://USER:PASSWORD@HOST/DATABASE",
        "ru": "{url} — не адрес базы данных, с которым работает packdesk; для PostgreSQL: "
              "postgresql+psycopg://ПОЛЬЗОВАТЕЛЬ:ПАРОЛЬ@ХОСТ/БАЗА",
        "zh": "{url} 不是 packdesk 可用的数据库地址；PostgreSQL 的格式为："
              "postgresql+psycopg://用户:密码@主机/数据库",
    },
    "label_prints_elsewhere": {
        "en": "The label of {posting} prints at {station}, the bench that packed it: reprint it there.",
        "ru": "Этикетка отправления {posting} печатается на станции {station}, где его упаковали: "
              "перепечатайте её там.",
        "zh": "货件 {posting} 的面单在打包它的工位 {station} 打印：请在那里重新打印。",
    },
}
