"""A printer = a profile (how to encode) + a transport (where the bytes go), made from a device URI.

Not thread-safe: one thread owns a Printer (the station's print worker).
"""
from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote

from app.devices.printers.bitmap import Bitmap
from app.devices.printers.decode import encode_job
from app.devices.printers.errors import (
    PrinterCoverOpen,
    PrinterError,
    PrinterNoPaper,
    PrinterOffline,
)
from app.devices.printers.profile import PrinterProfile, profile_from_uri
from app.devices.printers.status import QUERIES, PrinterStatus
from app.devices.printers.transports.base import Transport
from app.devices.uri import DeviceUri, parse_device_uri

log = logging.getLogger("packdesk.devices.printer")

BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400)
_PROBLEMS = {"no_paper": PrinterNoPaper, "cover_open": PrinterCoverOpen, "offline": PrinterOffline}


class Printer:
    def __init__(self, profile: PrinterProfile, transport: Transport, *, status_timeout: float = 0.5) -> None:
        self.profile = profile
        self.transport = transport
        self.status_timeout = status_timeout
        self._answers_status: bool | None = None  # None: not asked yet; False: printer stays silent

    @property
    def name(self) -> str:
        return self.transport.name

    def encode(self, bitmap: Bitmap) -> bytes:
        return encode_job(bitmap, self.profile)

    def status(self) -> PrinterStatus | None:
        """Ask the printer how it is; None when the language or link cannot tell or it stays silent."""
        query = QUERIES.get(self.profile.lang)
        ask = getattr(self.transport, "query", None)
        if query is None or ask is None:
            return None
        data, parse, complete = query
        reply = ask(data, reply_timeout=self.status_timeout, complete=complete)
        status = parse(reply)
        if status is None and reply:
            log.debug("%s: unexpected status reply %r", self.name, reply[:64])
        return status

    def probe(self) -> str | None:
        """How the printer is now, for a person before the first label: ``"connected"`` (it answered,
        or its link took the question), an ``errors.KINDS`` code, or None when its language or link
        cannot be asked (a file, CUPS, a spooler)."""
        if QUERIES.get(self.profile.lang) is None or getattr(self.transport, "query", None) is None:
            return None
        try:
            status = self.status()
        except PrinterError as exc:
            return exc.kind
        return status.problem if status is not None and not status.ready else "connected"

    def check_ready(self) -> None:
        """Raise the PrinterError a packer should see when the printer says it cannot print now.

        A printer that does not answer the first status query is not asked again.
        """
        if self._answers_status is False:
            return
        status = self.status()
        if status is None:
            if self._answers_status is None:
                log.info("%s does not report its status; printing without checking", self.name)
            self._answers_status = False
            return
        self._answers_status = True
        if not status.ready:
            raise _PROBLEMS.get(status.problem, PrinterError)(f"{self.name}: {status.detail}")
        if status.paper_low:
            log.warning("%s: paper is running low", self.name)

    def send_job(self, job: bytes) -> None:
        log.info("%s: sending %d bytes (%s)", self.name, len(job), self.profile.lang)
        self.transport.send(job)

    def print_bitmap(self, bitmap: Bitmap) -> None:
        """Print one label: check status where the printer tells it, encode, send."""
        self.check_ready()
        self.send_job(self.encode(bitmap))

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _transport(uri: DeviceUri, profile: PrinterProfile, sim_dir: str | Path | None) -> Transport:
    # Transports import their optional libraries on first use; importing them here is cheap.
    if uri.scheme == "tcp":
        from app.devices.printers.transports.tcp import TcpTransport
        return TcpTransport(*uri.host_port(default_port=9100))
    if uri.scheme == "usb":
        from app.devices.printers.transports.usb import UsbTransport
        return UsbTransport(*uri.vid_pid())
    if uri.scheme == "serial":
        from app.devices.printers.transports.serial_port import SerialTransport
        return SerialTransport(uri.target, baud=uri.integer("baud", 9600, allowed=BAUDS))
    if uri.scheme == "file":
        from app.devices.printers.transports.file import FileTransport
        return FileTransport(uri.target)
    if uri.scheme == "cups":
        from app.devices.printers.transports.cups import CupsTransport
        return CupsTransport(unquote(uri.target))
    if uri.scheme == "win":
        from app.devices.printers.transports.win import WinTransport
        return WinTransport(unquote(uri.target))
    from app.devices.printers.transports.sim import SimTransport
    return SimTransport(profile, sim_dir)


def open_printer(uri_text: str, *, sim_dir: str | Path | None = None) -> Printer:
    """The printer a device URI names (DeviceUriError when the URI is wrong). Opens no link yet.

    ``sim_dir``: where a ``sim://`` printer saves its PNGs (e.g. ``<data_dir>/printed``); without
    it the simulated printer keeps the labels in memory only.
    """
    uri = parse_device_uri(uri_text)
    profile = profile_from_uri(uri)
    return Printer(profile, _transport(uri, profile, sim_dir))
