"""Typed settings, declared once: TOML file + environment overrides + the OS keyring.

Every setting lives in one of the section dataclasses below with its type, default, description
and, for numbers, its range (numbers are always finite); ``SETTINGS`` describes them for others
(the settings dialog builds its spin boxes, combos and tooltips from it). ``load_config`` reads
the TOML file (missing file = defaults), applies the environment overrides of CONTRACT.md and
validates everything; a wrong value raises ``ConfigError`` naming the file and the key. The Ozon API key is never part of the file:
it comes from ``PACKDESK_OZON_API_KEY`` or the OS keyring (service "packdesk", user = client id).
"""
from __future__ import annotations

import os
import socket
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_type_hints

import platformdirs

from app.config_accounts import OzonAccount, parse_accounts
from app.config_carriers import CarriersSettings, parse_carriers
from app.config_values import ConfigError, check_base_url, coerce, read_toml
from app.keyring_store import KeyringUnavailable, read_secret, store_secret

APP_NAME = "packdesk"
CONFIG_VERSION = 1  # bump together with an upgrade step in _UPGRADES


def _doc(text: str, env: str | None = None, choices: tuple[str, ...] = (), *,
         low: float | None = None, high: float | None = None) -> dict:
    """A setting's declaration: its description, environment override, allowed words, and for a
    number its inclusive range."""
    return {"doc": text, "env": env, "choices": choices, "low": low, "high": high}


@dataclass(frozen=True)
class OzonSettings:
    base_url: str = field(default="https://api-seller.ozon.ru",
                          metadata=_doc("Seller API address", "PACKDESK_OZON_BASE_URL"))
    client_id: str = field(default="", metadata=_doc("Client-Id of the seller account", "PACKDESK_OZON_CLIENT_ID"))
    warehouse_ids: list[int] = field(default_factory=list, metadata=_doc("warehouses to sync; empty: all"))
    requests_per_second: float = field(default=20.0, metadata=_doc(
        "own rate limit, well under Ozon's 50 rps", low=0.1, high=50))
    timeout_s: float = field(default=30.0, metadata=_doc("read timeout of one API call, s", low=1, high=300))


@dataclass(frozen=True)
class StationSettings:
    name: str = field(default_factory=lambda: socket.gethostname() or "bench-1",
                      metadata=_doc("this bench's name in the shared database and the event log"))
    weight_tolerance_pct: float = field(default=10.0, metadata=_doc(
        "allowed deviation from catalogue weight, %", low=0, high=100))
    packaging_allowance_g: float = field(default=0.0, metadata=_doc("weight of the box and filler, g",
                                                                    low=0, high=100_000))
    supervisors: list[str] = field(default_factory=list,
                                   metadata=_doc("people who may teach barcodes and override a weight check"))
    order_label: str = field(default="never", metadata=_doc(
        "the station's own order label (QR PDK:<posting>): never = only Ozon's label prints; on_pack = "
        "print it right after packing, for the verify-first shelf (scan it to match Ozon's label)",
        choices=("never", "on_pack")))
    idle_sign_out_min: float = field(default=15.0, metadata=_doc(
        "minutes without a scan after which the person signed in at this bench is signed out",
        low=1, high=720))


@dataclass(frozen=True)
class SyncSettings:
    interval_s: float = field(default=30.0, metadata=_doc("seconds between sync passes", low=0.1, high=86_400))
    full_pass_interval_s: float = field(default=600.0, metadata=_doc(
        "seconds between full re-reads of all open postings", low=0, high=7 * 86_400))
    horizon_days: int = field(default=14, metadata=_doc("how far ahead shipping deadlines are pulled, days",
                                                        low=1, high=90))


@dataclass(frozen=True)
class DeviceSettings:
    printer: str = field(default="", metadata=_doc("printer URI, e.g. tcp://10.0.0.5:9100?lang=tspl&dpi=203"))
    scale: str = field(default="", metadata=_doc("scale URI, e.g. hid://0922:8003"))
    scanner: str = field(default="keyboard", metadata=_doc("scanner URI: keyboard, serial:PORT, hid://VID:PID"))
    camera: str = field(default="", metadata=_doc(
        "packing video camera: default, v4l2:/dev/video0, the camera's name, sim:// (generated frames); "
        "empty: no video (?size=WxH&fps=N)"))
    document_printer: str = field(default="", metadata=_doc(
        "A4 printer for acts and reports, e.g. cups://Office; empty: documents are saved and opened"))


@dataclass(frozen=True)
class EvidenceSettings:
    quota_gb: float = field(default=20.0, metadata=_doc(
        "disk space for packing clips and photos, GB: past it the oldest clips of delivered postings "
        "without a case go first", low=0.1, high=100_000))
    retention_days: int = field(default=180, metadata=_doc(
        "days a delivered posting's clips are kept (postings with a case keep theirs)", low=7, high=3650))


