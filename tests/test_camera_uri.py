"""Camera URIs, the recorder program's messages and the masked marking code: pure, table-driven."""
import pytest

from app.devices.camera import parse_camera_uri
from app.devices.camera.protocol import ProtocolError, decode, encode
from app.devices.uri import DeviceUriError



@pytest.mark.parametrize("uri,kind,device,size,fps", [
    ("sim://", "sim", "", (640, 480), 15.0),
    ("sim://?size=320x240&fps=5", "sim", "", (320, 240), 5.0),
    ("default", "default", "", (640, 480), 15.0),
    ("v4l2:/dev/video2?fps=25", "v4l2", "/dev/video2", (640, 480), 25.0),
    ("v4l2:///dev/video0", "v4l2", "/dev/video0", (640, 480), 15.0),
    ("HD Pro Webcam C920", "name", "HD Pro Webcam C920", (640, 480), 15.0),
    ("Integrated Camera: Integrated C?size=1280x720", "name", "Integrated Camera: Integrated C", (1280, 720), 15.0),
])
def test_camera_uris(uri, kind, device, size, fps):
    spec = parse_camera_uri(uri)
    assert (spec.kind, spec.device, spec.size, spec.fps) == (kind, device, size, fps)
    assert type(spec).from_dict(spec.as_dict()) == spec


@pytest.mark.parametrize("uri", ["", "   ", None])
def test_an_empty_camera_is_off(uri):
    assert parse_camera_uri(uri) is None


@pytest.mark.parametrize("uri,words", [
    ("v4l2:video0", "device path"),
    ("rtsp://10.0.0.9/stream", "a camera is"),
    ("sim://?size=641x480", "even numbers"),
    ("sim://?size=big", "WIDTHxHEIGHT"),
    ("sim://?fps=0", "from 1 to 60"),
    ("sim://?zoom=2", "unknown camera parameter 'zoom'"),
    ("default?fps", "key=value"),
])
def test_wrong_camera_uris_name_the_part(uri, words):
    with pytest.raises(DeviceUriError, match=words):
        parse_camera_uri(uri)


@pytest.mark.parametrize("message", [
    {"op": "start", "clip": 7, "path": "/tmp/x.mp4", "header": ["Отправление 8001-1", "板凳"]},
    {"op": "quit"},
])
def test_messages_to_the_recorder_round_trip(message):
    line = encode(message)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode(line, key="op") == message


@pytest.mark.parametrize("line", [b"not json\n", b'{"ev": "ready"}\n', b'{"op": "format_disk"}\n', b"[1]\n",
                                  b'{"op": "note", "line": "' + b"x" * 70000 + b'"}\n'])
def test_anything_else_is_refused(line):
    with pytest.raises(ProtocolError):
        decode(line, key="op")
