"""People at the benches: signing in and out, supervisors' badges, the people directory."""
from __future__ import annotations

PEOPLE_MESSAGES: dict[str, dict[str, str]] = {
    "station_packer_signed_in": {
        "en": "{person} signed in at this bench. Scan a posting or an item.",
        "ru": "{person}: вход выполнен. Сканируйте отправление или товар.",
        "zh": "{person} 已在此工作台登录。请扫描货件或商品。",
    },
    "station_packer_unknown": {
        "en": "This badge or PIN belongs to no one. Scan your own badge or type your PIN; a new badge is "
              "printed in Settings → People.",
        "ru": "Этот пропуск или PIN ни за кем не закреплён. Отсканируйте свой пропуск или введите PIN; новый "
              "пропуск печатается в Настройки → Сотрудники.",
        "zh": "此工牌或 PIN 不属于任何人。请扫描您自己的工牌或输入 PIN；新工牌可在 设置 → 人员 中打印。",
    },
    "station_packer_signed_out": {
        "en": "{person} signed out. Scan your badge to work at this bench.",
        "ru": "{person}: выход выполнен. Отсканируйте свой пропуск, чтобы работать на этом месте.",
        "zh": "{person} 已退出。请扫描您的工牌以在此工作台工作。",
    },
    "station_packer_signed_out_idle": {
        "en": "{person} was signed out after a long pause. Scan your badge to go on.",
        "ru": "{person}: выход после долгого перерыва. Отсканируйте свой пропуск, чтобы продолжить.",
        "zh": "{person} 因长时间无操作已退出。请扫描您的工牌继续。",
    },
    "station_sign_in_required": {
        "en": "Nobody is signed in at this bench: scan your badge (or type your PIN) first. Nothing was counted.",
        "ru": "На этом месте никто не вошёл: сначала отсканируйте свой пропуск (или введите PIN). Ничего не засчитано.",
        "zh": "此工作台无人登录：请先扫描您的工牌（或输入 PIN）。未计数任何商品。",
    },
    "station_sign_in_required_idle": {
        "en": "{person} was signed out after a long pause: scan your badge (or type your PIN) again. "
              "Nothing was counted.",
        "ru": "{person}: выход после долгого перерыва — отсканируйте пропуск (или введите PIN) снова. "
              "Ничего не засчитано.",
        "zh": "{person} 因长时间无操作已退出：请重新扫描工牌（或输入 PIN）。未计数任何商品。",
    },
    "station_supervisor_unknown": {
        "en": "This badge or PIN belongs to no one: a supervisor confirms with their own badge or PIN.",
        "ru": "Этот пропуск или PIN ни за кем не закреплён: старший подтверждает своим пропуском или PIN.",
        "zh": "此工牌或 PIN 不属于任何人：须由主管用自己的工牌或 PIN 确认。",
    },
    "command_login": {
        "en": "Sign in: {supervisor}",
        "ru": "Вход: {supervisor}",
        "zh": "登录：{supervisor}",
    },
    "command_logout": {
        "en": "Sign out",
        "ru": "Выход",
        "zh": "退出登录",
    },
    "people_bad_name": {
        "en": "A name is 1 to 64 characters: «{name}» is not one.",
        "ru": "Имя — от 1 до 64 символов: «{name}» не подходит.",
        "zh": "姓名须为 1 至 64 个字符：«{name}» 不符合。",
    },
    "people_bad_role": {
        "en": "Unknown role «{role}»: packer, supervisor or admin.",
        "ru": "Неизвестная роль «{role}»: packer (упаковщик), supervisor (старший) или admin (администратор).",
        "zh": "未知角色 «{role}»：packer（打包员）、supervisor（主管）或 admin（管理员）。",
    },
    "people_exists": {
        "en": "{name} is already in the list of people.",
        "ru": "{name} уже есть в списке сотрудников.",
        "zh": "{name} 已在人员列表中。",
    },
    "people_unknown_person": {
        "en": "Nobody called {name} is in the list of people.",
        "ru": "В списке сотрудников нет {name}.",
        "zh": "人员列表中没有 {name}。",
    },
    "people_bad_pin": {
        "en": "A PIN is 4 to 12 digits.",
        "ru": "PIN — от 4 до 12 цифр.",
        "zh": "PIN 须为 4 至 12 位数字。",
    },
    "people_pin_taken": {
        "en": "Someone else has this PIN already (a PIN alone names its person): choose another.",
        "ru": "Этот PIN уже у другого сотрудника (PIN сам по себе указывает на человека): выберите другой.",
        "zh": "此 PIN 已被他人使用（仅凭 PIN 即可识别人员）：请另选一个。",
    },
    "people_not_allowed": {
        "en": "Only an admin signed in at this bench may do this: scan an admin's badge first.",
        "ru": "Это может только администратор, вошедший на этом месте: сначала отсканируйте пропуск администратора.",
        "zh": "只有在此工作台登录的管理员才能执行此操作：请先扫描管理员的工牌。",
    },
    "people_badge_printed": {
        "en": "The new badge of {name} is printed; the old one no longer signs in.",
        "ru": "Новый пропуск для {name} напечатан; старый больше не действует.",
        "zh": "{name} 的新工牌已打印；旧工牌已失效。",
    },
    "people_badge_print_failed": {
        "en": "The badge of {name} could not be printed ({detail}). Check the printer and issue a new badge.",
        "ru": "Пропуск для {name} не напечатан ({detail}). Проверьте принтер и выпустите новый пропуск.",
        "zh": "{name} 的工牌未能打印（{detail}）。请检查打印机后重新生成工牌。",
    },
    "people_role_packer": {"en": "packer", "ru": "упаковщик", "zh": "打包员"},
    "people_role_supervisor": {"en": "supervisor", "ru": "старший", "zh": "主管"},
    "people_role_admin": {"en": "admin", "ru": "администратор", "zh": "管理员"},
    "people_has_badge": {"en": "badge", "ru": "пропуск", "zh": "工牌"},
    "people_has_pin": {"en": "PIN set", "ru": "PIN задан", "zh": "已设 PIN"},
    "people_inactive": {"en": "inactive", "ru": "отключён", "zh": "已停用"},
    "people_none": {"en": "Nobody yet: packdesk people add NAME --role admin (the first one).",
                    "ru": "Пока никого: packdesk people add ИМЯ --role admin (первым — администратора).",
                    "zh": "还没有人员：packdesk people add 姓名 --role admin（第一位设为管理员）。"},
}

