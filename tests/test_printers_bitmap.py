"""The 1-bit Bitmap: packing, Pillow round trips, thresholding without dithering, transformations."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from app.devices.printers import Bitmap
from printers_helpers import SAMPLES, bitmaps


def test_rows_are_packed_msb_first_with_one_for_black():
    bitmap = Bitmap.from_text(["#.......#", "........."])
    assert bitmap.stride == 2
    assert bitmap.data == bytes([0x80, 0x80, 0x00, 0x00])
    assert bitmap.pixel(0, 0) and bitmap.pixel(8, 0) and not bitmap.pixel(1, 0)


def test_padding_bits_are_cleared_so_equal_pictures_compare_equal():
    assert Bitmap(3, 1, b"\xff") == Bitmap(3, 1, b"\xe0")
    assert Bitmap(3, 1, b"\xff").data == b"\xe0"
    assert Bitmap(3, 1, b"\xe0") != Bitmap(3, 1, b"\xc0")


@pytest.mark.parametrize("width,height,size", [(0, 1, 0), (1, 0, 0), (9, 1, 1), (8, 2, 3)])
def test_wrong_sizes_are_refused(width, height, size):
    with pytest.raises(ValueError):
        Bitmap(width, height, bytes(size))


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_pillow_round_trip(name):
    bitmap = SAMPLES[name]
    image = bitmap.to_image()
    assert image.mode == "1" and image.size == (bitmap.width, bitmap.height)
    assert Bitmap.from_image(image) == bitmap


def test_pillow_white_is_our_white():
    image = Bitmap.from_text(["#."]).to_image()
    assert image.getpixel((0, 0)) == 0 and image.getpixel((1, 0)) == 255


@pytest.mark.parametrize("value,black", [(0, True), (100, True), (127, True), (128, False), (200, False), (255, False)])
def test_grey_is_thresholded_at_half_luminance(value, black):
    image = Image.new("L", (5, 3), value)
    bitmap = Bitmap.from_image(image)
    assert bitmap.black_count() == (15 if black else 0)


def test_mid_grey_is_not_dithered():
    # Floyd-Steinberg would scatter ~50 % black dots over a flat 127/128 grey
    assert Bitmap.from_image(Image.new("L", (64, 64), 128)).black_count() == 0
    assert Bitmap.from_image(Image.new("L", (64, 64), 127)).black_count() == 64 * 64


def test_transparent_pixels_count_as_white():
    image = Image.new("RGBA", (4, 1), (0, 0, 0, 0))
    image.putpixel((1, 0), (0, 0, 0, 255))
    assert Bitmap.from_image(image) == Bitmap.from_text([".#.."])


def test_rotation_clockwise():
    bitmap = Bitmap.from_text(["#..#", ".##.", "#..."])
    assert bitmap.rotated(90) == Bitmap.from_text(["#.#", ".#.", ".#.", "..#"])
    assert bitmap.rotated(180) == Bitmap.from_text(["...#", ".##.", "#..#"])
    assert bitmap.rotated(270) == Bitmap.from_text(["#..", ".#.", ".#.", "#.#"])
    with pytest.raises(ValueError):
        bitmap.rotated(45)


def test_fit_places_at_origin_crops_and_pads_white():
    bitmap = Bitmap.from_text(["##", "##"])
    assert bitmap.fit(3, 3) == Bitmap.from_text(["##.", "##.", "..."])
    assert bitmap.fit(1, 1) == Bitmap.from_text(["#"])


def _dots(bitmap: Bitmap) -> list[str]:
    return ["".join("#" if bitmap.pixel(x, y) else "." for x in range(bitmap.width))
            for y in range(bitmap.height)]


@settings(max_examples=60, deadline=None)
@given(bitmap=bitmaps(), width=st.integers(1, 80), height=st.integers(1, 50))
def test_fit_keeps_every_dot_inside_the_new_size_and_nothing_else(bitmap, width, height):
    fitted = bitmap.fit(width, height)
    rows = [(row[:width] + "." * width)[:width] for row in _dots(bitmap)[:height]]
    assert _dots(fitted) == rows + ["." * width] * (height - len(rows))


def test_paste_modes():
    base = Bitmap.from_text(["##..", "...."])
    stamp = Bitmap.from_text(["#.#"])
    assert base.paste(stamp, 1, 0, "set") == Bitmap.from_text(["##.#", "...."])
    assert base.paste(stamp, 1, 0, "or") == Bitmap.from_text(["##.#", "...."])
    assert base.paste(stamp, 0, 0, "xor") == Bitmap.from_text([".##.", "...."])
    assert base.paste(stamp, 3, 1) == Bitmap.from_text(["##..", "...#"])  # clipped
    assert base.paste(stamp, -1, 0) == Bitmap.from_text([".#..", "...."])


def test_scaled_and_bbox():
    bitmap = Bitmap.from_text(["....", ".#..", "...."])
    assert bitmap.bbox() == (1, 1, 2, 2)
    assert Bitmap.blank(5, 5).bbox() is None
    assert Bitmap.from_text(["#."]).scaled(2, 3) == Bitmap.from_text(["##.."] * 3)


@settings(max_examples=60, deadline=None)
@given(bitmaps())
def test_inversion_and_packing_agree(bitmap):
    assert bitmap.inverted().inverted() == bitmap
    assert bitmap.inverted().black_count() == bitmap.width * bitmap.height - bitmap.black_count()
    assert Bitmap.from_packed(bitmap.width, bitmap.height, bitmap.packed(zero_is_black=True),
                              zero_is_black=True) == bitmap
