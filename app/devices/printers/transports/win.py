"""A Windows printer (``win://NAME``) fed a RAW job through the spooler with pywin32.

Printers on v4/XPS class drivers may refuse RAW; a "Generic / Text Only" driver on the same port
is the usual cure.
"""
from __future__ import annotations

import sys

from app.devices.printers.errors import PrinterError, PrinterUnavailable


class WinTransport:
    def __init__(self, printer: str) -> None:
        self.printer = printer
        self.name = f"win://{printer}"

    def _win32print(self):
        if sys.platform != "win32":
            raise PrinterUnavailable(f"{self.name}: Windows printers can only be used on Windows")
        try:
            import win32print  # type: ignore[import-not-found]  # pywin32, Windows only
        except ImportError as exc:
            raise PrinterUnavailable(f"{self.name}: pywin32 is not installed") from exc
        return win32print

    def send(self, data: bytes) -> None:
        win32print = self._win32print()
        try:
            handle = win32print.OpenPrinter(self.printer)
        except Exception as exc:  # pywintypes.error: no such printer, access denied
            raise PrinterUnavailable(f"cannot open Windows printer {self.printer!r}: {exc}") from exc
        try:
            win32print.StartDocPrinter(handle, 1, ("packdesk label", None, "RAW"))
            try:
                win32print.StartPagePrinter(handle)
                win32print.WritePrinter(handle, data)
                win32print.EndPagePrinter(handle)
            finally:
                win32print.EndDocPrinter(handle)
        except Exception as exc:  # pywintypes.error
            raise PrinterError(f"Windows spooler refused the job for {self.printer!r}: {exc}") from exc
        finally:
            win32print.ClosePrinter(handle)

    def close(self) -> None:
        """Nothing stays open between jobs."""
