"""The ``[carriers.*]`` tables of the configuration (CONTRACT.md): which Ozon delivery methods an
rFBS seller ships with their own Russian Post or CDEK contract, and how to reach each carrier.

Secrets are never in the file: the Otpravka application token and cabinet password come from
``PACKDESK_RUSSIAN_POST_TOKEN`` / ``PACKDESK_RUSSIAN_POST_PASSWORD``, CDEK's secure password from
``PACKDESK_CDEK_SECRET``, or else from the OS keyring (service "packdesk", user
``<carrier>:<login or account>:<what>``). A secret put in the file is refused by name.

    settings = parse_carriers({"cdek": {"account": "a", "delivery_methods": [7]}}, source="config.toml")
    settings.for_method(7).name  ->  "cdek"
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from app.config_values import config_error
from app.keyring_store import read_secret

RUSSIAN_POST, CDEK = "russian_post", "cdek"
_SECRET_WORDS = ("token", "password", "secret", "client_secret", "api_key")
_DEFAULTS: dict[str, dict[str, Any]] = {
    RUSSIAN_POST: {"base_url": "https://otpravka-api.pochta.ru", "tracking_url": "https://tracking.russianpost.ru/rtm34",
                   "login": "", "delivery_methods": [], "mail_type": "ONLINE_PARCEL", "from_postcode": ""},
    CDEK: {"base_url": "https://api.cdek.ru/v2", "account": "", "delivery_methods": [], "tariff_code": 136,
           "shipment_point": ""},
}
_SECRETS = {RUSSIAN_POST: {"token": "PACKDESK_RUSSIAN_POST_TOKEN", "password": "PACKDESK_RUSSIAN_POST_PASSWORD"},
            CDEK: {"secret": "PACKDESK_CDEK_SECRET"}}


@dataclass(frozen=True)
class CarrierSettings:
    name: str                      # russian_post | cdek
    base_url: str
    delivery_methods: tuple[int, ...] = ()
    login: str = ""                # Otpravka cabinet login / CDEK account (client_id)
    options: dict[str, Any] = field(default_factory=dict)  # mail_type, from_postcode, tariff_code, ...

    def secret(self, what: str, env: dict[str, str] | None = None) -> str | None:
        """A credential (``token``, ``password``, ``secret``): environment, else the OS keyring."""
        env = os.environ if env is None else env
        variable = _SECRETS.get(self.name, {}).get(what)
        if variable and env.get(variable):
            return env[variable]
        return read_secret(f"{self.name}:{self.login}:{what}")


@dataclass(frozen=True)
class CarriersSettings:
    carriers: tuple[CarrierSettings, ...] = ()

    def for_method(self, method_id: int | None) -> CarrierSettings | None:
        for carrier in self.carriers:
            if method_id is not None and int(method_id) in carrier.delivery_methods:
                return carrier
        return None

    def get(self, name: str) -> CarrierSettings | None:
        return next((c for c in self.carriers if c.name == name), None)


def parse_carriers(raw: Any, *, source: str, check_url=None) -> CarriersSettings:
    """The ``[carriers]`` table as settings; ConfigError names ``source`` and the key of a wrong value."""
    if not isinstance(raw, dict):
        raise config_error(source, "must be a table ([carriers.<name>])", "carriers", "setting_not_a_table",
                           name="carriers.<name>")
    found = []
    for name, values in raw.items():
        key = f"carriers.{name}"
        if name not in _DEFAULTS:
            raise config_error(source, f"unknown carrier (known: {', '.join(_DEFAULTS)})", key,
                               "setting_unknown_carrier", known=", ".join(_DEFAULTS))
        if not isinstance(values, dict):
            raise config_error(source, "must be a table", key, "setting_not_a_table", name=key)
        for word in values:
            if word in _SECRETS[name] or word in _SECRET_WORDS:
                raise config_error(source, "secrets never go in the file: use the environment or the OS keyring",
                                   f"{key}.{word}", "setting_secret_in_file")
            if word not in _DEFAULTS[name]:
                raise config_error(source, "unknown setting", f"{key}.{word}", "setting_unknown")
        merged = {**_DEFAULTS[name], **values}
        methods = merged.pop("delivery_methods")
        if not isinstance(methods, list) or not all(isinstance(m, int) and not isinstance(m, bool) for m in methods):
            raise config_error(source, f"expected a list of delivery method ids, got {methods!r}",
                               f"{key}.delivery_methods", "setting_method_ids", value=repr(methods))
        for text_key in ("base_url", "tracking_url", "login", "account", "mail_type", "from_postcode",
                         "shipment_point"):
            if text_key in merged and not isinstance(merged[text_key], str):
                raise config_error(source, f"expected text, got {merged[text_key]!r}", f"{key}.{text_key}",
                                   "setting_expected_text", value=repr(merged[text_key]))
        if name == CDEK and (not isinstance(merged["tariff_code"], int) or isinstance(merged["tariff_code"], bool)):
            raise config_error(source, f"expected a tariff number, got {merged['tariff_code']!r}", f"{key}.tariff_code",
                               "setting_tariff", value=repr(merged["tariff_code"]))
        base_url = merged.pop("base_url")
        if check_url is not None:
            check_url(base_url, key=f"{key}.base_url")
            if merged.get("tracking_url"):
                check_url(merged["tracking_url"], key=f"{key}.tracking_url")
        login = merged.pop("login", "") or merged.pop("account", "")
        merged.pop("account", None)
        found.append(CarrierSettings(name, base_url.rstrip("/"), tuple(methods), login, merged))
    taken: dict[int, str] = {}
    for carrier in found:
        for method in carrier.delivery_methods:
            if method in taken:
                raise config_error(source, f"delivery method {method} is mapped to {taken[method]} already",
                                   f"carriers.{carrier.name}.delivery_methods", "setting_method_taken",
                                   method=method, carrier=taken[method])
            taken[method] = carrier.name
    return CarriersSettings(tuple(found))
