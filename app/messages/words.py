"""Small tables of words (a code's name in en/ru/zh) and the one lookup they share: a code with no
words yet (Ozon adds statuses; a device reports something new) is shown as it is."""
from __future__ import annotations

from collections.abc import Mapping

LANGS = ("en", "ru", "zh")


def table(prefix: str, rows: Mapping[str, tuple[str, str, str]]) -> dict[str, dict[str, str]]:
    """``{"new": ("created", "создана", "已创建")}`` -> ``{prefix + "new": {"en": ..., "ru": ..., "zh": ...}}``."""
    return {f"{prefix}{code}": dict(zip(LANGS, words)) for code, words in rows.items()}


def lookup(words: Mapping[str, Mapping[str, str]], key: str, fallback: str, lang: str) -> str:
    """The words under ``key`` in ``lang`` (English when that language is missing); ``fallback`` when
    there are none."""
    found = words.get(key)
    return (found.get(lang) or found["en"]) if found else fallback
