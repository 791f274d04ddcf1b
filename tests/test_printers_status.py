"""Status replies: pure parsers, table-tested byte by byte."""
import pytest

from app.devices.printers.status import parse_escpos_status, parse_tspl_status, parse_zpl_host_status

OK = (None, False, False)


@pytest.mark.parametrize("reply,expected", [
    (b"\x12\x12\x12", OK),
    (b"\x16\x12\x12", OK),                                   # drawer pin high: not a problem
    (b"\x1a\x12\x12", ("offline", False, False)),             # n=1 bit 3
    (b"\x1a\x16\x12", ("cover_open", False, False)),          # n=2 bit 2
    (b"\x1a\x32\x12", ("no_paper", False, False)),            # n=2 bit 5: stopped at paper end
    (b"\x12\x12\x72", ("no_paper", False, False)),            # n=4 bits 5+6: paper end
    (b"\x12\x12\x1e", (None, False, True)),                   # n=4 bits 2+3: near end
    (b"\x1a\x52\x12", ("failed", False, False)),              # n=2 bit 6: error
    (b"\x1a\x36\x7e", ("no_paper", False, True)),             # paper beats cover in priority
])
def test_escpos_dle_eot_replies(reply, expected):
    status = parse_escpos_status(reply)
    assert (status.problem, status.busy, status.paper_low) == expected
    assert status.ready == (expected[0] is None)


@pytest.mark.parametrize("reply", [b"", b"\x12\x12", b"\x00\x12\x12", b"\x12\x12\x13", b"\x92\x12\x12", b"ABC"])
def test_escpos_non_status_replies(reply):
    assert parse_escpos_status(reply) is None


@pytest.mark.parametrize("byte,problem,busy", [
    (0x00, None, False),
    (0x20, None, True),
    (0x01, "cover_open", False),
    (0x40, "cover_open", False),
    (0x02, "failed", False),
    (0x03, "cover_open", False),
    (0x04, "no_paper", False),
    (0x05, "no_paper", False),
    (0x08, "failed", False),
    (0x0C, "no_paper", False),
    (0x10, "offline", False),
    (0x80, "failed", False),
    (0x24, "no_paper", False),
])
def test_tspl_status_byte(byte, problem, busy):
    status = parse_tspl_status(bytes([byte]))
    assert (status.problem, status.busy) == (problem, busy)


@pytest.mark.parametrize("reply", [b"", b"\x00\x00"])
def test_tspl_non_status_replies(reply):
    assert parse_tspl_status(reply) is None


def _hs(paper="0", pause="0", head="0", ribbon="0") -> bytes:
    return (f"\x02030,{paper},{pause},1245,000,0,0,0,000,0,0,0\x03\r\n"
            f"\x02001,0,{head},{ribbon},1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n").encode()


@pytest.mark.parametrize("reply,problem", [
    (_hs(), None),
    (_hs(paper="1"), "no_paper"),
    (_hs(pause="1"), "offline"),
    (_hs(head="1"), "cover_open"),
    (_hs(ribbon="1"), "failed"),
    (_hs(paper="1", head="1"), "no_paper"),
    (b"", "unknown"),
    (b"\x02garbage\x03", "unknown"),
])
def test_zpl_host_status(reply, problem):
    status = parse_zpl_host_status(reply)
    assert (status.problem if status else "unknown") == problem
