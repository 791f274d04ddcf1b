"""Device URIs: one string per device, the same grammar in config, CLI and settings.

    tcp://HOST:PORT   usb://VID:PID   hid://VID:PID   serial:PORT   file:PATH
    cups://QUEUE      win://PRINTER   sim://          keyboard

followed by an optional ``?key=value&...`` query. Parsing checks the shape only; each
device kind checks which schemes and parameters it accepts (``DeviceUri.require``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl


class DeviceUriError(ValueError):
    """A device URI that cannot be used; the message names the part that is wrong."""


_AUTHORITY_SCHEMES = {"tcp", "usb", "hid", "cups", "win", "sim"}
_PATH_SCHEMES = {"serial", "file"}
_BARE = {"keyboard"}


@dataclass(frozen=True)
class DeviceUri:
    scheme: str
    target: str = ""  # "HOST:PORT", "VID:PID", a port or path, a queue name; "" for sim/keyboard
    params: dict[str, str] = field(default_factory=dict)
    text: str = ""

    # --- typed views of the target -------------------------------------------------
    def host_port(self, default_port: int | None = None) -> tuple[str, int]:
        """HOST:PORT; with ``default_port``, a bare HOST (or [IPv6]) means that port."""
        host, sep, port = self.target.rpartition(":")
        if default_port is not None and (not sep or self.target.endswith("]")):
            host, sep, port = self.target, ":", str(default_port)
        if (not sep or not host or not port.isdigit() or not 0 < int(port) < 65536
                or host.startswith("[") != host.endswith("]")):  # an IPv6 address: [::1]:9100, brackets closed
            raise DeviceUriError(f"{self.text!r}: expected HOST:PORT after tcp://, got {self.target!r}")
        return host.strip("[]"), int(port)

    def vid_pid(self) -> tuple[int, int]:
        vid, sep, pid = self.target.partition(":")
        try:
            if not sep:
                raise ValueError
            return int(vid, 16), int(pid, 16)
        except ValueError:
            raise DeviceUriError(
                f"{self.text!r}: expected VID:PID in hex after {self.scheme}:// (e.g. 0922:8003), got {self.target!r}"
            ) from None

    # --- parameters -----------------------------------------------------------------
    def require(self, *, schemes: set[str], params: set[str], kind: str) -> "DeviceUri":
        """Check this URI suits a device kind; raise naming the wrong part otherwise."""
        if self.scheme not in schemes:
            raise DeviceUriError(
                f"{self.text!r}: a {kind} cannot use '{self.scheme}'; use one of {', '.join(sorted(schemes))}"
            )
        unknown = sorted(set(self.params) - params)
        if unknown:
            raise DeviceUriError(
                f"{self.text!r}: unknown {kind} parameter '{unknown[0]}'; known: {', '.join(sorted(params))}"
            )
        return self

    def choice(self, name: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.params.get(name, default)
        if value not in allowed:
            raise DeviceUriError(f"{self.text!r}: {name}={value!r} is not one of {', '.join(allowed)}")
        return value

    def integer(self, name: str, default: int | None, *, allowed: tuple[int, ...] | None = None,
                minimum: int = 1) -> int | None:
        raw = self.params.get(name)
        if raw is None:
            return default
        if not raw.isdigit() or int(raw) < minimum:
            raise DeviceUriError(f"{self.text!r}: {name}={raw!r} must be a whole number >= {minimum}")
        value = int(raw)
        if allowed is not None and value not in allowed:
            raise DeviceUriError(f"{self.text!r}: {name}={value} is not one of {', '.join(map(str, allowed))}")
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        raw = self.params.get(name)
        if raw is None:
            return default
        if raw not in ("0", "1"):
            raise DeviceUriError(f"{self.text!r}: {name}={raw!r} must be 0 or 1")
        return raw == "1"

    def size_mm(self, name: str = "size", default: tuple[float, float] | None = None) -> tuple[float, float] | None:
        raw = self.params.get(name)
        if raw is None:
            return default
        w, sep, h = raw.lower().partition("x")
        try:
            if not sep:
                raise ValueError
            width, height = float(w), float(h)
        except ValueError:
            raise DeviceUriError(f"{self.text!r}: {name}={raw!r} must be WIDTHxHEIGHT in mm, e.g. 75x120") from None
        if not (10 <= width <= 300 and 10 <= height <= 1000):
            raise DeviceUriError(f"{self.text!r}: {name}={raw!r} is outside 10..300 x 10..1000 mm")
        return width, height


def parse_device_uri(text: str) -> DeviceUri:
    """Split a device URI into scheme, target and parameters (shape only)."""
    raw = (text or "").strip()
    if not raw:
        raise DeviceUriError("empty device URI")
    body, _, query = raw.partition("?")
    try:
        params = dict(parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query)))
    except ValueError:
        raise DeviceUriError(f"{raw!r}: malformed parameters {query!r} (expected key=value&key=value)") from None
    if body in _BARE:
        return DeviceUri(body, "", params, raw)
    scheme, sep, rest = body.partition(":")
    scheme = scheme.lower()
    if not sep:
        raise DeviceUriError(f"{raw!r}: no scheme; expected e.g. tcp://HOST:PORT, serial:/dev/ttyUSB0, sim://")
    if scheme in _AUTHORITY_SCHEMES:
        if not rest.startswith("//"):
            raise DeviceUriError(f"{raw!r}: expected '{scheme}://' (two slashes)")
        target = rest[2:]
        if not target and scheme != "sim":
            raise DeviceUriError(f"{raw!r}: nothing after {scheme}://")
        return DeviceUri(scheme, target, params, raw)
    if scheme in _PATH_SCHEMES:
        target = rest[2:] if rest.startswith("//") and not rest.startswith("///") else rest
        if not target:
            raise DeviceUriError(f"{raw!r}: no port or path after {scheme}:")
        return DeviceUri(scheme, target, params, raw)
    known = sorted(_AUTHORITY_SCHEMES | _PATH_SCHEMES | _BARE)
    raise DeviceUriError(f"{raw!r}: unknown scheme '{scheme}'; known: {', '.join(known)}")


def same_device(first: str, second: str) -> bool:
    """Whether two URIs name one device (scheme and target; parameters such as the language or
    the dpi do not make another device). Unparsable text is compared as it is."""
    try:
        a, b = parse_device_uri(first), parse_device_uri(second)
    except DeviceUriError:
        return (first or "").strip() == (second or "").strip()
    return (a.scheme, a.target.lower()) == (b.scheme, b.target.lower())
