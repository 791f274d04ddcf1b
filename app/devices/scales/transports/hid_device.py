"""USB HID POS scales through hidapi (PyPI ``hidapi``; ``hid`` ctypes bindings work too).

Imported lazily: without the library the ``hid://`` transport reports ``ScaleUnavailable``.
"""
from __future__ import annotations

import importlib
import sys
from types import ModuleType

from ..errors import ScaleUnavailable, TransportLost
from .base import Transport

SCALE_USAGE_PAGE = 0x8D
REPORT_MAX = 64
MISSING = "HID scales need the hidapi library (pip install hidapi)"


def load_hidapi() -> ModuleType:
    """The hidapi module; on Linux the hidraw backend is preferred over libusb's."""
    names = ("hidraw", "hid") if sys.platform.startswith("linux") else ("hid",)
    for name in names:
        try:
            module = importlib.import_module(name)
        except (ImportError, OSError):  # the ctypes binding raises ImportError without libhidapi
            continue
        if hasattr(module, "enumerate"):
            return module
    raise ScaleUnavailable(MISSING)


class HidTransport(Transport):
    def __init__(self, vid: int, pid: int, **kwargs) -> None:
        super().__init__(f"{vid:04x}:{pid:04x}", **kwargs)
        self.vid, self.pid = vid, pid
        self._hid = load_hidapi()
        self._errors = (OSError, ValueError, getattr(self._hid, "HIDException", OSError))
        self._dev = None

    def _open(self) -> None:
        found = self._hid.enumerate(self.vid, self.pid)
        if not found:
            raise OSError(f"HID device {self.name} not found (unplugged, or no permission: see udev rules)")
        chosen = next((d for d in found if d.get("usage_page") == SCALE_USAGE_PAGE), found[0])
        try:
            if hasattr(self._hid, "device"):  # cython-hidapi
                self._dev = self._hid.device()
                self._dev.open_path(chosen["path"])
            else:  # ctypes "hid" package
                self._dev = self._hid.Device(path=chosen["path"])
        except self._errors as exc:
            self._dev = None
            raise OSError(f"cannot open HID device {self.name}: {exc}") from exc

    def _read(self) -> bytes:
        try:
            return bytes(self._dev.read(REPORT_MAX, int(self.tick * 1000)) or b"")
        except self._errors as exc:
            raise TransportLost(f"HID device {self.name} gone: {exc}") from exc

    def _write(self, data: bytes) -> None:
        try:
            self._dev.write(bytes(data))
        except self._errors as exc:
            raise TransportLost(f"HID device {self.name} gone: {exc}") from exc

    def _close(self) -> None:
        if self._dev is not None:
            try:
                self._dev.close()
            except self._errors:
                pass
            self._dev = None
