"""Decoders on hand-written jobs shaped like other software's output, not only our own bytes."""
import base64
import zlib

import pytest

from app.devices.printers import Bitmap, JobDecodeError
from app.devices.printers import epl, escpos, tspl, zpl, zplhex

# --- ZPL ------------------------------------------------------------------------------------
COMPRESSED_JOB = (
    b"^XA\r\n^PW16\r\n^LL6\r\n"
    b"^FO0,0^GFA,12,12,2,\r\n"
    b"HF00\r\n"     # FF00: H = run of two
    b":\r\n"        # repeat the row above
    b"F,\r\n"       # F then zeros to the end of the row
    b"!\r\n"        # all ones
    b"I0G1"         # 000 then 1
    b"gG0\r\n"      # 21 zeros (g = 20, G = 1): the last row, then more than the field holds
    b"^FS\r\n^XZ\r\n"
)


def test_zpl_compressed_hex_with_crlf_and_every_mark():
    assert zpl.decode(COMPRESSED_JOB) == [Bitmap.from_text([
        "########........",
        "########........",
        "####............",
        "################",
        "...............#",
        "................",
    ])]


def test_zpl_run_spills_into_the_next_row_and_lowercase_hex():
    job = b"^XA^FO0,0^GFA,4,4,1,Kf0^FS^XZ"  # K = 5 f's then 0: ff ff f0 ... (rows of one byte)
    assert zpl.decode(job) == [Bitmap.from_text(["########", "########", "####....", "........"])]


def test_zpl_field_origin_label_home_and_typeset():
    job = (b"^XA^PW12^LL6^LH1,1"
           b"^FO2,0^GFA,1,1,1,F0^FS"      # 4 dots at x=3, y=1
           b"^FT0,5^GFA,2,2,1,8080^FS"  # bottom edge at y=5+1: rows 4 and 5 at x=1
           b"^XZ")
    assert zpl.decode(job) == [Bitmap.from_text([
        "............",
        "...####.....",
        "............",
        "............",
        ".#..........",
        ".#..........",
    ])]


def test_zpl_several_formats_are_several_labels_and_settings_persist():
    job = b"^XA^PW8^LL1^FO0,0^GFA,1,1,1,80^FS^XZ\n^XA^FO0,0^GFA,1,1,1,01^FS^XZ\n^XA^XZ"
    assert zpl.decode(job) == [Bitmap.from_text(["#......."]), Bitmap.from_text([".......#"])]


def test_zpl_field_reverse_and_print_orientation():
    job = b"^XA^PW4^LL1^FO0,0^GFA,1,1,1,C0^FS^FO1,0^FR^GFA,1,1,1,C0^FS^XZ"
    assert zpl.decode(job) == [Bitmap.from_text(["#.#."])]
    job = b"^XA^POI^PW4^LL1^FO0,0^GFA,1,1,1,80^FS^XZ"
    assert zpl.decode(job) == [Bitmap.from_text(["...#"])]


def test_zpl_download_and_recall_graphic_with_magnification():
    job = b"~DGR:LOGO.GRF,2,1,\n80\n40\n^XA^PW6^LL4^FO1,0^XGR:LOGO.GRF,2,2^FS^XZ"
    assert zpl.decode(job) == [Bitmap.from_text([".##...", ".##...", "...##.", "...##."])]


def test_zpl_binary_graphic_field():
    job = b"^XA^FO0,0^GFB,2,2,1,\x5e\x7e^FS^XZ"  # data bytes that look like ^ and ~
    assert zpl.decode(job) == [Bitmap.from_text([".#.####.", ".######."])]


