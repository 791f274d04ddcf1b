"""Camera URIs (CONTRACT.md, "Device URIs"): which camera records the packing video, and how.

    default                       the system's default camera
    v4l2:/dev/video0              a V4L2 device by its path (Linux)
    HD Pro Webcam C920            a camera by its name as the system lists it
    sim://                        generated frames (the demo and the tests: no camera needed)
    ""                            off: no video, no photos

each optionally followed by ``?size=WxH`` (pixels) and ``fps=N``. Pure: no device is touched.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from app.devices.uri import DeviceUriError

DEFAULT_SIZE = (640, 480)
DEFAULT_FPS = 15.0
PARAMS = ("size", "fps")
SIM, DEFAULT, V4L2, NAMED = "sim", "default", "v4l2", "name"


@dataclass(frozen=True)
class CameraSpec:
    uri: str
    kind: str                     # sim | default | v4l2 | name
    device: str = ""              # the V4L2 path or the camera's name
    size: tuple[int, int] = DEFAULT_SIZE
    fps: float = DEFAULT_FPS
    size_given: bool = False      # a real camera keeps its own format unless asked

    def as_dict(self) -> dict:
        return {"uri": self.uri, "kind": self.kind, "device": self.device, "size": list(self.size),
                "fps": self.fps, "size_given": self.size_given}

    @classmethod
    def from_dict(cls, data: dict) -> CameraSpec:
        return cls(data["uri"], data["kind"], data.get("device", ""), tuple(data["size"]), float(data["fps"]),
                   bool(data.get("size_given")))


def parse_camera_uri(text: str | None) -> CameraSpec | None:
    """The camera a URI names (None: the camera is off); DeviceUriError naming what is wrong."""
    uri = (text or "").strip()
    if not uri:
        return None
    base, query = uri, ""
    if "?" in uri:
        base, _, query = uri.rpartition("?")
    params = _params(uri, query)
    base = base.strip()
    if base in ("sim://", "sim:", "sim"):
        kind, device = SIM, ""
    elif base == "default":
        kind, device = DEFAULT, ""
    elif base.startswith("v4l2:"):
        kind, device = V4L2, base[len("v4l2:"):].removeprefix("//")
        if not device.startswith("/dev/"):
            raise DeviceUriError("uri_v4l2_path", uri=repr(uri))
    elif "://" in base:
        raise DeviceUriError("uri_camera_shape", uri=repr(uri))
    else:
        kind, device = NAMED, base
    size = _size(uri, params.get("size"))
    fps = _fps(uri, params.get("fps"))
    return CameraSpec(uri, kind, device, size or DEFAULT_SIZE, fps, size is not None)


def _params(uri: str, query: str) -> dict[str, str]:
    if not query:
        return {}
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise DeviceUriError("uri_camera_query", uri=repr(uri)) from None
    params = dict(pairs)
    unknown = sorted(set(params) - set(PARAMS))
    if unknown:
        raise DeviceUriError("uri_camera_param", uri=repr(uri), param=unknown[0], known=", ".join(PARAMS))
    return params


def _size(uri: str, raw: str | None) -> tuple[int, int] | None:
    if raw is None:
        return None
    width, sep, height = raw.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit()):
        raise DeviceUriError("uri_camera_size_shape", uri=repr(uri), value=repr(raw))
    w, h = int(width), int(height)
    if not (160 <= w <= 3840 and 120 <= h <= 2160) or w % 2 or h % 2:
        raise DeviceUriError("uri_camera_size_range", uri=repr(uri), value=repr(raw))
    return w, h


def _fps(uri: str, raw: str | None) -> float:
    if raw is None:
        return DEFAULT_FPS
    try:
        fps = float(raw)
    except ValueError:
        fps = -1.0
    if not 1 <= fps <= 60:
        raise DeviceUriError("uri_fps", uri=repr(uri), value=repr(raw))
    return fps
