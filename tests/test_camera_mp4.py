"""Reading a clip back: the MP4 boxes the recorder program checks before it calls a clip finished,
and its verdict on the files a stopped clip can leave (the recorder's defect of a clip written
without its video track among them)."""
from __future__ import annotations

import struct

import pytest

from app.devices.camera.mp4 import read_movie, read_movie_file, video_frames
from app.ui.camera.recorder import clip_problem


def box(kind: bytes, *children: bytes) -> bytes:
    body = b"".join(children)
    return struct.pack(">I4s", 8 + len(body), kind) + body


def large_box(kind: bytes, *children: bytes) -> bytes:
    """The 64-bit size form (``size == 1``), as muxers write for big ``mdat`` boxes."""
    body = b"".join(children)
    return struct.pack(">I4sQ", 1, kind, 16 + len(body)) + body


def mvhd(timescale: int, duration: int) -> bytes:
    return box(b"mvhd", bytes(4) + bytes(8) + struct.pack(">II", timescale, duration) + bytes(80))


def track(handler: bytes, samples: int, timescale: int = 1000, duration: int = 100) -> bytes:
    mdhd = box(b"mdhd", bytes(4) + bytes(8) + struct.pack(">II", timescale, duration) + bytes(4))
    hdlr = box(b"hdlr", bytes(4) + bytes(4) + handler + bytes(12) + b"\0")
    stsz = box(b"stsz", bytes(4) + struct.pack(">II", 0, samples))
    return box(b"trak", box(b"mdia", mdhd, hdlr, box(b"minf", box(b"stbl", stsz))))


FTYP = box(b"ftyp", b"isom" + bytes(4) + b"isommp41")
MDAT = box(b"mdat", bytes(64))

MOVIES = [
    # (what, file bytes, movie duration s, [(handler, samples, duration s)], video frames)
    ("one frame, moov after mdat (as Qt's muxer writes)",
     FTYP + MDAT + box(b"moov", mvhd(1000, 100), track(b"vide", 1)), 0.1, [("vide", 1, 0.1)], 1),
    ("moov first (fast start)",
     FTYP + box(b"moov", mvhd(600, 1200), track(b"vide", 30, 15360, 30720)) + MDAT, 2.0, [("vide", 30, 2.0)], 30),
    ("a sound track beside the video is not counted",
     FTYP + MDAT + box(b"moov", mvhd(1000, 2000), track(b"soun", 94), track(b"vide", 40, 1000, 2000)),
     2.0, [("soun", 94, 0.1), ("vide", 40, 2.0)], 40),
    ("a large mdat (64-bit size)",
     FTYP + large_box(b"mdat", bytes(32)) + box(b"moov", mvhd(1000, 100), track(b"vide", 2)), 0.1, [("vide", 2, 0.1)], 2),
    ("the defect: finalised without its video track",
     FTYP + MDAT + box(b"moov", mvhd(1000, 0)), 0.0, [], 0),
    ("a video track whose frames never came",
     FTYP + MDAT + box(b"moov", mvhd(1000, 0), track(b"vide", 0, 1000, 0)), 0.0, [("vide", 0, 0.0)], 0),
]


@pytest.mark.parametrize("data, duration, tracks, frames", [m[1:] for m in MOVIES], ids=[m[0] for m in MOVIES])
def test_a_movie_is_read_from_its_boxes(tmp_path, data, duration, tracks, frames):
    for movie in (read_movie(data), read_movie_file(_write(tmp_path, data))):
        assert movie.duration_s == pytest.approx(duration)
        assert [(t["handler"], t["samples"], pytest.approx(t["duration_s"])) for t in movie.tracks] == tracks
    assert video_frames(_write(tmp_path, data)) == frames


BROKEN = [
    ("no moov: the recorder died before finalising", FTYP + MDAT),
    ("a box running past the end (a cut-off file)", FTYP + box(b"moov", mvhd(1000, 100))[:-10]),
    ("a box whose size is smaller than its header", FTYP + struct.pack(">I4s", 4, b"moov")),
    ("not an MP4 at all", b"\x1aE\xdf\xa3 this is Matroska"),
]


@pytest.mark.parametrize("data", [b[1] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_file_that_is_no_whole_movie_is_said_so(tmp_path, data):
    with pytest.raises(ValueError):
        video_frames(_write(tmp_path, data))


def test_a_clip_is_finished_only_when_its_file_holds_a_video_frame(tmp_path):
    whole = _write(tmp_path, MOVIES[0][1])
    assert clip_problem(1, whole) == ""
    assert clip_problem(0, whole) == "no frame reached the encoder"
    assert clip_problem(1, tmp_path / "never.mp4") == "no file written"
    assert clip_problem(1, _write(tmp_path, b"")) == "no file written"
    assert "without its video" in clip_problem(1, _write(tmp_path, MOVIES[4][1]))
    assert "cannot be read back" in clip_problem(1, _write(tmp_path, FTYP + MDAT))
    matroska = tmp_path / "clip.mkv"
    matroska.write_bytes(b"\x1aE\xdf\xa3 Motion JPEG in Matroska")
    assert clip_problem(3, matroska) == ""  # not read back: only its presence is checked


def _write(tmp_path, data: bytes):
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    return path
