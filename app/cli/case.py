"""``packdesk case``: the seller's cases, per posting (the Cases view shows the same).

    packdesk case list [--posting N] [--open] [--json]          # newest first
    packdesk case show ID [--json]
    packdesk case open POSTING --type TYPE [--note TEXT]      # damaged|missing_item|wrong_item|not_delivered|return
    packdesk case note ID TEXT
    packdesk case attach ID FILE                               # copied under the evidence dir, with its SHA-256
    packdesk case close ID --resolution refund|resend|rejected [--note TEXT]

``--json``: ``list`` prints an array, ``show`` an object, each ``{id, posting_number, type, state,
resolution, notes[{at, by, text}], attachments[{name, path, sha256, size, at}], return_id, opened_by,
created_at, updated_at, closed_at}``. Exit 0 when done, 1 with the reason on stderr.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone, tzinfo
from pathlib import Path

from app.cli.common import EXIT_OK, CommandError, language, load, open_db
from app.cli.table import bench_time
from app.messages import text
from app.store.models_returns import CASE_TYPES, RESOLUTIONS


def register(sub) -> None:
    p = sub.add_parser("case", help="cases per posting: damaged, missing or wrong item, not delivered, return")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="cases, newest first")
    listing.add_argument("--posting", metavar="POSTING")
    listing.add_argument("--open", action="store_true", help="only open cases")
    listing.add_argument("--json", action="store_true")
    show = actions.add_parser("show", help="one case")
    show.add_argument("case", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")
    opening = actions.add_parser("open", help="open a case for a posting")
    opening.add_argument("posting", metavar="POSTING")
    opening.add_argument("--type", required=True, choices=CASE_TYPES)
    opening.add_argument("--note", default="")
    note = actions.add_parser("note", help="add a note")
    note.add_argument("case", type=int, metavar="ID")
    note.add_argument("note", metavar="TEXT")
    attach = actions.add_parser("attach", help="attach a file (photo, letter, screenshot)")
    attach.add_argument("case", type=int, metavar="ID")
    attach.add_argument("file", metavar="FILE")
    close = actions.add_parser("close", help="close a case with its resolution")
    close.add_argument("case", type=int, metavar="ID")
    close.add_argument("--resolution", required=True, choices=RESOLUTIONS)
    close.add_argument("--note", default="")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services.returns import cases

    lang = language(args)
    config = load(args)
    db = open_db(config, lang)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    by = config.station.name
    try:
        if args.action == "list":
            with db.read() as session:
                found = [cases.as_dict(c) for c in cases.listing(session, posting=args.posting, open_only=args.open)]
            if args.json:
                print(json.dumps(found, ensure_ascii=False, indent=2), flush=True)
            elif not found:
                print(text("case_none", lang), flush=True)
            else:
                for case in found:
                    print(_line(case, lang), flush=True)
            return EXIT_OK
        if args.action == "show":
            with db.read() as session:
                case = cases.as_dict(cases.get_case(session, args.case))
            print(json.dumps(case, ensure_ascii=False, indent=2) if args.json else _details(case, lang), flush=True)
            return EXIT_OK
        if args.action == "open":
            case = db.writer.call(lambda s: cases.as_dict(cases.open_case(s, args.posting, args.type, note=args.note,
                                                                          by=by, now=now)))
            print(text("case_opened", lang, case=case["id"], type=text(f"case_type_{case['type']}", lang),
                       posting=case["posting_number"]), flush=True)
            return EXIT_OK
        if args.action == "note":
            db.writer.call(lambda s: cases.add_note(s, args.case, args.note, by=by, now=now))
            print(text("case_updated", lang, case=args.case), flush=True)
            return EXIT_OK
        if args.action == "attach":
            db.writer.call(lambda s: cases.attach(s, args.case, Path(args.file), config.data_dir, by=by, now=now))
            print(text("case_updated", lang, case=args.case), flush=True)
            return EXIT_OK
        db.writer.call(lambda s: cases.resolve(s, args.case, args.resolution, by=by, now=now, note=args.note))
        print(text("case_closed", lang, case=args.case, resolution=text(f"case_resolution_{args.resolution}", lang)),
              flush=True)
        return EXIT_OK
    except cases.CaseError as exc:
        raise CommandError(text(exc.code, lang, **exc.data)) from None
    finally:
        db.close()


def _line(case: dict, lang: str) -> str:
    resolution = text("case_resolution_" + case["resolution"], lang) if case["resolution"] else ""
    kind, state = text("case_type_" + case["type"], lang), text("case_state_" + case["state"], lang)
    return f"#{case['id']}  {case['posting_number']}  {kind}  {state}  {resolution}".rstrip()


def _details(case: dict, lang: str, zone: tzinfo | None = None) -> str:
    """A case's line, then its notes (their times in the bench's zone: ``zone``, this computer's) and files."""
    out = [_line(case, lang)]
    out += [f"  {bench_time(n['at'], zone=zone)}  {n.get('by') or ''}: {n['text']}" for n in case["notes"]]
    out += [f"  📎 {a['name']}  sha256 {a['sha256']}" for a in case["attachments"]]
    return "\n".join(out)
