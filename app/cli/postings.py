"""``packdesk postings [--status S] [--json]``: list the cached postings.

The table says the statuses in the seller's language; ``--json`` keeps Ozon's and the bench's codes
(CONTRACT.md)."""
from __future__ import annotations

import json
from datetime import tzinfo

from app.cli.common import EXIT_CONFIG, CommandError, language, load, open_db, setup_logging
from app.cli.table import bench_time, columns
from app.messages import text
from app.messages.problems import problem_words
from app.messages.statuses import local_state_word, status_word
from app.statuses import LOCAL_STATES, OZON_STATUSES


def register(sub) -> None:
    p = sub.add_parser("postings", help="list cached postings")
    p.add_argument("--status", metavar="S", help="only postings with this Ozon status (e.g. awaiting_packaging) "
                                                 "or in this state at the bench (e.g. problem, packed)")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.store import lookups

    lang = language(args)
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    db = open_db(config, lang)
    try:
        with db.read() as session:
            listing = lookups.listing(session, status=args.status)
    finally:
        db.close()
    if not listing and args.status and args.status not in OZON_STATUSES and args.status not in LOCAL_STATES:
        # a typo, not an empty shelf (a status Ozon adds later is listed as soon as a posting has it)
        raise CommandError(text("listing_unknown_status", lang, status=args.status, ozon=", ".join(OZON_STATUSES),
                                local=", ".join(LOCAL_STATES)), EXIT_CONFIG)
    if args.json:
        print(json.dumps(listing, ensure_ascii=False, indent=None), flush=True)
        return 0
    if not listing:
        if args.status:
            said = status_word if args.status in OZON_STATUSES else local_state_word
            word = said(args.status, lang)
            print(text("listing_none_with", lang, status=word), flush=True)
        else:
            print(text("listing_none", lang), flush=True)
        return 0
    print("\n".join(table(listing, lang)), flush=True)
    return 0


def table(listing: list[dict], lang: str, zone: tzinfo | None = None) -> list[str]:
    """The postings as lines under a header: number, Ozon's status and the bench's state in words,
    the ship-by time in the bench's zone (``zone``: this computer's), units, and why a person must
    look at it."""
    header = [text(f"listing_{key}", lang) for key in ("posting", "status", "local_state", "ship_by", "units")]
    if any(p.get("problem") for p in listing):
        header.append(text("listing_problem", lang))
    rows = [header]
    for p in listing:
        rows.append([p["posting_number"], status_word(p["status"], lang), local_state_word(p["local_state"], lang),
                     bench_time(p.get("shipment_date"), zone=zone),
                     str(sum(i["quantity"] for i in p["items"])), problem_words(p.get("problem"), lang)])
    return columns(rows, right=frozenset({4}))
