"""Device discovery: kind guesses and ready URIs from (fake) pyserial, hidapi and pyusb listings."""
import json
import sys
from types import SimpleNamespace

import pytest

from app.devices import discovery
from app.devices.discovery import hid_devices, serial_devices, usb_devices


def port(device, vid=None, pid=None, description="n/a", manufacturer=None, product=None):
    return SimpleNamespace(device=device, vid=vid, pid=pid, description=description,
                           manufacturer=manufacturer, product=product)


SERIAL = [
    (port("/dev/ttyUSB0", 0x1A86, 0x7523, "USB Serial"), "scale", "CH340"),
    (port("COM4", 0x10C4, 0xEA60, "CP2102 USB to UART"), "scale", "CP210x"),
    (port("/dev/ttyUSB1", 0x0403, 0x6001, manufacturer="FTDI", product="FT232R USB UART"), "scale", "FTDI"),
    (port("/dev/ttyUSB2", 0x067B, 0x2303), "scale", "PL2303"),
    (port("/dev/ttyACM0", 0x0C2E, 0x0B61, manufacturer="Honeywell", product="Scanner"), "scanner", "Honeywell"),
    (port("/dev/ttyACM1", 0x1234, 0x5678), "scanner", "CDC-ACM"),
    (port("/dev/ttyUSB3", 0x0EB8, 0x2000), "scale", "Mettler Toledo"),
    (port("/dev/ttyS0"), "serial", "serial port /dev/ttyS0"),
    (port("/dev/ttyUSB9", 0x1111, 0x2222), "serial", "1111:2222"),
]


@pytest.mark.parametrize("info,kind,mentions", SERIAL, ids=[s[0].device for s in SERIAL])
def test_serial_ports(info, kind, mentions):
    [found] = serial_devices([info])
    assert found.kind == kind
    assert mentions in found.description
    assert found.uri == f"serial:{info.device}" and found.port == info.device
    assert (found.vid, found.pid) == (info.vid, info.pid)


def test_hid_entries_by_usage_page_and_known_ids():
    entries = [
        {"path": b"/dev/hidraw0", "vendor_id": 0x0922, "product_id": 0x8003, "usage_page": 0x8D,
         "manufacturer_string": "DYMO", "product_string": "M10"},
        {"path": b"/dev/hidraw1", "vendor_id": 0x0922, "product_id": 0x8003, "usage_page": 0x8D},  # 2nd collection
        {"path": b"/dev/hidraw2", "vendor_id": 0x0C2E, "product_id": 0x0907, "usage_page": 0x8C},
        {"path": b"/dev/hidraw3", "vendor_id": 0x046D, "product_id": 0xC31C, "usage_page": 0x01},  # keyboard
        {"path": b"1-2:1.0", "vendor_id": 0x0EB8, "product_id": 0xF000, "usage_page": 0},  # libusb backend: no page
    ]
    found = hid_devices(entries)
    assert [(d.kind, d.uri) for d in found] == [
        ("scale", "hid://0922:8003"), ("scanner", "hid://0c2e:0907"), ("scale", "hid://0eb8:f000")]
    assert found[0].description == "HID POS scale: DYMO M10" and found[0].port == "/dev/hidraw0"
    assert "Mettler Toledo PS60" in found[2].description


class UsbDev:
    def __init__(self, vid, pid, interface_classes, device_class=0):
        self.idVendor, self.idProduct, self.bDeviceClass = vid, pid, device_class
        self._configs = [[SimpleNamespace(bInterfaceClass=c) for c in interface_classes]]

    def __iter__(self):
        return iter(self._configs)


def test_usb_printers_and_known_scales():
    devices = [UsbDev(0x1FC9, 0x2016, [7]), UsbDev(0x0922, 0x8004, [3]), UsbDev(0x046D, 0xC077, [3])]
    found = usb_devices(devices, describe=lambda dev: "Xprinter XP-365B" if dev.idVendor == 0x1FC9 else "")
    assert [(d.kind, d.uri) for d in found] == [("printer", "usb://1fc9:2016"), ("scale", "usb://0922:8004")]
    assert found[0].description == "USB printer: Xprinter XP-365B"
    assert found[0].to_json() == {"kind": "printer", "uri": "usb://1fc9:2016", "description": found[0].description,
                                  "vid": "1fc9", "pid": "2016", "port": None}


def test_missing_backends_become_notes(monkeypatch):
    monkeypatch.setitem(sys.modules, "hidraw", None)
    monkeypatch.setitem(sys.modules, "hid", None)
    monkeypatch.setitem(sys.modules, "usb", None)
    monkeypatch.setitem(sys.modules, "usb.core", None)
    result = discovery.discover()
    assert any("hidapi" in note for note in result.note_texts())
    assert any("pyusb" in note for note in result.note_texts())
    json.dumps([d.to_json() for d in result.devices])


@pytest.mark.parametrize("lang, said", [
    ("en", ["USB-serial converter CH340: likely a scale (add ?protocol=...): USB Serial", "HID POS scanner",
            "USB printer: Xprinter XP-365B"]),
    ("ru", ["переходник USB-COM CH340: вероятно, весы (добавьте ?protocol=...): USB Serial", "сканер HID POS",
            "USB-принтер: Xprinter XP-365B"]),
    ("zh", ["USB 转串口芯片 CH340：可能是电子秤（请加上 ?protocol=...）: USB Serial", "HID POS 扫码枪",
            "USB 打印机: Xprinter XP-365B"]),
])
def test_what_a_device_looks_like_is_said_in_the_sellers_language_its_makers_name_as_written(lang, said):
    found = [*serial_devices([SERIAL[0][0]]),
             *hid_devices([{"path": b"/dev/hidraw2", "vendor_id": 0x0C2E, "product_id": 0x0907, "usage_page": 0x8C}]),
             *usb_devices([UsbDev(0x1FC9, 0x2016, [7])], describe=lambda dev: "Xprinter XP-365B")]
    assert [d.describe(lang) for d in found] == said
    assert found[0].to_json()["description"] == found[0].describe("en")  # --json stays English


def test_packdesk_devices_says_its_table_and_notes_in_the_sellers_language():
    from app.cli.devices import lines

    found = discovery.Discovery(serial_devices([port("/dev/ttyS0")]), [("found_note_no_hidapi", {})])
    assert lines(found, "ru") == ["ТИП   URI                ОПИСАНИЕ",
                                  "порт  serial:/dev/ttyS0  последовательный порт /dev/ttyS0",
                                  "примечание: hidapi не установлен: весы и сканеры HID не показаны "
                                  "(pip install hidapi)"]
    assert lines(discovery.Discovery([], [("found_note_nothing_linux", {})]), "zh") == [
        "未找到设备", "注意：未找到任何设备；在 Linux 上，用户可能需要加入 dialout 组并为 USB/HID 配置 udev 规则"]
