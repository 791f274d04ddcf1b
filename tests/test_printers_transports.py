"""Transports: byte-exact delivery and each failure turned into a PrinterError with a kind."""
import os
import socket
import stat
import sys
import threading
import tty
from types import SimpleNamespace

import pytest
import usb.core

from app.devices.printers import (
    PrinterError,
    PrinterNoPaper,
    PrinterOffline,
    PrinterRefused,
    PrinterReset,
    PrinterTimeout,
    PrinterUnavailable,
    open_printer,
)
from app.devices.printers.transports.cups import CupsTransport
from app.devices.printers.transports.file import FileTransport
from app.devices.printers.transports.serial_port import SerialTransport
from app.devices.printers.transports.tcp import TcpTransport
from app.devices.printers.transports.usb import UsbTransport
from app.devices.printers.transports.win import WinTransport
from printers_helpers import SAMPLES, CaptureServer, wait_until

LABEL = SAMPLES["label-203"]
BIG = os.urandom(16 * 1024 * 1024)  # more than the kernel buffers a stalled peer


# --- TCP ----------------------------------------------------------------------------------------
def test_tcp_job_arrives_byte_exact_after_a_status_check():
    with CaptureServer(replies={b"\x1b!?": b"\x00"}) as server:
        printer = open_printer(f"tcp://127.0.0.1:{server.port}?lang=tspl")
        printer.print_bitmap(LABEL)
        query, job = server.wait_for(2)
    assert query == b"\x1b!?"
    assert job == printer.encode(LABEL)


def test_tcp_printer_out_of_paper_gets_no_job():
    with CaptureServer(replies={b"\x10\x04\x01\x10\x04\x02\x10\x04\x04": b"\x12\x32\x72"}) as server:
        printer = open_printer(f"tcp://127.0.0.1:{server.port}?lang=escpos")
        with pytest.raises(PrinterNoPaper) as caught:
            printer.print_bitmap(LABEL)
        assert caught.value.kind == "no_paper"
        assert server.wait_for(1) == [b"\x10\x04\x01\x10\x04\x02\x10\x04\x04"]


def test_tcp_silent_printer_is_asked_once_then_printed_to():
    with CaptureServer() as server:
        printer = open_printer(f"tcp://127.0.0.1:{server.port}?lang=zpl")
        printer.status_timeout = 0.05
        printer.print_bitmap(LABEL)
        printer.print_bitmap(LABEL)
        connections = server.wait_for(3)
    assert connections == [b"~HS", printer.encode(LABEL), printer.encode(LABEL)]


def test_tcp_refused():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    with pytest.raises(PrinterRefused) as caught:
        TcpTransport("127.0.0.1", port).send(b"x")
    assert caught.value.kind == "refused" and str(port) in str(caught.value)


def test_tcp_reset_mid_job():
    with CaptureServer(mode="reset") as server:
        with pytest.raises(PrinterReset) as caught:
            TcpTransport("127.0.0.1", server.port).send(BIG)
    assert caught.value.kind == "reset"


def test_tcp_stalled_printer_times_out():
    with CaptureServer() as server:
        listener = socket.socket()  # a listener that never accepts nor reads
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        try:
            transport = TcpTransport("127.0.0.1", listener.getsockname()[1], send_timeout=0.3)
            with pytest.raises(PrinterTimeout) as caught:
                transport.send(BIG)
        finally:
            listener.close()
        assert caught.value.kind == "timeout"
        assert server.connections == []


def test_tcp_unknown_host_is_offline():
    with pytest.raises(PrinterOffline):
        TcpTransport("no-such-printer.invalid", 9100, connect_timeout=2).send(b"x")


# --- file ---------------------------------------------------------------------------------------
def test_file_transport_appends_jobs(tmp_path):
    target = tmp_path / "jobs.bin"
    printer = open_printer(f"file:{target}?lang=epl")
    printer.print_bitmap(LABEL)
    printer.print_bitmap(SAMPLES["checker"])
    assert target.read_bytes() == printer.encode(LABEL) + printer.encode(SAMPLES["checker"])


def test_file_transport_errors(tmp_path):
    with pytest.raises(PrinterOffline):
        FileTransport(tmp_path / "missing-dir" / "lp0").send(b"x")
    with pytest.raises(PrinterError) as caught:
        FileTransport(tmp_path).send(b"x")  # a directory
    assert caught.value.kind == "failed"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anything")
def test_file_transport_permission(tmp_path):
    target = tmp_path / "lp0"
    target.write_bytes(b"")
    target.chmod(stat.S_IRUSR)
    with pytest.raises(PrinterUnavailable):
        FileTransport(target).send(b"x")


# --- serial -------------------------------------------------------------------------------------
@pytest.fixture
def pty_printer():
    """A raw pty pair: the transport opens the slave; a thread plays the printer on the master."""
    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)
    received = bytearray()
    stop = threading.Event()

    def printer():
        while not stop.is_set():
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            received.extend(chunk)
            if bytes(received).endswith(b"\x1b!?"):
                os.write(master, b"\x04")  # out of paper

    thread = threading.Thread(target=printer, daemon=True)
    thread.start()
    yield os.ttyname(slave), received
    stop.set()
    os.close(slave)
    os.close(master)
    thread.join(5)


