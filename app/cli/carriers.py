"""``packdesk carriers``: the rFBS parcels sent through the seller's own carriers.

    packdesk carriers retry POSTING     # a parked carrier shipment goes again (after fixing its cause)
    packdesk carriers address POSTING --name N --phone P --postcode 101000 --city C --street S [--house H] [--flat F]
                                        # the recipient Ozon does not give: kept with the shipment, sent

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
    address = actions.add_parser("address", help="enter the recipient and address of a held shipment, then send it")
    address.add_argument("posting", metavar="POSTING")
    for name in ("name", "phone", "postcode", "city", "street"):
        address.add_argument(f"--{name}", required=True)
    for name in ("house", "flat", "region"):
        address.add_argument(f"--{name}", default="")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services.carriers.retry import RetryRefused, recipient, retry

    lang = language(args)
    db = open_db(load(args), lang)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    try:
        entered = None if args.action == "retry" else recipient(
            args.name, args.phone, args.postcode, args.city, args.street, args.house, args.flat, args.region)
        carrier = db.writer.call(lambda s: retry(s, args.posting, now, recipient=entered))
    except RetryRefused as exc:
        raise CommandError(text(exc.code, lang, **exc.data)) from None
    finally:
        db.close()
    print(text("carrier_retry_queued", lang, posting=args.posting, carrier=carrier), flush=True)
    return EXIT_OK
