"""USB HID POS scales through pyusb (fallback when hidapi is missing): interrupt IN endpoint.

pyusb and its libusb backend are loaded lazily; without them ``usb://`` reports ``ScaleUnavailable``.
"""
from __future__ import annotations

import errno
from types import SimpleNamespace

from ..errors import ScaleUnavailable, TransportLost
from .base import Transport

HID_CLASS = 3
NO_BACKEND = ("USB scales need libusb-1.0: install the libusb-1.0-0 system package "
              "(or pip install libusb-package)")


def load_pyusb() -> SimpleNamespace:
    """pyusb's modules and a backend; raises ScaleUnavailable when either is missing."""
    try:
        import usb.core
        import usb.util
    except ImportError:
        raise ScaleUnavailable("USB scales need pyusb (pip install pyusb)") from None
    backend = None
    try:
        import libusb_package  # bundles libusb for machines without a system copy

        backend = libusb_package.get_libusb1_backend()
    except ImportError:
        pass
    try:
        usb.core.find(backend=backend)
    except usb.core.NoBackendError:
        raise ScaleUnavailable(NO_BACKEND) from None
    return SimpleNamespace(core=usb.core, util=usb.util, backend=backend)


class UsbTransport(Transport):
    def __init__(self, vid: int, pid: int, **kwargs) -> None:
        super().__init__(f"{vid:04x}:{pid:04x}", **kwargs)
        self.vid, self.pid = vid, pid
        self._usb = load_pyusb()
        self._dev = self._endpoint = None
        self._interface = 0
        self._detached = False

    def _open(self) -> None:
        core, util = self._usb.core, self._usb.util
        dev = core.find(idVendor=self.vid, idProduct=self.pid, backend=self._usb.backend)
        if dev is None:
            raise OSError(f"USB device {self.name} not found")
        try:
            try:
                config = dev.get_active_configuration()
            except core.USBError:
                dev.set_configuration()
                config = dev.get_active_configuration()
            for intf in config:
                endpoint = util.find_descriptor(intf, custom_match=lambda e: (
                    util.endpoint_direction(e.bEndpointAddress) == util.ENDPOINT_IN
                    and util.endpoint_type(e.bmAttributes) == util.ENDPOINT_TYPE_INTR))
                if endpoint is not None and intf.bInterfaceClass == HID_CLASS:
                    break
            else:
                raise OSError(f"USB device {self.name} has no HID interrupt IN endpoint")
            self._interface = intf.bInterfaceNumber
            try:
                if dev.is_kernel_driver_active(self._interface):
                    dev.detach_kernel_driver(self._interface)
                    self._detached = True
            except (NotImplementedError, core.USBError):
                pass  # not on Linux, or nothing to detach
            util.claim_interface(dev, self._interface)
        except core.USBError as exc:
            util.dispose_resources(dev)
            raise OSError(f"cannot open USB device {self.name}: {exc}") from exc
        self._dev, self._endpoint = dev, endpoint

    def _read(self) -> bytes:
        core = self._usb.core
        try:
            return bytes(self._endpoint.read(self._endpoint.wMaxPacketSize, int(self.tick * 1000)))
        except core.USBTimeoutError:
            return b""
        except core.USBError as exc:
            if exc.errno == errno.ETIMEDOUT:
                return b""
            raise TransportLost(f"USB device {self.name} gone: {exc}") from exc

    def _write(self, data: bytes) -> None:
        # HID SET_REPORT (output report, its ID in the first byte) on the control pipe
        try:
            self._dev.ctrl_transfer(0x21, 0x09, 0x0200 | data[0], self._interface, data)
        except self._usb.core.USBError as exc:
            raise TransportLost(f"USB device {self.name} gone: {exc}") from exc

    def _close(self) -> None:
        if self._dev is None:
            return
        util, core = self._usb.util, self._usb.core
        try:
            util.release_interface(self._dev, self._interface)
            if self._detached:
                self._dev.attach_kernel_driver(self._interface)
        except (core.USBError, NotImplementedError):
            pass
        util.dispose_resources(self._dev)
        self._dev = self._endpoint = None
        self._detached = False
