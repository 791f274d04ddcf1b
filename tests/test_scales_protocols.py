"""Scale protocol parsers and splitters, table-driven on frames from the protocol notes."""
import math

import pytest

from app.devices.scales import PROTOCOLS, Reading, format_grams, to_grams
from app.devices.scales.protocols import cas, cas_stream, hidpos, massak100, massakj, shtrih, sics, toledo8217
from scale_emulators import massak_crc, massak_frame, shtrih_frame

H = bytes.fromhex
STX, CR = b"\x02", b"\r"

# (frame, grams, state) -- grams None: don't care (no number given)
HIDPOS = [
    (H("03 04 0B FF 31 00"), 138.9127, "stable"),  # Dymo M10: 49 x 10^-1 oz = 4.9 oz
    (H("03 04 02 00 E6 02"), 742.0, "stable"),  # 742 g
    (H("03 03 02 00 E6 02"), 742.0, "moving"),
    (H("03 02 02 00 00 00"), 0.0, "zero"),
    (H("03 05 02 00 0C 00"), -12.0, "negative"),  # under zero: magnitude with status 5
    (H("03 06 02 00 00 00"), None, "overload"),
    (H("03 04 03 FE 96 00"), 1500.0, "stable"),  # 150 x 10^-2 kg
    (H("03 04 0C FE 64 00"), 453.5924, "stable"),  # 1.00 lb
    (H("04 04 01 00 E8 03"), 1.0, "stable"),  # report ID 4, 1000 mg
    (H("03 01 02 00 00 00"), None, "invalid"),  # fault
    (H("03 07 02 00 00 00"), None, "invalid"),  # needs calibration
    (H("03 04 05 00 01 00"), None, "invalid"),  # tael: ambiguous unit
    (H("03 04 0B FF 31"), None, "invalid"),  # short
    (H("05 04 0B FF 31 00"), None, "invalid"),  # not a scale data report
]

SICS = [
    (b"S S     100.00 g", 100.0, "stable"),
    (b"S D      99.98 g", 99.98, "moving"),
    (b"S S       0.742 kg", 742.0, "stable"),
    (b"S S       0.00 g", 0.0, "zero"),
    (b"S S     -12.30 g", -12.3, "negative"),
    (b"S S       1.50 lb", 680.3886, "stable"),
    (b"S S       2.00 oz", 56.699, "stable"),
    (b"S I", None, "invalid"),
    (b"S +", None, "overload"),
    (b"S -", 0.0, "negative"),
    (b"ES", None, "invalid"),
    (b"ET", None, "invalid"),
    (b"EL", None, "invalid"),
    (b"S S     100.00 furlong", None, "invalid"),
    (b"S X     100.00 g", None, "invalid"),
    (b"S S     nan g", None, "invalid"),
    (b"S S     1e3 g", None, "invalid"),
    (b"#$%\xff", None, "invalid"),
]

TOLEDO = [
    (STX + b"  1.234", 1234.0, "stable"),
    (STX + b"  0.000", 0.0, "zero"),
    (STX + b" 12.5", 12500.0, "stable"),
    (STX + b"  2.50lb", 1133.981, "stable"),
    (STX + b"?\x61", 0.0, "moving"),  # status: in motion
    (STX + b"?\x62", None, "overload"),
    (STX + b"?\x64", 0.0, "negative"),  # under zero
    (STX + b"?\x70", 0.0, "zero"),  # centre of zero
    (STX + b"?\x68", None, "invalid"),  # outside zero capture range
    (STX + b"?", None, "invalid"),
    (STX + b"abc", None, "invalid"),
]

CAS_PD = [
    (b"  0.742", 742.0, "stable"),
    (STX + b"01.234", 1234.0, "stable"),  # ECR type 2: STX ... ETX
    (b"0.000", 0.0, "zero"),
    (b"-0.015", -15.0, "negative"),
    (b"?\x61", 0.0, "moving"),
    (b"kg kg", None, "invalid"),
]

