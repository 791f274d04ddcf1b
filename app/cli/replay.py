"""``packdesk replay FILE|- [--drain-timeout S]``: a recorded event script through the station, headless.

Events (JSON Lines, CONTRACT.md "Replay scripts"): ``{"scan": TEXT}``, ``{"weight_g": N}``,
``{"wait_s": S}``. One JSON line per event is printed and flushed after the event's effects are
committed: ``{"event", "ok", "code", "posting", "state", "message", "data"}`` (a marking code scanned
is echoed masked: GTIN, the serial's first characters, "…"). A malformed line
gives ``code: "bad_event"`` (processing goes on; exit 1).

The configured scale: when a posting's last unit is verified (``posting_complete``, or a resumed
posting already complete) and the script gives no ``weight_g`` before its next posting scan (or
its end), the scale is read as the GUI would (on a ``sim://`` scale the demo's parcel was put
with the catalogue weight: ``app/sim/parcel.py``) and one extra line is printed whose event is
``{"scale": "<uri>"}``. No scale, or no stable reading: that line says ``scale_unavailable`` (exit 1).

The bench is the desktop app's (``app.bench``) without a scanner: the events are the scans, sent to
the mode the bench is in (packing or hand-over: ``app.services.modes``) as the window sends them.
Its ``SyncService`` works in the background all along (first pass before the first event;
``wait_s`` wakes it, and its answer waits for a pass begun after the S seconds, so it tells what
Ozon said by then, not what the last pass happened to catch); after the last event the command
waits until the outbox is drained (every command done or parked; every label of this station
printed or parked; a closed hand-over's carriage approved with its act stored and every tracking
number it captured accepted or parked) or ``--drain-timeout`` passes. Exit 0: every event processed
and the outbox drained; 1 otherwise; 2: bad config/auth.
"""
from __future__ import annotations

import json
import logging
import sys
import threading
import time
from datetime import datetime, timezone

from app.cli.common import (
    EXIT_CONFIG, EXIT_FAILED, EXIT_OK, CommandError, language, load, open_bench, setup_logging,
)
from app.cli.replay_script import Event, bad_event_result, needs_scale_read, read_events
from app.devices.scanners.gs1 import for_log
from app.messages import text

log = logging.getLogger("packdesk.cli.replay")

FIRST_PASS_TIMEOUT_S = 120.0
WAIT_PASS_TIMEOUT_S = 60.0  # a wait_s answers anyway when no sync pass ends in time (e.g. a refused key)
REPLAY_SYNC_INTERVAL_S = 2.0  # background passes during a replay (the config's interval is for a bench)
REPLAY_PARTS = ("ozon", "station", "printer", "sync", "scale", "evidence")  # the bench, but scans come from FILE
CAMERA_START_TIMEOUT_S = 30.0  # the first scan waits for the recorder, so that its clip films the whole packing


def register(sub) -> None:
    p = sub.add_parser("replay", help="run a recorded event script through the station, headless")
    p.add_argument("file", metavar="FILE", help="JSON Lines events; - reads standard input")
    p.add_argument("--drain-timeout", type=float, default=120.0, metavar="S",
                   help="seconds to wait for the outbox to drain after the last event (default 120)")
    p.set_defaults(func=run)


def run(args) -> int:
    lang = language(args)
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    events = read_events(sys.stdin if args.file == "-" else _open(args.file, lang))
    bench = open_bench(config, lang, parts=REPLAY_PARTS, wait_for_prints=True,
                       sync_interval_s=min(config.sync.interval_s, REPLAY_SYNC_INTERVAL_S))
    passed, fatal = threading.Event(), []
    try:
        service = bench.service
        service.on_pass, service.on_fatal = (lambda summary: passed.set()), fatal.append
        service.start()
        passed.wait(FIRST_PASS_TIMEOUT_S)
        if _auth_failed(fatal):
            print(text("auth_failed", lang, client_id=config.ozon.client_id, detail=str(fatal[0])), flush=True)
            return EXIT_CONFIG
        if bench.evidence is not None and not bench.evidence.wait_camera(CAMERA_START_TIMEOUT_S):
            log.warning("the camera %s has not started in %.0f s: the first clips begin when it does",
                        config.devices.camera, CAMERA_START_TIMEOUT_S)
        failures = _play(events, bench.router, service, bench.scale, config.devices.scale, lang, passed)
        drained = _drain(bench.db, config.station.name, service, passed, args.drain_timeout)
        return EXIT_OK if failures == 0 and drained else EXIT_FAILED
    finally:
        bench.close()