# the shift report (app.services.stats, packdesk report)
REPORT_MESSAGES: dict[str, dict[str, str]] = {
    "report_title": {"en": "Shift report {since} – {until}", "ru": "Отчёт по сменам {since} – {until}",
                     "zh": "班次报告 {since} – {until}"},
    "report_col_date": {"en": "Date", "ru": "Дата", "zh": "日期"},
    "report_col_station": {"en": "Bench", "ru": "Место", "zh": "工作台"},
    "report_col_packer": {"en": "Packer", "ru": "Упаковщик", "zh": "打包员"},
    "report_col_postings": {"en": "Postings", "ru": "Отправл.", "zh": "货件"},
    "report_col_units": {"en": "Units", "ru": "Шт.", "zh": "件数"},
    "report_col_s_unit": {"en": "s/unit", "ru": "с/шт.", "zh": "秒/件"},
    "report_col_s_posting": {"en": "s/posting", "ru": "с/отпр.", "zh": "秒/货件"},
    "report_col_mistakes": {"en": "Mistakes", "ru": "Ошибки", "zh": "差错"},
    "report_col_overrides": {"en": "Overrides", "ru": "Исключ.", "zh": "例外"},
    "report_more_rows": {"en": "… and {rows} more rows (packdesk report --json has them all)",
                         "ru": "… и ещё строк: {rows} (все — в packdesk report --json)",
                         "zh": "… 另有 {rows} 行（packdesk report --json 包含全部）"},
    "report_totals": {
        "en": "Total: {postings} postings, {units} units, {mistakes} mistakes caught, {overrides} overrides, "
              "{handed_over} parcels handed over",
        "ru": "Итого: отправлений {postings}, единиц {units}, пойманных ошибок {mistakes}, исключений {overrides}, "
              "передано посылок {handed_over}",
        "zh": "合计：货件 {postings} 个，商品 {units} 件，拦截差错 {mistakes} 次，例外 {overrides} 次，"
              "已交接包裹 {handed_over} 个"},
    "report_bad_period": {"en": "--from {since} is after --to {until}.", "ru": "--from {since} позже, чем --to {until}.",
                          "zh": "--from {since} 晚于 --to {until}。"},
    "report_saved": {"en": "The shift report is saved to {path}", "ru": "Отчёт о смене сохранён в {path}",
                     "zh": "班次报告已保存到 {path}"},
}