# A ^GFA field posted publicly (BinaryKits.Zpl discussion #178) from Zebra tooling: its
# CRC (D069) is the XMODEM CRC-16 of the base64 text; the data inflates to 2560 bytes.
REAL_Z64 = (
    "eJztVT2OEzEUtmMiF1OMkEApKHyEbRFI6xQcYA+AlCtwAjwl0l5ia66wRYYbQEFviSalkSIxSiZ+vGfP2J6ZQEFFsY6S"
    "sT5/+d57fj/D2H+1ni0+f118B9/nWAUAzYxmEOuXNPBT4g6+Pd+Bm2BwwJ/HroQkvMPfDWwLrD5F9kOBmai0KwX30WJV"
    "CEqIzzUU2HhehKJGHdUm7O14XNlsdvRLHhPmx41Ihnm6EH5ZnrLb5Ep2PynX2Vo9ehC82rI79iI7SO6tLLPsNRPjXwx+"
    "N1a6dZ8d/IhfbW+s6JML5B43zjjVZ1fxjO8tON2HfeA5usFf4EwfdSgMtFXDD3DgUyACeQoww4BGdebp7tVJnNFPNYSL"
    "vpujOYasDFiNGFht6y4HjBiH1rQhK0PAdAQNNNpmniIeh62xg3g8Ep57FngyXgyakj0HZtrMU5QR4WMRiIInEWvzf2+p"
    "YGY8HXikOAQfeXWHF1zyMB31VR6WILCJHmIDj0fem1GPTfSyXVnq/cG/ZmJ3EUfUgyHexBNeDHdQ3AtcuT/Ph3yINvPW"
    "mDk3yQcPeSOsbnPevkCr+oyF/D5M6yDUizPHGliqg1hXmkLOdUX1d1EgyekBI151vkfTh3CZtNbHWM8XgFTPVOsCTtBp"
    "n1o59Af8NL2C3B/0JMOVT/0R+m3nNj2Ol9TK1BOiW3W4SX2pMB7+gb1nm8yrGsbmW2kTlvpcZEyPm2K+mHTaXdmlU5lH"
    "tB6tFZNGfZ1virGXBmGWKefpeGvCZ4ibqKPK4a4P4bG3BRYnfUhcWisgxk0hR4KXO/Zy9v6ozqfPj+dmgq3p3TN5fZAW"
    "QnYKEfHCFuvTEnpaT+uf1m+WdlzV"
)


def test_zpl_real_world_z64_field_passes_its_crc():
    job = f"^XA^FO768,64^GFA,02560,02560,00020,:Z64:{REAL_Z64}:D069^FS^XZ".encode()
    [label] = zpl.decode(job)
    assert (label.width, label.height) == (768 + 160, 64 + 128)
    expected = zlib.decompress(base64.b64decode(REAL_Z64))
    assert label == Bitmap.blank(928, 192).paste(Bitmap(160, 128, expected), 768, 64)


def test_zpl_z64_with_line_breaks_and_b64():
    raw = bytes([0xF0, 0x0F])
    text = base64.b64encode(zlib.compress(raw)).decode()
    crc = zplhex.crc16(text.encode())
    wrapped = text[:5] + "\r\n" + text[5:]
    assert zpl.decode(f"^XA^GFA,2,2,1,:Z64:{wrapped}:{crc:04x}^FS^XZ".encode()) == [
        Bitmap.from_text(["####....", "....####"])]
    plain = base64.b64encode(raw).decode()
    assert zpl.decode(f"^XA^GFA,2,2,1,:B64:{plain}:{zplhex.crc16(plain.encode()):04X}^XZ".encode()) == [
        Bitmap.from_text(["####....", "....####"])]


@pytest.mark.parametrize("job,complaint", [
    (f"^XA^GFA,2560,2560,20,:Z64:{REAL_Z64}:D070^FS^XZ".encode(), "CRC"),
    (b"^XA^GFA,2,2,1,F:0^FS^XZ", "middle of a row"),
    (b"^XA^GFA,2,2,1,F0#0^FS^XZ", "unexpected"),
    (b"^XA^GF^FS^XZ", "a,b,c,d"),
    (b"^XA^XGR:NOPE.GRF,1,1^FS^XZ", "never stored"),
    (b"^XA^GFC,2,2,1,xx^FS^XZ", "not supported"),
])
def test_zpl_damaged_jobs_say_why(job, complaint):
    with pytest.raises(JobDecodeError, match=complaint):
        zpl.decode(job)


