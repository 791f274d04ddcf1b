"""``packdesk sync [--once] [--json]``: pull Ozon into the cache and drain the outbox."""
from __future__ import annotations

import json
import signal
import threading

from app.cli.common import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, language, load, open_bench, setup_logging
from app.messages import text

SYNC_PARTS = ("ozon", "printer", "sync")  # the bench's sync and print path, no station or devices


def register(sub) -> None:
    p = sub.add_parser("sync", help="pull postings and products from Ozon, drain the outbox, print due labels")
    p.add_argument("--once", action="store_true", help="one pass, then exit")
    p.add_argument("--json", action="store_true", help="one JSON object per pass instead of a summary line")
    p.set_defaults(func=run)


def run(args) -> int:
    """Passes on this thread (the bench's ``engine``; its background ``service`` is not used); each
    pass waits for the labels it prints, so its summary counts them."""
    from app.services.ozon.errors import OzonAuthError

    lang = language(args)
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    bench = open_bench(config, lang, parts=SYNC_PARTS, wait_for_prints=True)
    stop, wake = threading.Event(), threading.Event()
    if bench.leader is not None:  # a room: elected, or nudged by a follower (a posting waits to ship)
        bench.leader.on_wake = wake.set
    try:
        if not args.once:
            _stop_on_signals(stop, wake)
        while True:
            try:
                summary = bench.engine.run_pass()
            except OzonAuthError as exc:
                print(text("auth_failed", lang, client_id=config.ozon.client_id, detail=str(exc)),
                      flush=True)
                return EXIT_CONFIG
            _report(summary, args.json, lang)
            if args.once:
                return EXIT_OK if summary.finished else EXIT_FAILED
            wake.wait(config.sync.interval_s)
            wake.clear()
            if stop.is_set():
                return EXIT_OK
    finally:
        bench.close()


def _report(summary, as_json: bool, lang: str) -> None:
    if as_json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False), flush=True)
        return
    line = text("sync_summary", lang, postings=summary.pull.postings, changed=summary.pull.changed,
                skipped=summary.pull.skipped, products=summary.pull.products, done=summary.outbox.done,
                parked=summary.outbox_parked, open=summary.outbox_open)
    if not summary.finished:
        line += "; " + text("sync_incomplete", lang, detail=_unfinished(summary, lang))
    print(line, flush=True)


def _unfinished(summary, lang: str) -> str:
    """The stages that did not finish, in the packer's words, each with why (stages that failed
    for the same reason, e.g. Ozon unreachable, share it)."""
    from app.messages.sync import stage_names
    from app.services.sync.summary import BUG

    by_reason: dict[str, list[str]] = {}
    for name in summary.failed_stages:
        stage = summary.stages[name]
        reason = text("sync_stage_bug", lang, detail=stage.error) if stage.state == BUG else stage.error
        by_reason.setdefault(reason, []).append(name)
    return "; ".join(f"{', '.join(stage_names(names, lang))} ({reason})"
                     for reason, names in by_reason.items()) or (summary.error or "")


def _stop_on_signals(stop: threading.Event, wake: threading.Event) -> None:
    def handler(signum, frame):
        stop.set()
        wake.set()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
