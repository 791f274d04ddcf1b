"""The simulator's HTTP server: Ozon's paths, auth, JSON, faults, and the /_sim control API; beside
it a second loopback server standing in for the CDN that label files are downloaded from.

    with OzonSimulator(WorldConfig(postings=20, seed=7)) as sim:
        base_url = sim.base_url          # http://127.0.0.1:PORT
        sim.faults.rate_429 = 0.1
        sim.world.cancel("12345678-0001-1")

A method Ozon has switched off (``app.services.ozon.retired``) answers 404 with an rpcStatus
``{"code": 5, "message": "..."}`` that names its replacement, whatever the credentials: never data.
"""
from __future__ import annotations

import json
import logging
import socket
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import urlsplit

from app.sim.ozon import control
from app.services.ozon.retired import retired
from app.sim.ozon.carriages import Carriages
from app.sim.ozon.chat import Chats
from app.sim.ozon.context import Binary, Context, Stats
from app.sim.ozon.errors import (
    INTERNAL, MSG_HEADERS_REQUIRED, MSG_INTERNAL, MSG_INVALID_KEY, MSG_RATE_LIMIT, NOT_FOUND,
    PERMISSION_DENIED, RESOURCE_EXHAUSTED, UNAUTHENTICATED, ApiError, invalid, rpc_status,
)
from app.sim.ozon.faults import Faults
from app.sim.ozon.file_host import FileHostHandler
from app.sim.ozon.handlers import ROUTES
from app.sim.ozon.label_tasks import LabelTasks
from app.sim.ozon.own_carrier import StatusChanges
from app.sim.ozon.world import World, WorldConfig

log = logging.getLogger("packdesk.sim.ozon.http")

DEFAULT_CLIENT_ID = "100000"
DEFAULT_API_KEY = "demo-key"


