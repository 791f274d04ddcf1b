"""Scale emulators for tests: each protocol's device side, over a raw pty or a TCP socket.

The encoders here are written from the protocol notes independently of app.devices.scales
(the Massa-K CRC, for one, is computed as a polynomial remainder rather than bytewise), so
the parsers are checked against a second reading of the protocol, not against themselves.
"""
from __future__ import annotations

import os
import select
import socket
import threading
import time
import tty
from functools import reduce
from pathlib import Path
from typing import Callable


# --- device sides (pure: request bytes in, reply bytes out) ----------------------------------
class Device:
    """Holds the displayed weight; ``answer(data)`` returns bytes to send for received bytes."""

    streams = False

    def __init__(self) -> None:
        self.grams, self.stable = 0.0, True
        self.received = bytearray()
        self.zeroed = 0

    def answer(self, data: bytes) -> bytes:
        self.received += data
        return b""

    def frame(self) -> bytes:  # streaming devices only
        return b""


class Sics(Device):
    def answer(self, data: bytes) -> bytes:
        super().answer(data)
        out = b""
        while b"\r\n" in self.received:
            line, _, rest = bytes(self.received).partition(b"\r\n")
            self.received = bytearray(rest)
            if line == b"SI":
                out += f"S {'S' if self.stable else 'D'} {self.grams:10.2f} g\r\n".encode()
            elif line == b"Z":
                self.zeroed += 1
                out += b"Z A\r\n"
            else:
                out += b"ES\r\n"
        return out


class Toledo(Device):
    def answer(self, data: bytes) -> bytes:
        out = b""
        for byte in data:
            if byte == ord("W"):
                out += (b"\x02" + f"{self.grams / 1000:7.3f}".encode() + b"\r") if self.stable else b"\x02?\x61\r"
            elif byte == ord("Z"):
                self.zeroed += 1
        return out


class CasPd(Device):
    def answer(self, data: bytes) -> bytes:
        return b"".join(f"{self.grams / 1000:6.3f}\r".encode() for b in data if b == ord("W"))


class CasStream(Device):
    streams = True

    def frame(self) -> bytes:
        sign = "-" if self.grams < 0 else "+"
        return f"{'ST' if self.stable else 'US'},GS,{sign}{abs(self.grams) / 1000:8.3f}kg\r\n".encode()


def massak_crc(body: bytes) -> int:
    """Remainder of body(x) modulo x^16 + x^12 + x^5 + 1 (no augmentation)."""
    value = int.from_bytes(body, "big")
    for bit in range(value.bit_length() - 1, 15, -1):
        if value >> bit & 1:
            value ^= 0x11021 << (bit - 16)
    return value


def massak_frame(body: bytes, *, crc: int | None = None) -> bytes:
    crc = massak_crc(body) if crc is None else crc
    return b"\xF8\x55\xCE" + len(body).to_bytes(2, "little") + body + crc.to_bytes(2, "little")


class MassaK100(Device):
    def answer(self, data: bytes) -> bytes:
        super().answer(data)
        out = b""
        while True:
            at = self.received.find(b"\xF8\x55\xCE")
            if at < 0 or len(self.received) < at + 5:
                return out
            length = int.from_bytes(self.received[at + 3:at + 5], "little")
            end = at + 5 + length + 2
            if len(self.received) < end:
                return out
            command = self.received[at + 5]
            del self.received[:end]
            if command == 0x23:
                body = (bytes([0x24]) + int(round(self.grams)).to_bytes(4, "little", signed=True)
                        + bytes([1, int(self.stable), 0, int(self.grams == 0)]) + bytes(4))
                out += massak_frame(body)
            elif command == 0x72:
                self.zeroed += 1
                out += massak_frame(bytes([0x27]))


class MassaKJ(Device):
    def answer(self, data: bytes) -> bytes:
        out = b""
        for byte in data:
            if byte == ord("J"):
                magnitude = int(round(abs(self.grams)))
                weight = bytearray(magnitude.to_bytes(3, "little"))
                if self.grams < 0:
                    weight[2] |= 0x80
                out += bytes([0x80 if self.stable else 0x00, 0]) + bytes(weight)
        return out


def shtrih_frame(cmd: int, error: int, data: bytes) -> bytes:
    body = bytes([len(data) + 2, cmd, error]) + data
    return b"\x02" + body + bytes([reduce(lambda a, b: a ^ b, body, 0)])


class Shtrih(Device):
    def answer(self, data: bytes) -> bytes:
        super().answer(data)
        out = b""
        while self.received:
            first = self.received[0]
            if first == 0x05:  # ENQ: ready for a command
                del self.received[0]
                out += b"\x15"
            elif first == 0x06:  # host ACK of our reply
                del self.received[0]
            elif first == 0x02:
                if len(self.received) < 2 or len(self.received) < self.received[1] + 3:
                    return out
                frame = bytes(self.received[: self.received[1] + 3])
                del self.received[: len(frame)]
                cmd = frame[2]
                if cmd == 0x3A and frame[3:7] == b"0030":
                    status = 0x0004 | (0x0011 if self.stable else 0)
                    payload = (status.to_bytes(2, "little") + int(round(self.grams)).to_bytes(4, "little", signed=True)
                               + bytes(2))
                    out += b"\x06" + shtrih_frame(0x3A, 0, payload)
                elif cmd == 0x30:
                    self.zeroed += 1
                    out += b"\x06" + shtrih_frame(0x30, 0, b"")
                else:
                    out += b"\x06" + shtrih_frame(cmd, 0x01, b"")
            else:
                del self.received[0]
        return out


