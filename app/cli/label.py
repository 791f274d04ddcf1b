"""``packdesk label POSTING [--printer URI]``: fetch (or reuse) the Ozon label and print it.

An explicit reprint: it prints even when the label was printed before, and counts a copy.
Exit 0 when printed; 1 with one line saying why not (posting unknown, not shipped yet, label not
ready yet, printer error); 2 for a bad printer URI or configuration.
"""
from __future__ import annotations

from app.cli.common import (
    EXIT_CONFIG, EXIT_FAILED, EXIT_OK, CommandError, language, load, open_bench, open_client, setup_logging,
)
from app.config import with_overrides
from app.messages import text
from app.messages.devices import print_failed_text
from app.messages.statuses import status_word


def register(sub) -> None:
    p = sub.add_parser("label", help="fetch (or reuse) the Ozon label of a posting and print it")
    p.add_argument("posting", metavar="POSTING", help="posting number, e.g. 12345678-0001-1")
    p.add_argument("--printer", metavar="URI", help="printer URI (default: [devices] printer of the configuration)")
    p.set_defaults(func=run)


def run(args) -> int:
    lang = language(args)
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    uri = args.printer or config.devices.printer
    if not uri:
        raise CommandError(text("label_no_printer", lang), EXIT_CONFIG)
    config = with_overrides(config, devices={"printer": uri})
    number = args.posting.strip()
    bench = open_bench(config, lang, parts=("printer",))  # the bench's print path; Ozon only if needed
    db, printer = bench.db, bench.print_worker.printer.printer
    try:
        _here(db, number, config.station.name, lang)
        if not _pdf_kept(db, config.data_dir, number):
            _fetch(config, db, number, lang, printer.profile.size_mm)
        result = bench.print_worker.reprint(number).result()
    finally:
        bench.close()
    if not result.printed:
        raise CommandError(print_failed_text(number, result.kind, result.error, lang), EXIT_FAILED)
    print(text("label_printed", lang, posting=number, printer=printer.name), flush=True)
    return EXIT_OK


def _here(db, number: str, station: str, lang: str) -> None:
    """A label prints at the bench that packed its posting (in a room of benches): refused elsewhere."""
    from app.store import labels as store_labels

    with db.read() as session:
        owner = store_labels.owner(session, number)
    if owner is not None and owner != station:
        raise CommandError(text("label_prints_elsewhere", lang, posting=number, station=owner), EXIT_FAILED)


def _pdf_kept(db, data_dir, number: str) -> bool:
    from app.services.labels import files
    from app.store import labels as store_labels

    with db.read() as session:
        row = store_labels.get(session, number)
    return bool(row and row.pdf_path and files.resolve(data_dir, row.pdf_path).is_file())


def _fetch(config, db, number: str, lang: str, stock_mm: tuple[float, float]) -> None:
    """Fetch the label (of the size the printer's stock takes) from Ozon now; CommandError (exit 1)
    saying why when Ozon has none."""
    from app.services.labels.fetch import LabelFetcher
    from app.services.labels.stock import label_task_type
    from app.services.ozon.errors import OzonBusinessError, OzonError, OzonLabelNotReady, OzonNotFound
    from app.services.labels.printing import utcnow
    from app.statuses import BEFORE_PACKING_STATUSES, CANCELLED_STATUSES, PACKABLE_STATUSES

    from app.bench import room_limiters

    from app.store.accounts import account_of

    with db.read() as session:
        account = account_of(session, number)  # several Ozon accounts: the posting's own
    client = open_client(config, lang, account=account, limiters=room_limiters(db))
    fetcher = LabelFetcher(client, db, data_dir=config.data_dir, station=config.station.name, now=utcnow,
                           task_type=label_task_type(stock_mm))
    try:
        try:
            fetcher.fetch_now(number)
            return
        except OzonLabelNotReady:
            raise CommandError(text("label_not_ready", lang, posting=number), EXIT_FAILED) from None
        except (OzonBusinessError, OzonNotFound) as exc:
            refused = exc
        try:  # why did Ozon refuse? read the posting back
            posting = client.get_posting(number)
        except OzonNotFound:
            raise CommandError(text("label_unknown_posting", lang, posting=number), EXIT_FAILED) from None
        if posting.status in CANCELLED_STATUSES:
            raise CommandError(text("label_cancelled", lang, posting=number, status=status_word(posting.status, lang)),
                               EXIT_FAILED)
        if posting.status in BEFORE_PACKING_STATUSES | PACKABLE_STATUSES:
            raise CommandError(text("label_not_shipped", lang, posting=number, status=status_word(posting.status, lang)),
                               EXIT_FAILED)
        raise CommandError(text("label_refused", lang, posting=number, detail=refused), EXIT_FAILED)
    except OzonError as exc:  # network, rate limit, a refused key
        if exc.code == "auth":
            raise CommandError(text("auth_failed", lang, client_id=client.client_id, detail=exc), EXIT_CONFIG) from None
        raise CommandError(text("ozon_unreachable_now", lang, detail=exc), EXIT_FAILED) from None
    finally:
        client.close()

