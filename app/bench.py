"""A bench, assembled in one place and free of Qt: what the desktop app, ``packdesk replay`` and
``packdesk sync`` run on (``label`` and ``demo --headless`` take the parts they need).

    bench = open_bench(config, api_key=key)                         # the desktop app: every part
    bench = open_bench(config, api_key=key, parts=("ozon", "printer", "sync"), strict=True)
    ...
    bench.close()

What a bench is made of (``Bench``):

- ``db``: the cache (a SQLite file in the data dir, or a PostgreSQL shared by a room of benches);
- ``client`` and ``lookups``: the Ozon account, as the sync's client (full timeouts, retries) and
  the station's (a short timeout, no retry: a scan never waits long for Ozon). Ozon counts requests
  per Client-Id, so both take their tokens from the account's one rate limiter (``limiters``:
  one per API host and Client-Id in the process; with a shared PostgreSQL the room's budget in the
  database, ``app.services.room.budget``, where the station's look-ups wait for a slot at most
  ``LOOKUP_BUDGET_WAIT_S``), and a 429 to either pauses both (with a room: every bench);
- ``station``: scan → verify → weigh → pack, its state kept in the cache, asking Ozon through ``lookups``;
- ``router``: the scanner's way in (``app.services.modes``): each scan goes to the mode the bench is
  in, packing (the ``station``) or hand-over (``app.services.handover``); the window and replay call it;
- ``print_worker``: the printer and the one thread that owns it: Ozon's labels, order labels, reprints;
- ``engine`` and ``service``: the sync pass (outbox, postings, products, labels, printing) and
  the thread that runs it now and then (the caller starts it); with a shared PostgreSQL also
  ``leader``: whether this bench leads the account's sync for the room (``app.services.room.leader``);
- ``scale``: the scale's reader thread; with a ``sim://`` scale also ``parcel``, the demo's
  hands that put the weighed posting's parcel on it (``app/sim/parcel.py``);
- ``scanner``: a serial or HID scanner's reader thread (a keyboard-wedge scanner is the window's);
- ``evidence``: the evidence log, and with ``[devices] camera`` the packing video and the photo at
  the weighing (``app.services.evidence``); it follows the station through ``Station.listen``.

Callbacks (``on_scale_reading``, ``on_printed``, ...) run on the parts' own threads: the window
moves them to its thread with its Qt adapters (``app/ui/adapters``).

A part that cannot be opened (no Client-Id or key, a device URI that is wrong, a device this
machine cannot drive) stays None and ``problems`` says why, as ``app.messages`` (code, detail): the
window shows each in a banner and goes on. With ``strict=True`` (the commands) a wrong
configuration raises ``BenchProblem`` instead, after closing what was opened; a device that only
cannot be driven here is still just a problem.
"""
from __future__ import annotations

import errno
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from app.config import Config
from app.services.ozon.ratelimit import ACCOUNTS, AccountLimiters

log = logging.getLogger("packdesk.bench")

PARTS = ("ozon", "station", "printer", "sync", "scale", "scanner", "evidence")  # besides the cache, always there
SYNC_TIMEOUT = 5.0  # connect, s; reading waits [ozon] timeout_s
STATION_LOOKUP_TIMEOUT = (1.0, 1.5)  # connect, read: the station's own look-ups, no retry
LOOKUP_BUDGET_WAIT_S = 1.0  # a room: a look-up waits this long for the room's budget, else the cache answers

Callback = Callable[..., Any] | None


class BenchProblem(Exception):
    """A part that cannot be opened: ``code`` and ``detail`` for ``app.messages.text``.
    ``config``: the configuration is wrong; else the device cannot be driven here. A command exits 2
    for either (the set-up must change), but 1 when the part is ``unavailable`` now (the database
    server down, the disk full): the same command may work once that is mended."""

    def __init__(self, code: str, detail: str = "", *, config: bool = True, unavailable: bool = False) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail, self.config, self.unavailable = code, detail, config, unavailable


@dataclass
class Bench:
    config: Config
    db: Any
    client: Any = None
    lookups: Any = None
    clients: dict = field(default_factory=dict)  # several Ozon accounts: Client-Id -> sync client (app.bench_accounts)
    station: Any = None
    router: Any = None
    print_worker: Any = None
    engine: Any = None
    service: Any = None
    leader: Any = None
    scale: Any = None
    parcel: Any = None
    scanner: Any = None
    evidence: Any = None
    problems: list[tuple[str, str]] = field(default_factory=list)  # (code, detail) for app.messages

    def close(self) -> None:
        """Stop and close every part that was opened, the threads first, the cache last."""
        for name, stop in (("service", lambda p: p.stop()), ("leader", lambda p: p.stop()), ("scale", lambda p: p.stop()),
                           ("scanner", lambda p: p.stop()), ("router", lambda p: p.close()),
                           ("station", lambda p: p.close()), ("evidence", lambda p: p.close()),
                           ("print_worker", lambda p: p.stop()), ("lookups", lambda p: p.close()),
                           ("client", lambda p: p.close()), ("clients", lambda p: [c.close() for c in p.values()]),
                           ("db", lambda p: p.close())):
            part = getattr(self, name)
            if part is None:
                continue
            setattr(self, name, None)
            try:
                stop(part)
            except Exception:  # closing must go on with the next part
                log.exception("closing %s failed", name)


