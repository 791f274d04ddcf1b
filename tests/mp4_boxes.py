"""Just enough of ISO BMFF (MP4) to say a clip is whole and playable: the movie header's duration,
each video track's duration and its sample (frame) count. No ffprobe here; a clip whose recorder
died has no ``moov`` box, and this says so."""
from __future__ import annotations

import struct
from dataclasses import dataclass

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
