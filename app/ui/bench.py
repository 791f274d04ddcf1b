"""Opening what a bench runs on, for the desktop app: cache, Ozon client, sync engine, station,
print worker, scale and scanner. Plain objects (the window wires them to Qt through adapters).

    parts = open_bench(config, api_key=key, on_scale_reading=..., ...)
    ...
    parts.close()

A missing key or a device that cannot be opened is not fatal: the part is None and ``problems``
says why (the window shows it as a banner with a way forward).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Callable

from app.config import Config

log = logging.getLogger("packdesk.ui.bench")

STATION_LOOKUP_TIMEOUT = (1.0, 1.5)


@dataclass
class BenchParts:
    config: Config
    db: Any
    station: Any
    client: Any = None
    lookups: Any = None
    engine: Any = None
    service: Any = None
    print_worker: Any = None
    scale: Any = None
    scanner: Any = None
    problems: list[tuple[str, str]] = field(default_factory=list)  # (code, detail) for app.messages

    def close(self) -> None:
        for name, stop in (("service", lambda p: p.stop()), ("scale", lambda p: p.stop()),
                           ("scanner", lambda p: p.stop()), ("station", lambda p: p.close()),
                           ("print_worker", lambda p: p.stop()), ("lookups", lambda p: p.close()),
                           ("client", lambda p: p.close()), ("db", lambda p: p.close())):
            part = getattr(self, name)
            if part is None:
                continue
            try:
                stop(part)
            except Exception:  # closing must go on with the next part
                log.exception("closing %s failed", name)


def open_bench(config: Config, *, api_key: str | None,
               on_scale_reading: Callable | None = None, on_scale_state: Callable | None = None,
               on_scan: Callable | None = None, on_scanner_state: Callable | None = None,
               on_printed: Callable | None = None, make_service: bool = True) -> BenchParts:
    from app.services.ozon.client import OzonClient
    from app.services.station import Remote, Station
    from app.services.sync.engine import SyncEngine, SyncService
    from app.store.db import open_database

    config.data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(config.database_url)
    parts = BenchParts(config, db, station=None)
    if config.ozon.client_id and api_key:
        parts.client = OzonClient(config.ozon.base_url, config.ozon.client_id, api_key,
                                  rps=config.ozon.requests_per_second, timeout=(5.0, config.ozon.timeout_s))
        parts.lookups = OzonClient(config.ozon.base_url, config.ozon.client_id, api_key,
                                   timeout=STATION_LOOKUP_TIMEOUT, max_retries=0)
    else:
        parts.problems.append(("no_client_id" if not config.ozon.client_id else "no_api_key", ""))
    parts.station = Station.from_config(db, config, remote=Remote.for_client(parts.lookups) if parts.lookups else None)
    parts.print_worker = _print_worker(config, db, on_printed, parts.problems)
    if parts.client is not None:
        parts.engine = SyncEngine(parts.client, db, config,
                                  print_labels=parts.print_worker.print_due if parts.print_worker else None)
        if make_service:
            parts.service = SyncService(parts.engine, interval_s=config.sync.interval_s)
    parts.scale = _scale(config, on_scale_reading, on_scale_state, parts.problems)
    parts.scanner = _scanner(config, on_scan, on_scanner_state, parts.problems)
    return parts


def _print_worker(config: Config, db, on_printed, problems):
    if not config.devices.printer:
        return None
    from app.devices.printers import open_printer
    from app.devices.uri import DeviceUriError
    from app.services.labels.printing import LabelPrinter
    from app.services.labels.worker import PrintWorker

    try:
        printer = open_printer(config.devices.printer, sim_dir=config.data_dir / "printed")
    except DeviceUriError as exc:
        problems.append(("config_invalid", str(exc)))
        return None
    worker = PrintWorker(LabelPrinter(db, printer, station=config.station.name, data_dir=config.data_dir),
                         on_done=on_printed)
    worker.start()
    return worker


def _scale(config: Config, on_reading, on_state, problems):
    if not config.devices.scale:
        return None
    from app.devices.scales import ScaleUnavailable, open_scale
    from app.devices.uri import DeviceUriError

    try:
        return open_scale(config.devices.scale, on_reading=on_reading, on_state=on_state).start()
    except (DeviceUriError, ScaleUnavailable) as exc:
        problems.append(("config_invalid", str(exc)))
        return None


def _scanner(config: Config, on_scan, on_state, problems):
    """Serial and HID POS scanners get their reader here; ``keyboard`` is the window's ScanFilter."""
    uri = config.devices.scanner or "keyboard"
    if uri.startswith("keyboard"):
        return None
    from app.devices.scanners import ScannerUnavailable, open_scanner
    from app.devices.uri import DeviceUriError

    try:
        return open_scanner(uri, on_scan=on_scan or (lambda scan: None), on_state=on_state).start()
    except (DeviceUriError, ScannerUnavailable) as exc:
        problems.append(("config_invalid", str(exc)))
        return None
