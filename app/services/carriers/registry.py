"""The carrier clients of a configuration, by name (credentials from the environment or the keyring,
each client made once and kept: CDEK's token lives as long as its client)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.config_carriers import CDEK, RUSSIAN_POST, CarriersSettings


class Carriers:
    def __init__(self, settings: CarriersSettings, now: Callable[[], datetime], env: dict[str, str] | None = None):
        self.settings, self.now, self.env = settings, now, env
        self._made: dict[str, object] = {}

    def __call__(self, name: str):
        if name not in self._made:
            settings = self.settings.get(name)
            if settings is None:
                return None
            if name == CDEK:
                from app.services.carriers.cdek import CdekCarrier
                self._made[name] = CdekCarrier(settings, secret=settings.secret("secret", self.env))
            elif name == RUSSIAN_POST:
                from app.services.carriers.russian_post import RussianPostCarrier
                self._made[name] = RussianPostCarrier(settings, token=settings.secret("token", self.env),
                                                      password=settings.secret("password", self.env), now=self.now)
            else:  # pragma: no cover - parse_carriers knows no other
                return None
        return self._made[name]
