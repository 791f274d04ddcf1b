"""``ScaleReader``: one I/O thread per scale that polls or listens, parses, and reconnects."""
from __future__ import annotations

import queue
import time
from typing import Callable

from ..common.worker import DeviceWorker
from .errors import ScaleError, ScaleTimeout, ScaleUnavailable, TransportLost
from .protocols.base import ScaleProtocol
from .reading import Reading
from .transports.base import Transport
from .transports.sim import SimulatedScale

ReadingCallback = Callable[[Reading], None]
StateCallback = Callable[[str], None]

COMMAND_MAX_AGE_S = 2.0  # a zero/tare asked for while disconnected is dropped, not sent later
NOISE_REPORT_BYTES = 64  # report unrecognised bytes once this many piled up without a frame


class ScaleReader(DeviceWorker):
    """Owns one scale. Callbacks run on the I/O thread: keep them short and thread-safe.

    States reported through ``on_state``: "connecting", "connected", "disconnected: REASON",
    "unavailable: REASON" (the transport can't work here; the reader gives up), "stopped".
    The connect/reconnect loop is ``DeviceWorker``'s; this class adds polling and parsing.
    """

    def __init__(self, make_transport: Callable[[], Transport], protocol: ScaleProtocol, *, port: str,
                 on_reading: ReadingCallback | None = None, on_state: StateCallback | None = None,
                 poll_interval: float = 0.2, reply_timeout: float = 1.0, silence_timeout: float = 3.0,
                 backoff: tuple[float, float] = (0.25, 5.0),
                 simulator: SimulatedScale | None = None) -> None:
        super().__init__(make_transport, kind="scale", port=port, on_state=on_state, backoff=backoff)
        self.protocol = protocol
        self.simulator = simulator  # sim:// only: the platform the demo's parcel goes on (app/sim/parcel.py)
        self.on_reading = on_reading
        self.poll_interval, self.reply_timeout, self.silence_timeout = poll_interval, reply_timeout, silence_timeout
        self._latest: Reading | None = None
        self._latest_at = 0.0
        self._commands: queue.SimpleQueue[tuple[float, bytes]] = queue.SimpleQueue()

    # --- any thread ------------------------------------------------------------------------
    def latest(self) -> Reading | None:
        with self._cond:
            return self._latest

    def wait_reading(self, timeout: float, *, settled: bool = False, max_age: float | None = None) -> Reading | None:
        """The first reading (settled only, if asked) received after the call, or up to ``max_age``
        seconds before it; None at timeout. By default ``max_age`` is 0, or unlimited for devices that
        may stay quiet while nothing changes (HID scales): their last report is still the truth."""
        if max_age is None:
            max_age = float("inf") if self.protocol.quiet_when_still else 0.0
        deadline = time.monotonic() + timeout
        with self._cond:
            oldest = time.monotonic() - max_age
            while True:
                reading = self._latest
                if reading is not None and self._latest_at >= oldest and (reading.settled or not settled):
                    return reading
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._state.startswith("unavailable") or self._stop.is_set():
                    return None
                self._cond.wait(remaining)

    def read_stable(self, timeout: float) -> Reading:
        """A settled reading (stable, zero or negative) taken now; raises ScaleTimeout or ScaleUnavailable."""
        reading = self.wait_reading(timeout, settled=True)
        if reading is not None:
            return reading
        state = self.state
        if state.startswith("unavailable"):
            raise ScaleUnavailable(state.partition(": ")[2])
        last = self.latest()
        seen = f"last reading {last.state}" if last else "no reading"
        raise ScaleTimeout(f"scale {self.port}: no stable weight within {timeout:g} s ({seen}; {state})")

    def zero(self) -> None:
        self._queue(self.protocol.zero, "zero")

    def tare(self) -> None:
        self._queue(self.protocol.tare, "tare")

    def _queue(self, command: bytes | None, what: str) -> None:
        if command is None:
            raise ScaleError(f"the {self.protocol.title} protocol has no {what} command")
        self._commands.put((time.monotonic(), command))

    # --- the I/O thread ------------------------------------------------------------------
    def _session(self, transport: Transport) -> bool:
        """Talk to a connected device until stopped; returns whether any frame arrived."""
        proto = self.protocol
        splitter = proto.new_splitter()
        skip = proto.skip_first
        got_frame = awaiting = False
        last_rx = time.monotonic()
        last_poll = float("-inf")
        if proto.polled:
            self._drain_input(transport)
        noise = bytearray()  # unrecognised bytes not yet reported
        while not self._stop.is_set():
            self._send_commands(transport)
            now = time.monotonic()
            if proto.polled and now - last_poll >= (self.reply_timeout if awaiting else self.poll_interval):
                transport.write(proto.poll)
                last_poll, awaiting = now, True
            data = transport.read()
            if not data:
                if noise:
                    self._report_noise(noise, publish=True)
                if proto.polled and time.monotonic() - last_rx > self.silence_timeout:
                    raise TransportLost(f"no answer for {self.silence_timeout:g} s")
                continue
            last_rx = time.monotonic()
            frames = splitter.feed(data)
            noise += splitter.take_garbage()
            if noise and (frames or len(noise) >= NOISE_REPORT_BYTES):
                self._report_noise(noise, publish=not frames)
            for frame in frames:
                got_frame, awaiting = True, False
                if proto.ack:
                    transport.write(proto.ack)
                if skip:
                    skip -= 1
                    continue
                self._handle(frame)
        return got_frame

    def _report_noise(self, noise: bytearray, *, publish: bool) -> None:
        """Log bytes that fit no frame; alone (no frame beside them) they make an invalid reading."""
        self._warn("noise", "ignored %d unrecognised bytes: %s", len(noise), noise.hex(" "))
        if publish:
            self._publish(Reading.invalid(bytes(noise), "unrecognised bytes"))
        noise.clear()

    def _drain_input(self, transport: Transport) -> None:
        """Drop what a polled device sent before we asked (a stale answer would skew the first reading)."""
        for _ in range(3):
            if not transport.read():
                return

    def _handle(self, frame: bytes) -> None:
        try:
            reading = self.protocol.parse(frame)
        except Exception:  # a parser bug on odd bytes must not stop the scale
            self.log.exception("cannot parse frame %s", frame.hex(" "))
            reading = Reading.invalid(frame, "unparseable frame")
        if reading is None:
            self.log.debug("frame without weight: %s", frame.hex(" "))
            return
        if reading.state == "invalid":
            self._warn(reading.detail, "invalid reading (%s): %s", reading.detail, frame.hex(" "))
        self._publish(reading)

    def _send_commands(self, transport: Transport) -> None:
        while True:
            try:
                asked_at, command = self._commands.get_nowait()
            except queue.Empty:
                return
            if time.monotonic() - asked_at <= COMMAND_MAX_AGE_S:
                self.log.info("sending %s", command.hex(" "))
                transport.write(command)

    def _publish(self, reading: Reading) -> None:
        with self._cond:
            self._latest, self._latest_at = reading, time.monotonic()
            self._cond.notify_all()
        self._callback(self.on_reading, reading)

    def _state_changed_locked(self, state: str) -> None:
        if state != "connected":
            self._latest = None  # no device, no current weight