@dataclass(frozen=True)
class HandoverSettings:
    unscanned_after_h: float = field(default=24.0, metadata=_doc(
        "hours after a hand-over by which Ozon must have scanned each parcel; later ones are flagged",
        low=1, high=720))
    tracking_pattern: str = field(default="", metadata=_doc(
        "regular expression for tracking numbers of carriers other than Russian Post and CDEK; "
        "empty: 6-40 letters, digits or dashes"))


@dataclass(frozen=True)
class TrackingSettings:
    deliver_within_days: int = field(default=7, metadata=_doc(
        "days a parcel may travel after its hand-over before the tracking monitor calls it late",
        low=1, high=90))
    buyer_message: str = field(default="off", metadata=_doc(
        "message the buyer of an rFBS parcel its tracking number through Ozon's chat (needs Premium Plus or "
        "Pro): off, or the language of the template sent", choices=("off", "ru", "zh", "en")))
    message_ru: str = field(default="Здравствуйте! Ваш заказ {posting} передан в доставку ({carrier}). "
                                     "Трек-номер: {tracking_number}.", metadata=_doc(
        "the buyer's message in Russian: {posting}, {carrier} and {tracking_number} are filled in"))
    message_zh: str = field(default="您好！您的订单 {posting} 已交付配送（{carrier}）。追踪号：{tracking_number}。",
                            metadata=_doc("the buyer's message in Chinese (same placeholders)"))
    message_en: str = field(default="Hello! Your order {posting} is on its way with {carrier}. "
                                    "Tracking number: {tracking_number}.", metadata=_doc(
        "the buyer's message in English (same placeholders)"))