def test_serial_job_arrives_byte_exact(pty_printer):
    path, received = pty_printer
    transport = SerialTransport(path, baud=115200)
    job = bytes(range(256)) * 64
    transport.send(job)
    transport.close()
    wait_until(lambda: len(received) >= len(job))
    assert bytes(received) == job


def test_serial_status_query(pty_printer):
    path, _ = pty_printer
    printer = open_printer(f"serial:{path}?lang=tspl")
    with pytest.raises(PrinterNoPaper):
        printer.print_bitmap(SAMPLES["checker"])
    printer.close()


def test_serial_missing_port_is_offline(tmp_path):
    with pytest.raises(PrinterOffline):
        SerialTransport(str(tmp_path / "ttyUSB9")).send(b"x")


# --- CUPS ---------------------------------------------------------------------------------------
def _fake_lp(tmp_path, body: str) -> str:
    script = tmp_path / "lp"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return str(script)


def test_cups_raw_job_goes_to_lp(tmp_path):
    lp = _fake_lp(tmp_path, f'echo "$@" > {tmp_path}/args\ncat > {tmp_path}/job\n')
    CupsTransport("XP365B", lp=lp).send(b"SIZE 75 mm\r\n\x00\xff")
    assert (tmp_path / "job").read_bytes() == b"SIZE 75 mm\r\n\x00\xff"
    assert (tmp_path / "args").read_text().split()[:4] == ["-d", "XP365B", "-o", "raw"]


@pytest.mark.parametrize("body,kind", [
    ('cat >/dev/null; echo "lp: The printer or class does not exist." >&2; exit 1\n', "unavailable"),
    ('cat >/dev/null; echo "lp: Unable to print: busy" >&2; exit 2\n', "failed"),
])
def test_cups_failures(tmp_path, body, kind):
    with pytest.raises(PrinterError) as caught:
        CupsTransport("XP365B", lp=_fake_lp(tmp_path, body)).send(b"x")
    assert caught.value.kind == kind


def test_cups_without_lp(tmp_path):
    with pytest.raises(PrinterUnavailable, match="cups-client"):
        CupsTransport("q", lp=str(tmp_path / "no-lp")).send(b"x")


# --- USB (no hardware: pyusb's find is replaced) -------------------------------------------------
class _Endpoint:
    def __init__(self, address, fail=None):
        self.bEndpointAddress, self.bmAttributes, self.wMaxPacketSize = address, 0x02, 64
        self.written, self.fail = bytearray(), fail

    def write(self, data, timeout):
        if self.fail:
            raise self.fail
        self.written.extend(data)
        return len(data)

    def read(self, size, timeout):
        return b"\x00"


class _Device:
    def __init__(self, out):
        self.out = out
        self.detached = []
        self.interfaces = [_Interface(3, 0, []), _Interface(7, 1, [_Endpoint(0x81), out])]
        self._ctx = SimpleNamespace(dispose=lambda device: None)  # what usb.util.dispose_resources calls

    def get_active_configuration(self):
        return self.interfaces

    def is_kernel_driver_active(self, number):
        return True

    def detach_kernel_driver(self, number):
        self.detached.append(number)


class _Interface(list):
    def __init__(self, cls, number, endpoints):
        super().__init__(endpoints)
        self.bInterfaceClass, self.bInterfaceNumber = cls, number


def test_usb_writes_to_the_printer_interface_bulk_out():
    device = _Device(_Endpoint(0x02))
    transport = UsbTransport(0x0FE6, 0x811E, find=lambda **ids: device)
    transport.send(b"^XA^XZ")
    assert bytes(device.out.written) == b"^XA^XZ"
    assert device.detached == [1]
    assert transport.query(b"\x1b!?", reply_timeout=0.1, complete=lambda r: len(r) >= 1) == b"\x00"
    transport.close()


@pytest.mark.parametrize("find,error", [
    (lambda **ids: (_ for _ in ()).throw(usb.core.NoBackendError("No backend available")), PrinterUnavailable),
    (lambda **ids: None, PrinterOffline),
    (lambda **ids: _Device(_Endpoint(0x02, fail=usb.core.USBTimeoutError("timeout", -7, 110))), PrinterTimeout),
    (lambda **ids: _Device(_Endpoint(0x02, fail=usb.core.USBError("no device", -4, 19))), PrinterOffline),
])
def test_usb_failures(find, error):
    with pytest.raises(error):
        UsbTransport(1, 2, find=find).send(b"x")


@pytest.mark.skipif(sys.platform == "win32", reason="checks the message off Windows")
def test_windows_printer_off_windows_is_unavailable():
    with pytest.raises(PrinterUnavailable) as caught:
        WinTransport("XP-365B").send(b"x")
    assert caught.value.kind == "unavailable"
    assert isinstance(open_printer("win://XP-365B").transport, WinTransport)

