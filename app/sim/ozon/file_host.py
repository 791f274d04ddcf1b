"""The simulated CDN that label tasks' ``file_url`` links point to: a second loopback HTTP server.

    GET /labels/<token>/<name>.pdf  -> 200 the PDF (application/octet-stream, as Ozon's CDN sends it)
                                       403 once the link expired, 404 for a path it never gave out
    GET /images/<sku>.png           -> 200 the product's photo (app/sim/ozon/photos.py), 404 otherwise

It takes no credentials and records each request, and whether ``Client-Id`` or ``Api-Key``
arrived with it (``stats.as_dict()["files"]``, also under GET /_sim/stats): they must never.
"""
from __future__ import annotations

import logging
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from app.sim.ozon.photos import photo_png, sku_of

if TYPE_CHECKING:
    from app.sim.ozon.server import OzonSimulator

log = logging.getLogger("packdesk.sim.ozon.files")

_EXPIRED = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
            b"<Message>Request has expired</Message></Error>")
_MISSING = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code>'
            b"<Message>The specified key does not exist.</Message></Error>")


class FileHostHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    timeout = 60

    def version_string(self) -> str:
        return "cdn"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (BaseHTTPRequestHandler's name)
        log.debug("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        sim: OzonSimulator = self.server.sim
        credentials = any(self.headers.get(name) is not None for name in ("Client-Id", "Api-Key"))
        sim.stats.file_request(credentials)
        if credentials:
            log.warning("the file host got Ozon API credentials with %s", urlsplit(self.path).path)
        path = urlsplit(self.path).path
        sku = sku_of(path)
        if sku is not None:
            if any(product.sku == sku for seller in sim.sellers.values() for product in seller.world.products):
                self._send(200, "image/png", photo_png(sku))
            else:
                self._send(404, "application/xml", _MISSING)
            return
        parts = path.split("/")
        found = None
        if len(parts) == 4 and parts[1] == "labels":
            for seller in sim.sellers.values():  # every seller's files come from the one host
                found = seller.labels.file(parts[2])
                if found is not None:
                    break
        if found is None:
            self._send(404, "application/xml", _MISSING)
        elif found is False:
            self._send(403, "application/xml", _EXPIRED)
        else:
            self._send(200, "application/octet-stream", found)

    def _send(self, status: int, content_type: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