class _Server(ThreadingHTTPServer):
    """Serves each connection on a daemon thread and can end them all on close."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, handler, sim: "OzonSimulator"):
        self.sim = sim
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self._connections: dict[threading.Thread, socket.socket] = {}
        self._connections_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        thread = threading.Thread(target=self._serve_connection, args=(request, client_address),
                                  name="ozon-sim-connection", daemon=True)
        with self._connections_lock:
            self._connections[thread] = request
        thread.start()

    def _serve_connection(self, request, client_address):
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self._connections_lock:
                self._connections.pop(threading.current_thread(), None)

    def close_connections(self, timeout: float) -> None:
        with self._connections_lock:
            open_ones = list(self._connections.items())
        for _, sock in open_ones:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread, _ in open_ones:
            thread.join(timeout)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stalls
    timeout = 60  # idle keep-alive connections end after this
    server: _Server

    def version_string(self) -> str:
        return "nginx"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (BaseHTTPRequestHandler's name)
        log.debug("%s %s", self.address_string(), format % args)

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        body = self._read_body()
        if body is None:
            return
        if url.path.startswith("/_sim/"):
            self._control(method, url.path, url.query, body)
        else:
            self._ozon(method, url.path, body)

    def _read_body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        try:
            size = int(length)
        except ValueError:
            self._send_json(400, rpc_status(3, "invalid Content-Length"))
            return None
        return self.rfile.read(size) if size > 0 else b""

    # ----------------------------------------------------------------- /_sim

    def _control(self, method: str, path: str, query: str, body: bytes) -> None:
        if not control.is_loopback(self.client_address[0]):
            self._send_json(403, {"error": "control endpoints answer loopback clients only"})
            return
        status, answer = control.handle(self.server.sim, method, path, query, body)
        self._send_json(status, answer)

    # ----------------------------------------------------------------- Ozon

    def _ozon(self, method: str, path: str, body: bytes) -> None:
        sim = self.server.sim
        sim.stats.request(path)
        decision = sim.faults.decide(path)
        if decision.latency_s:
            time.sleep(decision.latency_s)
        if decision.before is not None:
            self._fault(path, decision.before)
            return
        try:
            reply = self._handle(method, path, body)
        except ApiError as exc:
            reply = exc
        except Exception:  # a bug in the simulator: answer like Ozon's gateway, keep serving
            log.exception("simulator failed on %s", path)
            reply = ApiError(500, INTERNAL, MSG_INTERNAL)
        content_type, headers = "application/json", {}
        if isinstance(reply, ApiError):
            status, data = reply.http_status, _json(reply.body())
        elif isinstance(reply, Binary):
            status, data, content_type = 200, reply.data, reply.content_type
        else:
            status, data = 200, _json(reply)
        if decision.after == "malformed":  # carried out, but the answer arrives cut in half
            sim.stats.answer(path, "malformed")
            self._send(status, content_type, data[: len(data) // 2], headers)
        elif decision.after is not None:  # carried out, but the answer is lost or replaced
            self._fault(path, decision.after)
        else:
            sim.stats.answer(path, status)
            self._send(status, content_type, data, headers)

    def _handle(self, method: str, path: str, body: bytes) -> dict | Binary:
        sim = self.server.sim
        gone = retired(path)
        if gone is not None:
            instead = f"; use {gone.use_instead}" if gone.use_instead else ""
            raise ApiError(404, NOT_FOUND, f"method {path} was switched off on {gone.since.isoformat()}{instead}")
        route: Callable | None = ROUTES.get(path)
        if route is None or method != "POST":
            raise ApiError(404, NOT_FOUND, "Not Found")
        client_id = self.headers.get("Client-Id")
        api_key = self.headers.get("Api-Key")
        if not client_id or not api_key:
            raise ApiError(401, UNAUTHENTICATED, MSG_HEADERS_REQUIRED)
        seller = sim.sellers.get(client_id)  # one host, several seller accounts (``add_seller``)
        if seller is None or api_key != seller.api_key:
            raise ApiError(403, PERMISSION_DENIED, MSG_INVALID_KEY)
        try:
            data = json.loads(body.decode("utf-8")) if body.strip() else {}
        except (UnicodeDecodeError, ValueError):
            raise invalid("proto: syntax error (line 1:1): unexpected token") from None
        if not isinstance(data, dict):
            raise invalid("proto: syntax error (line 1:1): unexpected token, expected object")
        return route(seller.context, data)

    def _fault(self, path: str, status: int | str) -> None:
        stats = self.server.sim.stats
        if status in (0, "reset"):
            stats.answer(path, "reset")
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        stats.answer(path, status)
        if status == 429:
            retry = str(self.server.sim.faults.retry_after_s)
            self._send_json(429, rpc_status(RESOURCE_EXHAUSTED, MSG_RATE_LIMIT), {"retry-after": retry})
        elif status == 500:
            self._send_json(500, rpc_status(INTERNAL, MSG_INTERNAL))
        elif status >= 500:  # what the gateway in front of the API answers
            phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
            page = f"<html><head><title>{status} {phrase}</title></head><body><h1>{status} {phrase}</h1></body></html>"
            self._send(status, "text/html", page.encode())
        else:
            self._send_json(status, rpc_status(3, "simulated fault"))

    def _send_json(self, status: int, body: dict, headers: dict[str, str] | None = None) -> None:
        self._send(status, "application/json", _json(body), headers)

    def _send(self, status: int, content_type: str, data: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


def _json(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _url(server: _Server) -> str:
    host, port = server.server_address[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _loopback_of(host: str) -> str:
    """The file host listens on loopback (the client downloads plain http from loopback only)."""
    return "::1" if ":" in host else "127.0.0.1"


def _serve(server: _Server, name: str) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name=name, daemon=True)
    thread.start()
    return thread


class OzonSimulator:
    """The Ozon Seller API on a loopback port, backed by a seeded world.

    ``world``, ``faults`` and ``stats`` may be used directly in-process; everything is also
    reachable over HTTP under ``/_sim/`` (see app.sim.ozon.control).
    """

    def __init__(self, config: WorldConfig | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 client_id: str = DEFAULT_CLIENT_ID, api_key: str = DEFAULT_API_KEY,
                 fault_seed: int | None = None, clock: Callable[[], float] = time.time):
        self.world = World(config, clock)
        self.faults = Faults(self.world.config.seed if fault_seed is None else fault_seed)
        self.stats = Stats()
        self.client_id = client_id
        self.api_key = api_key
        self.labels = LabelTasks(self.world, lambda: self.files_url)
        self.carriages = Carriages(self.world)
        self.chats = Chats(self.world)
        self.context = Context(self.world, self.faults, self.stats, self.labels, client_id, self.carriages,
                               StatusChanges(self.world), self.chats)
        self._address = (host, port)
        # Client-Id -> the seller account it is (this one, and those ``add_seller`` adds)
        self.sellers: dict[str, OzonSimulator] = {client_id: self}
        self._host: OzonSimulator = self  # whose ports serve this seller
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._files: _Server | None = None  # the CDN of label files: a second port
        self._files_thread: threading.Thread | None = None

    def add_seller(self, client_id: str, api_key: str, config: WorldConfig | None = None) -> OzonSimulator:
        """Another seller account on the same host, as Ozon serves every seller: its own world
        (postings, products, warehouses), reached with its own Client-Id and key; the faults and
        request counts are the host's. Returns it (``world``; ``/_sim/`` levers take ``?seller=ID``)."""
        if client_id in self.sellers:
            raise ValueError(f"seller {client_id} is there already")
        seller = OzonSimulator(config, client_id=client_id, api_key=api_key, clock=self.world.clock)
        seller.faults, seller.stats, seller._host = self.faults, self.stats, self
        seller.context = Context(seller.world, seller.faults, seller.stats, seller.labels, client_id,
                                 seller.carriages, StatusChanges(seller.world), seller.chats)
        self.sellers[client_id] = seller
        return seller

    @property
    def base_url(self) -> str:
        host = self._host
        if host._server is None:
            raise RuntimeError("the simulator is not running")
        return _url(host._server)

    @property
    def files_url(self) -> str:
        """The file host's base URL (label tasks' ``file_url`` links start with it)."""
        host = self._host
        if host._files is None:
            raise RuntimeError("the simulator is not running")
        return _url(host._files)

    def start(self) -> str:
        """Bind the API and the file host (port 0: any free port), serve both on background
        threads; returns the API's base URL."""
        if self._server is not None:
            return self.base_url
        self._server = _Server(self._address, _Handler, self)
        try:
            self._files = _Server((_loopback_of(self._address[0]), 0), FileHostHandler, self)
        except OSError:
            self._server.server_close()
            self._server = None
            raise
        self._thread = _serve(self._server, "ozon-sim")
        self._files_thread = _serve(self._files, "ozon-sim-files")
        log.info("Ozon simulator listening on %s (%d postings), label files on %s", self.base_url,
                 len(self.world.posting_numbers()), self.files_url)
        return self.base_url

    def close(self) -> None:
        """Stop serving, end open connections and release both ports."""
        if self._server is None:
            return
        for server, thread in ((self._server, self._thread), (self._files, self._files_thread)):
            server.shutdown()
            server.close_connections(timeout=5)
            server.server_close()
            if thread is not None:
                thread.join(5)
        self._server = self._thread = self._files = self._files_thread = None

    def __enter__(self) -> "OzonSimulator":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()
