"""Evidence: the packing camera's warnings, the lines burned into the video, the dispute bundle
(its summary's words and the verifier's answers), by code."""
from __future__ import annotations

EVIDENCE_MESSAGES: dict[str, dict[str, str]] = {
    # --- the camera, for the status bar, the banner and the log ---
    "camera_unavailable": {
        "en": "Camera {camera}: {detail}. Packing goes on without video; check the camera and its cable.",
        "ru": "Камера {camera}: {detail}. Упаковка продолжается без видео; проверьте камеру и кабель.",
        "zh": "摄像头 {camera}：{detail}。打包继续进行，但不录像；请检查摄像头及其连接线。",
    },
    "camera_clip_failed": {
        "en": "The video of {key} could not be finalised ({detail}). It is listed as failed in the evidence, "
              "with what was recorded of it.",
        "ru": "Видео {key} не удалось завершить ({detail}). Оно отмечено в доказательствах как неудачное, "
              "вместе с тем, что успело записаться.",
        "zh": "{key} 的视频未能完成（{detail}）。它在证据中被标记为失败，并保留已录下的部分。",
    },
    "evidence_over_quota": {
        "en": "Evidence storage holds {used} of its {quota} GB and nothing more may be removed (postings not "
              "delivered yet, or with a case). Recording goes on: raise [evidence] quota_gb or free the disk.",
        "ru": "Хранилище доказательств занято на {used} из {quota} ГБ, и удалять больше нечего (отправления ещё "
              "не доставлены или по ним есть обращение). Запись продолжается: увеличьте [evidence] quota_gb "
              "или освободите диск.",
        "zh": "证据存储已用 {used} GB（配额 {quota} GB），且没有可删除的内容（货件尚未送达或有争议）。录像继续："
              "请提高 [evidence] quota_gb 或清理磁盘。",
    },
    # --- burned into the picture ---
    "evidence_header": {
        "en": "Posting {posting} · box {box}",
        "ru": "Отправление {posting} · коробка {box}",
        "zh": "货件 {posting} · 第 {box} 箱",
    },
    "evidence_header_who": {
        "en": "Station {station} · packer {packer}",
        "ru": "Место {station} · упаковщик {packer}",
        "zh": "工位 {station} · 打包员 {packer}",
    },
    "evidence_note_unit": {
        "en": "{time} ✓ {product}: {line_counted} of {line_total} ({counted}/{total}) {mark}",
        "ru": "{time} ✓ {product}: {line_counted} из {line_total} ({counted}/{total}) {mark}",
        "zh": "{time} ✓ {product}：{line_counted}/{line_total}（{counted}/{total}）{mark}",
    },
    "evidence_note_weight": {
        "en": "{time} ⚖ {measured_g} g (expected {expected_g} g): {verdict}",
        "ru": "{time} ⚖ {measured_g} г (ожидалось {expected_g} г): {verdict}",
        "zh": "{time} ⚖ {measured_g} 克（预期 {expected_g} 克）：{verdict}",
    },
    "evidence_weight_ok": {"en": "accepted, packed", "ru": "принят, упаковано", "zh": "通过，已打包"},
    "evidence_weight_bad": {"en": "OUT OF TOLERANCE", "ru": "ВНЕ ДОПУСКА", "zh": "超出允差"},
    # --- packdesk evidence ---
    "evidence_written": {
        "en": "Dispute bundle of {posting} written to {path}: {files} files, {clips} clips, {entries} evidence "
              "log entries.",
        "ru": "Пакет доказательств по {posting} записан в {path}: файлов {files}, видео {clips}, записей журнала "
              "доказательств {entries}.",
        "zh": "货件 {posting} 的争议证据包已写入 {path}：{files} 个文件，{clips} 段视频，{entries} 条证据日志。",
    },
    "evidence_unknown_posting": {
        "en": "Posting {posting} has no records at this bench (nothing was scanned, packed or filmed for it).",
        "ru": "По отправлению {posting} на этом месте упаковки нет записей (его не сканировали, не упаковывали "
              "и не снимали).",
        "zh": "此工作台没有货件 {posting} 的任何记录（未扫描、未打包、未录像）。",
    },
    "evidence_chain_broken": {
        "en": "Warning: the evidence log of this bench is broken at {where}: {detail}. The bundle says so.",
        "ru": "Внимание: журнал доказательств этого места упаковки нарушен: {where}: {detail}. В пакете это указано.",
        "zh": "警告：本工作台的证据日志在 {where} 处被破坏：{detail}。证据包中已注明。",
    },
    "evidence_verified": {
        "en": "Bundle {path} is intact: {files} files match their recorded SHA-256, {entries} evidence log "
              "entries and {events} event records check out.",
        "ru": "Пакет {path} не изменён: {files} файлов совпадают с записанными SHA-256, {entries} записей журнала "
              "доказательств и {events} записей событий сходятся.",
        "zh": "证据包 {path} 完好：{files} 个文件与记录的 SHA-256 一致，{entries} 条证据日志和 {events} 条事件记录核对无误。",
    },
    "evidence_mismatch": {
        "en": "Bundle {path} does NOT match its records: {where}: {detail}",
        "ru": "Пакет {path} НЕ совпадает со своими записями: {where}: {detail}",
        "zh": "证据包 {path} 与其记录不符：{where}：{detail}",
    },
    "evidence_font_missing": {
        "en": "No font with {script} letters was found ({detail}); the summary is written {fallback}. "
              "Install fonts-dejavu-core and fonts-wqy-microhei (Linux) for a summary in every language.",
        "ru": "Не найден шрифт с буквами ({script}) ({detail}); сводка записана {fallback}. Установите "
              "fonts-dejavu-core и fonts-wqy-microhei (Linux), чтобы сводка была на любом языке.",
        "zh": "未找到含 {script} 字符的字体（{detail}）；摘要以 {fallback} 写出。请安装 fonts-dejavu-core 和 "
              "fonts-wqy-microhei（Linux），以便用任何语言生成摘要。",
    },
    "evidence_needs_out": {
        "en": "Where should the bundle go? packdesk evidence POSTING --out FILE.zip",
        "ru": "Куда сохранить пакет доказательств? packdesk evidence ОТПРАВЛЕНИЕ --out ФАЙЛ.zip",
        "zh": "证据包保存到哪里？packdesk evidence 货件号 --out 文件.zip",
    },
    "evidence_verify_needs_file": {
        "en": "Which bundle? packdesk evidence verify FILE.zip",
        "ru": "Какой пакет проверить? packdesk evidence verify ФАЙЛ.zip",
        "zh": "要验证哪个证据包？packdesk evidence verify 文件.zip",
    },
    "evidence_verify_no_file": {
        "en": "There is no file {path}: nothing to check.",
        "ru": "Файла {path} нет: проверять нечего.",
        "zh": "文件 {path} 不存在：无可验证。",
    },
}