def open_bench(config: Config, *, api_key: str | None, parts: Collection[str] = PARTS, strict: bool = False,
               limiters: AccountLimiters | None = None, sync_interval_s: float | None = None,
               wait_for_prints: bool = False, on_printed: Callback = None,
               on_scale_reading: Callback = None, on_scale_state: Callback = None,
               on_scan: Callback = None, on_scanner_state: Callback = None, on_camera_state: Callback = None,
               camera_factory: Callback = None, lang: str = "ru", api_keys: dict[str, str] | None = None) -> Bench:
    """Open the cache and the ``parts`` asked for (``PARTS``), in this order.

    ``wait_for_prints``: each sync pass waits for the labels it prints (a command's pass summary
    then counts them; the window's sync goes on while the print thread works).
    ``limiters``: None takes the room's budget when the cache is shared, else this process's.
    ``camera_factory(spec, on_event)``: the packing camera's link (default: the recorder program,
    ``app.devices.camera.RecorderLink``); ``lang``: the language burned into the video.
    ``api_keys``: with ``[[ozon.accounts]]``, Client-Id -> key (default: each from the environment or
    the keyring; ``api_key`` is the single account's)."""
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise ValueError(f"no such bench part: {', '.join(sorted(unknown))}")
    bench = Bench(config, open_cache(config))
    try:
        if limiters is None:
            limiters = room_limiters(bench.db)
        if "ozon" in parts:
            _open_part(bench, strict, _open_account, api_key, limiters, api_keys)
        if "station" in parts:
            bench.station = _station(bench)
            bench.router = _router(bench)
        if "printer" in parts:
            _open_part(bench, strict, _open_print_worker, on_printed)
        if "sync" in parts and bench.client is not None:
            _open_sync(bench, sync_interval_s or config.sync.interval_s, wait_for_prints)
        if "scale" in parts:
            _open_part(bench, strict, _open_scale, on_scale_reading, on_scale_state)
        if "scanner" in parts:
            _open_part(bench, strict, _open_scanner, on_scan, on_scanner_state)
        if "evidence" in parts:
            _open_part(bench, strict, _open_evidence, camera_factory, on_camera_state, lang)
    except BaseException:
        bench.close()
        raise
    return bench


def open_cache(config: Config):
    """The cache of this configuration, its schema brought up to date. A cache a newer packdesk
    migrated is a ``BenchProblem`` (``cache_schema_newer``): this one cannot use it, and says so.
    So is a database the machine keeps closed (``app.store.db.cannot_open``): the shared server
    down or out of reach, the disk full, the file locked: said, not a bug."""
    from app.store.db import cannot_open, open_database, unavailable
    from app.store.migrate import SchemaNewer

    try:
        config.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a full disk, a read-only or missing mount
        if exc.errno == errno.ENOSPC:
            raise BenchProblem("disk_full", str(config.data_dir), config=False, unavailable=True) from None
        raise BenchProblem("database_cannot_open", str(exc), config=False, unavailable=True) from None
    try:
        return open_database(config.database_url)
    except SchemaNewer as newer:
        raise BenchProblem("cache_schema_newer", newer.found, config=False) from None
    except Exception as exc:
        if not unavailable(exc):
            raise
        raise BenchProblem(*cannot_open(exc, config.database_url), config=False, unavailable=True) from None


def room_limiters(db) -> AccountLimiters:
    """The rate limiters of this bench's Ozon clients: the room's budget in a shared database
    (one per account for every bench), else this process's (``ACCOUNTS``)."""
    from app.store.room import shared

    if not shared(db.dialect):
        return ACCOUNTS
    from app.services.room.budget import RoomLimiters

    return RoomLimiters(db)


def sync_client(config: Config, api_key: str, *, limiters: AccountLimiters = ACCOUNTS):
    """The account's client for the sync (and ``packdesk label``): full timeouts, retried reads."""
    from app.services.ozon.client import OzonClient

    return OzonClient(config.ozon.base_url, config.ozon.client_id, api_key, limiter=_limiter(config, limiters),
                      timeout=(SYNC_TIMEOUT, config.ozon.timeout_s))


