"""``packdesk postings [--status S] [--json]``: list the cached postings."""
from __future__ import annotations

import json

from app.cli.common import language, load, open_db, setup_logging


def register(sub) -> None:
    p = sub.add_parser("postings", help="list cached postings")
    p.add_argument("--status", metavar="S", help="only postings with this Ozon status (e.g. awaiting_packaging)")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.store import postings as store_postings

    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    db = open_db(config, language(args))
    try:
        with db.read() as session:
            listing = store_postings.listing(session, status=args.status)
    finally:
        db.close()
    if args.json:
        print(json.dumps(listing, ensure_ascii=False, indent=None), flush=True)
        return 0
    for p in listing:
        units = sum(i["quantity"] for i in p["items"])
        deadline = (p.get("shipment_date") or "")[:16].replace("T", " ")
        problem = f"  {p['problem']}" if p.get("problem") else ""  # why a person must look at it
        print(f"{p['posting_number']:<20} {p['status']:<20} {p['local_state']:<12} {deadline:<16} "
              f"{units:>3} unit(s){problem}", flush=False)
    return 0
