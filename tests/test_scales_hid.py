"""HID POS scales through a fake hidapi module (no /dev/uhid here), and missing backends."""
import queue
import sys
import threading
import types

import pytest

from app.devices.scales import ScaleUnavailable, open_scale
from scales_helpers import FAST, Recorder, wait_until

H = bytes.fromhex
STALE = H("03 04 02 00 39 05")  # 1337 g left over from before: the first report is discarded
GRAMS_742 = H("03 04 02 00 E6 02")
MOVING_800 = H("03 03 02 00 20 03")
DYMO_OZ = H("03 04 0B FF 31 00")  # 4.9 oz, Dymo M10


class FakeHidapi(types.ModuleType):
    """Stands in for cython-hidapi's ``hidraw`` module: enumerate() and device()."""

    def __init__(self):
        super().__init__("hidraw")
        self.reports: queue.Queue[bytes] = queue.Queue()
        self.present = threading.Event()
        self.present.set()
        self.written: list[bytes] = []
        self.opened = 0

    def enumerate(self, vendor_id=0, product_id=0):
        if not self.present.is_set():
            return []
        return [
            {"path": b"/dev/hidraw3", "vendor_id": 0x0922, "product_id": 0x8003, "usage_page": 0x01},
            {"path": b"/dev/hidraw4", "vendor_id": 0x0922, "product_id": 0x8003, "usage_page": 0x8D,
             "manufacturer_string": "DYMO", "product_string": "M10 10 lb Digital Postal Scale"},
        ]

    def device(self):
        return FakeDevice(self)


class FakeDevice:
    def __init__(self, hid):
        self.hid = hid

    def open_path(self, path):
        if path != b"/dev/hidraw4":
            raise OSError("wrong collection")
        self.hid.opened += 1

    def read(self, size, timeout_ms):
        if not self.hid.present.is_set():
            raise OSError("read error")
        try:
            return list(self.hid.reports.get(timeout=timeout_ms / 1000))
        except queue.Empty:
            return []

    def write(self, data):
        self.hid.written.append(bytes(data))
        return len(data)

    def close(self):
        pass


@pytest.fixture
def fake_hid(monkeypatch):
    fake = FakeHidapi()
    monkeypatch.setitem(sys.modules, "hidraw", fake)
    monkeypatch.setitem(sys.modules, "hid", fake)
    return fake


def test_hid_scale_reports_skip_the_stale_first_one(fake_hid):
    rec = Recorder()
    for report in (STALE, GRAMS_742):
        fake_hid.reports.put(report)
    with open_scale("hid://0922:8003", on_reading=rec.reading, **FAST) as reader:
        assert reader.read_stable(5).grams == 742.0
        fake_hid.reports.put(MOVING_800)
        wait_until(lambda: (r := reader.latest()) and r.state == "moving", what="moving report")
        fake_hid.reports.put(DYMO_OZ)
        assert reader.read_stable(5).grams == pytest.approx(138.9127)
        reader.zero()
        wait_until(lambda: fake_hid.written == [H("02 02")], what="zero output report")
    assert 1337.0 not in [r.grams for r in rec.seen_readings()]


def test_hid_scale_unplugged_and_back(fake_hid):
    rec = Recorder()
    fake_hid.reports.put(STALE)
    fake_hid.reports.put(GRAMS_742)
    with open_scale("hid://0922:8003", on_state=rec.state, **FAST) as reader:
        assert reader.read_stable(5).grams == 742.0
        fake_hid.present.clear()
        wait_until(lambda: any("gone" in s for s in rec.seen_states()), what="device gone")
        wait_until(lambda: any("not found" in s for s in rec.seen_states()), what="retry finds nothing")
        fake_hid.present.set()
        fake_hid.reports.put(STALE)
        fake_hid.reports.put(GRAMS_742)
        assert reader.read_stable(5).grams == 742.0
    assert fake_hid.opened == 2


def test_missing_hidapi_makes_hid_unavailable_with_one_message(monkeypatch):
    monkeypatch.setitem(sys.modules, "hidraw", None)
    monkeypatch.setitem(sys.modules, "hid", None)
    with pytest.raises(ScaleUnavailable, match="pip install hidapi"):
        open_scale("hid://0922:8003")


def test_missing_pyusb_makes_usb_unavailable(monkeypatch):
    monkeypatch.setitem(sys.modules, "usb", None)
    monkeypatch.setitem(sys.modules, "usb.core", None)
    with pytest.raises(ScaleUnavailable, match="pyusb"):
        open_scale("usb://0922:8003")


def fake_pyusb_without_backend(monkeypatch):
    class NoBackendError(ValueError):
        pass

    def find(**kwargs):
        raise NoBackendError("No backend available")

    core = types.SimpleNamespace(find=find, NoBackendError=NoBackendError)
    package = types.ModuleType("usb")
    package.core, package.util = core, types.SimpleNamespace()
    monkeypatch.setitem(sys.modules, "usb", package)
    monkeypatch.setitem(sys.modules, "usb.core", core)
    monkeypatch.setitem(sys.modules, "usb.util", package.util)
    monkeypatch.setitem(sys.modules, "libusb_package", None)


def test_missing_libusb_makes_usb_unavailable(monkeypatch):
    fake_pyusb_without_backend(monkeypatch)
    with pytest.raises(ScaleUnavailable, match="libusb"):
        open_scale("usb://0922:8003")
