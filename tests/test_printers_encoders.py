"""Every encoder decodes back to the exact source bitmap, and writes the job shape printers expect."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.devices.printers import Bitmap, PrinterProfile
from app.devices.printers import epl, escpos, tspl, zpl, zplhex
from app.devices.printers.decode import decode_job, encode_job
from printers_helpers import LANGS, SAMPLES, bitmaps, printed_form, profile_for

OPTIONS = [  # (lang, profile options)
    ("tspl", {}), ("tspl", {"invert": True}),
    ("epl", {}), ("epl", {"invert": True}),
    ("zpl", {"zpl_format": "compressed"}), ("zpl", {"zpl_format": "hex"}), ("zpl", {"zpl_format": "z64"}),
    ("zpl", {"invert": True}),
    ("escpos", {}), ("escpos", {"invert": True}),
]
OPTION_IDS = [lang + "".join(f"-{k}={v}" for k, v in opts.items()) for lang, opts in OPTIONS]


@pytest.mark.parametrize("lang,options", OPTIONS, ids=OPTION_IDS)
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_samples_round_trip(name, lang, options):
    bitmap = SAMPLES[name]
    profile = profile_for(bitmap, lang, **options)
    assert decode_job(encode_job(bitmap, profile), profile) == [printed_form(bitmap, profile)]


@settings(max_examples=40, deadline=None)
@given(bitmap=bitmaps(), option=st.sampled_from(OPTIONS), dpi=st.sampled_from([203, 300]))
def test_random_bitmaps_round_trip(bitmap, option, dpi):
    lang, options = option
    profile = profile_for(bitmap, lang, dpi=dpi, **options)
    assert decode_job(encode_job(bitmap, profile), profile) == [printed_form(bitmap, profile)]


def test_the_ozon_label_size_round_trips_at_both_resolutions():
    for dpi, size in ((203, (599, 959)), (300, (886, 1417))):
        profile = PrinterProfile(dpi=dpi)
        assert profile.label_dots == size
        bitmap = SAMPLES["bars"].fit(*size)
        for lang in ("tspl", "zpl", "epl"):
            profile = PrinterProfile(lang=lang, dpi=dpi)
            assert decode_job(encode_job(bitmap, profile), profile) == [bitmap]


# --- job shapes -------------------------------------------------------------------------------
def test_tspl_job_shape_and_default_polarity():
    profile = PrinterProfile(lang="tspl", darkness=10, speed=3)
    job = tspl.encode(Bitmap.blank(599, 959), profile)
    head, _, rest = job.partition(b"BITMAP 0,0,75,959,0,")
    assert head == (b"SIZE 75 mm,120 mm\r\nGAP 2 mm,0 mm\r\nDENSITY 10\r\nSPEED 3\r\n"
                    b"DIRECTION 0,0\r\nREFERENCE 0,0\r\nCLS\r\n")
    raster, tail = rest[:75 * 959], rest[75 * 959:]
    assert raster == b"\xff" * (75 * 959)  # white is 1 in TSC's convention
    assert tail == b"\r\nPRINT 1,1\r\n"
    inverted = tspl.encode(Bitmap.blank(599, 959), PrinterProfile(lang="tspl", invert=True))
    assert b"\x00" * (75 * 959) in inverted


def test_tspl_leaves_density_and_speed_alone_unless_asked():
    job = tspl.encode(Bitmap.blank(8, 8), PrinterProfile(lang="tspl", size_mm=(58, 40), gap_mm=0))
    assert job.startswith(b"SIZE 58 mm,40 mm\r\nGAP 0 mm,0 mm\r\nDIRECTION")
    assert b"DENSITY" not in job and b"SPEED" not in job


def test_epl_job_shape_and_polarity():
    job = epl.encode(Bitmap.from_text(["#" + "." * 15]), PrinterProfile(lang="epl", darkness=7))
    assert job == b"\nN\nq599\nQ959,16\nD7\nZT\nGW0,0,2,1,\x7f\xff\nP1\n"


def test_zpl_job_shape():
    bitmap = Bitmap.blank(599, 959)
    job = zpl.encode(bitmap, PrinterProfile(lang="zpl", darkness=15, speed=4)).decode("ascii")
    assert job.startswith("^XA\n^PW599\n^LL959\n^LH0,0\n~SD30\n^PR4\n^FO0,0^GFA,71925,71925,75,")
    assert job.endswith("^FS\n^PQ1\n^XZ\n")
    data = job.split("^GFA,71925,71925,75,")[1].split("^FS")[0]
    assert data == "," + ":" * 958  # an empty row, then "repeat previous row"


@pytest.mark.parametrize("row,expected", [
    ("0000", ","), ("FFFF", "!"), ("F000", "F,"), ("0FFF", "0!"), ("ABCD", "ABCD"),
    ("AAB0", "HAB,"), ("1" * 20 + "22", "g1H2"), ("1" * 39 + "0", "gY1,"), ("3" * 401 + "4", "zG34"),
])
def test_zpl_row_compression(row, expected):
    assert zplhex.encode_compressed(bytes.fromhex(row), len(row) // 2) == expected


def test_zpl_repeated_rows_become_colons():
    raw = bytes.fromhex("F0F0" "F0F0" "0000" "0000" "F0F0")
    assert zplhex.encode_compressed(raw, 2) == "F0F,:,:F0F,"


def test_zpl_z64_carries_a_valid_crc():
    field = zpl.field_data(b"\x00\xff" * 50, 2, "z64")
    match = re.fullmatch(r":Z64:([A-Za-z0-9+/=]+):([0-9A-F]{4})", field)
    assert match and int(match.group(2), 16) == zplhex.crc16(match.group(1).encode())


@pytest.mark.parametrize("bitmap,head_dots,invert", [
    (SAMPLES["bars"], 576, False),  # 60 dots wide: padded to the head on the right
    (SAMPLES["odd-width"], 20, True),  # a head that is not whole bytes wide
    (SAMPLES["label-203"], 576, False),  # the Ozon label, cropped to an 80 mm head
    (SAMPLES["label-203"], 384, True),
    (Bitmap.blank(100, 2100).inverted(), 384, False),  # three fragments, the last one short
], ids=["bars", "odd-width-inverted", "label-576", "label-384-inverted", "tall"])
def test_escpos_job_is_python_escpos_output_at_the_left_edge(bitmap, head_dots, invert):
    from escpos.printer import Dummy

    job = escpos.encode(bitmap, PrinterProfile(lang="escpos", head_dots=head_dots, invert=invert))
    label = Bitmap.blank(head_dots, bitmap.height).paste(bitmap, 0, 0)  # the head's width, dot for dot
    reference = Dummy()
    reference.hw("INIT")
    reference.image((label.inverted() if invert else label).to_image(), impl="bitImageRaster",
                    center=False, fragment_height=960)
    reference.cut(feed=False)
    assert job == reference.output
    assert job[2:10] == b"\x1dv0\x00" + bytes([(head_dots + 7) // 8, 0, min(bitmap.height, 960) % 256,
                                                 min(bitmap.height, 960) // 256])


def test_escpos_crops_to_the_head_width_and_splits_tall_labels():
    bitmap = Bitmap.blank(640, 2100).inverted()
    profile = PrinterProfile(lang="escpos", head_dots=384)
    job = escpos.encode(bitmap, profile)
    heights, pos = [], 2
    while job[pos:pos + 4] == b"\x1dv0\x00":
        stride, rows = job[pos + 4] + job[pos + 5] * 256, job[pos + 6] + job[pos + 7] * 256
        assert stride == 48
        heights.append(rows)
        pos += 8 + stride * rows
    assert heights == [960, 960, 180]
    assert job[pos:] == b"\x1dVB\x00"
    assert decode_job(job, profile) == [Bitmap.blank(384, 2100).inverted()]


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_writes_bytes(lang):
    assert encode_job(SAMPLES["checker"], PrinterProfile(lang=lang))
