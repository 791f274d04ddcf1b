"""Test helpers for the Ozon client: a scripted HTTP stub on 127.0.0.1 and a simulated clock.

``ScriptedOzon`` answers each POST (or GET) path with the next queued :class:`Reply` for that path
(404 with an Ozon-style body when nothing is queued) and records every request it got.
Faults: ``Reply(delay=…)`` answers late (for read timeouts), ``Reply(reset=True)`` reads the
request and then resets the connection without answering.
"""
from __future__ import annotations

import collections
import json
import socket
import struct
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

API_KEY = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
CLIENT_ID = "100500"


@dataclass
class Reply:
    status: int = 200
    json: object = None
    body: bytes | None = None
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    reset: bool = False

    def payload(self) -> tuple[bytes, str]:
        if self.body is not None:
            return self.body, self.headers.get("Content-Type", "application/octet-stream")
        return json.dumps(self.json if self.json is not None else {}).encode(), "application/json"


def error_reply(status: int, message: str, code: int = 3, **kwargs) -> Reply:
    """An Ozon rpcStatus error body."""
    return Reply(status=status, json={"code": code, "message": message, "details": []}, **kwargs)


@dataclass
class Recorded:
    path: str
    headers: dict
    body: bytes

    @property
    def json(self):
        return json.loads(self.body)


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802: a file download (label files), queued like a POST under its path
        self.do_POST()

    def do_POST(self):  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        stub = self.server.stub
        reply = stub._record_and_pop(Recorded(self.path, dict(self.headers), body))
        if reply.delay:
            stub.released.wait(reply.delay)
        if reply.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        payload, content_type = reply.payload()
        try:
            self.send_response(reply.status)
            for name, value in {"Content-Type": content_type, **reply.headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except OSError:  # the client gave up (read timeout): nothing to answer to
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    stub: "ScriptedOzon"

    def handle_error(self, request, client_address):  # resets and timeouts are expected here
        pass


class ScriptedOzon:
    """A scripted stand-in for Ozon. Use as a context manager; ``url`` is its base URL."""

    def __init__(self):
        self._lock = threading.Lock()
        self._queues: dict[str, collections.deque[Reply]] = collections.defaultdict(collections.deque)
        self.requests: list[Recorded] = []
        self.released = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.stub = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="scripted-ozon", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def queue(self, path: str, *replies: Reply) -> None:
        with self._lock:
            self._queues[path].extend(replies)

    def paths(self) -> list[str]:
        with self._lock:
            return [item.path for item in self.requests]

    def bodies(self, path: str) -> list:
        with self._lock:
            return [item.json for item in self.requests if item.path == path]

    def _record_and_pop(self, recorded: Recorded) -> Reply:
        with self._lock:
            self.requests.append(recorded)
            queue = self._queues.get(recorded.path)
            if queue:
                return queue.popleft()
        return error_reply(404, f"no scripted reply for {recorded.path}", code=5)

    def __enter__(self) -> ScriptedOzon:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.released.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class FakeTime:
    """A simulated monotonic clock; ``sleep`` records the wait and advances the clock."""

    def __init__(self, start: float = 1000.0):
        self.now = start
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def clock(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += max(0.0, seconds)


def refused_url() -> str:
    """A loopback URL on which nothing listens (connection refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class RecordingSession(requests.Session):
    """A real session that also records the keyword arguments of every request."""

    def __init__(self):
        super().__init__()
        self.calls: list[dict] = []

    def request(self, method, url, **kwargs):
        self.calls.append({"method": method, "url": url, **kwargs})
        return super().request(method, url, **kwargs)


def make_client(url: str, fake: FakeTime | None = None, **kwargs):
    """An OzonClient on simulated time with deterministic (maximal) backoff jitter."""
    from app.services.ozon.client import OzonClient

    fake = fake or FakeTime()
    options = dict(sleep=fake.sleep, clock=fake.clock, rng=lambda: 1.0, timeout=(2.0, 5.0))
    options.update(kwargs)
    return OzonClient(url, CLIENT_ID, API_KEY, **options)


def posting_json(number: str = "57195475-0050-3", **overrides) -> dict:
    """A v4-list posting as Ozon sends it (the spec's /v3/posting/fbs/get example, v4 price shape)."""
    posting = {
        "posting_number": number,
        "order_id": 438764970,
        "order_number": number.rsplit("-", 1)[0],
        "status": "awaiting_packaging",
        "substatus": "posting_created",
        "delivery_method": {"id": 18114520187000, "name": "Ozon Логистика самостоятельно, Москва",
                            "warehouse_id": 18114520187000, "warehouse": "Москва основной",
                            "tpl_provider_id": 24, "tpl_provider": "Ozon Логистика"},
        "tracking_number": "",
        "tpl_integration_type": "ozon",
        "in_process_at": "2021-11-20T09:14:16Z",
        "shipment_date": "2021-11-23T10:00:00.123Z",
        "delivering_date": None,
        "cancellation": {"cancel_reason_id": 0, "cancel_reason": "", "cancellation_type": "",
                         "cancelled_after_ship": False},
        "products": [{"price": {"amount": "279.0000", "currency": "RUB"}, "offer_id": "250-7898-1",
                      "name": "Кофе ароматизированный \"Шоколадный апельсин\" 250 гр", "sku": 180550365,
                      "quantity": 1, "imei": []}],
        "barcodes": {"upper_barcode": "%101%806044518", "lower_barcode": "20325804886000"},
        "available_actions": ["ship", "cancel", "label_download"],
        "requirements": {"products_requiring_gtd": [], "products_requiring_mandatory_mark": []},
        "is_multibox": False,
        "multi_box_qty": 1,
        "parent_posting_number": "",
        "delivery_schema": "FBS",
        "is_express": False,
    }
    posting.update(overrides)
    return posting