CAS_STREAM = [
    (b"ST,GS,+  1.234kg", 1234.0, "stable"),
    (b"US,NT,+  0.500 kg", 500.0, "moving"),
    (b"ST,NT,-  0.010kg", -10.0, "negative"),
    (b"ST,GS,+  0.000kg", 0.0, "zero"),
    (b"ST,GS,01,+ 742.0 g", 742.0, "stable"),  # with a device number
    (b"ST,GS,+  1.50lb", 680.3886, "stable"),
    (b"OL,GS,+  -.---kg", None, "overload"),
    (b"XX,GS,+  1.234kg", None, "invalid"),
    (b"ST,GS,+  1.234", None, "invalid"),  # no unit
    (b"garbage", None, "invalid"),
]

# The captured Massa-K reply (VladStandard/WeightService, via the notes): zero, stable, zero flag
MASSAK_CAPTURED = H("F8 55 CE 0D 00 24 00 00 00 00 01 01 00 01 00 00 00 00 FC 23")


def mk(weight: int, division: int = 1, stable: int = 1, net: int = 0, zero: int = 0, tare: bool = True) -> bytes:
    body = bytes([0x24]) + weight.to_bytes(4, "little", signed=True) + bytes([division, stable, net, zero])
    return massak_frame(body + (bytes(4) if tare else b""))


MASSAK100 = [
    (MASSAK_CAPTURED, 0.0, "zero"),
    (mk(742), 742.0, "stable"),
    (mk(742, tare=False), 742.0, "stable"),  # Len 9: no tare field
    (mk(7425, division=0), 742.5, "stable"),  # 0.1 g division
    (mk(74, division=2), 740.0, "stable"),
    (mk(3, division=4), 3000.0, "stable"),
    (mk(742, stable=0), 742.0, "moving"),
    (mk(-15), -15.0, "negative"),
    (mk(742, division=9), None, "invalid"),
    (MASSAK_CAPTURED[:-2] + H("FC 24"), None, "invalid"),  # bad CRC
    (massak_frame(bytes([0x28, 0x17])), None, "invalid"),  # error reply
    (massak_frame(bytes([0xF0])), None, "invalid"),  # NACK
    (massak_frame(bytes([0x24, 1, 2])), None, "invalid"),  # weight reply too short
]

MASSAKJ = [
    (H("80 00 E6 02 00"), 742.0, "stable"),
    (H("C0 00 E6 02 00"), 742.0, "stable"),
    (H("00 00 E6 02 00"), 742.0, "moving"),
    (H("80 01 01 1D 00"), 742.5, "stable"),  # 0.1 g division: 7425
    (H("80 04 4A 00 00"), 740.0, "stable"),  # 10 g division
    (H("80 00 0F 00 80"), -15.0, "negative"),  # sign in bit 7 of the last byte
    (H("80 00 00 00 00"), 0.0, "zero"),
    (H("80 03 E6 02 00"), None, "invalid"),  # unknown division
    (H("42 00 E6 02 00"), None, "invalid"),
]


def sh(status: int, grams: int, tare: int = 0, error: int = 0) -> bytes:
    return shtrih_frame(0x3A, error, status.to_bytes(2, "little") + grams.to_bytes(4, "little", signed=True)
                        + tare.to_bytes(2, "little"))


SHTRIH = [
    (sh(0x0015, 742), 742.0, "stable"),  # fixed + channel on + stable
    (sh(0x0004, 742), 742.0, "moving"),
    (sh(0x0014, 0), 0.0, "zero"),
    (sh(0x001C, 500, tare=120), 500.0, "stable"),  # tare set
    (sh(0x0014, -20), -20.0, "negative"),
    (sh(0x0054, 0), None, "overload"),  # bit 6
    (sh(0x0104, -3), -3.0, "negative"),  # bit 8 underload
    (sh(0x0094, 0), None, "invalid"),  # bit 7 measuring error
    (sh(0x0214, 0), None, "invalid"),  # bit 9 ADC silent
    (sh(0x0014, 742, error=0x78), None, "invalid"),  # device error code
    (sh(0x0015, 742)[:-1] + b"\x00", None, "invalid"),  # bad LRC
    (shtrih_frame(0x3A, 0, b"\x00"), None, "invalid"),  # too short
]

