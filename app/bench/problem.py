"""What a part of the bench that cannot be opened raises, and the callbacks' type."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

Callback = Callable[..., Any] | None


class BenchProblem(Exception):
    """A part that cannot be opened: ``code`` and ``detail`` for ``app.messages.text``.
    ``config``: the configuration is wrong; else the device cannot be driven here. A command exits 2
    for either (the set-up must change), but 1 when the part is ``unavailable`` now (the database
    server down, the disk full): the same command may work once that is mended."""

    def __init__(self, code: str, detail: str | Exception = "", *, config: bool = True,
                 unavailable: bool = False) -> None:
        super().__init__(f"{code}: {detail}" if str(detail) else code)
        self.code, self.detail, self.config, self.unavailable = code, detail, config, unavailable

    def detail_in(self, lang: str) -> str:
        """The detail for a person: a wrong device URI's in ``lang`` (``app.messages.error_text``)."""
        from app.messages import error_text

        return error_text(self.detail, lang)
