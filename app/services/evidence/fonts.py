"""Fonts for the dispute summary, found on this machine: one with Latin and Cyrillic letters
(DejaVu Sans, which ``fonts-dejavu-core`` installs, or Noto, Liberation, Arial...) and one with
Chinese (WenQuanYi Micro Hei from ``fonts-wqy-microhei``, Noto CJK, Microsoft YaHei, PingFang...).

Found by file name in the usual font folders of Linux, Windows and macOS (``PACKDESK_FONT_DIRS``,
separated by the path separator, is searched first). What happens without them: no Latin and
Cyrillic font → the summary is written in English with PDF's built-in Helvetica (letters it cannot
show become "?"); no Chinese font → a Chinese summary is written in English instead, and Chinese
letters in names become "?". The caller is told (``FontChoice.missing``) and says so.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

REGULAR = ("dejavusans.ttf", "notosans-regular.ttf", "liberationsans-regular.ttf", "arial.ttf", "freesans.ttf")
BOLD = ("dejavusans-bold.ttf", "notosans-bold.ttf", "liberationsans-bold.ttf", "arialbd.ttf", "freesansbold.ttf")
CJK = ("wqy-microhei.ttc", "wqy-zenhei.ttc", "notosanscjk-regular.ttc", "notosanscjksc-regular.otf",
       "notosanssc-regular.otf", "msyh.ttc", "simhei.ttf", "simsun.ttc", "pingfang.ttc", "arial unicode.ttf")


@dataclass(frozen=True)
class FontChoice:
    regular: Path | None
    bold: Path | None
    cjk: Path | None
    missing: list[str] = field(default_factory=list)   # "latin-cyrillic", "chinese"


def font_dirs() -> list[Path]:
    dirs = [Path(p) for p in os.environ.get("PACKDESK_FONT_DIRS", "").split(os.pathsep) if p]
    home = Path.home()
    if sys.platform == "win32":
        dirs += [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
                 Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local" / "share" / "fonts",
             home / ".fonts"]
    return dirs


@lru_cache(maxsize=4)
def _index(dirs: tuple[Path, ...]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        for folder, _, names in os.walk(root):
            for name in names:
                found.setdefault(name.lower(), Path(folder) / name)
    return found


def find_fonts(dirs: list[Path] | None = None) -> FontChoice:
    index = _index(tuple(dirs if dirs is not None else font_dirs()))

    def first(names: tuple[str, ...]) -> Path | None:
        return next((index[n] for n in names if n in index), None)

    regular, bold, cjk = first(REGULAR), first(BOLD), first(CJK)
    missing = [name for name, path in (("latin-cyrillic", regular), ("chinese", cjk)) if path is None]
    return FontChoice(regular, bold or regular, cjk, missing)
