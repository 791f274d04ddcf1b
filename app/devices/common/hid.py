"""USB HID POS devices through hidapi (PyPI ``hidapi``; the ctypes ``hid`` package works too).

The library is imported lazily by ``find_hidapi``; each device kind turns a missing library
into its own "unavailable" error with one clear message.
"""
from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

from .errors import TransportLost
from .transport import Transport

REPORT_MAX = 64


def find_hidapi() -> ModuleType | None:
    """The hidapi module, or None; on Linux the hidraw backend is preferred over libusb's."""
    names = ("hidraw", "hid") if sys.platform.startswith("linux") else ("hid",)
    for name in names:
        try:
            module = importlib.import_module(name)
        except (ImportError, OSError):  # the ctypes binding raises ImportError without libhidapi
            continue
        if hasattr(module, "enumerate"):
            return module
    return None


class HidTransport(Transport):
    """One HID interface of ``vid:pid``: the one on ``usage_page`` when the backend tells usages.

    With ``strict`` a device whose interfaces all report other usage pages is not opened
    (a scanner left in keyboard mode); otherwise the first interface is taken.
    """

    def __init__(self, vid: int, pid: int, *, hid: ModuleType, usage_page: int, strict: bool = False,
                 **kwargs) -> None:
        super().__init__(f"{vid:04x}:{pid:04x}", **kwargs)
        self.vid, self.pid = vid, pid
        self.usage_page, self.strict = usage_page, strict
        self._hid = hid
        self._errors = (OSError, ValueError, getattr(hid, "HIDException", OSError))
        self._dev = None

    def _choose(self, found: list[dict[str, Any]]) -> dict[str, Any]:
        chosen = next((d for d in found if d.get("usage_page") == self.usage_page), None)
        if chosen is not None:
            return chosen
        if self.strict and all(d.get("usage_page") for d in found):
            pages = ", ".join(sorted({f"0x{d['usage_page']:02X}" for d in found}))
            raise OSError(f"HID device {self.name} has no usage page 0x{self.usage_page:02X} interface "
                          f"(only {pages}): switch it to HID POS mode")
        return found[0]

    def _open(self) -> None:
        found = self._hid.enumerate(self.vid, self.pid)
        if not found:
            raise OSError(f"HID device {self.name} not found (unplugged, or no permission: see udev rules)")
        chosen = self._choose(found)
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

    def send_feature_report(self, data: bytes) -> bool:
        """Best effort (e.g. a mode switch); False when the device or backend refuses it."""
        self._check_owner()
        send = getattr(self._dev, "send_feature_report", None)
        if send is None:
            return False
        try:
            send(bytes(data))
        except self._errors:
            return False
        return True

    def _close(self) -> None:
        if self._dev is not None:
            try:
                self._dev.close()
            except self._errors:
                pass
            self._dev = None
