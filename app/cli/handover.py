"""``packdesk handover status|receipt|attach|arbitrate``: the hand-over outside the window.

    packdesk handover status [--json]              # ready today, the open hand-over, the last one, flags
    packdesk handover receipt ID [--json]          # who, when, how many parcels, carriage and act, the signed act
    packdesk handover attach ID FILE               # a photo or scan of the signed act
    packdesk handover arbitrate POSTING [...]      # open a dispute for parcels Ozon has not scanned
    packdesk handover last-mile POSTING [...]      # rFBS own carrier: the courier is on the way to the buyer
    packdesk handover delivered POSTING [...]      # rFBS own carrier: the buyer has it
    packdesk handover domestic POSTING NUMBER [...] [--forwarder NAME]   # cross-border: the forwarder's numbers
    packdesk handover domestic-export FILE.csv     # every domestic number, for the forwarder

Scanning out is done at the bench (the scanner or ``packdesk replay``: ``CMD:HANDOVER``...).
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from app.cli.common import EXIT_FAILED, EXIT_OK, CommandError, language, load, open_db
from app.cli.table import bench_time, columns
from app.messages import error_text, text
from app.messages.handover_board import close_step_word, dispute_word
from app.messages.statuses import status_word


def register(sub) -> None:
    p = sub.add_parser("handover", help="hand-overs: status, receipt, attach the signed act, disputes")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="parcels ready today, the open hand-over, the last one, flags")
    status.add_argument("--json", action="store_true")
    receipt = actions.add_parser("receipt", help="the receipt of a hand-over")
    receipt.add_argument("handover", type=int, metavar="ID")
    receipt.add_argument("--json", action="store_true")
    attach = actions.add_parser("attach", help="attach a photo or scan of the signed act")
    attach.add_argument("handover", type=int, metavar="ID")
    attach.add_argument("file", metavar="FILE")
    dispute = actions.add_parser("arbitrate", help="open a dispute for parcels Ozon has not scanned")
    dispute.add_argument("postings", nargs="+", metavar="POSTING")
    for step, about in (("last-mile", "rFBS own carrier: the courier is on the way to the buyer"),
                        ("delivered", "rFBS own carrier: the buyer has the parcel")):
        parser = actions.add_parser(step, help=about)
        parser.add_argument("postings", nargs="+", metavar="POSTING")
    domestic = actions.add_parser("domestic", help="record domestic (e.g. China-side) tracking numbers of a posting")
    domestic.add_argument("posting", metavar="POSTING")
    domestic.add_argument("numbers", nargs="+", metavar="NUMBER")
    domestic.add_argument("--forwarder", default="", metavar="NAME", help="the forwarder or domestic carrier")
    export = actions.add_parser("domestic-export", help="write every domestic tracking number to a CSV file")
    export.add_argument("file", metavar="FILE.csv")
    p.set_defaults(func=run)


def run(args) -> int:
    lang = language(args)
    config = load(args)
    db = open_db(config, lang)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    try:
        if args.action == "status":
            from app.services.handover.board import board
            from app.services.handover.mode import local_zone

            data = board(db, config.station.name, config.data_dir, now=now, zone=local_zone())
            _print(data, args.json, lambda d: status_text(d, lang))
            return EXIT_OK
        if args.action == "receipt":
            from app.services.handover.receipt import receipt

            found = receipt(db, config.data_dir, args.handover)
            if found is None:
                raise CommandError(text("handover_unknown", lang, handover=args.handover))
            _print(found.as_dict(), args.json, lambda r: receipt_text(r, lang))
            return EXIT_OK
        if args.action == "attach":
            from app.services.handover.receipt import ReceiptError, attach_file

            try:
                path = attach_file(db, config.data_dir, args.handover, Path(args.file), by=config.station.name, now=now)
            except ReceiptError as exc:
                raise CommandError(error_text(exc, lang)) from None
            print(text("handover_receipt_attached", lang, handover=args.handover, path=path), flush=True)
            return EXIT_OK
        if args.action in ("domestic", "domestic-export"):
            return _domestic(db, config, args, lang, now)
        if args.action in ("last-mile", "delivered"):
            return _step(db, config, args.action, args.postings, lang, now)
        from app.services.handover.afterwards import request_arbitration

        queued, refused = request_arbitration(db, args.postings, station=config.station.name, now=now)
        for number in queued:
            print(text("handover_arbitration_queued", lang, posting=number), flush=True)
        for number in refused:
            print(text("handover_not_flaggable", lang, posting=number), flush=True)
        return EXIT_OK if not refused else EXIT_FAILED
    finally:
        db.close()


def _step(db, config, step: str, postings: list[str], lang: str, now: datetime) -> int:
    from app.services.tracking.steps import refusal_text, request_step

    queued, refused = request_step(db, postings, step, station=config.station.name, now=now)
    for number in queued:
        print(text("track_step_queued", lang, posting=number, step=step), flush=True)
    for refusal in refused:
        print(refusal_text(refusal, lang), flush=True)
    return EXIT_OK if not refused else EXIT_FAILED


def _domestic(db, config, args, lang: str, now: datetime) -> int:
    from app.services.aggregator.domestic import DomesticError, export_csv, record

    if args.action == "domestic-export":
        count = export_csv(db, Path(args.file))
        print(text("domestic_exported", lang, count=count, path=args.file), flush=True)
        return EXIT_OK
    try:
        new = record(db, args.posting, args.numbers, forwarder=args.forwarder, station=config.station.name, now=now)
    except DomesticError as exc:
        raise CommandError(error_text(exc, lang)) from None
    if new:
        print(text("domestic_recorded", lang, posting=args.posting, numbers=", ".join(new)), flush=True)
    else:
        print(text("domestic_known", lang, posting=args.posting), flush=True)
    return EXIT_OK


def _print(data: dict, as_json: bool, render) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, default=str, indent=2), flush=True)
    else:
        print(render(data), flush=True)


def status_text(data: dict, lang: str) -> str:
    """The board (``app.services.handover.board``) in the seller's words."""
    from app.services.handover.results import ozon_error_text

    none = text("board_none", lang)
    lines = [text("board_day", lang, day=data["day"])]
    for m in data["ready"]:
        lines.append(text("board_ready", lang, method=m["method"], parcels=m["parcels"],
                          command=f"CMD:HANDOVER:{m['delivery_method_id']}"))
        for error in (m.get("ozon") or {}).get("errors") or []:  # Ozon's word on today's departure
            lines.append("    " + ozon_error_text(error, lang))
    if not data["ready"] and not data["open"]:
        lines.append(text("board_nothing_ready", lang))
    if data["open"]:
        o = data["open"]
        lines.append(text("board_open", lang, id=o["id"], method=o["method"], scanned=o["scanned"],
                          expected=o["expected"], missing=o["missing"]))
    if data["last"]:
        c = data["last"]
        lines.append(text("board_last", lang, id=c["id"], method=c["method"], parcels=c["scanned"],
                          carriage=c["carriage_id"] or none, act=c["act_pdf"] or none,
                          step=close_step_word(c["close_step"], c.get("carriage_status"), lang) or none))
        if c["close_error"]:
            lines.append(text("board_refused", lang, error=ozon_error_text({"code": c["close_error"]}, lang)))
    for f in data["flagged"]:
        lines.append(text("board_flag", lang, posting=f["posting"], flag=text(f"track_short_{f['flag']}", lang),
                          status=status_word(f["status"] or "", lang) or none,
                          dispute=dispute_word(f["arbitration"], lang) or none))
    return "\n".join(lines)


def receipt_text(r: dict, lang: str) -> str:
    """A receipt (``app.services.handover.receipt.Receipt.as_dict``), a labelled line a field."""
    none = text("board_none", lang)
    rows = []
    for key, value in r.items():
        if isinstance(value, list):
            value = ", ".join(value)
        elif key.endswith("_at") and value:  # stored in UTC: said in the bench's time
            value = bench_time(value, seconds=True)
        rows.append([text(f"receipt_{key}", lang) + ":", none if value in (None, "") else str(value)])
    return "\n".join(columns(rows))
