"""Product photos in the pack view: a line shows its product's photo (Ozon's ``primary_image``, as the
sync stored it, fetched off the GUI thread and cached in the data dir), a neutral placeholder while it
has none, and for good when the product has no link or the link gives no image."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QImage

from app.services.photos import PhotoCache, ProductPhotos
from app.store import lookups
from app.store import products as store_products
from app.store.models import ProductRow
from app.ui.pack import PackView
from app.ui.pack.photos import PHOTO_PX, PLACEHOLDER_FILL, PhotoLoader
from app.ui.pack.view import NAME, PHOTO_ROLE
from sync_helpers import bench  # noqa: F401  (fixture)


class Watched(ProductPhotos):
    """``ProductPhotos`` that notes the thread each photo is asked on."""

    def __init__(self, *args):
        super().__init__(*args)
        self.threads: list[threading.Thread] = []

    def photo(self, sku):
        self.threads.append(threading.current_thread())
        return super().photo(sku)


@pytest.fixture
def synced(bench):
    assert bench.engine().run_pass().finished
    with bench.db.read() as session:
        skus = sorted({item.sku for row in lookups.list_postings(session) for item in row.items})
    bench.skus = skus
    return bench


@pytest.fixture
def view(qtbot, synced, tmp_path):
    photos = Watched(synced.db, PhotoCache(synced.data_dir))
    loader = PhotoLoader(photos)
    view = PackView()
    qtbot.addWidget(view)
    view.photosWanted.connect(loader.request)
    loader.photoReady.connect(view.show_photo)
    view.loader = loader
    yield view
    loader.stop()


def _snapshot(*skus: int) -> dict:
    return {"state": "packing", "posting": "1-1-1", "lines": [
        {"line": i, "sku": sku, "name": f"item {sku}", "offer_id": "", "quantity": 1, "counted": 0, "barcodes": []}
        for i, sku in enumerate(skus, start=1)]}


def _shown(view: PackView, row: int) -> tuple[str, QImage]:
    item = view.lines.item(row, NAME)
    image = item.icon().pixmap(view.lines.iconSize()).toImage()
    return item.data(PHOTO_ROLE), image


def _is_placeholder(image: QImage) -> bool:
    return image.pixelColor(image.width() // 2, 6) == PLACEHOLDER_FILL


def test_a_line_shows_its_products_photo_fetched_off_the_gui_thread_without_credentials(qtbot, view, synced):
    sku = synced.skus[-1]
    assert sku > 2**31  # Ozon's SKUs do not fit a C int: the signal must carry them whole
    with qtbot.waitSignal(view.loader.photoReady, timeout=10_000, check_params_cb=lambda s, image: s == sku):
        view.show_snapshot(_snapshot(sku))
        role, image = _shown(view, 0)
        assert role == f"placeholder:{sku}" and _is_placeholder(image)  # while it comes
    role, image = _shown(view, 0)
    assert role == f"photo:{sku}" and not _is_placeholder(image)
    assert view.loader.photos.threads and threading.main_thread() not in view.loader.photos.threads
    assert list((synced.data_dir / "photos").glob("*.img"))  # cached in the data dir
    assert synced.sim.stats.files() == {"requests": 1, "with_credentials": 0}
    view.show_snapshot(_snapshot(sku))  # the next scan: no second request
    assert _shown(view, 0)[0] == f"photo:{sku}"
    assert len(view.loader.photos.threads) == 1


def test_a_product_without_a_link_or_with_a_broken_one_keeps_the_placeholder(qtbot, view, synced):
    bare, broken, good = synced.skus[0], synced.skus[1], synced.skus[-1]

    def links(session):
        session.query(ProductRow).filter(ProductRow.sku == bare).update({"primary_image": ""})  # Ozon has none
        session.query(ProductRow).filter(ProductRow.sku == broken).update(
            {"primary_image": f"{synced.sim.files_url}/images/999999999.png"})  # the CDN answers 404

    synced.db.writer.call(links)
    with synced.db.read() as session:
        assert bare not in store_products.primary_images(session, [bare])
    answered: dict[int, bool] = {}
    view.loader.photoReady.connect(lambda sku, image: answered.__setitem__(sku, image.isNull()))
    view.show_snapshot(_snapshot(bare, broken, good))
    qtbot.waitUntil(lambda: len(answered) == 3, timeout=10_000)
    assert answered == {bare: True, broken: True, good: False}
    roles = [_shown(view, row) for row in range(3)]
    assert [role for role, _ in roles] == [f"placeholder:{bare}", f"placeholder:{broken}", f"photo:{good}"]
    assert [_is_placeholder(image) for _, image in roles] == [True, True, False]
    view.show_snapshot(_snapshot(bare, broken, good))  # not asked again on every scan
    assert len(view.loader.photos.threads) == 3


def test_photos_beyond_the_views_bound_come_back_from_the_disk_not_the_cdn(qtbot, view, synced, monkeypatch):
    monkeypatch.setattr("app.ui.pack.view.MAX_PHOTOS", 1)
    first, second = synced.skus[-1], synced.skus[-2]
    for sku in (first, second, first):
        with qtbot.waitSignal(view.loader.photoReady, timeout=10_000, check_params_cb=lambda s, _, sku=sku: s == sku):
            view.show_snapshot(_snapshot(sku))
        assert _shown(view, 0)[0] == f"photo:{sku}"
        assert list(view.photos) == [sku]
    assert synced.sim.stats.files()["requests"] == 2  # the first one's file was on disk


def test_a_photo_becomes_one_icon_at_its_drawn_size_shown_again_by_each_posting_that_holds_it(qtbot, view, synced):
    sku, other = synced.skus[-1], synced.skus[0]
    with qtbot.waitSignal(view.loader.photoReady, timeout=10_000, check_params_cb=lambda s, _: s == sku):
        view.show_snapshot(_snapshot(sku))
    icon = view.lines.item(0, NAME).icon()
    ratio = view.devicePixelRatioF()
    assert [(size.width(), size.height()) for size in icon.availableSizes()] == [(PHOTO_PX, PHOTO_PX)]
    drawn = icon.pixmap(view.lines.iconSize(), ratio)
    assert (drawn.width(), drawn.height()) == (round(PHOTO_PX * ratio), round(PHOTO_PX * ratio))
    view.show_snapshot(_snapshot(other))  # another posting, then one holding the same product again
    view.show_snapshot(_snapshot(other, sku))
    assert view.lines.item(1, NAME).data(PHOTO_ROLE) == f"photo:{sku}"
    assert view.lines.item(1, NAME).icon().cacheKey() == icon.cacheKey()  # the same icon: not scaled again


def test_photos_are_asked_for_after_the_lines_are_shown_not_while(qtbot):
    """Read and decoded while the window repaints the answer, they took the cores from it."""
    view = PackView()
    qtbot.addWidget(view)
    asked = []
    view.photosWanted.connect(asked.append)
    view.show_snapshot(_snapshot(7, 8))
    view.show_snapshot(_snapshot(7, 8, 9))  # the next scan, before they were asked for: the lines shown last
    assert asked == []
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert asked == [[7, 8, 9]]
