"""Find serial ports and USB/HID devices that look like scanners, scales or printers.

Each backend is optional: a missing hidapi or libusb adds a note instead of failing.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable

from app.messages import text

from .scales.errors import ScaleUnavailable

log = logging.getLogger("packdesk.devices.discovery")

SCALE_USAGE_PAGE, SCANNER_USAGE_PAGE = 0x8D, 0x8C
PRINTER_CLASS = 7

USB_SERIAL_CHIPS = {
    (0x1A86, 0x7523): "CH340", (0x1A86, 0x5523): "CH341", (0x1A86, 0x55D4): "CH9102",
    (0x10C4, 0xEA60): "CP210x", (0x0403, 0x6001): "FTDI FT232R", (0x0403, 0x6015): "FTDI FT-X",
    (0x0403, 0x6010): "FTDI FT2232", (0x067B, 0x2303): "PL2303", (0x067B, 0x23A3): "PL2303GC",
}
SCANNER_VENDORS = {0x0C2E: "Honeywell", 0x05E0: "Zebra/Symbol", 0x05F9: "Datalogic", 0x1EAB: "Newland"}
SCALE_VENDORS = {0x0EB8: "Mettler Toledo", 0x0922: "Dymo"}
HID_SCALES = {
    (0x0922, 0x8003): "Dymo M10", (0x0922, 0x8004): "Dymo M25", (0x0922, 0x8009): "Dymo S-series",
    (0x1446, 0x6A73): "Stamps.com 510", (0x2474, 0x0550): "Stamps.com SS", (0x2474, 0x3550): "Stamps.com SS",
    (0x0EB8, 0xF000): "Mettler Toledo PS60", (0x0B67, 0x555E): "Fairbanks", (0x7B7C, 0x0100): "USPS/Elane",
    (0x6096, 0x0158): "Sanford Dymo",
}


@dataclass(frozen=True)
class FoundDevice:
    kind: str  # "scale", "scanner", "printer" or "serial" (a port we can't guess)
    uri: str
    said: tuple[str, dict[str, str]]  # what it looks like: a message (app.messages.discovery) and its fields
    name: str = ""  # its maker's own words (USB strings), as they are
    vid: int | None = None
    pid: int | None = None
    port: str | None = None

    def describe(self, lang: str = "en") -> str:
        """What it looks like in ``lang``, its maker's name after it."""
        words = text(self.said[0], lang, **self.said[1])
        return f"{words}: {self.name}" if self.name and self.name not in words else words

    @property
    def description(self) -> str:
        return self.describe("en")

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "uri": self.uri, "description": self.description,
                "vid": None if self.vid is None else f"{self.vid:04x}",
                "pid": None if self.pid is None else f"{self.pid:04x}", "port": self.port}


@dataclass
class Discovery:
    devices: list[FoundDevice] = field(default_factory=list)
    notes: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # why something is not listed

    def note_texts(self, lang: str = "en") -> list[str]:
        return [text(code, lang, **fields) for code, fields in self.notes]


def _ids(vid: int, pid: int) -> str:
    return f"{vid:04x}:{pid:04x}"


# --- serial ports ----------------------------------------------------------------------------
def serial_devices(ports: Iterable[Any]) -> list[FoundDevice]:
    """``ports``: pyserial ListPortInfo objects (device, vid, pid, description, manufacturer, product)."""
    found = []
    for port in ports:
        vid, pid = port.vid, port.pid
        label = " ".join(x for x in (port.manufacturer, port.product) if x) or (
            port.description if port.description not in (None, "n/a") else "")
        uri = f"serial:{port.device}"
        if vid is None:
            kind, said = "serial", ("found_serial_port", {"port": port.device})
        elif vid in SCANNER_VENDORS:
            kind, said = "scanner", ("found_vendor_scanner", {"vendor": SCANNER_VENDORS[vid]})
        elif vid in SCALE_VENDORS:
            kind, said = "scale", ("found_vendor_scale", {"vendor": SCALE_VENDORS[vid]})
        elif (vid, pid) in USB_SERIAL_CHIPS:
            kind, said = "scale", ("found_serial_chip", {"chip": USB_SERIAL_CHIPS[vid, pid]})
        elif "ACM" in port.device:
            kind, said = "scanner", ("found_cdc_acm", {})
        else:
            kind, said = "serial", ("found_usb_serial", {"ids": _ids(vid, pid)})
        found.append(FoundDevice(kind, uri, said, label, vid, pid, port.device))
    return found


