"""What both carrier fakes share: a loopback HTTP server, faults on demand, a label PDF with the
tracking number as a Code 128 barcode (bars whole 203 dpi dots, like the Ozon simulator's labels)."""
from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from app.sim.ozon import pdf
from app.sim.ozon.label import draw_barcode


@dataclass
class Faults:
    """Faults for the next matching calls: ``"POST /orders"`` (method + path prefix) -> count."""

    timeout: dict[str, int] = field(default_factory=dict)   # closed without an answer, NOT applied
    lose: dict[str, int] = field(default_factory=dict)      # applied, then closed without an answer
    down: bool = False                                       # every call: 503
    # applied, then ``callback()`` (e.g. kill the client's process: a crash mid-call), answer lost
    crash: dict[str, object] = field(default_factory=dict)

    def crash_for(self, method: str, path: str):
        for key, callback in list(self.crash.items()):
            verb, _, prefix = key.partition(" ")
            if verb == method and path.startswith(prefix):
                del self.crash[key]
                return callback
        return None

    def take(self, table: dict[str, int], method: str, path: str) -> bool:
        for key, left in list(table.items()):
            verb, _, prefix = key.partition(" ")
            if left > 0 and verb == method and path.startswith(prefix):
                table[key] = left - 1
                return True
        return False


class Drop(Exception):
    """Close the connection without an answer."""


class FakeServer:
    """``handle(method, path, query, headers, body) -> (status, content_type, bytes)`` on a loopback port."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.faults = Faults()
        self.lock = threading.RLock()
        self.calls: list[tuple[str, str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def _any(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with fake.lock:
                    fake.calls.append((self.command, parts.path))
                    if fake.faults.down:
                        answer = (503, "application/json", b'{"errors":[{"code":"unavailable","message":"down"}]}')
                    elif fake.faults.take(fake.faults.timeout, self.command, parts.path):
                        answer = None
                    else:
                        lose = fake.faults.take(fake.faults.lose, self.command, parts.path)
                        crash = fake.faults.crash_for(self.command, parts.path)
                        answer = fake.handle(self.command, parts.path, parse_qs(parts.query), self.headers, body)
                        if crash is not None:
                            crash()
                        if lose or crash is not None:
                            answer = None
                if answer is None:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                status, kind, data = answer
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _any

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def handle(self, method, path, query, headers, body):  # pragma: no cover - each fake defines it
        raise NotImplementedError

    def start(self):
        self._thread = threading.Thread(target=self._server.serve_forever, name=f"{self.name}-fake", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def as_json(status: int, data) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(data, ensure_ascii=False).encode()


def label_pdf(tracking: str, lines: list[str], width_mm: float, height_mm: float) -> bytes:
    page = pdf.Page(width_mm * pdf.MM, height_mm * pdf.MM)
    margin = 5 * pdf.MM
    top = margin + 10
    for line in lines:
        page.text(margin, top, 9, line.encode("ascii", "replace").decode())
        top += 12
    draw_barcode(page, tracking, top + 10, 25 * pdf.MM, page.width - 2 * margin)
    page.text(margin, top + 25 * pdf.MM + 24, 12, tracking, bold=True)
    return pdf.build([page])
