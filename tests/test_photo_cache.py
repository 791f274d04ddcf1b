"""Product photos: the simulator's CDN serves them, the Qt-free cache downloads each once without
Ozon credentials, keeps only real images, written whole, and stays within its size bound."""
from __future__ import annotations

import http.server
import threading

import pytest
from PIL import Image

from app.services.photos import PhotoCache, photo_name
from sim_helpers import Api, api, clock, sim  # noqa: F401


def _first_photo(api, sim) -> tuple[int, str]:
    sku = sim.world.products[0].sku
    item = api.json("/v3/product/info/list", {"sku": [str(sku)]})["items"][0]
    return sku, item["primary_image"][0]


def test_the_simulator_gives_each_product_a_photo_on_its_cdn(api, sim):
    sku, url = _first_photo(api, sim)
    assert url == f"{sim.files_url}/images/{sku}.png"


def test_a_photo_is_downloaded_once_and_never_with_credentials(api, sim, tmp_path):
    _, url = _first_photo(api, sim)
    cache = PhotoCache(tmp_path)
    try:
        assert cache.cached(url) is None
        path = cache.fetch(url)
        assert path is not None and path == cache.cached(url)
        with Image.open(path) as image:
            assert image.size == (96, 96)
        assert cache.fetch(url) == path
    finally:
        cache.close()
    assert sim.stats.files() == {"requests": 1, "with_credentials": 0}
    assert not list((tmp_path / "photos").glob("*.part"))


def test_a_missing_photo_gives_none_and_is_asked_again(api, sim, tmp_path):
    url = f"{sim.files_url}/images/999999999.png"
    cache = PhotoCache(tmp_path)
    try:
        assert cache.fetch(url) is None and cache.cached(url) is None
        assert cache.fetch(url) is None
        assert cache.fetch("") is None
    finally:
        cache.close()
    assert sim.stats.files()["requests"] == 2


@pytest.fixture
def corrupt_host():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = b"\x89PNG\r\n\x1a\n not really"
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_corrupt_image_is_not_cached(corrupt_host, tmp_path):
    cache = PhotoCache(tmp_path)
    try:
        assert cache.fetch(corrupt_host + "/images/1.png") is None
    finally:
        cache.close()
    assert not (tmp_path / "photos").exists() or not list((tmp_path / "photos").iterdir())


@pytest.mark.parametrize("url", ["http://cdn.example.com/a.png", "ftp://127.0.0.1/a.png", "file:///etc/passwd"])
def test_links_that_are_not_https_are_refused_without_a_request(url, tmp_path):
    cache = PhotoCache(tmp_path)
    try:
        assert cache.fetch(url) is None
    finally:
        cache.close()


def test_the_cache_stays_within_its_bound_dropping_the_least_recently_used(api, sim, tmp_path):
    skus = [p.sku for p in sim.world.products][:3]
    urls = [f"{sim.files_url}/images/{sku}.png" for sku in skus]
    first = PhotoCache(tmp_path)
    size = first.fetch(urls[0]).stat().st_size
    first.close()
    cache = PhotoCache(tmp_path, max_bytes=size * 2 + 1)  # room for about two
    try:
        for url in urls:
            assert cache.fetch(url) is not None
        kept = {p.name for p in (tmp_path / "photos").glob("*.img")}
        assert photo_name(urls[2]) in kept and len(kept) <= 2
    finally:
        cache.close()