def lookup_client(config: Config, api_key: str, *, limiters: AccountLimiters = ACCOUNTS):
    """The station's client: a scan waits at most ``STATION_LOOKUP_TIMEOUT`` for Ozon, never a retry."""
    from app.services.ozon.client import OzonClient

    limiter = _limiter(config, limiters)
    if hasattr(limiter, "wait_at_most"):  # the room's budget: a scan does not queue behind the sync
        limiter = limiter.wait_at_most(LOOKUP_BUDGET_WAIT_S)
    return OzonClient(config.ozon.base_url, config.ozon.client_id, api_key, limiter=limiter,
                      timeout=STATION_LOOKUP_TIMEOUT, max_retries=0)


def _limiter(config: Config, limiters: AccountLimiters):
    return limiters.for_account(config.ozon.base_url, config.ozon.client_id, rps=config.ozon.requests_per_second)


# --- the parts, each raising BenchProblem when it cannot be opened ---------------------------
def _open_part(bench: Bench, strict: bool, open_it: Callable[..., None], *args: Any) -> None:
    try:
        open_it(bench, *args)
    except BenchProblem as problem:
        if strict and problem.config:
            raise
        log.warning("bench part not opened: %s", problem)
        bench.problems.append((problem.code, problem.detail))


def _open_account(bench: Bench, api_key: str | None, limiters: AccountLimiters, api_keys=None) -> None:
    from app.services.ozon.errors import OzonConfigError

    config = bench.config
    if config.ozon_accounts:
        from app.bench_accounts import open_accounts

        return open_accounts(bench, api_keys, limiters)
    if not config.ozon.client_id:
        raise BenchProblem("no_client_id")
    if not api_key:
        raise BenchProblem("no_api_key")
    try:
        bench.client = sync_client(config, api_key, limiters=limiters)
        bench.lookups = lookup_client(config, api_key, limiters=limiters)
    except OzonConfigError as exc:  # a key or Client-Id with characters they cannot have
        raise BenchProblem("config_invalid", str(exc)) from None


def _station(bench: Bench):
    from app.services.station import Remote, Station

    station = Station.from_config(bench.db, bench.config,
                                  remote=Remote.for_client(bench.lookups) if bench.lookups is not None else None)
    if bench.config.ozon_accounts:
        station.account_names = {a.client_id: a.label for a in bench.config.accounts}
    return station


def _router(bench: Bench):
    """The scanner's modes: packing (the station), the hand-over (asking Ozon through ``lookups``) and
    a return opened by its barcode."""
    from app.services.handover.mode import HandoverMode
    from app.services.modes import ScanRouter
    from app.services.returns.mode import ReturnMode

    config, station = bench.config, bench.station
    handover = HandoverMode(bench.db, station.name, remote=station.remote,
                            carriage_methods=bench.lookups.carriage_methods if bench.lookups is not None else None,
                            packer=lambda: station.packer, supervisors=config.station.supervisors,
                            tracking_pattern=config.handover.tracking_pattern)
    from app.services.people.directory import confirm_override

    names = tuple(config.station.supervisors)
    handover.confirm = lambda credential: confirm_override(bench.db, credential, names)  # badge or PIN
    returns = ReturnMode(bench.db, station.name, packer=lambda: station.packer)
    return ScanRouter(bench.db, station, [handover, returns])


def _open_print_worker(bench: Bench, on_printed: Callback) -> None:
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
        raise BenchProblem("config_invalid", str(exc)) from None
    bench.print_worker = PrintWorker(LabelPrinter(bench.db, printer, station=config.station.name,
                                                  data_dir=config.data_dir), on_done=on_printed)
    bench.print_worker.start()


def _open_sync(bench: Bench, interval_s: float, wait_for_prints: bool) -> None:
    """The sync pass and its thread; labels print on the print thread, an order label queued by
    the station wakes the sync."""
    from app.services.sync.engine import SyncEngine, SyncService

    print_labels = None
    if bench.print_worker is not None:
        print_due = bench.print_worker.print_due
        print_labels = (lambda: print_due().result()) if wait_for_prints else print_due
    if bench.clients:  # several Ozon accounts
        from app.bench_accounts import account_engine

        bench.engine = account_engine(bench, print_labels)
        bench.leader = bench.engine.leader
    else:
        bench.leader = _sync_leader(bench)
        bench.engine = SyncEngine(bench.client, bench.db, bench.config, print_labels=print_labels,
                                  leader=bench.leader)
    bench.service = SyncService(bench.engine, interval_s=interval_s)
    if bench.leader is not None:
        bench.leader.on_wake = bench.service.wake  # elected, or a follower's posting waits to ship
        bench.leader.start()
    if bench.station is not None:
        wake = bench.service.wake
        bench.station.on_order_label = lambda number: wake()  # order_label = "on_pack": print it soon
    if bench.router is not None and "handover" in bench.router.modes:
        bench.router.modes["handover"].on_close = bench.service.wake  # a closed hand-over goes to Ozon now
    if bench.router is not None and "return" in bench.router.modes:
        refresh = bench.router.modes["return"].refresh  # the barcodes of the returns a scan opens
        bench.engine.after_stage.setdefault("returns", []).append(refresh)  # as soon as their stage wrote them
        bench.engine.after_pass.append(refresh)  # and those another bench's sync brought (a room)


