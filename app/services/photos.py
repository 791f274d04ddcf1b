"""Product photos (Ozon's ``primary_image``) cached under ``<data_dir>/photos/``.

The links point at Ozon's CDN, not at the API host: they are fetched with the same rule as label
files (app/services/ozon/labels.py): never with ``Client-Id``/``Api-Key``, https only (plain http
to a loopback host only). A photo is written atomically (temporary file, fsync, rename) under a
name derived from its link, so it is downloaded once; what is not a decodable image is never kept,
and the folder is bounded: the least recently used photos go first when it grows past its limit.

Qt-free and blocking: the pack view asks ``ProductPhotos.photo(sku)`` on a pool thread (the link
read from the cache, the file from ``PhotoCache.fetch``) and shows the file, or a placeholder for None.
"""
from __future__ import annotations

import hashlib
import io
import logging
import os
import threading
from pathlib import Path

import requests
from PIL import Image, UnidentifiedImageError

from app.services.ozon.errors import OzonError
from app.services.ozon.labels import check_file_url
from app.store import products as store_products

log = logging.getLogger("packdesk.services.photos")

PHOTO_DIR = "photos"
MAX_PHOTO_BYTES = 4 * 1024 * 1024
MAX_CACHE_BYTES = 64 * 1024 * 1024
_ACCEPT = "image/jpeg, image/png, image/webp, image/*;q=0.8"


def photo_name(url: str) -> str:
    """The file name a link's photo is kept under (the same link -> the same file)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".img"


class PhotoCache:
    """Photos on disk by link; ``fetch`` downloads what is missing, ``cached`` only looks."""

    def __init__(self, data_dir: Path, *, timeout: tuple[float, float] = (3.05, 10.0),
                 max_bytes: int = MAX_CACHE_BYTES, session: requests.Session | None = None):
        self._dir = Path(data_dir) / PHOTO_DIR
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._owns_session = session is None
        self._session = session if session is not None else requests.Session()
        self._lock = threading.Lock()  # one download per link at a time; pruning is not concurrent

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def cached(self, url: str) -> Path | None:
        """The photo's file when it is on disk (no network)."""
        if not url:
            return None
        path = self._dir / photo_name(url)
        return path if path.is_file() else None

    def fetch(self, url: str) -> Path | None:
        """The photo's file, downloaded once; None when there is no link, the link is refused, the
        host cannot be reached or answers other than 200, or the answer is not an image (the
        placeholder is shown then; the next call tries again)."""
        if not url:
            return None
        with self._lock:
            path = self.cached(url)
            if path is not None:
                os.utime(path)  # recently used: pruned last
                return path
            data = self._download(url)
            if data is None:
                return None
            path = self._write(photo_name(url), data)
            self._prune(keep=path)
            return path

    def _download(self, url: str) -> bytes | None:
        try:
            url = check_file_url(url)
        except OzonError:
            log.warning("a product photo link is not https: %s", url.split("?", 1)[0])
            return None
        host = url.split("/")[2] if url.count("/") >= 2 else url
        try:
            # No Client-Id/Api-Key: the CDN is not the API host. Redirects are not followed (a
            # redirect to plain http elsewhere would bypass the https rule); Ozon's CDN answers directly.
            with self._session.get(url, timeout=self._timeout, allow_redirects=False, stream=True,
                                   headers={"Accept": _ACCEPT}) as response:
                if response.status_code != 200:
                    log.info("product photo from %s: HTTP %d", host, response.status_code)
                    return None
                data = bytearray()
                for chunk in response.iter_content(64 * 1024):
                    data += chunk
                    if len(data) > MAX_PHOTO_BYTES:
                        log.warning("product photo from %s is larger than %d bytes", host, MAX_PHOTO_BYTES)
                        return None
        except requests.RequestException as exc:
            log.info("product photo from %s failed: %s", host, type(exc).__name__)
            return None
        if not _is_image(bytes(data)):
            log.warning("product photo from %s is not an image (%d bytes)", host, len(data))
            return None
        return bytes(data)

    def _write(self, name: str, data: bytes) -> Path:
        self._dir.mkdir(parents=True, exist_ok=True)
        final = self._dir / name
        partial = self._dir / (name + f".{os.getpid()}.{threading.get_ident()}.part")
        with open(partial, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, final)
        return final

    def _prune(self, *, keep: Path) -> None:
        files = []
        for entry in self._dir.glob("*.img"):
            try:
                stat = entry.stat()
            except OSError:
                continue
            files.append((stat.st_mtime, stat.st_size, entry))
        total = sum(size for _, size, _ in files)
        for _, size, entry in sorted(files, key=lambda f: f[0]):
            if total <= self._max_bytes:
                break
            if entry == keep:
                continue
            try:
                entry.unlink()
                total -= size
            except OSError:
                pass


class ProductPhotos:
    """A product's photo by SKU: Ozon's ``primary_image`` link as the sync stored it, the file through
    ``cache``. Blocking (a read of the cache, maybe a download): call it off the GUI thread."""

    def __init__(self, db, cache: PhotoCache):
        self.db, self.cache = db, cache

    def photo(self, sku: int) -> Path | None:
        """The photo's file; None when the product has no link (or is not synced yet) or the link
        gives no image."""
        with self.db.read() as session:
            url = store_products.primary_images(session, [sku]).get(int(sku), "")
        return self.cache.fetch(url) if url else None

    def close(self) -> None:
        self.cache.close()


def _is_image(data: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        return True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
