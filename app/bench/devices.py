"""The bench's devices: the printer and its thread, the scale (with the demo's hands on a ``sim://``
one), a serial or HID scanner. Each raises ``BenchProblem`` when it cannot be opened."""
from __future__ import annotations

from app.bench.problem import BenchProblem, Callback


def open_print_worker(bench, on_printed: Callback) -> None:
    """The configured printer and its thread (started here: from the main thread, as QtPdf wants)."""
    config = bench.config
    if not config.devices.printer:
        return
    from app.devices.printers import open_printer
    from app.devices.uri import DeviceUriError
    from app.services.labels.printing import LabelPrinter
    from app.services.labels.worker import PrintWorker

    try:
        printer = open_printer(config.devices.printer, sim_dir=config.data_dir / "printed")
    except DeviceUriError as exc:
        raise BenchProblem("config_invalid", exc) from None
    bench.print_worker = PrintWorker(LabelPrinter(bench.db, printer, station=config.station.name,
                                                  data_dir=config.data_dir), on_done=on_printed)
    bench.print_worker.start()


def open_scale(bench, on_reading: Callback, on_state: Callback) -> None:
    uri = bench.config.devices.scale
    if not uri:
        return
    from app.devices.scales import ScaleUnavailable, open_scale
    from app.devices.uri import DeviceUriError

    try:
        bench.scale = open_scale(uri, on_reading=on_reading, on_state=on_state).start()
    except DeviceUriError as exc:
        raise BenchProblem("config_invalid", exc) from None
    except ScaleUnavailable as exc:
        raise BenchProblem("config_invalid", str(exc), config=False) from None
    if bench.scale.simulator is not None and bench.station is not None:
        bench.parcel = place_parcels(bench.station, bench.scale.simulator, uri)


def place_parcels(station, simulator, uri: str):
    """The demo's hands on a ``sim://`` scale: a posting being weighed has its parcel on it
    (again after a held weight mismatch); packed, parked, put back or another one opened: off."""
    from app.devices.scales import parcel_offset_pct
    from app.devices.uri import parse_device_uri
    from app.services.station import results as r
    from app.sim.parcel import ParcelPlacer

    placer = ParcelPlacer(simulator, station.expected_weight_g, offset_pct=parcel_offset_pct(parse_device_uri(uri)))

    def follow(result) -> None:
        if result.state == r.WEIGHING and result.posting:
            placer.put_on(result.posting)
        elif result.state in (r.IDLE, r.PACKING):
            placer.take_off()

    station.listen(follow)
    return placer


def open_scanner(bench, on_scan: Callback, on_state: Callback) -> None:
    """Serial and HID POS scanners get their reader here; ``keyboard`` is the window's ScanFilter."""
    uri = bench.config.devices.scanner or "keyboard"
    if uri.startswith("keyboard"):
        return
    from app.devices.scanners import ScannerUnavailable, open_scanner
    from app.devices.uri import DeviceUriError

    try:
        bench.scanner = open_scanner(uri, on_scan=on_scan or (lambda scan: None), on_state=on_state).start()
    except DeviceUriError as exc:
        raise BenchProblem("config_invalid", exc) from None
    except ScannerUnavailable as exc:
        raise BenchProblem("config_invalid", str(exc), config=False) from None