def _play(events: list[Event], router, service, scale, scale_uri: str, lang: str,
          passed: threading.Event) -> int:
    from app.services.station.scale import weigh_from_scale

    station = router.station
    failures = 0
    for index, event in enumerate(events):
        if event.problem is not None:
            failures += 1
            _emit(event.raw, bad_event_result(station, event), lang)
            continue
        result = _apply(event, router, service, passed)
        _emit(event.raw, result, lang)
        if needs_scale_read(result, events[index + 1:], station):
            weighed = weigh_from_scale(station, scale)
            failures += weighed.grams is None
            _emit({"scale": scale_uri}, weighed.result, lang, grams=weighed.grams)
    return failures


def _apply(event: Event, router, service, passed: threading.Event):
    if event.kind == "scan":
        return router.scan(event.value)
    if event.kind == "weight_g":
        return router.weigh(event.value, stable=True)
    from app.services.station import results as r

    service.wake()
    time.sleep(event.value)
    for _ in range(2):  # the first pass to end may have begun before the wait ended; the second began after it
        passed.clear()
        service.wake()
        passed.wait(WAIT_PASS_TIMEOUT_S)
    checked = router.status()
    if checked.code != r.STATUS:
        return checked
    return r.StationResult(True, r.WAITED, checked.posting, checked.state, {"seconds": event.value})


def _emit(event, result, lang: str, **extra) -> None:
    if isinstance(event, dict) and isinstance(event.get("scan"), str):
        event = {**event, "scan": for_log(event["scan"])}  # a marking code is echoed masked, never whole
    data = dict(result.data)
    data.update({k: v for k, v in extra.items() if v is not None})
    line = {"event": event, "ok": result.ok, "code": result.code, "posting": result.posting,
            "state": result.state, "message": result.message(lang), "data": data}
    print(json.dumps(line, ensure_ascii=False, default=str), flush=True)


def _drain(db, station: str, service, passed: threading.Event, timeout_s: float) -> bool:
    from app.store import handovers as store_handovers
    from app.store import labels as store_labels
    from app.store import outbox as store_outbox

    deadline = time.monotonic() + max(0.0, timeout_s)
    while True:
        with db.read() as session:
            if (store_outbox.open_count(session) == 0 and store_labels.open_count(session, station) == 0
                    and store_handovers.undrained(session) == 0):
                return True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        passed.clear()
        if _work_due(db, station):  # else the next pass comes on its own: no extra calls to Ozon
            service.wake()
        passed.wait(min(REPLAY_SYNC_INTERVAL_S + 1.0, remaining))


def _work_due(db, station: str) -> bool:
    """A command or a label of this station is due now (its retry time has come)."""
    from app.store import labels as store_labels
    from app.store import outbox as store_outbox

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with db.read() as session:
        return bool(store_outbox.due(session, now, limit=1) or store_labels.due_to_fetch(session, station, now, limit=1)
                    or store_labels.due_to_print(session, station, now, limit=1))


def _auth_failed(fatal: list) -> bool:
    from app.services.ozon.errors import OzonAuthError

    return any(isinstance(exc, OzonAuthError) for exc in fatal)


def _open(path: str, lang: str):
    try:
        return open(path, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"{path}: {exc.strerror or exc}") from None