def _list_serial(notes: list) -> list[FoundDevice]:
    try:
        from serial.tools import list_ports
    except ImportError:
        notes.append(("found_note_no_pyserial", {}))
        return []
    return serial_devices(list_ports.comports())


# --- HID -------------------------------------------------------------------------------------
def hid_devices(entries: Iterable[dict[str, Any]]) -> list[FoundDevice]:
    """``entries``: dicts as hidapi's ``enumerate()`` returns them."""
    found = {}
    for entry in entries:
        vid, pid = entry.get("vendor_id", 0), entry.get("product_id", 0)
        page = entry.get("usage_page", 0)
        if page == SCALE_USAGE_PAGE or (vid, pid) in HID_SCALES:
            kind = "scale"
        elif page == SCANNER_USAGE_PAGE:
            kind = "scanner"
        else:
            continue
        name = " ".join(x for x in (entry.get("manufacturer_string"), entry.get("product_string")) if x)
        name = name or HID_SCALES.get((vid, pid), "")
        path = entry.get("path")
        port = path.decode(errors="replace") if isinstance(path, bytes) else path
        found.setdefault((kind, vid, pid), FoundDevice(kind, f"hid://{_ids(vid, pid)}", (f"found_hid_{kind}", {}),
                                                       name, vid, pid, port))
    return list(found.values())


def _list_hid(notes: list) -> list[FoundDevice]:
    from .scales.transports.hid_device import load_hidapi

    try:
        hid = load_hidapi()
        return hid_devices(hid.enumerate())
    except ScaleUnavailable:
        notes.append(("found_note_no_hidapi", {}))
    except OSError as exc:
        notes.append(("found_note_hid_failed", {"detail": str(exc)}))
    return []


# --- USB (pyusb) -----------------------------------------------------------------------------
def usb_devices(devices: Iterable[Any], describe=lambda dev: "") -> list[FoundDevice]:
    """``devices``: pyusb devices (iterating a device gives configurations, those interfaces)."""
    found = []
    for dev in devices:
        vid, pid = dev.idVendor, dev.idProduct
        try:
            classes = {dev.bDeviceClass} | {intf.bInterfaceClass for cfg in dev for intf in cfg}
        except (OSError, ValueError) as exc:  # USBError is an OSError
            log.debug("cannot read descriptors of %s: %s", _ids(vid, pid), exc)
            continue
        name = describe(dev)
        if PRINTER_CLASS in classes:
            found.append(FoundDevice("printer", f"usb://{_ids(vid, pid)}", ("found_usb_printer", {}), name, vid, pid))
        elif (vid, pid) in HID_SCALES:
            found.append(FoundDevice("scale", f"usb://{_ids(vid, pid)}", ("found_usb_scale", {}),
                                     name or HID_SCALES[vid, pid], vid, pid))
    return found


def _usb_name(dev: Any) -> str:
    import usb.util

    try:
        return " ".join(x for x in (usb.util.get_string(dev, dev.iManufacturer),
                                    usb.util.get_string(dev, dev.iProduct)) if x)
    except (ValueError, NotImplementedError, OSError):  # no permission to read strings
        return ""


def _list_usb(notes: list) -> list[FoundDevice]:
    from .scales.transports.usb_device import load_pyusb

    try:
        usb = load_pyusb()
        return usb_devices(usb.core.find(find_all=True, backend=usb.backend), _usb_name)
    except ScaleUnavailable as exc:
        notes.append(("found_note_no_usb", {"detail": str(exc)}))
    except OSError as exc:
        notes.append(("found_note_usb_failed", {"detail": str(exc)}))
    return []


def discover() -> Discovery:
    """Everything we can see, HID entries first where HID and USB name the same device."""
    result = Discovery()
    hid = _list_hid(result.notes)
    seen = {(d.kind, d.vid, d.pid) for d in hid}
    usb = [d for d in _list_usb(result.notes) if (d.kind, d.vid, d.pid) not in seen]
    result.devices = _list_serial(result.notes) + hid + usb
    if sys.platform.startswith("linux") and not result.devices:
        result.notes.append(("found_note_nothing_linux", {}))
    log.debug("discovered %d devices", len(result.devices))
    return result
