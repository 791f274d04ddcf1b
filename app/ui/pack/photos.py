"""Product photos for the pack view: ``PhotoLoader`` asks ``ProductPhotos`` (Qt-free, blocking) on a
small pool of its own (never the GUI thread, never the pool the queues read on) and hands each image
back by ``photoReady`` on the GUI thread; ``placeholder`` is what a line shows until then, and for good
when the product has no photo or its link gives none.

    loader = PhotoLoader(ProductPhotos(db, PhotoCache(data_dir)))
    pack_view.photosWanted.connect(loader.request)
    loader.photoReady.connect(pack_view.show_photo)      # (sku, QImage; null: no photo)

A SKU is fetched once at a time (the view keeps what came; the files stay cached on disk); one that
gave no photo is asked again after ``retry_s`` (a broken link may work later), not on every scan.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPoint, QRect, QThreadPool, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap

from app.ui.adapters.tasks import run_task

log = logging.getLogger("packdesk.ui.photos")

PHOTO_PX = 48  # a line's photo in the pack view (device-independent pixels)
RETRY_S = 300.0
PLACEHOLDER_FILL = QColor("#eceff1")


def placeholder(size: int = PHOTO_PX) -> QPixmap:
    """A neutral grey card with a frame and a small "picture" sketch: no photo (yet)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(PLACEHOLDER_FILL)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#b0bec5"), 2))
    painter.drawRect(QRect(1, 1, size - 3, size - 3))
    q = size // 4
    painter.drawEllipse(QRect(q, q, size // 6, size // 6))  # a sun over two hills
    painter.drawPolyline([QPoint(q, size - q), QPoint(size // 2 - 2, size // 2),
                          QPoint(size // 2 + q // 2, size - q - q // 2), QPoint(size - q, size - q)])
    painter.end()
    return pixmap


def load_image(photos, sku: int, size: int = PHOTO_PX * 2) -> QImage:
    """On a pool thread: the photo's file read into an image scaled for the line (a null image when
    there is none or it does not decode). QImage, unlike QPixmap, may be made off the GUI thread."""
    path = photos.photo(sku)
    if path is None:
        return QImage()
    image = QImage(str(path))
    if image.isNull():
        log.warning("the photo of SKU %s does not decode (%s)", sku, path.name)
        return QImage()
    return image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


def icon_of(image: QImage, ratio: float = 1.0, size: int = PHOTO_PX) -> QIcon:
    """On the GUI thread, once per photo: the line's icon, scaled to the pixels it is drawn with.
    An icon made anew at each open is scaled again at its first paint: milliseconds of every
    posting opened, in the window's repaint (benchmarks/bench_ui.py)."""
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap.fromImage(image.scaled(pixels, pixels, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
    pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)


class PhotoLoader(QObject):
    photoReady = Signal(object, QImage)  # sku (Ozon SKUs outgrow a C int), image (null: the placeholder stays)

    def __init__(self, photos, *, retry_s: float = RETRY_S, clock: Callable[[], float] = time.monotonic,
                 threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.photos, self.retry_s, self.clock = photos, retry_s, clock
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._asked: set[int] = set()
        self._missing: dict[int, float] = {}  # sku -> when it gave no photo

    def request(self, skus: Iterable[int]) -> None:
        now = self.clock()
        for sku in skus:
            sku = int(sku)
            if sku in self._asked or now - self._missing.get(sku, -1e18) < self.retry_s:
                continue
            self._asked.add(sku)
            run_task(lambda sku=sku: load_image(self.photos, sku), pool=self.pool, owner=self,
                     on_result=lambda image, sku=sku: self._done(sku, image),
                     on_error=lambda exc, sku=sku: self._failed(sku, exc))

    def _done(self, sku: int, image: QImage) -> None:
        self._asked.discard(sku)
        if image.isNull():
            self._missing[sku] = self.clock()
        else:
            self._missing.pop(sku, None)
        self.photoReady.emit(sku, image)

    def _failed(self, sku: int, exc: Exception) -> None:
        log.error("the photo of SKU %s could not be loaded", sku, exc_info=exc)  # a bug: the log says it
        self._done(sku, QImage())

    def stop(self, timeout_ms: int = 15_000) -> None:
        """Drop what has not started, wait for what has (a download is bounded by its timeouts)."""
        self.pool.clear()
        self.pool.waitForDone(timeout_ms)
        self.photos.close()
