"""A USB printer driven directly with pyusb (``usb://VID:PID``): bulk OUT endpoint of the
printer-class interface (class 7), bulk IN for status when the printer has one.

pyusb is imported on first use; without a libusb backend the printer reports one clear
"unavailable" error. On Linux the usblp kernel driver is detached (``file:/dev/usb/lp0`` is the
alternative that keeps it); on Windows the printer must be bound to WinUSB (Zadig), so prefer
``win://`` there.
"""
from __future__ import annotations

import errno
import logging
from collections.abc import Callable

from app.devices.printers.errors import PrinterError, PrinterOffline, PrinterTimeout, PrinterUnavailable

log = logging.getLogger("packdesk.devices.printer.usb")

PRINTER_CLASS = 7


class UsbTransport:
    def __init__(self, vid: int, pid: int, *, timeout_ms: int = 30000, find: Callable | None = None) -> None:
        self.vid, self.pid, self.timeout_ms = vid, pid, timeout_ms
        self.name = f"usb://{vid:04x}:{pid:04x}"
        self._find = find  # usb.core.find unless a test hands in another
        self._device = None
        self._out = None
        self._in = None

    def _usb(self):
        try:
            import usb.core
            import usb.util
        except ImportError as exc:
            raise PrinterUnavailable("pyusb is not installed") from exc
        return usb

    def _open(self) -> None:
        if self._out is not None:
            return
        usb = self._usb()
        try:
            device = (self._find or usb.core.find)(idVendor=self.vid, idProduct=self.pid)
        except usb.core.NoBackendError as exc:
            raise PrinterUnavailable(
                "no libusb backend for pyusb: install libusb-1.0 (Linux: apt-get install libusb-1.0-0)"
            ) from exc
        if device is None:
            raise PrinterOffline(f"no USB device {self.vid:04x}:{self.pid:04x}: is the printer on and plugged in?")
        try:
            config = device.get_active_configuration()
            interfaces = list(config)
            intf = next((i for i in interfaces if i.bInterfaceClass == PRINTER_CLASS), interfaces[0])
            self._detach_kernel_driver(device, intf.bInterfaceNumber)
            out_ep, in_ep = _bulk_endpoints(usb, intf)
        except usb.core.USBError as exc:
            raise self._error(exc, "opening the printer") from exc
        if out_ep is None:
            raise PrinterUnavailable(f"USB device {self.vid:04x}:{self.pid:04x} has no bulk OUT endpoint")
        self._device, self._out, self._in = device, out_ep, in_ep

    @staticmethod
    def _detach_kernel_driver(device, number: int) -> None:
        try:
            if device.is_kernel_driver_active(number):
                device.detach_kernel_driver(number)
        except NotImplementedError:  # not on this platform/backend
            pass

    def _error(self, exc: Exception, doing: str) -> PrinterError:
        self.close()
        code = getattr(exc, "errno", None)
        if code == errno.ETIMEDOUT or type(exc).__name__ == "USBTimeoutError":
            return PrinterTimeout(f"USB printer {self.name} stopped taking data while {doing}")
        if code == errno.EACCES:
            return PrinterUnavailable(f"no permission for USB printer {self.name}: add a udev rule (TAG+=\"uaccess\")")
        if code in (errno.ENODEV, errno.ENOENT, errno.EIO):
            return PrinterOffline(f"USB printer {self.name} went away while {doing}")
        return PrinterError(f"USB printer {self.name}: {exc} while {doing}")

    def send(self, data: bytes) -> None:
        self._open()
        usb = self._usb()
        try:
            self._out.write(data, self.timeout_ms)
        except usb.core.USBError as exc:
            raise self._error(exc, "sending the label") from exc

    def query(self, data: bytes, *, reply_timeout: float, complete: Callable[[bytes], bool]) -> bytes:
        self._open()
        if self._in is None:
            return b""
        usb = self._usb()
        reply = b""
        try:
            self._out.write(data, self.timeout_ms)
            while not complete(reply):
                reply += bytes(self._in.read(self._in.wMaxPacketSize, int(reply_timeout * 1000)))
        except usb.core.USBTimeoutError:
            pass
        except usb.core.USBError as exc:
            raise self._error(exc, "asking for its status") from exc
        return reply

    def close(self) -> None:
        device, self._device, self._out, self._in = self._device, None, None, None
        if device is not None:
            try:
                self._usb().util.dispose_resources(device)
            except Exception as exc:  # an unplugged device may fail to release; nothing to do
                log.debug("releasing %s: %s", self.name, exc)


def _bulk_endpoints(usb, intf):
    def bulk(direction):
        return usb.util.find_descriptor(
            intf,
            custom_match=lambda e: usb.util.endpoint_type(e.bmAttributes) == usb.util.ENDPOINT_TYPE_BULK
            and usb.util.endpoint_direction(e.bEndpointAddress) == direction,
        )
    return bulk(usb.util.ENDPOINT_OUT), bulk(usb.util.ENDPOINT_IN)