TABLES = [
    (hidpos.parse, HIDPOS), (sics.parse, SICS), (toledo8217.parse, TOLEDO), (cas.parse, CAS_PD),
    (cas_stream.parse, CAS_STREAM), (massak100.parse, MASSAK100), (massakj.parse, MASSAKJ), (shtrih.parse, SHTRIH),
]
CASES = [(parse, frame, grams, state) for parse, table in TABLES for frame, grams, state in table]


@pytest.mark.parametrize("parse,frame,grams,state", CASES,
                         ids=[f"{p.__module__.rsplit('.', 1)[1]}-{f.hex()}" for p, f, _, _ in CASES])
def test_parse(parse, frame, grams, state):
    reading = parse(frame)
    assert isinstance(reading, Reading)
    assert reading.state == state, reading.detail
    assert reading.raw == frame
    if grams is not None:
        assert math.isclose(reading.grams, grams, abs_tol=1e-3), reading
    if state == "invalid":
        assert reading.detail


@pytest.mark.parametrize("parse,frame", [
    (sics.parse, b"Z A"),  # reply to zero
    (sics.parse, b"T S     12.00 g"),  # reply to tare
    (massak100.parse, massak_frame(bytes([0x27]))),  # ack of set-zero
    (shtrih.parse, shtrih_frame(0x30, 0, b"")),  # reply to zero
])
def test_frames_without_weight_give_none(parse, frame):
    assert parse(frame) is None


def test_massak_crc_matches_captured_frames():
    assert massak100.crc16(b"\x23") == 0x23  # a one-byte body's CRC is the byte
    assert massak100.POLL == H("F8 55 CE 01 00 23 23 00")
    assert massak100.crc16(MASSAK_CAPTURED[5:-2]) == 0x23FC
    for body in (b"\x72", bytes(range(40)), b"\xff" * 13, MASSAK_CAPTURED[5:-2]):
        assert massak100.crc16(body) == massak_crc(body)
    assert massak_crc(b"\x23\x00") != massak_crc(b"\x23")


def test_bad_crc_names_both_values():
    reading = massak100.parse(MASSAK_CAPTURED[:-2] + b"\x00\x00")
    assert reading.state == "invalid" and "0000" in reading.detail and "23FC" in reading.detail


@pytest.mark.parametrize("name,poll", [
    ("sics", b"SI\r\n"), ("toledo8217", b"W"), ("cas", b"W"), ("cas-stream", None), ("hidpos", None),
    ("massak100", H("F8 55 CE 01 00 23 23 00")), ("massakj", b"J"),
    ("shtrih", H("05 02 05 3A 30 30 33 30 3C")),  # ENQ + STX LEN=5 CMD "0030" LRC
])
def test_poll_requests(name, poll):
    assert PROTOCOLS[name].poll == poll


@pytest.mark.parametrize("name,zero", [
    ("sics", b"Z\r\n"), ("toledo8217", b"Z"), ("hidpos", H("02 02")),
    ("massak100", massak_frame(b"\x72")), ("shtrih", b"\x05" + H("02 05 30 30 30 33 30 36")),
])
def test_zero_commands(name, zero):
    assert PROTOCOLS[name].zero == zero


def test_registry_names_match_contract():
    assert set(PROTOCOLS) == {"hidpos", "sics", "toledo8217", "cas", "cas-stream", "massak100", "massakj", "shtrih"}
    assert {PROTOCOLS[n].framing for n in PROTOCOLS} <= {"8N1", "7E1", "8E1"}
    assert PROTOCOLS["toledo8217"].framing == "7E1" and PROTOCOLS["massakj"].framing == "8E1"


# --- splitters: partial frames, garbage, resync ---------------------------------------------------
def feed_bytewise(splitter, data: bytes) -> list[bytes]:
    frames = []
    for i in range(len(data)):
        frames += splitter.feed(data[i:i + 1])
    return frames


