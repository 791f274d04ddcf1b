"""PDF page -> printer Bitmap with QtPdf: the ONE place where the core uses Qt.

Threads: QtPdf needs a Qt application object. The GUI has one; headless commands get a
QCoreApplication created here on first use. Qt wants that object made in the main thread, so a
headless program that renders from a worker thread should call ``ensure_qt_app()`` from its main
thread first. Rendering is serialised by a lock (PDFium is not re-entrant); each call uses its own
QPdfDocument, created and destroyed in the calling thread.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from app.devices.printers.bitmap import Bitmap
from app.devices.printers.profile import PrinterProfile
from app.services.labels.raster import gray_to_bitmap, page_dots, place, plan_fit, tolerance_dots

_LOCK = threading.RLock()
_APP: QCoreApplication | None = None  # kept referenced when we made it


class LabelRenderError(Exception):
    """A label PDF that cannot be turned into a bitmap; the message says why."""


def ensure_qt_app() -> QCoreApplication:
    """The running Qt application, or a new QCoreApplication (no display needed) if there is none."""
    global _APP
    with _LOCK:
        app = QCoreApplication.instance()
        if app is None:
            _APP = app = QCoreApplication(["packdesk"])
        return app


def render_pdf_page(pdf: bytes, page_index: int, profile: PrinterProfile) -> Bitmap:
    """Page ``page_index`` of ``pdf`` at the profile's dpi and its true size, on white, thresholded
    without dithering, placed at the origin of a label-sized bitmap. A page larger than the stock is
    turned 90 degrees when that fits, else drawn smaller to fit (``raster.plan_fit``; logged)."""
    with _LOCK:
        ensure_qt_app()
        document = QPdfDocument()
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        try:
            document.load(buffer)
            if document.status() != QPdfDocument.Status.Ready:
                raise LabelRenderError(f"the PDF does not load: {document.error().name}")
            if not 0 <= page_index < document.pageCount():
                raise LabelRenderError(f"the PDF has {document.pageCount()} page(s), no page {page_index + 1}")
            size_pt = document.pagePointSize(page_index)
            fit = plan_fit(*page_dots(size_pt.width(), size_pt.height(), profile.dpi), *profile.label_dots,
                           tolerance=tolerance_dots(profile.dpi))
            width, height = fit.drawn
            rendered = document.render(page_index, QSize(width, height))
            if rendered.isNull():
                raise LabelRenderError(f"page {page_index + 1} of the PDF does not render")
            # QtPdf leaves blank areas transparent: lay the page on white before going grey.
            page = QImage(width, height, QImage.Format.Format_RGB32)
            page.fill(Qt.GlobalColor.white)
            painter = QPainter(page)
            painter.drawImage(0, 0, rendered)
            painter.end()
            gray = page.convertToFormat(QImage.Format.Format_Grayscale8)
            bitmap = gray_to_bitmap(width, height, bytes(gray.constBits()), gray.bytesPerLine())
        finally:
            document.close()
            buffer.close()
    return place(bitmap, fit, *profile.label_dots, what=f"page {page_index + 1} of the label PDF")
