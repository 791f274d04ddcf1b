"""``packdesk track [--json]``: every posting shipped and not yet delivered or closed, with what
needs a person (CONTRACT.md). Read from this bench's cache (``packdesk sync`` refreshes it).

    packdesk track            # one line a posting, the flagged ones first, with what to do
    packdesk track --json     # [{posting_number, status, substatus, local_state, handed_over_at,
                              #   carriage_id, tracking_number, flag}]
"""
from __future__ import annotations

import json

from app.cli.common import EXIT_OK, language, load, open_db
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("track", help="parcels shipped and not delivered yet, the ones needing a person first")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services.tracking import monitor

    lang = language(args)
    config = load(args)
    db = open_db(config, lang)
    try:
        rows = monitor.watch(db, config, now=monitor.utcnow())
    finally:
        db.close()
    if args.json:
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2), flush=True)
        return EXIT_OK
    if not rows:
        print(text("track_nothing", lang), flush=True)
        return EXIT_OK
    for row in rows:
        days = text("track_days", lang, days=row.days) if row.days is not None else "-"
        status = row.status + (f"/{row.substatus}" if row.substatus else "")
        line = f"{row.posting_number}  {status}  {days}  {row.tracking_number or '-'}"
        if row.flag:
            line += f"  [{row.flag}] " + text(f"track_flag_{row.flag}", lang, posting=row.posting_number)
        print(line, flush=True)
    print(text("track_summary", lang, total=len(rows), flagged=sum(1 for r in rows if r.flag)), flush=True)
    return EXIT_OK