def _sync_leader(bench: Bench):
    """In a shared database: who leads the account's sync (this bench or another); None: one bench."""
    from app.store.room import shared

    if not shared(bench.db.dialect):
        return None
    from app.services.room.budget import account_key
    from app.services.room.leader import SyncLeader

    config = bench.config
    return SyncLeader(bench.db, account_key(config.ozon.base_url, config.ozon.client_id), config.station.name)


def _open_scale(bench: Bench, on_reading: Callback, on_state: Callback) -> None:
    uri = bench.config.devices.scale
    if not uri:
        return
    from app.devices.scales import ScaleUnavailable, open_scale
    from app.devices.uri import DeviceUriError

    try:
        bench.scale = open_scale(uri, on_reading=on_reading, on_state=on_state).start()
    except DeviceUriError as exc:
        raise BenchProblem("config_invalid", str(exc)) from None
    except ScaleUnavailable as exc:
        raise BenchProblem("config_invalid", str(exc), config=False) from None
    if bench.scale.simulator is not None and bench.station is not None:
        bench.parcel = _place_parcels(bench.station, bench.scale.simulator, uri)


def _place_parcels(station, simulator, uri: str):
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


def _open_scanner(bench: Bench, on_scan: Callback, on_state: Callback) -> None:
    """Serial and HID POS scanners get their reader here; ``keyboard`` is the window's ScanFilter."""
    uri = bench.config.devices.scanner or "keyboard"
    if uri.startswith("keyboard"):
        return
    from app.devices.scanners import ScannerUnavailable, open_scanner
    from app.devices.uri import DeviceUriError

    try:
        bench.scanner = open_scanner(uri, on_scan=on_scan or (lambda scan: None), on_state=on_state).start()
    except DeviceUriError as exc:
        raise BenchProblem("config_invalid", str(exc)) from None
    except ScannerUnavailable as exc:
        raise BenchProblem("config_invalid", str(exc), config=False) from None


def _open_evidence(bench: Bench, camera_factory: Callback, on_state: Callback, lang: str) -> None:
    """The evidence log and, with a camera configured, its recorder (started here, in its own process)."""
    from app.devices.camera import RecorderLink, parse_camera_uri
    from app.devices.uri import DeviceUriError
    from app.services.evidence import Evidence, PackingFollower
    from app.services.evidence.storage import GB

    config = bench.config
    try:
        spec = parse_camera_uri(config.devices.camera)
    except DeviceUriError as exc:
        raise BenchProblem("config_invalid", str(exc)) from None
    factory = None
    if spec is not None:
        make = camera_factory or (lambda spec, on_event: RecorderLink(spec, on_event).start())
        factory = lambda on_event: make(spec, on_event)  # noqa: E731
    bench.evidence = Evidence(bench.db, config.data_dir, station=config.station.name, camera_uri=config.devices.camera,
                              camera_factory=factory, quota_bytes=int(config.evidence.quota_gb * GB),
                              retention_days=config.evidence.retention_days, lang=lang, on_state=on_state).start()
    if bench.station is not None:
        station = bench.station
        bench.station.listen(PackingFollower(bench.evidence, station_name=config.station.name, lang=lang,
                                             packer=lambda: station.packer), after_answer=True)
    if bench.router is not None and "handover" in bench.router.modes:  # the hand-over's clip and act photo
        from app.services.handover.evidence import HandoverFollower
        station = bench.station
        bench.router.modes["handover"].listen(HandoverFollower(bench.evidence, station_name=config.station.name,
                                                               packer=lambda: station.packer))
    if bench.router is not None and "return" in bench.router.modes:  # the unpacking clip of a return
        from app.services.returns.evidence import ReturnFollower
        station = bench.station
        bench.router.modes["return"].listen(ReturnFollower(bench.evidence, station_name=config.station.name,
                                                           packer=lambda: station.packer))
