"""HID POS scanners: the report parser on recorded and built reports, multi-packet codes, and the
reader end to end through a fake hidapi module (no /dev/uhid here)."""
import queue
import sys
import threading
import types

import pytest

from app.devices.scanners import HidPosFramer, Packet, Scan, ScannerUnavailable, open_scanner, parse_report
from scanners_helpers import GS, LONG_CODE, Collector

H = bytes.fromhex

# Honeywell Voyager 1602g answering REVINF. over USB HID POS: recorded by HenkVanAsselt/python_hon_usbhid
# (README), 64-byte reports as hidapi returns them (report ID first). Two packets of one message, then
# the final one-packet status answer.
VOYAGER_1 = H("02 38 5d 58 30 50 72 6f 64 75 63 74 20 4e 61 6d 65 3a 20 56 6f 79 61 67 65 72 20 31 36 30 32 67"
              "0d 0a 42 6f 6f 74 20 52 65 76 69 73 69 6f 6e 3a 20 3a 20 38 39 39 32 0d 0a 53 6f 66 74 3f 00 01")
VOYAGER_2 = H("02 09 5d 58 30 75 6d 3a 20 4e 2f 41 0d 0a" + " 00" * 47 + " 3f 00 00")
VOYAGER_ACK = H("02 08 5d 5a 36 52 45 56 49 4e 46 06 2e" + " 00" * 48 + " 36 00 00")


def honeywell(data: bytes, aim: bytes = b"]d2", code_id: int = 0x77, more: bool = False) -> bytes:
    """A report laid out as in devices-notes §1.1 (offsets +1 for the report ID)."""
    report = bytearray(64)
    report[0], report[1] = 0x02, len(data)
    report[2:5], report[5:5 + len(data)] = aim, data
    report[61], report[63] = code_id, int(more)
    return bytes(report)


MARKING = LONG_CODE.encode()  # 85 bytes with two GS: two packets
EAN = honeywell(b"4006381333931", b"]E0", 0x64)

REPORTS = [
    # (report, expected packet)
    (VOYAGER_1, Packet(b"Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoft", "]X0", 0x3F, True)),
    (VOYAGER_2, Packet(b"um: N/A\r\n", "]X0", 0x3F, False)),
    (VOYAGER_ACK, Packet(b"REVINF\x06.", "]Z6", 0x36, False)),
    (EAN, Packet(b"4006381333931", "]E0", 0x64, False)),
    (honeywell(MARKING[:56], more=True), Packet(MARKING[:56], "]d2", 0x77, True)),
    (honeywell(b"OZN1", b"\0\0\0", 0), Packet(b"OZN1", None, 0, False)),  # AIM id switched off
    (H("02 04 5d 51 31 41 42 43 44"), Packet(b"ABCD", "]Q1", 0, False)),  # short report, no trailer
    (H("01 00 00 00 00 00 00 00"), None),  # another report (e.g. the keyboard collection's)
    (b"", None),
]


@pytest.mark.parametrize("report,expected", REPORTS)
def test_parse_report(report, expected):
    assert parse_report(report) == expected


@pytest.mark.parametrize("report,problem", [
    (H("02 05 5d"), "too short"),
    (H("02 39") + bytes(62), "at most 56"),
    (H("02 10 5d 45 30 31 32"), "has 2"),
])
def test_bad_reports_are_errors(report, problem):
    with pytest.raises(ValueError, match=problem):
        parse_report(report)


def test_framer_joins_packets_of_one_code():
    framer = HidPosFramer()
    assert framer.feed(VOYAGER_1, 1.0) == []
    assert framer.feed(VOYAGER_2, 1.01) == [(
        b"Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoftum: N/A\r\n", "]X0")]
    packets = [honeywell(MARKING[:56], more=True), honeywell(MARKING[56:], more=False)]
    assert framer.feed(packets[0], 2.0) == [] and framer.feed(packets[1], 2.01) == [(MARKING, "]d2")]
    assert framer.notes == []


