"""``packdesk db migrate-to URL [--replace]``: copy this bench's cache (postings, products, events,
the outbox, labels, waves: every table) into another database, e.g. the PostgreSQL a room of benches
shares. Every row is counted in the target before and after the commit; the source is only read.

Prints one line per table and a last line with the total. Exit 0 when every row arrived; 1 when the
target cannot be used (it already holds rows: ``--replace`` empties it first), cannot be reached,
or the counts differ (then nothing was kept); 2 for a URL that is not a database URL.
"""
from __future__ import annotations

from app.cli.common import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, CommandError, language, load, setup_logging
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("db", help="the bench's database: move it into a shared PostgreSQL")
    actions = p.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    move = actions.add_parser("migrate-to", help="copy this bench's cache, events and outbox into another database")
    move.add_argument("url", metavar="URL", help="e.g. postgresql+psycopg://packdesk:PASSWORD@db-host/packdesk")
    move.add_argument("--replace", action="store_true",
                      help="empty the target first when it already holds rows (they are lost)")
    p.set_defaults(func=run)


def run(args) -> int:
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    from app.store import transfer

    lang = language(args)
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    source = config.database_url
    try:
        target = _shown(args.url)
    except ArgumentError:
        raise CommandError(text("db_bad_url", lang, url=args.url), EXIT_CONFIG) from None

    def table_done(name: str, rows: int) -> None:
        print(text("db_table_copied", lang, table=name, rows=rows), flush=True)

    try:
        copied = transfer.copy_cache(source, args.url, replace=args.replace, on_table=table_done)
    except transfer.TargetNotEmpty as exc:
        held = ", ".join(f"{name} {count}" for name, count in exc.held.items())
        raise CommandError(text("db_target_not_empty", lang, url=target, held=held)) from None
    except transfer.TransferError as exc:
        raise CommandError(text("db_copy_failed", lang, url=target, detail=str(exc))) from None
    except NoSuchModuleError:
        raise CommandError(text("db_bad_url", lang, url=target), EXIT_CONFIG) from None
    except DBAPIError as exc:
        raise CommandError(text("db_unreachable", lang, url=target, detail=_reason(exc)), EXIT_FAILED) from None
    print(text("db_copied", lang, rows=copied.total, tables=len(copied.rows), url=target,
               source=_shown(source)), flush=True)
    return EXIT_OK


def _shown(url: str) -> str:
    """The URL with its password hidden (it never goes to the screen or the log)."""
    from sqlalchemy import make_url

    return make_url(url).render_as_string(hide_password=True)


def _reason(exc) -> str:
    first = str(getattr(exc, "orig", exc)).strip().splitlines()
    return first[0] if first else type(exc).__name__
