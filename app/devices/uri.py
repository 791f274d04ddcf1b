"""Device URIs: one string per device, the same grammar in config, CLI and settings.

    tcp://HOST:PORT   usb://VID:PID   hid://VID:PID   serial:PORT   file:PATH
    cups://QUEUE      win://PRINTER   sim://          keyboard

followed by an optional ``?key=value&...`` query. Parsing checks the shape only; each
device kind checks which schemes and parameters it accepts (``DeviceUri.require``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from app.messages import Said, error_text


class DeviceUriError(ValueError):
    """A device URI that cannot be used: ``code`` and ``params`` name the part that is wrong
    (``app.messages.device_uri``), said in the seller's language by ``app.messages.error_text``;
    ``str()`` is the English (the log's)."""

    def __init__(self, code: str, /, **params) -> None:
        self.code, self.params = code, params
        super().__init__(error_text(self, "en"))


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
            raise DeviceUriError("uri_host_port", uri=repr(self.text), target=repr(self.target))
        return host.strip("[]"), int(port)

    def vid_pid(self) -> tuple[int, int]:
        vid, sep, pid = self.target.partition(":")
        try:
            if not sep:
                raise ValueError
            return int(vid, 16), int(pid, 16)
        except ValueError:
            raise DeviceUriError("uri_vid_pid", uri=repr(self.text), scheme=self.scheme,
                                 target=repr(self.target)) from None

    # --- parameters -----------------------------------------------------------------
    def require(self, *, schemes: set[str], params: set[str], kind: str) -> "DeviceUri":
        """Check this URI suits a device kind; raise naming the wrong part otherwise."""
        if self.scheme not in schemes:
            raise DeviceUriError("uri_wrong_scheme", uri=repr(self.text), kind=Said(f"uri_kind_{kind}"),
                                 scheme=self.scheme, schemes=", ".join(sorted(schemes)))
        unknown = sorted(set(self.params) - params)
        if unknown:
            raise DeviceUriError("uri_unknown_param", uri=repr(self.text), kind=Said(f"uri_kind_{kind}"),
                                 param=unknown[0], known=", ".join(sorted(params)))
        return self

    def choice(self, name: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.params.get(name, default)
        if value not in allowed:
            raise DeviceUriError("uri_not_one_of", uri=repr(self.text), name=name, value=repr(value),
                                 allowed=", ".join(allowed))
        return value

    def integer(self, name: str, default: int | None, *, allowed: tuple[int, ...] | None = None,
                minimum: int = 1) -> int | None:
        raw = self.params.get(name)
        if raw is None:
            return default
        if not raw.isdigit() or int(raw) < minimum:
            raise DeviceUriError("uri_whole_number", uri=repr(self.text), name=name, value=repr(raw), minimum=minimum)
        value = int(raw)
        if allowed is not None and value not in allowed:
            raise DeviceUriError("uri_not_one_of", uri=repr(self.text), name=name, value=value,
                                 allowed=", ".join(map(str, allowed)))
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        raw = self.params.get(name)
        if raw is None:
            return default
        if raw not in ("0", "1"):
            raise DeviceUriError("uri_flag", uri=repr(self.text), name=name, value=repr(raw))
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
            raise DeviceUriError("uri_size_mm_shape", uri=repr(self.text), name=name, value=repr(raw)) from None
        if not (10 <= width <= 300 and 10 <= height <= 1000):
            raise DeviceUriError("uri_size_mm_range", uri=repr(self.text), name=name, value=repr(raw))
        return width, height


def parse_device_uri(text: str) -> DeviceUri:
    """Split a device URI into scheme, target and parameters (shape only)."""
    raw = (text or "").strip()
    if not raw:
        raise DeviceUriError("uri_empty")
    body, _, query = raw.partition("?")
    try:
        params = dict(parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query)))
    except ValueError:
        raise DeviceUriError("uri_malformed_query", uri=repr(raw), query=repr(query)) from None
    if body in _BARE:
        return DeviceUri(body, "", params, raw)
    scheme, sep, rest = body.partition(":")
    scheme = scheme.lower()
    if not sep:
        raise DeviceUriError("uri_no_scheme", uri=repr(raw))
    if scheme in _AUTHORITY_SCHEMES:
        if not rest.startswith("//"):
            raise DeviceUriError("uri_two_slashes", uri=repr(raw), scheme=scheme)
        target = rest[2:]
        if not target and scheme != "sim":
            raise DeviceUriError("uri_nothing_after", uri=repr(raw), scheme=scheme)
        return DeviceUri(scheme, target, params, raw)
    if scheme in _PATH_SCHEMES:
        target = rest[2:] if rest.startswith("//") and not rest.startswith("///") else rest
        if not target:
            raise DeviceUriError("uri_no_path", uri=repr(raw), scheme=scheme)
        return DeviceUri(scheme, target, params, raw)
    known = sorted(_AUTHORITY_SCHEMES | _PATH_SCHEMES | _BARE)
    raise DeviceUriError("uri_unknown_scheme", uri=repr(raw), scheme=scheme, known=", ".join(known))


def same_device(first: str, second: str) -> bool:
    """Whether two URIs name one device (scheme and target; parameters such as the language or
    the dpi do not make another device). Unparsable text is compared as it is."""
    try:
        a, b = parse_device_uri(first), parse_device_uri(second)
    except DeviceUriError:
        return (first or "").strip() == (second or "").strip()
    return (a.scheme, a.target.lower()) == (b.scheme, b.target.lower())
