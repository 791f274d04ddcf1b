"""Typed settings, declared once: TOML file + environment overrides + the OS keyring.

Every setting lives in one of the section dataclasses below with its type, default and
description. ``load_config`` reads the TOML file (missing file = defaults), applies the
environment overrides of CONTRACT.md and validates everything; a wrong value raises
``ConfigError`` naming the file and the key. The Ozon API key is never part of the file:
it comes from ``PACKDESK_OZON_API_KEY`` or the OS keyring (service "packdesk", user = client id).
"""
from __future__ import annotations

import ipaddress
import logging
import os
import socket
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_type_hints
from urllib.parse import urlsplit

import platformdirs

log = logging.getLogger("packdesk.config")

APP_NAME = "packdesk"
KEYRING_SERVICE = "packdesk"
CONFIG_VERSION = 1  # bump together with an upgrade step in _UPGRADES


class ConfigError(Exception):
    """A setting that cannot be used. ``str()`` is one line naming the file and the key."""

    def __init__(self, message: str, *, source: str = "", key: str = ""):
        self.source, self.key = source, key
        where = ", ".join(part for part in (source, key) if part)
        super().__init__(f"{where}: {message}" if where else message)


def _doc(text: str, env: str | None = None, choices: tuple[str, ...] = ()) -> dict:
    return {"doc": text, "env": env, "choices": choices}


@dataclass(frozen=True)
class OzonSettings:
    base_url: str = field(default="https://api-seller.ozon.ru",
                          metadata=_doc("Seller API address", "PACKDESK_OZON_BASE_URL"))
    client_id: str = field(default="", metadata=_doc("Client-Id of the seller account", "PACKDESK_OZON_CLIENT_ID"))
    warehouse_ids: list[int] = field(default_factory=list, metadata=_doc("warehouses to sync; empty: all"))
    requests_per_second: float = field(default=20.0, metadata=_doc("own rate limit, well under Ozon's 50 rps"))
    timeout_s: float = field(default=30.0, metadata=_doc("read timeout of one API call"))


@dataclass(frozen=True)
class StationSettings:
    name: str = field(default_factory=lambda: socket.gethostname() or "bench-1",
                      metadata=_doc("this bench's name in the shared database and the event log"))
    weight_tolerance_pct: float = field(default=10.0, metadata=_doc("allowed deviation from catalogue weight, %"))
    packaging_allowance_g: float = field(default=0.0, metadata=_doc("weight of the box and filler, g"))
    supervisors: list[str] = field(default_factory=list,
                                   metadata=_doc("people who may teach barcodes and override a weight check"))
    order_label: str = field(default="never", metadata=_doc(
        "the station's own order label (QR PDK:<posting>): never = only Ozon's label prints; on_pack = "
        "print it right after packing, for the verify-first shelf (scan it to match Ozon's label)",
        choices=("never", "on_pack")))


@dataclass(frozen=True)
class SyncSettings:
    interval_s: float = field(default=30.0, metadata=_doc("seconds between sync passes"))
    full_pass_interval_s: float = field(default=600.0,
                                        metadata=_doc("seconds between full re-reads of all open postings"))
    horizon_days: int = field(default=14, metadata=_doc("how far ahead shipping deadlines are pulled, days"))


@dataclass(frozen=True)
class DeviceSettings:
    printer: str = field(default="", metadata=_doc("printer URI, e.g. tcp://10.0.0.5:9100?lang=tspl&dpi=203"))
    scale: str = field(default="", metadata=_doc("scale URI, e.g. hid://0922:8003"))
    scanner: str = field(default="keyboard", metadata=_doc("scanner URI: keyboard, serial:PORT, hid://VID:PID"))


@dataclass(frozen=True)
class Config:
    ozon: OzonSettings = field(default_factory=OzonSettings)
    station: StationSettings = field(default_factory=StationSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    devices: DeviceSettings = field(default_factory=DeviceSettings)
    data_dir: Path = field(default_factory=lambda: default_data_dir())
    db_url: str = ""  # empty: SQLite file in data_dir
    source: str = ""  # the file it was read from, for messages

    @property
    def database_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{(self.data_dir / 'packdesk.db').as_posix()}"


_SECTIONS = {"ozon": OzonSettings, "station": StationSettings, "sync": SyncSettings, "devices": DeviceSettings}
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
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"not valid TOML ({exc})", source=source) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot be read ({exc})", source=source) from None
    elif explicit:
        raise ConfigError("file not found", source=source)
    raw = _upgrade(raw, source)

    sections = {}
    for name, cls in _SECTIONS.items():
        values = raw.pop(name, {})
        if not isinstance(values, dict):
            raise ConfigError("must be a table ([%s])" % name, source=source, key=name)
        sections[name] = _build_section(cls, name, values, source, env)
    raw.pop("config_version", None)
    if raw:
        raise ConfigError("unknown setting", source=source, key=sorted(raw)[0])

    chosen_dir = data_dir or (Path(env["PACKDESK_DATA_DIR"]) if env.get("PACKDESK_DATA_DIR") else None)
    config = Config(**sections, data_dir=(chosen_dir or default_data_dir()).expanduser(),
                    db_url=env.get("PACKDESK_DB_URL", ""), source=source)
    check_base_url(config.ozon.base_url, source=source)
    return config