# --- TSPL -----------------------------------------------------------------------------------
def test_tspl_job_with_lf_only_spaces_modes_reference_and_two_labels():
    job = (b"SIZE 2 mm, 1 mm\n"           # 16 x 8 dots at 203 dpi
           b"GAP 0,0\nSET TEAR ON\nCLS\n"
           b"BITMAP 0,0,1,2,0,\x0f\xff\n"   # 0 bits print black
           b"BITMAP 8, 4, 1, 1, 1,\x00\r\n"  # OR mode, spaces after commas
           b"PRINT 1\n"
           b"CLS\nREFERENCE 4,1\n"
           b"BITMAP 0,0,1,1,0,\x7f\n"
           b"PRINT 1,2\n")
    first = Bitmap.from_text(["####............", "................", "................", "................",
                              "........########"] + ["." * 16] * 3)
    second = Bitmap.blank(16, 8).paste(Bitmap.from_text(["#"]), 4, 1)
    assert tspl.decode(job) == [first, second]


def test_tspl_size_in_inches_and_dots_direction_and_invert():
    job = b"SIZE 1,0.05\r\nDIRECTION 1\r\nCLS\r\nBITMAP 0,0,1,1,0,\x80\r\nPRINT 1,1\r\n"
    [label] = tspl.decode(job, dpi=300, invert=True)  # 300 x 15 dots, 1 bit black, turned 180
    assert (label.width, label.height) == (300, 15)
    assert label.black_count() == 1 and label.pixel(299, 14)
    job = b"SIZE 16 dot,2 dot\r\nCLS\r\nBITMAP 0,0,1,1,0,\x7f\r\nPRINT 1,1\r\n"
    assert tspl.decode(job) == [Bitmap.from_text(["#" + "." * 15, "." * 16])]


def test_tspl_short_bitmap_data_is_an_error():
    with pytest.raises(JobDecodeError, match="data bytes"):
        tspl.decode(b"CLS\r\nBITMAP 0,0,2,2,0,\x00\x00")


# --- EPL ------------------------------------------------------------------------------------
def test_epl_job_with_crlf_reference_point_and_bottom_orientation():
    job = b"\r\nN\r\nq16\r\nQ3,24\r\nR2,1\r\nI8,A,001\r\nGW0,0,1,1,\x0f\r\nP1\r\n"
    assert epl.decode(job) == [Bitmap.from_text(["." * 16, "..####" + "." * 10, "." * 16])]
    job = b"N\nq8\nQ2,0\nZB\nGW0,0,1,1,\x7f\nP1,1\n"
    assert epl.decode(job) == [Bitmap.from_text(["........", ".......#"])]


# --- ESC/POS --------------------------------------------------------------------------------
def test_escpos_fragments_stack_text_is_skipped_and_a_cut_ends_the_label():
    job = (b"\x1b@\x1ba\x01Order 42\n\x1d!\x11"
           b"\x1dv0\x00\x02\x00\x02\x00" b"\x80\x01" b"\xff\xff"
           b"\x1dv0\x00\x02\x00\x01\x00" b"\x00\x00"
           b"\x1bd\x03\x1dVB\x00"
           b"\x1d(L\x0e\x000p0\x01\x011\x0a\x00\x02\x00\xc0\x00\x40\x00"  # GS ( L: store 10x2 graphics
           b"\x1d(L\x02\x0002"                                     # ... and print them
           b"\x1dV\x00")
    assert escpos.decode(job) == [
        Bitmap.from_text(["#..............#", "################", "................"]),
        Bitmap.from_text(["##........", ".#........"]),
    ]


def test_escpos_double_width_raster_and_no_cut():
    job = b"\x1dv0\x01\x01\x00\x01\x00\xa0"
    assert escpos.decode(job) == [Bitmap.from_text(["##..##" + "." * 10])]


@pytest.mark.parametrize("job,complaint", [
    (b"\x1b*\x21\x02\x00" + b"\x00" * 6, "column image"),
    (b"\x1b\x7f", "not known"),
    (b"\x1dv0\x00\x02\x00\x02\x00\x00", "cut short"),
])
def test_escpos_what_it_cannot_read_is_an_error(job, complaint):
    with pytest.raises(JobDecodeError, match=complaint):
        escpos.decode(job)
