"""The settings form, Qt-free: the values the dialog edits, their validation, and saving them.

    form = SettingsForm.from_config(config)
    problems = form.validate()          # [Problem(field, detail)], empty when all is well
    path = form.save(config_path)       # TOML file (never the key); the key goes to the OS keyring

A form with problems is never saved. Sections and keys the form does not edit are kept as they
were in the file. Each field edits one setting of ``app.config.SETTINGS`` (``FIELDS``): numbers and
choices are checked by that declaration, so the form and the file accept the same values.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import tomli_w

from app.config import (CONFIG_VERSION, SETTINGS, Config, ConfigError, Setting, check_base_url, read_toml,
                        store_api_key)

# the form's fields and the setting each one edits
FIELDS = {
    "base_url": "ozon.base_url", "client_id": "ozon.client_id", "warehouse_ids": "ozon.warehouse_ids",
    "requests_per_second": "ozon.requests_per_second", "interval_s": "sync.interval_s",
    "printer": "devices.printer", "scale": "devices.scale", "scanner": "devices.scanner",
    "weight_tolerance_pct": "station.weight_tolerance_pct", "packaging_allowance_g": "station.packaging_allowance_g",
    "supervisors": "station.supervisors", "order_label": "station.order_label",
    "idle_sign_out_min": "station.idle_sign_out_min",
    "buyer_message": "tracking.buyer_message", "message_ru": "tracking.message_ru",
    "message_zh": "tracking.message_zh", "message_en": "tracking.message_en",
}
# fields checked and written by their setting's declaration alone (numbers, choices)
DECLARED = ("requests_per_second", "interval_s", "weight_tolerance_pct", "packaging_allowance_g", "order_label",
            "idle_sign_out_min", "buyer_message", "message_ru", "message_zh", "message_en")


def setting(name: str) -> Setting:
    """The declaration of the setting the form field ``name`` edits."""
    return SETTINGS[FIELDS[name]]


def _shown(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class Problem:
    field: str   # the form field: "base_url", "printer", ...
    detail: str  # the core's words (a declared setting's and a device URI's in the form's language, else
                 # English; the dialog puts a translated label before it)


@dataclass(frozen=True)
class SettingsForm:
    base_url: str = "https://api-seller.ozon.ru"
    client_id: str = ""
    api_key: str = ""             # empty: keep the stored key
    warehouse_ids: str = ""       # "123, 456"
    printer: str = ""
    scale: str = ""
    scanner: str = "keyboard"
    weight_tolerance_pct: str = _shown(setting("weight_tolerance_pct").default)
    packaging_allowance_g: str = _shown(setting("packaging_allowance_g").default)
    supervisors: str = ""         # "Anna, Boris"
    requests_per_second: str = _shown(setting("requests_per_second").default)
    interval_s: str = _shown(setting("interval_s").default)
    order_label: str = setting("order_label").default
    idle_sign_out_min: str = _shown(setting("idle_sign_out_min").default)
    buyer_message: str = setting("buyer_message").default  # the buyer's message through Ozon's chat
    message_ru: str = setting("message_ru").default
    message_zh: str = setting("message_zh").default
    message_en: str = setting("message_en").default
    extra: dict = field(default_factory=dict, compare=False)

    @classmethod
    def from_config(cls, config: Config) -> SettingsForm:
        return cls(base_url=config.ozon.base_url, client_id=config.ozon.client_id,
                   warehouse_ids=", ".join(str(w) for w in config.ozon.warehouse_ids),
                   printer=config.devices.printer, scale=config.devices.scale, scanner=config.devices.scanner,
                   supervisors=", ".join(config.station.supervisors),
                   **{name: _shown(_value_in(config, FIELDS[name])) for name in DECLARED})

    def with_values(self, **values) -> SettingsForm:
        return replace(self, **values)

    # --- validation -------------------------------------------------------------------------
    def validate(self, lang: str = "en") -> list[Problem]:
        """The form's problems, said in ``lang`` (what a setting's declaration or a device URI refuses;
        other checks in English)."""
        from app.messages import error_text

        problems: list[Problem] = []

        def check(name: str, test) -> None:
            try:
                test()
            except ConfigError as exc:
                problems.append(Problem(name, error_text(exc, lang, exc.detail)))
            except ValueError as exc:
                problems.append(Problem(name, error_text(exc, lang)))

        check("base_url", lambda: check_base_url(self.base_url.strip()))
        check("client_id", lambda: _digits(self.client_id, allow_empty=True))
        check("warehouse_ids", lambda: self.warehouses())
        check("printer", lambda: _printer_uri(self.printer))
        check("scale", lambda: _scale_uri(self.scale))
        check("scanner", lambda: _scanner_uri(self.scanner))
        for name in DECLARED:
            check(name, lambda name=name: self.value(name))
        check("supervisors", lambda: self.supervisor_names())
        if self.api_key.strip() and not self.client_id.strip():
            problems.append(Problem("client_id", "a Client-Id is needed to store the API key under"))
        return problems

    def value(self, name: str):
        """A declared field's text as its setting's value (ConfigError when it is not one)."""
        text = getattr(self, name).strip()
        if setting(name).type in (int, float):
            text = text.replace(",", ".")  # a decimal comma, as typed in Russian
        return setting(name).check(text)

    def supervisor_names(self) -> list[str]:
        """The names, in order, without repeats. A name goes into command barcodes
        (``CMD:TEACH:<name>``), so it may not hold a colon."""
        names: list[str] = []
        for name in (part.strip() for part in self.supervisors.split(",")):
            if not name:
                continue
            if ":" in name or not name.isprintable() or len(name) > 40:
                raise ValueError(f"{name!r}: a name without colons, up to 40 characters")
            if name not in names:
                names.append(name)
        return names

    def warehouses(self) -> list[int]:
        parts = self.warehouse_ids.replace(",", " ").split()
        for part in parts:
            _digits(part)
        return [int(p) for p in parts]

    # --- saving -----------------------------------------------------------------------------
    def save(self, path: Path, *, store_key=store_api_key) -> Path:
        """Write the file (raises ValueError when the form has problems; ConfigError when the key
        cannot be stored: then nothing was written)."""
        problems = self.validate()
        if problems:
            raise ValueError(f"{problems[0].field}: {problems[0].detail}")
        raw = _read(path)  # a file that cannot be read: nothing stored, the key included
        if self.api_key.strip():
            store_key(self.client_id.strip(), self.api_key.strip())
        raw["config_version"] = CONFIG_VERSION
        ozon = raw.setdefault("ozon", {})
        ozon["base_url"] = self.base_url.strip()
        if "accounts" not in ozon:  # else the [[ozon.accounts]] tables say them; a key typed is that account's
            ozon.update(client_id=self.client_id.strip(), warehouse_ids=self.warehouses())
        raw.setdefault("devices", {}).update(printer=self.printer.strip(), scale=self.scale.strip(),
                                             scanner=self.scanner.strip() or "keyboard")
        raw.setdefault("station", {}).update(supervisors=self.supervisor_names())
        for name in DECLARED:
            section, key = FIELDS[name].split(".")
            raw.setdefault(section, {})[key] = self.value(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".toml.tmp")
        tmp.write_text(tomli_w.dumps(raw), encoding="utf-8")
        tmp.replace(path)
        return path


def _read(path: Path) -> dict:
    return read_toml(path) if path.exists() else {}


def _digits(text: str, *, allow_empty: bool = False) -> None:
    text = text.strip()
    if (text or not allow_empty) and not text.isdigit():
        raise ValueError(f"expected a number, got {text!r}")


def _value_in(config: Config, key: str):
    section, name = key.split(".")
    return getattr(getattr(config, section), name)


def _printer_uri(text: str) -> None:
    if text.strip():
        from app.devices.printers import profile_from_uri
        from app.devices.uri import parse_device_uri

        profile_from_uri(parse_device_uri(text.strip()))


def _scale_uri(text: str) -> None:
    if text.strip():
        from app.devices.scales import parse_scale_uri

        parse_scale_uri(text.strip())


def _scanner_uri(text: str) -> None:
    from app.devices.scanners import parse_scanner_uri

    parse_scanner_uri(text.strip() or "keyboard")