DEVICES: dict[str, Callable[[], Device]] = {
    "sics": Sics, "toledo8217": Toledo, "cas": CasPd, "cas-stream": CasStream,
    "massak100": MassaK100, "massakj": MassaKJ, "shtrih": Shtrih,
}


# --- the wire ----------------------------------------------------------------------------------
class _Emulator:
    """Runs a Device on a link in a thread. Faults: ``garbage`` (sent before the next reply),
    ``split`` (each reply in two writes, 30 ms apart), ``mangle`` (rewrites replies)."""

    period_s = 0.03  # stream interval

    def __init__(self, device: Device) -> None:
        self.device = device
        self.lock = threading.Lock()
        self.garbage = b""
        self.split = False
        self.mangle: Callable[[bytes], bytes] | None = None
        self.sent_replies = 0
        self.requests = bytearray()  # everything the host ever sent
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"emulator-{type(device).__name__}", daemon=True)

    def set_weight(self, grams: float, stable: bool = True) -> None:
        with self.lock:
            self.device.grams, self.device.stable = grams, stable

    def start(self):
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)
        self._close_link()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _reply(self, data: bytes) -> None:
        with self.lock:
            if self.mangle is not None and data:
                data = self.mangle(data)
            if data:
                data, self.garbage = self.garbage + data, b""
                self.sent_replies += 1
        if not data:
            return
        if self.split and len(data) > 1:
            half = len(data) // 2
            self._send(data[:half])
            time.sleep(0.03)  # the device pausing mid-frame
            data = data[half:]
        self._send(data)

    def _loop(self) -> None:
        next_frame = time.monotonic()
        while not self._stop.is_set():
            fd = self._wait_readable(0.01)
            if fd is not None:
                data = self._recv(fd)
                if data:
                    with self.lock:
                        self.requests += data
                        reply = self.device.answer(data)
                    self._reply(reply)
            if self.device.streams and time.monotonic() >= next_frame:
                next_frame = time.monotonic() + self.period_s
                with self.lock:
                    frame = self.device.frame()
                self._reply(frame)

    # link-specific
    def _wait_readable(self, timeout: float): raise NotImplementedError
    def _recv(self, fd) -> bytes: raise NotImplementedError
    def _send(self, data: bytes) -> None: raise NotImplementedError
    def _close_link(self) -> None: raise NotImplementedError


class PtyEmulator(_Emulator):
    """A raw pty pair (``tty.setraw`` on both ends). ``path`` is the slave (/dev/pts/N); ``link``
    (optional) is a symlink to it that survives ``pull_cable()`` + ``replug()``, the way a
    udev by-id name survives unplugging a USB-serial adapter."""

    def __init__(self, device: Device, link: Path | None = None) -> None:
        super().__init__(device)
        self.link = link
        self._master = self._slave = -1
        self._open_pty()

    def _open_pty(self) -> None:
        master, slave = os.openpty()
        tty.setraw(master)
        tty.setraw(slave)
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        self.path = os.ttyname(slave)
        if self.link is not None:
            tmp = self.link.with_name(self.link.name + ".new")
            tmp.unlink(missing_ok=True)
            tmp.symlink_to(self.path)
            os.replace(tmp, self.link)

    def pull_cable(self) -> None:
        """Close the device end: the host's reads fail with EIO, like a pulled USB adapter."""
        with self.lock:
            self._close_link()

    def replug(self) -> None:
        with self.lock:
            self._open_pty()

    def _close_link(self) -> None:
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1

    def _wait_readable(self, timeout: float):
        master = self._master
        if master < 0:
            time.sleep(timeout)
            return None
        try:
            ready, _, _ = select.select([master], [], [], timeout)
        except (OSError, ValueError):  # closed under us by pull_cable
            return None
        return master if ready else None

    def _recv(self, fd) -> bytes:
        try:
            return os.read(fd, 4096)
        except OSError:  # EIO while nobody holds the slave, EAGAIN, or closed
            return b""

    def _send(self, data: bytes) -> None:
        with self.lock:
            if self._master < 0:
                return
            try:
                os.write(self._master, data)
            except OSError:  # buffer full while nobody reads: a streaming device drops it
                pass


class TcpEmulator(_Emulator):
    """An Ethernet scale on 127.0.0.1: one client at a time; ``drop_client()`` resets it."""

    def __init__(self, device: Device) -> None:
        super().__init__(device)
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._client: socket.socket | None = None
        self.connections = 0

    def drop_client(self) -> None:
        with self.lock:
            if self._client is not None:
                self._client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                self._client.close()  # linger 0: the host sees a reset
                self._client = None

    def _wait_readable(self, timeout: float):
        with self.lock:
            watch = [self._server] + ([self._client] if self._client else [])
        try:
            ready, _, _ = select.select(watch, [], [], timeout)
        except (OSError, ValueError):  # the client closed under us by drop_client: look again
            return None
        if self._server in ready:
            conn, _ = self._server.accept()
            with self.lock:
                if self._client is not None:
                    self._client.close()
                self._client = conn
                self.connections += 1
            return None
        return self._client if ready else None

    def _recv(self, sock) -> bytes:
        try:
            data = sock.recv(4096)
        except OSError:
            data = b""
        if not data:
            with self.lock:
                if self._client is sock:
                    self._client.close()
                    self._client = None
        return data

    def _send(self, data: bytes) -> None:
        with self.lock:
            client = self._client
            if client is None:
                return
            try:
                client.sendall(data)
            except OSError:
                pass

    def _close_link(self) -> None:
        with self.lock:
            if self._client is not None:
                self._client.close()
                self._client = None
        self._server.close()
