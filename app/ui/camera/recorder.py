"""The recorder program's Qt objects: a frame source (a camera or generated frames), one
``ClipRecorder`` per clip (``QVideoFrameInput`` → ``QMediaCaptureSession`` → ``QMediaRecorder``),
and ``Recorder``, which follows the core's messages (``app/devices/camera/protocol.py``).

Frames are pushed at the clip's rate by a timer: the camera's newest picture (or a generated one),
with the overlay burned in. The codec is chosen at run time from what this FFmpeg can encode:
H.264 where the platform offers it (Windows' Media Foundation), else MPEG-4 Part 2 in MP4, else
Motion JPEG in Matroska.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QTimer, QUrl
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (QMediaCaptureSession, QMediaFormat, QMediaRecorder, QVideoFrame,
                                  QVideoFrameFormat, QVideoFrameInput)

from app.devices.camera.mp4 import video_frames
from app.devices.camera.uri import SIM, CameraSpec
from app.ui.camera.overlay import burn_in, simulated_scene

log = logging.getLogger("packdesk.camera.recorder")

STALE_S = 2.0  # a camera silent this long shows "no signal" in the picture


def choose_format() -> tuple[QMediaFormat, str]:
    """The best format this machine can encode, and its file suffix."""
    probe = QMediaFormat()
    codecs = probe.supportedVideoCodecs(QMediaFormat.ConversionMode.Encode)
    for codec, container, suffix in ((QMediaFormat.VideoCodec.H264, QMediaFormat.FileFormat.MPEG4, ".mp4"),
                                     (QMediaFormat.VideoCodec.MPEG4, QMediaFormat.FileFormat.MPEG4, ".mp4"),
                                     (QMediaFormat.VideoCodec.MotionJPEG, QMediaFormat.FileFormat.Matroska, ".mkv")):
        if codec in codecs:
            chosen = QMediaFormat(container)
            chosen.setVideoCodec(codec)
            return chosen, suffix
    raise RuntimeError("this system's FFmpeg can encode none of H.264, MPEG-4 or Motion JPEG")


def clip_problem(frames: int, path: Path) -> str:
    """Why a stopped clip of ``frames`` sent frames is not a clip ("" when it is): a clip is called
    finished only when its file holds at least one video frame."""
    if frames == 0:
        return "no frame reached the encoder"
    if not path.exists() or path.stat().st_size == 0:
        return "no file written"
    if path.suffix.lower() != ".mp4":
        return ""  # Matroska (Motion JPEG, the last resort) is not read back here
    try:
        written = video_frames(path)
    except (OSError, ValueError) as exc:
        return f"the clip's file cannot be read back: {exc}"
    return "" if written else "the file was written without its video (no frame in it)"


class ClipRecorder(QObject):
    """One clip: its own capture session, frame input and recorder, until it is finalised."""

    def __init__(self, clip: int, path: Path, header: list[str], size: QSize, fps: float,
                 media: tuple[QMediaFormat, str], on_done: Callable[[dict], None]) -> None:
        super().__init__()
        self.clip, self.header, self.notes = clip, header, []
        self.path = path.with_suffix(media[1])
        self.size, self.fps, self.on_done = size, fps, on_done
        self.frames, self.dropped, self.started = 0, 0, time.monotonic()
        self.stopping = False
        self.ended = False  # the empty frame that ends the stream has been sent
        self.waiting: QVideoFrame | None = None  # refused while the encoder was busy: sent when it is ready
        self.input = QVideoFrameInput(QVideoFrameFormat(size, QVideoFrameFormat.PixelFormat.Format_BGRA8888))
        self.session = QMediaCaptureSession()
        self.session.setVideoFrameInput(self.input)
        self.recorder = QMediaRecorder()
        self.session.setRecorder(self.recorder)
        self.recorder.setMediaFormat(media[0])
        self.recorder.setVideoResolution(size)
        self.recorder.setVideoFrameRate(fps)
        self.recorder.setQuality(QMediaRecorder.Quality.NormalQuality)
        self.recorder.setOutputLocation(QUrl.fromLocalFile(str(self.path)))
        self.recorder.setAutoStop(True)  # an empty frame ends the stream: the recorder flushes and stops
        self.recorder.recorderStateChanged.connect(self._state)
        self.recorder.errorOccurred.connect(self._error)
        self.input.readyToSendVideoFrame.connect(self._ready)
        self.error = ""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.recorder.record()

    def push(self, image: QImage, warning: str = "") -> None:
        if self.stopping:
            return
        frame = QVideoFrame(burn_in(image, self.header, self.notes, warning=warning).convertToFormat(
            QImage.Format.Format_ARGB32))
        start = int((time.monotonic() - self.started) * 1_000_000)
        frame.setStartTime(start)
        frame.setEndTime(start + int(1_000_000 / self.fps))
        if self.waiting is not None:
            self.waiting = frame  # the encoder is behind: the older frame is skipped, the clip goes on
            self.dropped += 1
        elif self.input.sendVideoFrame(frame):
            self.frames += 1
        else:
            self.waiting = frame

    def _ready(self) -> None:
        if self.waiting is not None and self.input.sendVideoFrame(self.waiting):
            self.frames += 1
            self.waiting = None
        self._end_stream()

    def _end_stream(self) -> None:
        """Stopping, with no frame left waiting: the empty frame that ends the stream (again at the
        next ``readyToSendVideoFrame`` when the encoder refuses it now)."""
        if self.stopping and self.waiting is None and not self.ended:
            self.ended = self.input.sendVideoFrame(QVideoFrame())

    def stop(self) -> None:
        """Finish the clip by ending its stream: an empty frame, once any frame still waiting is sent;
        the recorder (``autoStop``) then writes what it holds and stops, so even a one-frame clip is a
        playable file.

        ``QMediaRecorder.stop()`` right after a frame could lose it: with the two cores busy, 4 of 300
        one-frame clips came out with no video that way, against 0 of 300 ending the stream (two
        interleaved pairs of 150). The file is read back all the same (``clip_problem``): a clip
        without its video is reported failed, never finished."""
        if self.stopping:
            return
        self.stopping = True
        if self.frames == 0 and self.waiting is None:
            self.recorder.stop()  # nothing was filmed: said failed at once
            return
        QTimer.singleShot(3000, self, self._give_up)  # the encoder never took the end: fail it, not hang
        self._end_stream()

    def _give_up(self) -> None:
        if self.on_done is not None:
            self.recorder.stop()

    def _error(self, error, detail: str) -> None:
        self.error = detail or str(error)
        log.warning("clip %s: %s", self.clip, self.error)
        if self.recorder.recorderState() == QMediaRecorder.RecorderState.StoppedState:
            self._state(QMediaRecorder.RecorderState.StoppedState)

    def _state(self, state) -> None:
        if state != QMediaRecorder.RecorderState.StoppedState or self.on_done is None:
            return
        done, self.on_done = self.on_done, None
        actual = Path(self.recorder.actualLocation().toLocalFile() or self.path)
        problem = self.error or clip_problem(self.frames, actual)
        if problem:
            done({"ev": "clip_failed", "clip": self.clip, "path": str(actual), "detail": problem})
        else:
            done({"ev": "finished", "clip": self.clip, "path": str(actual), "duration_ms": int(self.recorder.duration()),
                  "frames": self.frames, "dropped": self.dropped})


class Recorder(QObject):
    """Follows the core's messages; ``say(dict)`` answers it."""

    def __init__(self, spec: CameraSpec, say: Callable[[dict], None], on_idle: Callable[[], None]) -> None:
        super().__init__()
        self.spec, self.say, self.on_idle = spec, say, on_idle
        self.size = QSize(*spec.size)
        self.clips: dict[int, ClipRecorder] = {}
        self.active: ClipRecorder | None = None
        self.quitting = False
        self.tick = 0
        self.media = choose_format()
        self.source = SimSource(self.size) if spec.kind == SIM else CameraSource(spec, self._camera_failed)
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, int(1000 / spec.fps)))
        self.timer.timeout.connect(self._frame)

    def open(self) -> None:
        problem = self.source.open()
        if problem:
            self.say({"ev": "camera_failed", "detail": problem})
            return
        self.size = self.source.size
        codec = self.media[0].videoCodec().name
        self.say({"ev": "ready", "camera": self.source.name, "codec": codec, "suffix": self.media[1],
                  "size": [self.size.width(), self.size.height()], "fps": self.spec.fps})

    # -- the core's messages ---------------------------------------------------------------
    def handle(self, message: dict) -> None:
        op = message["op"]
        if op == "start":
            self._start(int(message["clip"]), Path(message["path"]), list(message.get("header") or []))
        elif op == "note":
            clip = self.clips.get(int(message["clip"]))
            if clip is not None:
                clip.notes.append(str(message.get("line", "")))
        elif op == "stop":
            clip = self.clips.get(int(message["clip"]))
            if clip is not None:
                self._stop(clip)
        elif op == "photo":
            self._photo(message)
        elif op == "quit":
            self.quit()

    def quit(self) -> None:
        self.quitting = True
        if self.active is not None:
            self._stop(self.active)
        if not self.clips:
            self.on_idle()

    def _start(self, clip_id: int, path: Path, header: list[str]) -> None:
        if self.active is not None:
            self._stop(self.active)
        problem = self.source.open()
        if problem:
            self.say({"ev": "clip_failed", "clip": clip_id, "path": "", "detail": problem})
            return
        self.size = self.source.size
        clip = ClipRecorder(clip_id, path, header, self.size, self.spec.fps, self.media, self._done)
        self.clips[clip_id], self.active = clip, clip
        self._frame()
        if not self.timer.isActive():
            self.timer.start()
        self.say({"ev": "recording", "clip": clip_id})

    def _stop(self, clip: ClipRecorder) -> None:
        if clip is self.active:
            self._frame()
            self.active = None
            self.timer.stop()
        clip.stop()

    def _done(self, event: dict) -> None:
        clip = self.clips.pop(int(event["clip"]), None)
        if clip is self.active:
            self.active = None
            self.timer.stop()
        self.say(event)
        if clip is not None:
            clip.deleteLater()
        if self.quitting and not self.clips:
            self.on_idle()

    def _frame(self) -> None:
        if self.active is None:
            return
        self.tick += 1
        image, warning = self.source.picture(self.tick)
        if image is not None:
            self.active.push(image, warning)

    def _photo(self, message: dict) -> None:
        photo = int(message["photo"])
        problem = self.source.open()
        image, warning = (None, "") if problem else self.source.picture(self.tick)
        if image is None:
            self.say({"ev": "photo_failed", "photo": photo, "detail": problem or "no picture from the camera yet"})
            return
        path = Path(message["path"])
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [str(message.get("line", ""))] if message.get("line") else []
        if burn_in(image, list(message.get("header") or []), lines, warning=warning).save(str(path), "JPG", 90):
            self.say({"ev": "photo", "photo": photo, "path": str(path)})
        else:
            self.say({"ev": "photo_failed", "photo": photo, "detail": f"cannot write {path}"})

    def _camera_failed(self, detail: str) -> None:
        self.say({"ev": "camera_failed", "detail": detail})
        if self.active is not None:
            self.active.notes.append("CAMERA: " + detail)
            self._stop(self.active)  # what was filmed is finalised; the next clip tries the camera again


