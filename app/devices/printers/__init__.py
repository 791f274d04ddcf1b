"""Label printers: 1-bit bitmaps encoded for TSPL, ZPL, EPL or ESC/POS and sent over one transport.

    printer = open_printer("tcp://192.168.1.50:9100?lang=tspl&dpi=203", sim_dir=data_dir / "printed")
    printer.print_bitmap(bitmap)      # PrinterError (with .kind) when it cannot

Bitmaps for a label come from app.services.labels.render (PDF page -> Bitmap at the profile's dpi).
"""
from app.devices.printers.bitmap import Bitmap
from app.devices.printers.errors import (
    KINDS,
    JobDecodeError,
    PrinterCoverOpen,
    PrinterError,
    PrinterNoPaper,
    PrinterOffline,
    PrinterRefused,
    PrinterReset,
    PrinterTimeout,
    PrinterUnavailable,
)
from app.devices.printers.printer import Printer, open_printer
from app.devices.printers.profile import PrinterProfile, mm_to_dots, profile_from_uri
from app.devices.printers.status import PrinterStatus

__all__ = [
    "KINDS", "Bitmap", "JobDecodeError", "Printer", "PrinterCoverOpen", "PrinterError", "PrinterNoPaper",
    "PrinterOffline", "PrinterProfile", "PrinterRefused", "PrinterReset", "PrinterStatus", "PrinterTimeout",
    "PrinterUnavailable", "mm_to_dots", "open_printer", "profile_from_uri",
]
