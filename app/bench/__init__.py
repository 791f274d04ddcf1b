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

Each part is opened by a module of its own here: ``cache``, ``ozon`` (and ``accounts`` for several),
``station`` (with the scanner's router), ``devices`` (printer, scale, scanner), ``sync``, ``evidence``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from app.bench import accounts, devices, evidence, ozon, station, sync
from app.bench.cache import open_cache
from app.bench.ozon import LOOKUP_BUDGET_WAIT_S, lookup_client, room_limiters, sync_client
from app.bench.problem import BenchProblem, Callback
from app.config import Config
from app.services.ozon.ratelimit import AccountLimiters

__all__ = ["PARTS", "Bench", "BenchProblem", "LOOKUP_BUDGET_WAIT_S", "lookup_client", "open_bench", "open_cache",
           "room_limiters", "sync_client"]

log = logging.getLogger("packdesk.bench")

PARTS = ("ozon", "station", "printer", "sync", "scale", "scanner", "evidence")  # besides the cache, always there


@dataclass
class Bench:
    config: Config
    db: Any
    client: Any = None
    lookups: Any = None
    clients: dict = field(default_factory=dict)  # several Ozon accounts: Client-Id -> sync client (app.bench.accounts)
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
    # (code, detail) for app.messages; a detail that is a DeviceUriError is said in the reader's language
    problems: list[tuple[str, str | Exception]] = field(default_factory=list)

    def close(self) -> None:
        """Stop and close every part that was opened, the threads first, the cache last."""
        for name, stop in (("service", lambda p: p.stop()), ("leader", lambda p: p.stop()),
                           ("scale", lambda p: p.stop()), ("scanner", lambda p: p.stop()), ("router", lambda p: p.close()),
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
            if config.ozon_accounts:
                _open_part(bench, strict, accounts.open_accounts, api_keys, limiters)
            else:
                _open_part(bench, strict, ozon.open_account, api_key, limiters)
        if "station" in parts:
            bench.station = station.open_station(bench)
            bench.router = station.open_router(bench)
        if "printer" in parts:
            _open_part(bench, strict, devices.open_print_worker, on_printed)
        if "sync" in parts and bench.client is not None:
            sync.open_sync(bench, sync_interval_s or config.sync.interval_s, wait_for_prints)
        if "scale" in parts:
            _open_part(bench, strict, devices.open_scale, on_scale_reading, on_scale_state)
        if "scanner" in parts:
            _open_part(bench, strict, devices.open_scanner, on_scan, on_scanner_state)
        if "evidence" in parts:
            _open_part(bench, strict, evidence.open_evidence, camera_factory, on_camera_state, lang)
    except BaseException:
        bench.close()
        raise
    return bench


def _open_part(bench: Bench, strict: bool, open_it: Callable[..., None], *args: Any) -> None:
    try:
        open_it(bench, *args)
    except BenchProblem as problem:
        if strict and problem.config:
            raise
        log.warning("bench part not opened: %s", problem)
        bench.problems.append((problem.code, problem.detail))
