"""``packdesk sync [--once] [--json]``: pull Ozon into the cache and drain the outbox."""
from __future__ import annotations

import json
import signal
import threading

from app.cli.common import (
    EXIT_CONFIG, EXIT_FAILED, EXIT_OK, CommandError, language, load, open_client, open_db, setup_logging,
)
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("sync", help="pull postings and products from Ozon, drain the outbox, print due labels")
    p.add_argument("--once", action="store_true", help="one pass, then exit")
    p.add_argument("--json", action="store_true", help="one JSON object per pass instead of a summary line")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services.ozon.errors import OzonAuthError
    from app.services.sync.engine import SyncEngine

    lang = language(args)
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    printer = _printer(config)
    client = open_client(config, lang)
    db = open_db(config)
    stop = threading.Event()
    try:
        print_labels = None
        if printer is not None:
            from app.services.labels.printing import LabelPrinter

            print_labels = LabelPrinter(db, printer, station=config.station.name, data_dir=config.data_dir).print_due
        engine = SyncEngine(client, db, config, print_labels=print_labels)
        if not args.once:
            _stop_on_signals(stop)
        while True:
            try:
                summary = engine.run_pass()
            except OzonAuthError as exc:
                print(text("auth_failed", lang, client_id=config.ozon.client_id, detail=str(exc)),
                      flush=True)
                return EXIT_CONFIG
            _report(summary, args.json, lang)
            if args.once:
                return EXIT_OK if summary.finished else EXIT_FAILED
            if stop.wait(config.sync.interval_s):
                return EXIT_OK
    finally:
        if printer is not None:
            printer.close()
        client.close()
        db.close()


def _printer(config):
    """The configured printer (labels are printed in the pass, on this thread), or None without
    one. A bad printer URI is a config error (exit 2)."""
    if not config.devices.printer:
        return None
    from app.devices.printers import open_printer
    from app.devices.uri import DeviceUriError
    from app.services.labels.render import ensure_qt_app

    try:
        printer = open_printer(config.devices.printer, sim_dir=config.data_dir / "printed")
    except DeviceUriError as exc:
        raise CommandError(str(exc), EXIT_CONFIG) from None
    ensure_qt_app()  # in the main thread, before any page is rendered
    return printer


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


def _stop_on_signals(stop: threading.Event) -> None:
    def handler(signum, frame):
        stop.set()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
