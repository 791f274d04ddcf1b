"""What is wrong with a setting (``app.config.ConfigError`` with a ``code``), in the three languages.

``app.config`` sits beside this package and knows no messages: it gives each error a code and its
parts, and ``app.messages.error_text`` says it. An error without a code keeps its English detail."""
from __future__ import annotations

SETTINGS_MESSAGES: dict[str, dict[str, str]] = {
    "setting_not_one_of": {"en": "expected one of {choices}, got {value}",
                           "ru": "нужно одно из: {choices}; указано {value}",
                           "zh": "应为以下之一：{choices}；实际为 {value}"},
    "setting_number_range": {"en": "expected a number from {low} to {high}, got {value}",
                             "ru": "нужно число от {low} до {high}; указано {value}",
                             "zh": "应为 {low} 到 {high} 之间的数；实际为 {value}"},
    "setting_whole_range": {"en": "expected a whole number from {low} to {high}, got {value}",
                            "ru": "нужно целое число от {low} до {high}; указано {value}",
                            "zh": "应为 {low} 到 {high} 之间的整数；实际为 {value}"},
    "setting_expected_text": {"en": "expected text, got {value}", "ru": "нужен текст; указано {value}",
                              "zh": "应为文本；实际为 {value}"},
    "setting_expected_number": {"en": "expected a number, got {value}", "ru": "нужно число; указано {value}",
                                "zh": "应为数字；实际为 {value}"},
    "setting_expected_finite": {"en": "expected a finite number, got {value}",
                                "ru": "нужно конечное число; указано {value}", "zh": "应为有限的数；实际为 {value}"},
    "setting_expected_whole": {"en": "expected a whole number, got {value}",
                               "ru": "нужно целое число; указано {value}", "zh": "应为整数；实际为 {value}"},
    "setting_expected_numbers": {"en": "expected a list of numbers, got {value}",
                                 "ru": "нужен список чисел; указано {value}", "zh": "应为数字列表；实际为 {value}"},
    "setting_expected_names": {"en": "expected a list of names, got {value}",
                               "ru": "нужен список имён; указано {value}", "zh": "应为名称列表；实际为 {value}"},
    "setting_unknown": {"en": "unknown setting", "ru": "неизвестная настройка", "zh": "未知设置项"},
    "setting_file_not_found": {"en": "file not found", "ru": "файл не найден", "zh": "找不到文件"},
    "setting_not_a_table": {"en": "must be a table ([{name}])", "ru": "должно быть таблицей ([{name}])",
                            "zh": "必须是表（[{name}]）"},
    "setting_not_http": {"en": "not an http(s) address: {url}", "ru": "не адрес http(s): {url}",
                         "zh": "不是 http(s) 地址：{url}"},
    "setting_accounts_tables": {"en": "must be tables ([[ozon.accounts]])",
                                "ru": "должно быть таблицами ([[ozon.accounts]])", "zh": "必须是表（[[ozon.accounts]]）"},
    "setting_key_in_file": {
        "en": "an API key is never written in the file: store it in the OS keyring (service \"packdesk\", user = the "
              "client id)",
        "ru": "API-ключ не пишут в файл: сохраните его в хранилище ОС (служба \"packdesk\", пользователь = Client-Id)",
        "zh": "API 密钥不能写在文件中：请存入系统密钥环（服务 \"packdesk\"，用户 = Client-Id）"},
    "setting_client_id": {"en": "expected the account's numeric Client-Id, got {value}",
                          "ru": "нужен числовой Client-Id аккаунта; указано {value}",
                          "zh": "应为账户的数字 Client-Id；实际为 {value}"},
    "setting_client_id_twice": {"en": "Client-Id {client_id} is configured twice",
                                "ru": "Client-Id {client_id} задан дважды", "zh": "Client-Id {client_id} 配置了两次"},
    "setting_unknown_carrier": {"en": "unknown carrier (known: {known})",
                                "ru": "неизвестный перевозчик (известны: {known})", "zh": "未知承运商（可用：{known}）"},
    "setting_secret_in_file": {"en": "secrets never go in the file: use the environment or the OS keyring",
                               "ru": "секреты не пишут в файл: используйте переменные окружения или хранилище ОС",
                               "zh": "机密信息不能写在文件中：请使用环境变量或系统密钥环"},
    "setting_method_ids": {"en": "expected a list of delivery method ids, got {value}",
                           "ru": "нужен список идентификаторов способов доставки; указано {value}",
                           "zh": "应为配送方式 ID 列表；实际为 {value}"},
    "setting_tariff": {"en": "expected a tariff number, got {value}", "ru": "нужен номер тарифа; указано {value}",
                       "zh": "应为资费编号；实际为 {value}"},
    "setting_method_taken": {"en": "delivery method {method} is mapped to {carrier} already",
                             "ru": "способ доставки {method} уже назначен перевозчику {carrier}",
                             "zh": "配送方式 {method} 已分配给 {carrier}"},
    "setting_plain_http": {
        "en": "plain http is allowed only for a loopback host (127.0.0.1, ::1, localhost), not {host}; use https",
        "ru": "простой http разрешён только для локального адреса (127.0.0.1, ::1, localhost), а не {host}; "
              "используйте https",
        "zh": "仅本机地址（127.0.0.1、::1、localhost）可使用 http，{host} 不行；请使用 https"},
}