class SimSource:
    """Generated pictures: a camera for the demo and the tests."""

    name = "sim://"

    def __init__(self, size: QSize) -> None:
        self.size = size

    def open(self) -> str:
        return ""

    def picture(self, tick: int) -> tuple[QImage, str]:
        return simulated_scene(self.size.width(), self.size.height(), tick), ""


class CameraSource:
    """A real camera (``QCamera`` → ``QVideoSink``): its newest picture, scaled to the clip's size."""

    def __init__(self, spec: CameraSpec, on_failed: Callable[[str], None]) -> None:
        self.spec, self.on_failed = spec, on_failed
        self.size = QSize(*spec.size)
        self.camera = None
        self.latest: QImage | None = None
        self.latest_at = 0.0
        self.name = spec.uri

    def open(self) -> str:
        """Start the camera if it is not running; the reason when it cannot be."""
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        if self.camera is not None and self.camera.isActive():
            return ""
        device = find_camera(self.spec, QMediaDevices.videoInputs(), QMediaDevices.defaultVideoInput())
        if device is None:
            return f"no camera matches {self.spec.uri!r}" if self.spec.kind != "default" else "No camera detected"
        self.camera = QCamera(device)
        if self.camera.error() != QCamera.Error.NoError:
            return self.camera.errorString() or "the camera cannot be opened"
        self.session, self.sink = QMediaCaptureSession(), QVideoSink()
        self.session.setCamera(self.camera)
        self.session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._frame)
        self.camera.errorOccurred.connect(lambda _e, text: self.on_failed(text or "camera error"))
        self.camera.start()
        self.name = device.description()
        if not self.spec.size_given:
            resolution = self.camera.cameraFormat().resolution()
            if resolution.isValid():
                self.size = QSize(resolution.width() // 2 * 2, resolution.height() // 2 * 2)
        return "" if self.camera.isActive() else (self.camera.errorString() or "the camera did not start")

    def _frame(self, frame) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.latest, self.latest_at = image, time.monotonic()

    def picture(self, tick: int) -> tuple[QImage | None, str]:
        if self.latest is None:
            return None, ""
        image = self.latest.scaled(self.size)
        return image, "NO SIGNAL" if time.monotonic() - self.latest_at > STALE_S else ""


def find_camera(spec: CameraSpec, devices, default):
    """The camera a spec names among those the system lists (None: not there)."""
    if spec.kind == "default":
        return None if default.isNull() else default
    for device in devices:
        identity = bytes(device.id().data()).decode("utf-8", "replace")
        if spec.kind == "v4l2" and identity == spec.device:
            return device
        if spec.kind == "name" and device.description().strip().casefold() == spec.device.casefold():
            return device
    return None
