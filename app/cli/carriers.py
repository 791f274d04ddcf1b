"""``packdesk carriers``: the rFBS parcels sent through the seller's own carriers.

    packdesk carriers retry POSTING     # a parked carrier shipment goes again (after fixing its cause)

Exit 0 when queued (the next sync pass sends it; ``packdesk sync --once`` sends it now), 1 with the
reason on stderr (no carrier shipment for that posting, or it is not held).
"""
from __future__ import annotations

from datetime import datetime, timezone

from app.cli.common import EXIT_OK, CommandError, language, load, open_db
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("carriers", help="rFBS parcels of your own carriers: send a held shipment again")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    again = actions.add_parser("retry", help="send a parked carrier shipment again (after fixing its cause)")
    again.add_argument("posting", metavar="POSTING")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services.carriers.retry import RetryRefused, retry

    lang = language(args)
    db = open_db(load(args))
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    try:
        carrier = db.writer.call(lambda s: retry(s, args.posting, now))
    except RetryRefused as exc:
        raise CommandError(text(exc.code, lang, **exc.data)) from None
    finally:
        db.close()
    print(text("carrier_retry_queued", lang, posting=args.posting, carrier=carrier), flush=True)
    return EXIT_OK
