"""What can go wrong with a printer, as exceptions that carry a ``kind`` code.

The message is English text for logs and the CLI; the UI picks its translated text by ``kind``.
Every transport turns its library's exceptions into one of these, so callers catch one type.
"""
from __future__ import annotations

# kind codes the UI translates (keep in step with app.messages when adding one)
KINDS = ("offline", "refused", "reset", "timeout", "no_paper", "cover_open", "unavailable", "failed")


class PrinterError(Exception):
    """A print job could not be delivered or printed; ``kind`` says why in one word."""

    kind = "failed"

    def __init__(self, message: str, *, kind: str | None = None) -> None:
        super().__init__(message)
        if kind is not None:
            if kind not in KINDS:
                raise ValueError(f"unknown printer error kind {kind!r}")
            self.kind = kind

    @property
    def message(self) -> str:
        return str(self)


class PrinterOffline(PrinterError):
    """Not reachable or not ready: unplugged, switched off, paused, host unreachable."""

    kind = "offline"


class PrinterRefused(PrinterError):
    """The host answered but nothing listens on the port (printer busy rebooting, wrong port)."""

    kind = "refused"


class PrinterReset(PrinterError):
    """The connection dropped while the job was sent: the label may be printed partly or not."""

    kind = "reset"


class PrinterTimeout(PrinterError):
    """The printer stopped taking data (buffer full, asleep, cable pulled mid-job)."""

    kind = "timeout"


class PrinterNoPaper(PrinterError):
    kind = "no_paper"


class PrinterCoverOpen(PrinterError):
    kind = "cover_open"


class PrinterUnavailable(PrinterError):
    """This machine cannot reach that kind of printer at all: missing driver, library or permission."""

    kind = "unavailable"


class JobDecodeError(ValueError):
    """Printer job bytes that a decoder cannot turn back into pixels (says where and why)."""