@dataclass(frozen=True)
class Config:
    ozon: OzonSettings = field(default_factory=OzonSettings)
    station: StationSettings = field(default_factory=StationSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    devices: DeviceSettings = field(default_factory=DeviceSettings)
    evidence: EvidenceSettings = field(default_factory=EvidenceSettings)
    handover: HandoverSettings = field(default_factory=HandoverSettings)
    carriers: CarriersSettings = field(default_factory=CarriersSettings)  # [carriers.*]: app.config_carriers
    tracking: TrackingSettings = field(default_factory=TrackingSettings)
    data_dir: Path = field(default_factory=lambda: default_data_dir())
    db_url: str = ""  # empty: SQLite file in data_dir
    source: str = ""  # the file it was read from, for messages
    ozon_accounts: tuple[OzonAccount, ...] = ()  # [[ozon.accounts]]: app.config_accounts

    @property
    def accounts(self) -> tuple[OzonAccount, ...]:
        """The Ozon accounts of this bench: the [[ozon.accounts]] tables, else the single [ozon] one."""
        if self.ozon_accounts:
            return self.ozon_accounts
        return (OzonAccount(self.ozon.client_id, "", list(self.ozon.warehouse_ids), single=True),)

    @property
    def database_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{(self.data_dir / 'packdesk.db').as_posix()}"


_SECTIONS = {"ozon": OzonSettings, "station": StationSettings, "sync": SyncSettings, "devices": DeviceSettings,
             "evidence": EvidenceSettings, "handover": HandoverSettings,
             "tracking": TrackingSettings}


@dataclass(frozen=True)
class Setting:
    """One setting as declared in its section: ``SETTINGS["station.weight_tolerance_pct"]``."""

    key: str                      # "section.name"
    type: Any                     # str, float, int, list[int], list[str]
    default: Any
    doc: str
    env: str | None = None
    choices: tuple[str, ...] = ()
    low: float | None = None      # inclusive range of a number
    high: float | None = None

    def check(self, value: Any, *, source: str = "") -> Any:
        """``value`` (from TOML, the environment or a form's text) as this setting's type, or
        ConfigError naming ``source`` and the key."""
        value = coerce(value, self.type, source=source, key=self.key)
        if self.choices and value not in self.choices:
            raise ConfigError(f"expected one of {', '.join(self.choices)}, got {value!r}", source=source, key=self.key,
                              code="setting_not_one_of", params={"choices": ", ".join(self.choices),
                                                                 "value": repr(value)})
        if self.low is not None and self.high is not None and not self.low <= value <= self.high:
            kind = "a whole number" if self.type is int else "a number"
            raise ConfigError(f"expected {kind} from {self.low:g} to {self.high:g}, got {value:g}",
                              source=source, key=self.key,
                              code="setting_whole_range" if self.type is int else "setting_number_range",
                              params={"low": f"{self.low:g}", "high": f"{self.high:g}", "value": f"{value:g}"})
        return value


def _declared() -> dict[str, Setting]:
    declared = {}
    for section, cls in _SECTIONS.items():
        hints = get_type_hints(cls)
        for f in fields(cls):
            key = f"{section}.{f.name}"
            meta = f.metadata
            default = f.default_factory() if f.default is MISSING else f.default  # type: ignore[misc]
            declared[key] = Setting(key, hints[f.name], default, meta.get("doc", ""), meta.get("env"),
                                    tuple(meta.get("choices", ())), meta.get("low"), meta.get("high"))
    return declared


SETTINGS: dict[str, Setting] = _declared()
# versioned upgrades of the file's content: {from_version: function(dict) -> dict}
_UPGRADES: dict[int, Any] = {}


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def load_config(path: Path | None = None, *, data_dir: Path | None = None,
                env: dict[str, str] | None = None) -> Config:
    """Read and validate the configuration; raise ConfigError with file and key on bad input."""
    env = os.environ if env is None else env
    explicit = path is not None
    path = Path(path) if explicit else default_config_path()
    source = str(path)
    raw: dict[str, Any] = {}
    if path.exists():
        raw = read_toml(path)
    elif explicit:
        raise ConfigError("file not found", source=source, code="setting_file_not_found")
    raw = _upgrade(raw, source)

    sections, accounts = {}, ()
    for name, cls in _SECTIONS.items():
        values = raw.pop(name, {})
        if not isinstance(values, dict):
            raise ConfigError("must be a table ([%s])" % name, source=source, key=name, code="setting_not_a_table",
                              params={"name": name})
        if name == "ozon" and "accounts" in values:
            values = dict(values)
            accounts = parse_accounts(values.pop("accounts"), source=source)
        sections[name] = _build_section(cls, name, values, source, env)
    raw.pop("config_version", None)
    carriers = parse_carriers(raw.pop("carriers", {}), source=source, check_url=_carrier_url(source))
    if raw:
        raise ConfigError("unknown setting", source=source, key=sorted(raw)[0], code="setting_unknown")

    chosen_dir = data_dir or (Path(env["PACKDESK_DATA_DIR"]) if env.get("PACKDESK_DATA_DIR") else None)
    # absolute: the camera's recorder program (Qt) reads a relative path against the home directory
    config = Config(**sections, carriers=carriers, data_dir=(chosen_dir or default_data_dir()).expanduser().absolute(),
                    db_url=env.get("PACKDESK_DB_URL", ""), source=source, ozon_accounts=accounts)
    if accounts and config.ozon.client_id:
        raise ConfigError("use either [ozon] client_id (one account) or [[ozon.accounts]] tables, not both",
                          source=source, key="ozon.client_id", code="setting_one_or_accounts")
    check_base_url(config.ozon.base_url, source=source)
    return config


def _upgrade(raw: dict, source: str) -> dict:
    version = raw.get("config_version", CONFIG_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ConfigError(f"expected a whole number, got {version!r}", source=source, key="config_version",
                          code="setting_expected_whole", params={"value": repr(version)})
    if version > CONFIG_VERSION:
        raise ConfigError(f"config_version {version} is newer than this packdesk understands ({CONFIG_VERSION}): "
                          "update packdesk", source=source, key="config_version", code="setting_newer_version",
                          params={"version": version, "known": CONFIG_VERSION})
    while version < CONFIG_VERSION:
        raw = _UPGRADES[version](raw)
        version += 1
    return raw


def _build_section(cls, section: str, values: dict, source: str, env) -> Any:
    known = [f.name for f in fields(cls)]
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError("unknown setting", source=source, key=f"{section}.{unknown[0]}", code="setting_unknown")
    kwargs = {}
    for name in known:
        setting = SETTINGS[f"{section}.{name}"]
        if setting.env and env.get(setting.env):
            kwargs[name] = setting.check(env[setting.env], source=setting.env)
        elif name in values:
            kwargs[name] = setting.check(values[name], source=source)
    return cls(**kwargs)


def _carrier_url(source: str):
    return lambda url, key: check_base_url(url, source=source, key=key)


# --- the API key: environment or OS keyring, never a file ---------------------------

def resolve_api_key(client_id: str, env: dict[str, str] | None = None) -> str | None:
    env = os.environ if env is None else env
    if env.get("PACKDESK_OZON_API_KEY"):
        return env["PACKDESK_OZON_API_KEY"]
    return read_secret(client_id) if client_id else None


def store_api_key(client_id: str, api_key: str) -> None:
    """Save the key in the OS keyring; raises ConfigError when there is no usable keyring."""
    try:
        store_secret(client_id, api_key)
    except KeyringUnavailable as exc:
        raise ConfigError(f"the OS keyring cannot store the key ({exc}); "
                          "set PACKDESK_OZON_API_KEY instead", key="ozon.api_key", code="setting_no_keyring",
                          params={"detail": str(exc)}) from None


def with_overrides(config: Config, **sections: dict[str, Any]) -> Config:
    """A copy with some settings replaced, e.g. with_overrides(c, ozon={"base_url": u})."""
    changes = {name: replace(getattr(config, name), **values) for name, values in sections.items()}
    return replace(config, **changes)
