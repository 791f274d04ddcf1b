"""``open_scale``: a scale URI (see CONTRACT.md) -> a ``ScaleReader`` (not started yet)."""
from __future__ import annotations

import math
from functools import partial
from typing import Callable

from ..uri import DeviceUri, DeviceUriError, parse_device_uri
from .protocols import PROTOCOLS, ScaleProtocol
from .reader import ScaleReader
from .transports.base import Transport
from .transports.hid_device import HidTransport, load_hidapi
from .transports.serial_port import FRAMINGS, SerialTransport
from .transports.sim import PROTOCOL as SIM_PROTOCOL, SimTransport, SimulatedScale
from .transports.tcp import TcpTransport
from .transports.usb_device import UsbTransport, load_pyusb

SCHEMES = {"hid", "usb", "serial", "tcp", "sim"}
PARAMS = {"protocol", "baud", "framing", "weight", "offset_pct"}
BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
_PARAMS_BY_SCHEME = {
    "serial": {"protocol", "baud", "framing"},
    "tcp": {"protocol"},
    "hid": {"protocol"},
    "usb": {"protocol"},
    "sim": {"protocol", "weight", "offset_pct"},
}
PARCEL_OFFSET_PCT = (-90.0, 900.0)


def scale_port(uri: DeviceUri) -> str:
    """The name a scale goes by in logs: /dev/ttyUSB0, COM3, host:port, 0922:8003, sim."""
    return uri.target or uri.scheme


def _protocol(uri: DeviceUri, fixed: str | None) -> ScaleProtocol:
    names = tuple(PROTOCOLS)
    if fixed is not None:
        name = uri.choice("protocol", (fixed,), fixed)
    elif "protocol" not in uri.params:
        raise DeviceUriError("uri_scale_protocol", uri=repr(uri.text), scheme=uri.scheme, names=", ".join(names))
    else:
        name = uri.choice("protocol", names, "")
    if fixed is None and name == "hidpos":
        raise DeviceUriError("uri_hidpos_only", uri=repr(uri.text))
    return PROTOCOLS[name]


def _check_params(uri: DeviceUri) -> None:
    extra = sorted(set(uri.params) - _PARAMS_BY_SCHEME[uri.scheme])
    if extra:
        raise DeviceUriError("uri_scale_param_not_here", uri=repr(uri.text), param=extra[0], scheme=uri.scheme)


def parcel_offset_pct(uri: DeviceUri) -> float:
    """``sim://?offset_pct=N``: how many percent the parcel the demo puts on a simulated scale weighs
    more (or, negative, less) than its catalogue weight says (0 by default; read by app/sim/parcel.py).
    The scale itself shows what it carries: this is the parcel's doing, e.g. 15 to meet a weight mismatch."""
    raw = uri.params.get("offset_pct", "0")
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    low, high = PARCEL_OFFSET_PCT
    if not (math.isfinite(value) and low <= value <= high):
        raise DeviceUriError("uri_offset_pct", uri=repr(uri.text), value=repr(raw), low=f"{low:g}", high=f"{high:g}")
    return value


def parse_scale_uri(text: str) -> tuple[DeviceUri, ScaleProtocol, Callable[[], Transport], SimulatedScale | None]:
    """Validate a scale URI; returns it with its protocol, a transport factory and the simulator (sim://)."""
    uri = parse_device_uri(text).require(schemes=SCHEMES, params=PARAMS, kind="scale")
    _check_params(uri)
    simulator = None
    if uri.scheme == "serial":
        protocol = _protocol(uri, None)
        baud = uri.integer("baud", protocol.baud, allowed=BAUDS)
        framing = uri.choice("framing", tuple(FRAMINGS), protocol.framing)
        make = partial(SerialTransport, uri.target, baud=baud, framing=framing)
    elif uri.scheme == "tcp":
        protocol = _protocol(uri, None)
        host, port = uri.host_port()
        make = partial(TcpTransport, host, port)
    elif uri.scheme in ("hid", "usb"):
        protocol = _protocol(uri, "hidpos")
        vid, pid = uri.vid_pid()
        make = partial(HidTransport if uri.scheme == "hid" else UsbTransport, vid, pid)
    else:
        protocol = _protocol(uri, SIM_PROTOCOL)
        weight = uri.params.get("weight", "0")
        try:
            grams = float(weight)
        except ValueError:
            grams = math.nan
        if not math.isfinite(grams):  # nan and inf parse as floats: no scale shows them
            raise DeviceUriError("uri_weight", uri=repr(uri.text), value=repr(weight))
        simulator = SimulatedScale(grams)
        parcel_offset_pct(uri)  # checked with the rest of the URI; the demo's parcel uses it
        make = partial(SimTransport, simulator)
    return uri, protocol, make, simulator


def check_available(uri: DeviceUri) -> None:
    """Raise ScaleUnavailable now when the URI's transport cannot work on this machine."""
    if uri.scheme == "hid":
        load_hidapi()
    elif uri.scheme == "usb":
        load_pyusb()


def open_scale(text: str, *, on_reading=None, on_state=None, simulator: SimulatedScale | None = None,
               **reader_options) -> ScaleReader:
    """Build a reader for a scale URI; raises DeviceUriError (naming the wrong part) or ScaleUnavailable.

    Start it with ``.start()`` or ``with open_scale(...) as reader:``. ``simulator`` replaces the
    one a ``sim://`` URI would create (tests, the demo); ``reader_options`` go to ``ScaleReader``.
    """
    uri, protocol, make, own_simulator = parse_scale_uri(text)
    check_available(uri)
    if simulator is not None:
        if uri.scheme != "sim":
            raise DeviceUriError("uri_sim_only", uri=repr(uri.text))
        make = partial(SimTransport, simulator)
    return ScaleReader(make, protocol, port=scale_port(uri), on_reading=on_reading, on_state=on_state,
                       simulator=simulator or own_simulator, **reader_options)
