"""The packing camera's seam (Qt-free): its URI, the recorder program's protocol, and the link to it.

The services talk to a ``RecorderLink`` (``link.py``); the Qt program that captures and encodes
lives in ``app/ui/camera`` and runs in its own process.
"""
from app.devices.camera.link import RECORDER_FLAG, RecorderLink, recorder_command
from app.devices.camera.uri import CameraSpec, parse_camera_uri

__all__ = ["RECORDER_FLAG", "CameraSpec", "RecorderLink", "parse_camera_uri", "recorder_command"]
