"""Serial (USB-COM / CDC-ACM / RS-232) scanners: line framing as a pure table, then the reader
end to end through a raw pty pair, including a pulled cable."""
import logging

import pytest

from app.devices.common.serial_port import SerialTransport
from app.devices.scanners import LineFramer, Scan, ScannerReader, WrongThread, open_scanner
from scanners_helpers import GS, LONG_CODE, Collector, PtyScanner

FAST = dict(backoff=(0.02, 0.1))
MARKING = LONG_CODE.encode()


@pytest.mark.parametrize("suffix,chunks,expected", [
    ("auto", [b"4006381333931\r"], [b"4006381333931"]),
    ("auto", [b"4006381333931\n"], [b"4006381333931"]),
    ("auto", [b"40063\r\n8133\r\n"], [b"40063", b"8133"]),
    ("auto", [b"400638", b"1333931\r", b"\nOZN1\r"], [b"4006381333931", b"OZN1"]),
    ("cr", [b"A\nB\r"], [b"A\nB"]),  # LF is data with suffix=cr (normalize_scan then rejects it)
    ("cr", [b"OZN1\r\nOZN2\r\n"], [b"OZN1", b"\nOZN2"]),  # a CRLF scanner: the LF leads the next code
    ("lf", [b"OZN1\r\n"], [b"OZN1\r"]),
    ("crlf", [b"OZN1\rX\r\n"], [b"OZN1\rX"]),
    ("tab", [b"OZN1\tOZN2\t"], [b"OZN1", b"OZN2"]),
    ("auto", [MARKING + b"\r"], [MARKING]),  # GS is data
    ("none", [b"OZN1\r"], []),  # ends only after a pause (expire)
])
def test_line_framer(suffix, chunks, expected):
    framer = LineFramer(suffix)
    got = []
    for i, chunk in enumerate(chunks):
        got += [code for code, _ in framer.feed(chunk, 10.0 + i * 0.01)]
    assert got == expected
    assert framer.notes == []


def test_line_framer_without_suffix_ends_a_code_after_a_pause():
    framer = LineFramer("none", idle_timeout=0.1)
    assert framer.feed(b"4006381", 1.0) == [] and framer.feed(b"333931", 1.05) == []
    assert framer.expire(1.14) == []
    assert framer.expire(1.16) == [(b"4006381333931", None)]
    assert framer.expire(5.0) == []


def test_line_framer_reports_a_code_whose_suffix_never_came():
    framer = LineFramer("lf", stale_timeout=2.0)
    framer.feed(b"OZN1\r", 1.0)  # a CR scanner, configured as LF
    framer.expire(2.9)
    assert framer.notes == []
    framer.expire(3.0)
    assert "check suffix=" in framer.notes.pop()
    framer.feed(b"\r\n", 4.0)  # a leftover line end alone is no problem
    framer.expire(10.0)
    assert framer.notes == []


@pytest.mark.parametrize("query,terminator", [
    ("", b"\r"), ("", b"\n"), ("", b"\r\n"),
    ("?suffix=cr", b"\r"), ("?suffix=cr", b"\r\n"),
    ("?suffix=lf", b"\n"), ("?suffix=lf", b"\r\n"),
    ("?suffix=crlf&baud=115200", b"\r\n"),
    ("?suffix=tab", b"\t"),
])
def test_serial_scanner_through_a_pty(query, terminator):
    got = Collector()
    with PtyScanner() as emu:
        with open_scanner(f"serial:{emu.path}{query}", on_scan=got.scan, on_state=got.state, **FAST):
            got.wait_state("connected")
            emu.send(MARKING[:40])  # a long code may arrive in pieces
            emu.send(MARKING[40:] + terminator)
            emu.send(b"4006381333931" + terminator)
            scans = got.wait_scans(2)
    assert scans == [Scan(LONG_CODE, "serial"), Scan("4006381333931", "serial")]
    assert scans[0].code.count(GS) == 2


