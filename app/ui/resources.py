"""Where the UI's files are: ``resources/`` at the repository root (an editable install runs from
the work tree), or ``app/ui/resources/`` when a build copies them into the package."""
from __future__ import annotations

from pathlib import Path

_CANDIDATES = (
    Path(__file__).resolve().parent / "resources",       # packaged build
    Path(__file__).resolve().parents[2] / "resources",   # the repository (editable install)
)


def resource_dir(kind: str) -> Path:
    """``resource_dir("i18n")``, ``resource_dir("sounds")``: the first that exists (else the repo's)."""
    for base in _CANDIDATES:
        if (base / kind).is_dir():
            return base / kind
    return _CANDIDATES[-1] / kind
