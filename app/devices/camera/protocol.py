"""The recorder program's conversation (pure): one JSON object per line each way.

To the recorder (``op``):
    {"op": "start", "clip": 7, "path": "/…/8001-1-box1.mp4", "header": ["8001-1 · box 1", "bench-1 · Anna"]}
    {"op": "note", "clip": 7, "line": "14:03:21  Mug 1/2"}     a line burned into the picture
    {"op": "stop", "clip": 7}
    {"op": "photo", "photo": 9, "path": "/…/8001-1-weighing.jpg", "header": [...], "line": "742 g"}
    {"op": "quit"}
From the recorder (``ev``):
    {"ev": "ready", "camera": "...", "codec": "MPEG4", "size": [640, 480], "fps": 15}
    {"ev": "camera_failed", "detail": "No camera detected"}
    {"ev": "recording", "clip": 7}
    {"ev": "finished", "clip": 7, "path": "...", "duration_ms": 2933, "frames": 44}
    {"ev": "clip_failed", "clip": 7, "detail": "..."}
    {"ev": "photo", "photo": 9, "path": "..."}   /   {"ev": "photo_failed", "photo": 9, "detail": "..."}
and, from the link itself when the program ends: {"ev": "exited", "code": N}.
"""
from __future__ import annotations

import json
from typing import Any

OPS = ("start", "note", "stop", "photo", "quit")
EVENTS = ("ready", "camera_failed", "recording", "finished", "clip_failed", "photo", "photo_failed", "exited")
MAX_LINE = 64 * 1024


class ProtocolError(ValueError):
    pass


def encode(message: dict[str, Any]) -> bytes:
    kind = message.get("op") or message.get("ev")
    if kind not in OPS + EVENTS:
        raise ProtocolError(f"unknown message {kind!r}")
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def decode(line: bytes | str, *, key: str) -> dict[str, Any]:
    """One line as a message with ``key`` ("op" or "ev") naming a known kind; ProtocolError otherwise."""
    if len(line) > MAX_LINE:
        raise ProtocolError("line too long")
    try:
        message = json.loads(line)
    except ValueError as exc:
        raise ProtocolError(f"not JSON: {exc}") from None
    if not isinstance(message, dict) or message.get(key) not in (OPS if key == "op" else EVENTS):
        raise ProtocolError(f"not a {key} message: {str(line)[:80]!r}")
    return message