def test_serial_scanner_without_suffix_ends_codes_by_pauses():
    got = Collector()
    with PtyScanner() as emu:
        with open_scanner(f"serial:{emu.path}?suffix=none", on_scan=got.scan, on_state=got.state, **FAST):
            got.wait_state("connected")
            emu.send(MARKING)
            got.wait_scans(1)
            emu.send(b"OZN123")
            scans = got.wait_scans(2)
    assert [s.code for s in scans] == [LONG_CODE, "OZN123"]


def test_control_characters_are_dropped_and_logged(caplog):
    caplog.set_level(logging.WARNING, logger="packdesk.devices")
    got = Collector()
    with PtyScanner() as emu:
        with open_scanner(f"serial:{emu.path}", on_scan=got.scan, on_state=got.state, **FAST):
            got.wait_state("connected")
            emu.send(b"\x02OZN\x031\r4006381333931\r")
            scans = got.wait_scans(1)
    assert scans == [Scan("4006381333931", "serial")]
    record = next(r for r in caplog.records if "U+0002" in r.getMessage())
    assert record.name == f"packdesk.devices.scanner[{emu.path}]"
    assert "02 4f 5a 4e 03 31" in record.getMessage()


def test_cable_pulled_then_replugged_at_the_same_path(tmp_path):
    """pull_cable() closes the pty (reads fail with EIO); replug() opens a new one behind the same
    symlink, as /dev/serial/by-id/... survives replugging a CDC-ACM scanner."""
    got = Collector()
    link = tmp_path / "ttyScanner"
    with PtyScanner(link=link) as emu:
        with open_scanner(f"serial:{link}", on_scan=got.scan, on_state=got.state, **FAST) as scanner:
            got.wait_state("connected")
            emu.send(b"OZN1\r")
            got.wait_scans(1)
            emu.pull_cable()
            lost = got.wait_state("disconnected:")
            emu.replug()
            got.wait_state("connected", after=got.states.index(lost))
            emu.send(MARKING + b"\r")
            scans = got.wait_scans(2)
            assert scanner.state == "connected"
    assert scans == [Scan("OZN1", "serial"), Scan(LONG_CODE, "serial")]
    assert got.states[-1] == "stopped"


def test_missing_port_is_retried_not_fatal(tmp_path):
    got = Collector()
    with open_scanner(f"serial:{tmp_path / 'nothing'}", on_scan=got.scan, on_state=got.state, **FAST):
        got.wait(lambda c: sum(s.startswith("disconnected:") for s in c.states) >= 1, what="a failed open")
    assert got.states[-1] == "stopped"


def test_the_port_is_owned_by_the_reader_thread():
    made = []
    got = Collector()
    with PtyScanner() as emu:
        def make():
            made.append(SerialTransport(emu.path, baud=9600))
            return made[-1]

        with ScannerReader(make, LineFramer, source="serial", port=emu.path, on_scan=got.scan, on_state=got.state):
            got.wait_state("connected")
            for call in (made[-1].read, made[-1].close, lambda: made[-1].write(b"x")):
                with pytest.raises(WrongThread):
                    call()
            emu.send(b"OZN1\r")
            assert got.wait_scans(1) == [Scan("OZN1", "serial")]


@pytest.mark.expect_errors("packdesk.devices.scanner")  # a listener's bug: logged, the scanner goes on
def test_a_broken_listener_does_not_stop_the_scanner(caplog):
    caplog.set_level(logging.ERROR, logger="packdesk.devices")
    got = Collector()
    calls = []

    def listener(scan):
        calls.append(scan)
        if len(calls) == 1:
            raise ValueError("listener bug")
        got.scan(scan)

    with PtyScanner() as emu:
        with open_scanner(f"serial:{emu.path}", on_scan=listener, on_state=got.state, **FAST):
            got.wait_state("connected")
            emu.send(b"OZN1\rOZN2\r")
            assert got.wait_scans(1) == [Scan("OZN2", "serial")]
    assert "scanner callback failed" in caplog.text
