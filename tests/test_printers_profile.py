"""Printer URIs to profiles: defaults, every parameter, and errors that name the wrong part."""
import pytest

from app.devices.printers import PrinterProfile, mm_to_dots, open_printer, profile_from_uri
from app.devices.printers.transports.cups import CupsTransport
from app.devices.printers.transports.file import FileTransport
from app.devices.printers.transports.serial_port import SerialTransport
from app.devices.printers.transports.sim import SimTransport
from app.devices.printers.transports.tcp import TcpTransport
from app.devices.printers.transports.usb import UsbTransport
from app.devices.printers.transports.win import WinTransport
from app.devices.uri import DeviceUriError, parse_device_uri


def _profile(text: str) -> PrinterProfile:
    return profile_from_uri(parse_device_uri(text))


@pytest.mark.parametrize("text,expected", [
    ("sim://", PrinterProfile()),
    ("tcp://10.0.0.5:9100?lang=tspl&dpi=203", PrinterProfile(lang="tspl", dpi=203)),
    ("tcp://10.0.0.5:9100?lang=zpl&dpi=300&size=100x150", PrinterProfile(lang="zpl", dpi=300, size_mm=(100, 150))),
    ("usb://0fe6:811e?lang=escpos&width=384", PrinterProfile(lang="escpos", head_dots=384)),
    ("serial:/dev/ttyUSB0?lang=epl&baud=19200&invert=1", PrinterProfile(lang="epl", invert=True)),
    ("file:/dev/usb/lp0?size=58x40&gap=3", PrinterProfile(size_mm=(58, 40), gap_mm=3.0)),
    ("cups://XP365B?darkness=12&speed=4&gap=0", PrinterProfile(darkness=12, speed=4, gap_mm=0.0)),
    ("win://Xprinter?lang=zpl&zpl=z64", PrinterProfile(lang="zpl", zpl_format="z64")),
    ("sim://?darkness=0", PrinterProfile(darkness=0)),
])
def test_good_uris(text, expected):
    assert _profile(text) == expected


@pytest.mark.parametrize("text,names", [
    ("sim://?lang=dpl", "lang='dpl'"),
    ("sim://?dpi=600", "dpi=600"),
    ("sim://?dpi=abc", "dpi='abc'"),
    ("sim://?size=75", "size='75'"),
    ("sim://?size=5x120", "size='5x120'"),
    ("sim://?invert=yes", "invert='yes'"),
    ("sim://?lang=escpos&width=570", "width=570"),
    ("sim://?lang=tspl&width=576", "width= applies to lang=escpos"),
    ("sim://?zpl=z64", "zpl= applies to lang=zpl"),
    ("sim://?lang=zpl&zpl=gzip", "zpl='gzip'"),
    ("tcp://h:9100?baud=9600", "baud= applies to serial"),
    ("sim://?darkness=16", "darkness=16"),
    ("sim://?speed=0", "speed='0'"),
    ("sim://?gap=-1", "gap='-1'"),
    ("sim://?colour=red", "unknown printer parameter 'colour'"),
    ("hid://0922:8003", "a printer cannot use 'hid'"),
    ("keyboard", "a printer cannot use 'keyboard'"),
])
def test_bad_uris_name_the_part(text, names):
    with pytest.raises(DeviceUriError, match=names.replace("?", r"\?").replace("(", r"\(")):
        _profile(text)


def test_label_dots_use_exact_rounding():
    assert PrinterProfile(dpi=203).label_dots == (599, 959)
    assert PrinterProfile(dpi=300).label_dots == (886, 1417)
    assert PrinterProfile(size_mm=(58, 40)).label_dots == (464, 320)
    assert mm_to_dots(2, 203) == 16 and mm_to_dots(0, 300) == 0


@pytest.mark.parametrize("text,kind,attrs", [
    ("tcp://192.168.1.50:9100", TcpTransport, {"host": "192.168.1.50", "port": 9100}),
    ("tcp://printer.local", TcpTransport, {"host": "printer.local", "port": 9100}),
    ("usb://0fe6:811e", UsbTransport, {"vid": 0x0FE6, "pid": 0x811E}),
    ("serial:/dev/ttyUSB0?baud=115200", SerialTransport, {"port": "/dev/ttyUSB0", "baud": 115200}),
    ("serial:COM3", SerialTransport, {"port": "COM3", "baud": 9600}),
    ("file:/dev/usb/lp0", FileTransport, {"name": "file:/dev/usb/lp0"}),
    ("cups://Label%20Printer", CupsTransport, {"queue": "Label Printer"}),
    ("win://XP-365B", WinTransport, {"printer": "XP-365B"}),
    ("sim://", SimTransport, {"directory": None}),
])
def test_open_printer_picks_the_transport_without_opening_it(text, kind, attrs):
    printer = open_printer(text)
    assert isinstance(printer.transport, kind)
    for name, value in attrs.items():
        assert getattr(printer.transport, name) == value
    printer.close()


@pytest.mark.parametrize("text,names", [
    ("serial:/dev/ttyUSB0?baud=1234", "baud=1234"),
    ("usb://zebra", "VID:PID"),
    ("tcp://host:99999", "HOST:PORT"),
])
def test_open_printer_checks_the_target(text, names):
    with pytest.raises(DeviceUriError, match=names):
        open_printer(text)


@pytest.mark.parametrize("text,lang,dpi,head", [
    ("tcp://127.0.0.1:9100?model=zebra-zd421", "zpl", 203, 576),
    ("tcp://127.0.0.1:9100?model=zebra-zd421&dpi=300", "zpl", 300, 576),
    ("tcp://127.0.0.1:9100?model=xprinter-xp420b", "tspl", 203, 576),
    ("tcp://127.0.0.1:9100?model=zebra-lp2844", "epl", 203, 576),
    ("usb://0483:5743?model=xprinter-xp-58", "escpos", 203, 384),
])
def test_model_presets_supply_defaults_and_the_uri_wins(text, lang, dpi, head):
    profile = profile_from_uri(parse_device_uri(text))
    assert (profile.lang, profile.dpi, profile.head_dots) == (lang, dpi, head)


def test_unknown_model_is_named():
    with pytest.raises(DeviceUriError, match="unknown model 'hp-laserjet'"):
        profile_from_uri(parse_device_uri("tcp://127.0.0.1:9100?model=hp-laserjet"))
