"""Languages of the desktop bench: Qt translators for the UI's own strings (``tr()``), and the
language code the Qt-free catalogue (``app.messages``) is asked in.

    i18n = Languages(app); i18n.switch("ru")   # every widget gets a LanguageChange event

Codes: "ru", "zh", "en"; files ``resources/i18n/packdesk_<ru|zh_CN|en>.qm`` plus Qt's own
``qtbase_<lang>.qm`` for standard dialogs.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from app.messages import system_language
from app.ui.resources import resource_dir

log = logging.getLogger("packdesk.ui.i18n")

LANGUAGES = ("ru", "zh", "en")
QM_NAMES = {"ru": "packdesk_ru", "zh": "packdesk_zh_CN", "en": "packdesk_en"}
QT_NAMES = {"ru": "qtbase_ru", "zh": "qtbase_zh_CN", "en": "qtbase_en"}
NATIVE_NAMES = {"ru": "Русский", "zh": "简体中文", "en": "English"}
LOCALES = {"ru": QLocale.Language.Russian, "zh": QLocale.Language.Chinese, "en": QLocale.Language.English}


def resolved(lang: str | None) -> str:
    """``lang`` when packdesk speaks it, else the system's language."""
    return lang if lang in LANGUAGES else system_language()


class Languages(QObject):
    changed = Signal(str)

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.current = "en"
        self._translators: list[QTranslator] = []

    def switch(self, lang: str | None) -> str:
        lang = resolved(lang)
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        own = QTranslator(self)
        if own.load(QM_NAMES[lang], str(resource_dir("i18n"))):
            self._translators.append(own)
        elif lang != "en":
            log.warning("no translation file %s.qm in %s", QM_NAMES[lang], resource_dir("i18n"))
        qt = QTranslator(self)
        if lang != "en" and qt.load(QT_NAMES[lang], QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._translators.append(qt)
        self.current = lang  # before the widgets retranslate: their catalogue texts ask for it
        QLocale.setDefault(QLocale(LOCALES[lang]))
        for translator in self._translators:
            self.app.installTranslator(translator)  # posts LanguageChange to every window
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)  # retranslated on return
        self.changed.emit(lang)
        return lang
