"""What a value of the configuration must be, and the error that says it is not: the file read as
TOML, a value as its setting's type, an Ozon or carrier address. ``app.config`` declares the
settings and reads them with these (and gives ``ConfigError`` on to its callers)."""
from __future__ import annotations

import ipaddress
import math
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class ConfigError(Exception):
    """A setting that cannot be used. ``str()`` is one line naming the file and the key, in English;
    ``code`` and ``params``, when given, let ``app.messages.error_text`` say ``detail`` in the
    seller's language (this layer knows no messages)."""

    def __init__(self, message: str, *, source: str = "", key: str = "", code: str = "",
                 params: dict[str, Any] | None = None):
        self.source, self.key, self.detail = source, key, message
        self.code, self.params = code, params or {}
        super().__init__(f"{self.where}: {message}" if self.where else message)

    @property
    def where(self) -> str:
        """The file (or environment variable) and the key, as far as they are known."""
        return ", ".join(part for part in (self.source, self.key) if part)


def config_error(source: str, message: str, key: str, code: str, **params: Any) -> ConfigError:
    """A ConfigError of ``source`` at ``key``, as the tables' parsers write it (``app.config_accounts``,
    ``app.config_carriers``): the English ``message``, then its catalogue ``code`` and parts."""
    return ConfigError(message, source=source, key=key, code=code, params=params)


def read_toml(path: Path) -> dict[str, Any]:
    """The TOML file at ``path`` as a dict, or ConfigError saying why not: not TOML (where the parser
    stopped), a folder, not readable, not UTF-8 text."""
    source = str(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        # tomllib says where it stopped at the end of its message: "... (at line 3, column 7)"
        said = str(exc)
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", said)
        if at is None:
            raise ConfigError(f"not valid TOML ({said})", source=source, code="setting_not_toml",
                              params={"detail": said.removesuffix(" (at end of document)")}) from None
        detail = said[:at.start()]
        raise ConfigError(f"not valid TOML at line {at[1]}, column {at[2]} ({detail})", source=source,
                          code="setting_not_toml_at",
                          params={"line": at[1], "column": at[2], "detail": detail}) from None
    except IsADirectoryError:
        raise ConfigError("is a folder, not a file", source=source, code="setting_file_is_folder") from None
    except PermissionError:
        raise ConfigError("cannot be read: no permission", source=source, code="setting_file_no_permission") from None
    except UnicodeDecodeError:
        raise ConfigError("is not UTF-8 text", source=source, code="setting_file_not_utf8") from None
    except OSError as exc:
        detail = exc.strerror or type(exc).__name__
        raise ConfigError(f"cannot be read ({detail})", source=source, code="setting_file_unreadable",
                          params={"detail": detail}) from None


# what ``coerce`` expected -> its message code (app.messages.settings_words)
EXPECTED = {"text": "setting_expected_text", "a number": "setting_expected_number",
             "a finite number": "setting_expected_finite", "a whole number": "setting_expected_whole",
             "a list of numbers": "setting_expected_numbers", "a list of names": "setting_expected_names"}


def coerce(value: Any, hint: Any, *, source: str, key: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"expected {expected}, got {value!r}", source=source, key=key,
                           code=EXPECTED[expected], params={"value": repr(value)})

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
        except (ValueError, OverflowError):
            raise bad("a number") from None
        if not math.isfinite(number):
            raise bad("a finite number")
        return number
    if hint is int:
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad("a whole number")
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


def check_base_url(url: str, *, source: str = "", key: str = "ozon.base_url") -> None:
    """Refuse anything but https, and http only for loopback hosts (the simulator, tests)."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ConfigError(f"not an http(s) address: {url!r}", source=source, key=key, code="setting_not_http",
                          params={"url": repr(url)})
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ConfigError(f"plain http is allowed only for a loopback host (127.0.0.1, ::1, localhost), "
                          f"not {parts.hostname!r}; use https", source=source, key=key, code="setting_plain_http",
                          params={"host": repr(parts.hostname)})


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
