"""Label benchmark: an Ozon-like 75x120 mm PDF to printer bytes at 203 dpi, per language.

Plain script (not a test); prints figures. The PDF is drawn here with Qt (text, bars, boxes, a
QR-like block) so it looks like a real label to the renderer and the compressors.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_labels.py [--runs 50] [--dpi 203]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import random
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen,
)

from app.devices.printers import PrinterProfile  # noqa: E402
from app.devices.printers.decode import encode_job  # noqa: E402
from app.services.labels.render import render_pdf_page  # noqa: E402


def make_label_pdf(seed: int = 1) -> bytes:
    rng = random.Random(seed)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(75, 120), QPageSize.Unit.Millimeter),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setResolution(1200)
    mm = 1200 / 25.4
    painter = QPainter(writer)
    black = QColor("black")
    painter.setPen(QPen(black, 0.4 * mm))
    painter.drawRect(QRectF(2 * mm, 2 * mm, 71 * mm, 116 * mm))
    painter.setFont(QFont("Sans", 9))
    lines = ["OZON FBS  12345678-0001-1", "Москва, склад Хоругвино", "Вес 0.74 кг  1/1",
             "Отправитель: ИП Иванов", "Dimensions 20x15x10"]
    for line, text in enumerate(lines):
        painter.drawText(QRectF(5 * mm, (6 + line * 6) * mm, 65 * mm, 6 * mm), text)
    x = 6 * mm  # a Code-128-like bar pattern
    while x < 69 * mm:
        width = rng.choice((1, 2, 3, 4)) * 0.33 * mm
        painter.fillRect(QRectF(x, 40 * mm, width, 25 * mm), black)
        x += width + rng.choice((1, 2, 3)) * 0.33 * mm
    module = 0.8 * mm  # a QR-like block
    for row in range(33):
        for col in range(33):
            if rng.random() < 0.5:
                painter.fillRect(QRectF(8 * mm + col * module, 72 * mm + row * module, module, module), black)
    painter.setFont(QFont("Sans", 20, QFont.Weight.Bold))
    painter.drawText(QRectF(40 * mm, 75 * mm, 30 * mm, 20 * mm), "PVZ 42")
    painter.end()
    buffer.close()
    return bytes(data)


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def paired_medians_ms(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians of two actions timed in turns, so a busy machine slows both alike."""
    first(), second()  # warm-up
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, samples in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            action()
            samples.append(time.perf_counter() - start)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--dpi", type=int, default=203, choices=(203, 300))
    args = parser.parse_args()
    app = QGuiApplication([])  # fonts for drawing the sample PDF
    pdf = make_label_pdf()
    base = PrinterProfile(dpi=args.dpi)
    bitmap = render_pdf_page(pdf, 0, base)
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
          f"PDF {len(pdf)} bytes -> {bitmap.width}x{bitmap.height} dots at {args.dpi} dpi, "
          f"{bitmap.black_count() / (bitmap.width * bitmap.height):.1%} black; median of {args.runs} runs; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    render = median_ms(lambda: render_pdf_page(pdf, 0, base), args.runs)
    print(f"{'render (QtPdf -> Bitmap)':34s} {render:8.2f} ms")
    profiles = {
        "tspl": PrinterProfile(lang="tspl", dpi=args.dpi),
        "zpl (compressed hex)": PrinterProfile(lang="zpl", dpi=args.dpi),
        "zpl (hex)": PrinterProfile(lang="zpl", dpi=args.dpi, zpl_format="hex"),
        "zpl (z64)": PrinterProfile(lang="zpl", dpi=args.dpi, zpl_format="z64"),
        "epl": PrinterProfile(lang="epl", dpi=args.dpi),
        "escpos (576-dot head)": PrinterProfile(lang="escpos", dpi=args.dpi),
    }
    print(f"{'language':24s} {'encode ms':>10s} {'PDF->bytes ms':>14s} {'job bytes':>10s}")
    for name, profile in profiles.items():
        encode = median_ms(lambda p=profile: encode_job(bitmap, p), args.runs)
        total = median_ms(lambda p=profile: encode_job(render_pdf_page(pdf, 0, p), p), args.runs)
        print(f"{name:24s} {encode:10.2f} {total:14.2f} {len(encode_job(bitmap, profile)):10d}")

    from escpos.printer import Dummy

    escpos_profile = profiles["escpos (576-dot head)"]
    image = bitmap.fit(escpos_profile.head_dots, bitmap.height).to_image()

    def escpos_alone() -> bytes:
        printer = Dummy()
        with contextlib.redirect_stdout(io.StringIO()):  # its "media.width.pixel not set" notice
            printer.image(image, impl="bitImageRaster", center=False)
        return printer.output

    ours, theirs = paired_medians_ms(lambda: encode_job(bitmap, escpos_profile), escpos_alone, args.runs)
    print(f"escpos encode: ours (Bitmap -> whole job) {ours:.2f} ms vs python-escpos image() alone on a "
          f"ready PIL image {theirs:.2f} ms (ratio {ours / theirs:.2f}; interleaved, median of {args.runs})")
    del app


if __name__ == "__main__":
    main()
