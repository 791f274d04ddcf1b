"""``packdesk track [--json]``: every posting shipped and not yet delivered or closed, with what
needs a person (CONTRACT.md). Read from this bench's cache (``packdesk sync`` refreshes it).

    packdesk track            # one line a posting (in the seller's language), the flagged ones first,
                              #   each followed by what to do
    packdesk track --json     # [{posting_number, status, substatus, local_state, handed_over_at,
                              #   carriage_id, tracking_number, flag}]
"""
from __future__ import annotations

import json

from app.cli.common import EXIT_OK, language, load, open_db
from app.cli.table import columns
from app.messages import text
from app.messages.statuses import status_word, substatus_word


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
    print("\n".join(lines(rows, lang)), flush=True)
    print(text("track_summary", lang, total=len(rows), flagged=sum(1 for r in rows if r.flag)), flush=True)
    return EXIT_OK


def lines(rows, lang: str) -> list[str]:
    """One line a parcel: number, Ozon's status (and substatus) in words, days on its way, tracking
    number; a flagged one is followed by what to do."""
    table = [[row.posting_number,
              status_word(row.status, lang) + (f" / {substatus_word(row.substatus, lang)}" if row.substatus else ""),
              text("track_days", lang, days=row.days) if row.days is not None else "-",
              row.tracking_number or "-"] for row in rows]
    out = []
    for row, line in zip(rows, columns(table, right=frozenset({2}))):
        out.append(line)
        if row.flag:
            out.append(f"    ! {text(f'track_short_{row.flag}', lang)}: "
                       + text(f"track_flag_{row.flag}", lang, posting=row.posting_number))
    return out
