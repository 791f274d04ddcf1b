"""Russian and Chinese for the progress bars and the shift report's PDF (merged into
``translations.TEXTS``): source text -> (Russian, Simplified Chinese)."""

PROGRESS_TEXTS = {
    "Syncing postings: %1 of %2": ("Загрузка отправлений: %1 из %2", "正在同步货件：%1 / %2"),
    "Syncing postings: %1": ("Загрузка отправлений: %1", "正在同步货件：%1"),
    "Wave %1: labels printed %2 of %3": ("Волна %1: напечатано этикеток %2 из %3", "波次 %1：已打印标签 %2 / %3"),
    "Printing labels: %1 of %2": ("Печать этикеток: %1 из %2", "正在打印标签：%1 / %2"),
    "Writing the report…": ("Отчёт записывается…", "正在生成报告…"),
    "The report is written": ("Отчёт записан", "报告已生成"),
    "Save as PDF…": ("Сохранить в PDF…", "另存为 PDF…"),
    "Save the shift report": ("Сохранить отчёт о смене", "保存班次报告"),
    "PDF files (*.pdf)": ("Файлы PDF (*.pdf)", "PDF 文件 (*.pdf)"),
}