def _upgrade(raw: dict, source: str) -> dict:
    version = raw.get("config_version", CONFIG_VERSION)
    if not isinstance(version, int) or version > CONFIG_VERSION:
        raise ConfigError(f"config_version {version!r} is newer than this packdesk understands",
                          source=source, key="config_version")
    while version < CONFIG_VERSION:
        raw = _UPGRADES[version](raw)
        version += 1
    return raw


def _build_section(cls, section: str, values: dict, source: str, env) -> Any:
    hints = get_type_hints(cls)
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError("unknown setting", source=source, key=f"{section}.{unknown[0]}")
    kwargs = {}
    for name, f in known.items():
        key = f"{section}.{name}"
        env_name = f.metadata.get("env")
        if env_name and env.get(env_name):
            kwargs[name] = _coerce(env[env_name], hints[name], source=env_name, key=key)
        elif name in values:
            kwargs[name] = _coerce(values[name], hints[name], source=source, key=key)
        choices = f.metadata.get("choices")
        if choices and name in kwargs and kwargs[name] not in choices:
            raise ConfigError(f"expected one of {', '.join(choices)}, got {kwargs[name]!r}",
                              source=source if not (env_name and env.get(env_name)) else env_name, key=key)
    return cls(**kwargs)


def _coerce(value: Any, hint: Any, *, source: str, key: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"expected {expected}, got {value!r}", source=source, key=key)

    if hint is str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)  # client_id = 123456 is written unquoted often
        if not isinstance(value, str):
            raise bad("text")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise bad("a number")
        try:
            number = float(value)
        except ValueError:
            raise bad("a number") from None
        if number < 0:
            raise bad("a number >= 0")
        return number
    if hint is int:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise bad("a whole number >= 0")
        return value
    if hint == list[int]:
        if isinstance(value, str):
            value = [part for part in value.replace(",", " ").split()]
        if not isinstance(value, list):
            raise bad("a list of numbers")
        try:
            return [int(v) for v in value if not isinstance(v, bool)]
        except (TypeError, ValueError):
            raise bad("a list of numbers") from None
    if hint == list[str]:
        if isinstance(value, str):
            value = [part for part in value.replace(",", " ").split()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("a list of names")
        return [v.strip() for v in value if v.strip()]
    raise TypeError(f"setting {key} has unsupported type {hint}")  # our bug, not the user's


def check_base_url(url: str, *, source: str = "") -> None:
    """Refuse anything but https, and http only for loopback hosts (the simulator, tests)."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ConfigError(f"not an http(s) address: {url!r}", source=source, key="ozon.base_url")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ConfigError(f"plain http is allowed only for a loopback host (127.0.0.1, ::1, localhost), "
                          f"not {parts.hostname!r}; use https", source=source, key="ozon.base_url")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# --- the API key: environment or OS keyring, never a file ---------------------------

def resolve_api_key(client_id: str, env: dict[str, str] | None = None) -> str | None:
    env = os.environ if env is None else env
    if env.get("PACKDESK_OZON_API_KEY"):
        return env["PACKDESK_OZON_API_KEY"]
    if not client_id:
        return None
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, client_id)
    except (KeyringError, RuntimeError) as exc:  # no usable backend on this machine
        log.info("OS keyring unavailable: %s", type(exc).__name__)
        return None


def store_api_key(client_id: str, api_key: str) -> None:
    """Save the key in the OS keyring; raises ConfigError when there is no usable keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, client_id, api_key)
    except (KeyringError, RuntimeError) as exc:
        raise ConfigError(f"the OS keyring cannot store the key ({type(exc).__name__}); "
                          "set PACKDESK_OZON_API_KEY instead", key="ozon.api_key") from None


def with_overrides(config: Config, **sections: dict[str, Any]) -> Config:
    """A copy with some settings replaced, e.g. with_overrides(c, ozon={"base_url": u})."""
    changes = {name: replace(getattr(config, name), **values) for name, values in sections.items()}
    return replace(config, **changes)
