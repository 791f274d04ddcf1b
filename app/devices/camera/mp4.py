"""Just enough of ISO BMFF (MP4) to say a clip is whole and playable: the movie header's duration,
each track's handler, duration and sample (frame) count. No ffprobe here; a clip whose recorder
died has no ``moov`` box, and this says so.

The recorder program checks each clip it calls finished with ``video_frames`` (a file written
without its video track is a failed clip, not evidence); the tests read clips with it too.
"""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}


@dataclass
class Movie:
    duration_s: float
    tracks: list[dict]


def boxes(data: bytes, start: int = 0, end: int | None = None):
    end = len(data) if end is None else end
    at = start
    while at + 8 <= end:
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[at + 8:at + 16])[0], 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            raise ValueError(f"box {kind!r} at {at} runs past the end")
        yield kind, at + header, at + size
        at += size


def read_movie(data: bytes) -> Movie:
    """The movie of a whole MP4 file's bytes (``ValueError`` when it is not one)."""
    top = {kind: (body, stop) for kind, body, stop in boxes(data)}
    if b"moov" not in top:
        raise ValueError("no moov box: the clip was never finalised")
    movie_duration, tracks = 0.0, []

    def walk(start, stop, track):
        nonlocal movie_duration
        for kind, body, end in boxes(data, start, stop):
            if kind == b"mvhd":
                movie_duration = _duration(data, body)
            elif kind == b"trak":
                found: dict = {}
                walk(body, end, found)
                tracks.append(found)
            elif kind == b"hdlr":
                track["handler"] = data[body + 8:body + 12].decode("latin-1")
            elif kind == b"mdhd":
                track["duration_s"] = _duration(data, body)
            elif kind == b"stsz":
                track["samples"] = struct.unpack(">I", data[body + 8:body + 12])[0]
            elif kind in CONTAINERS:
                walk(body, end, track)

    walk(*top[b"moov"], {})
    return Movie(movie_duration, tracks)


def _duration(data: bytes, body: int) -> float:
    version = data[body]
    if version == 1:
        timescale, duration = struct.unpack(">IQ", data[body + 20:body + 32])
    else:
        timescale, duration = struct.unpack(">II", data[body + 12:body + 20])
    return duration / timescale if timescale else 0.0


def read_movie_file(path: Path) -> Movie:
    """``read_movie`` of a file, reading only its ``moov`` box (a clip's frames stay on disk)."""
    with open(path, "rb") as file:
        end = os.fstat(file.fileno()).st_size
        at = 0
        while at + 8 <= end:
            file.seek(at)
            head = file.read(16)
            size, kind = struct.unpack(">I4s", head[:8])
            if size == 1 and len(head) == 16:
                size = struct.unpack(">Q", head[8:16])[0]
            elif size == 0:
                size = end - at
            if size < 8 or at + size > end:
                raise ValueError(f"box {kind!r} at {at} runs past the end")
            if kind == b"moov":
                file.seek(at)
                return read_movie(file.read(size))
            at += size
    raise ValueError("no moov box: the clip was never finalised")


def video_frames(path: Path) -> int:
    """How many video samples (frames) the file's video tracks hold; ``ValueError`` when it is not
    a whole MP4 file."""
    movie = read_movie_file(path)
    return sum(track.get("samples", 0) for track in movie.tracks if track.get("handler") == "vide")