def test_framer_drops_a_code_whose_last_packet_never_came():
    framer = HidPosFramer(stale_timeout=1.0)
    framer.feed(VOYAGER_1, 1.0)
    assert framer.expire(1.5) == [] and framer.notes == []
    framer.expire(2.0)
    assert "incomplete code" in framer.notes.pop()
    assert framer.feed(EAN, 2.1) == [(b"4006381333931", "]E0")]


class FakeHidapi(types.ModuleType):
    """Stands in for cython-hidapi's ``hidraw`` module: a Honeywell with keyboard + HID POS collections."""

    def __init__(self, pages=(0x01, 0x8C)):
        super().__init__("hidraw")
        self.pages = pages
        self.reports: queue.Queue[bytes] = queue.Queue()
        self.present = threading.Event()
        self.present.set()
        self.features: list[bytes] = []
        self.opened: list[bytes] = []

    def enumerate(self, vendor_id=0, product_id=0):
        if not self.present.is_set():
            return []
        return [{"path": f"/dev/hidraw{n}".encode(), "vendor_id": 0x0C2E, "product_id": 0x0B8F, "usage_page": page}
                for n, page in enumerate(self.pages)]

    def device(self):
        return FakeDevice(self)


class FakeDevice:
    def __init__(self, hid):
        self.hid = hid

    def open_path(self, path):
        self.hid.opened.append(path)

    def send_feature_report(self, data):
        self.hid.features.append(bytes(data))
        return len(data)

    def read(self, size, timeout_ms):
        if not self.hid.present.is_set():
            raise OSError("read error")
        try:
            return list(self.hid.reports.get(timeout=timeout_ms / 1000))
        except queue.Empty:
            return []

    def close(self):
        pass


@pytest.fixture
def fake_hid(monkeypatch):
    fake = FakeHidapi()
    monkeypatch.setitem(sys.modules, "hidraw", fake)
    monkeypatch.setitem(sys.modules, "hid", fake)
    return fake


FAST = dict(backoff=(0.02, 0.1))


def test_hid_scanner_delivers_codes_with_gs_and_symbology(fake_hid):
    got = Collector()
    with open_scanner("hid://0c2e:0b8f", on_scan=got.scan, on_state=got.state, **FAST):
        got.wait_state("connected")
        assert fake_hid.opened == [b"/dev/hidraw1"]  # the HID POS collection, not the keyboard
        assert fake_hid.features == [H("fe 01")]  # Honeywell: HID POS reports on
        for report in (honeywell(MARKING[:56], more=True), honeywell(MARKING[56:]), EAN):
            fake_hid.reports.put(report)
        scans = got.wait_scans(2)
    assert scans == [Scan(LONG_CODE, "hid", "]d2"), Scan("4006381333931", "hid", "]E0")]
    assert GS in scans[0].code
    assert got.states[-1] == "stopped"


def test_hid_scanner_unplugged_and_back(fake_hid):
    got = Collector()
    with open_scanner("hid://0c2e:0b8f", on_scan=got.scan, on_state=got.state, **FAST):
        got.wait_state("connected")
        fake_hid.present.clear()
        lost = got.wait_state("disconnected:")
        fake_hid.present.set()
        got.wait_state("connected", after=got.states.index(lost))
        fake_hid.reports.put(EAN)
        assert got.wait_scans(1) == [Scan("4006381333931", "hid", "]E0")]
    assert len(fake_hid.opened) == 2


def test_scanner_left_in_keyboard_mode_is_reported(monkeypatch):
    fake = FakeHidapi(pages=(0x01,))
    monkeypatch.setitem(sys.modules, "hidraw", fake)
    monkeypatch.setitem(sys.modules, "hid", fake)
    got = Collector()
    with open_scanner("hid://0c2e:0b8f", on_scan=got.scan, on_state=got.state, **FAST):
        state = got.wait_state("disconnected:")
    assert "HID POS mode" in state and fake.opened == []


def test_missing_hidapi_makes_hid_scanners_unavailable(monkeypatch):
    monkeypatch.setitem(sys.modules, "hidraw", None)
    monkeypatch.setitem(sys.modules, "hid", None)
    with pytest.raises(ScannerUnavailable, match=r"pip install hidapi"):
        open_scanner("hid://0c2e:0b8f", on_scan=print)