SPLITS = [
    # protocol, stream (garbage, frames, partial tail), expected frames, expected garbage
    ("sics", b"S S  1.00 g\r\nS D  2.00 g\r\nS S  3", [b"S S  1.00 g", b"S D  2.00 g"], b""),
    ("toledo8217", b"\xff\x13" + STX + b"  1.234\r" + b"junk" + STX + b"?\x61\r" + STX + b" 0",
     [STX + b"  1.234", STX + b"?\x61"], b"\xff\x13junk"),
    ("cas", b"0.742\r\n" + STX + b"01.234\x03", [b"0.742", STX + b"01.234"], b""),
    ("cas-stream", b"kg\r\nST,GS,+  1.234kg\r\nUS,GS", [b"kg", b"ST,GS,+  1.234kg"], b""),
    ("hidpos", H("00 11 03 04 02 00 E6 02 03 04"), [H("03 04 02 00 E6 02")], H("00 11")),
    ("massak100", b"\x00\xF8\x55" + mk(742) + b"\xF8\x55\xCE\xFF\xFF" + mk(5) + mk(6)[:7],
     [mk(742), mk(5)], b"\x00\xF8\x55\xF8\x55\xCE\xFF\xFF"),
    ("massakj", H("13 80 00 E6 02 00 00 00 01"), [H("80 00 E6 02 00")], H("13")),
    ("shtrih", b"\x15\x06" + sh(0x15, 742) + b"\x06\x99" + sh(0x04, 5) + sh(0, 0)[:4],
     [sh(0x15, 742), sh(0x04, 5)], b"\x99"),
]


@pytest.mark.parametrize("name,stream,frames,garbage", SPLITS, ids=[s[0] for s in SPLITS])
def test_splitter_at_once_and_bytewise(name, stream, frames, garbage):
    whole = PROTOCOLS[name].new_splitter()
    assert whole.feed(stream) == frames
    assert whole.take_garbage() == garbage
    assert whole.take_garbage() == b""
    bytewise = PROTOCOLS[name].new_splitter()
    assert feed_bytewise(bytewise, stream) == frames


def test_splitter_keeps_partial_tail_until_completed():
    splitter = PROTOCOLS["massak100"].new_splitter()
    frame = mk(742)
    assert splitter.feed(frame[:9]) == []
    assert splitter.feed(frame[9:] + frame[:3]) == [frame]
    assert splitter.feed(frame[3:]) == [frame]


def test_line_splitter_drops_overlong_noise_and_recovers():
    splitter = PROTOCOLS["cas-stream"].new_splitter()
    assert splitter.feed(b"\xaa" * 200) == []
    assert len(splitter.take_garbage()) >= 150
    frames = splitter.feed(b"\r\nST,GS,+  1.234kg\r\n")
    assert frames[-1] == b"ST,GS,+  1.234kg"


# --- units ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("value,unit,grams", [
    (1, "kg", 1000.0), (1, "KG", 1000.0), (500, "mg", 0.5), (1, "lb", 453.5924), (1, "oz", 28.3495), (2, "g", 2.0),
])
def test_to_grams(value, unit, grams):
    assert math.isclose(to_grams(value, unit), grams, abs_tol=1e-4)


@pytest.mark.parametrize("grams,text", [(742.0, "742"), (742.5, "742.5"), (0.0, "0"), (-12.25, "-12.25"),
                                        (1.005, "1"), (-0.001, "0")])
def test_format_grams(grams, text):
    assert format_grams(grams) == text


# --- arbitrary bytes never crash a parser or a splitter ------------------------------------------
from hypothesis import given, settings, strategies as st  # noqa: E402


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
@settings(max_examples=150, deadline=None)
@given(chunks=st.lists(st.binary(max_size=40), max_size=8))
def test_fuzzed_bytes_give_frames_and_readings_not_exceptions(name, chunks):
    protocol = PROTOCOLS[name]
    splitter = protocol.new_splitter()
    fed = b"".join(chunks)
    frames = [frame for chunk in chunks for frame in splitter.feed(chunk)]
    garbage = splitter.take_garbage()
    assert sum(map(len, frames)) + len(garbage) <= len(fed)
    for data in [*frames, fed]:
        reading = protocol.parse(data)
        assert reading is None or (reading.state in ("stable", "moving", "zero", "negative", "overload", "invalid")
                                   and math.isfinite(reading.grams))
