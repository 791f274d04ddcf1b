"""``packdesk report --from DATE --to DATE [--json|--pdf FILE]``: shift statistics per packer, station
and day (``app.services.stats.figures``), days in this machine's time zone.

Without an option: a table, one line per day, station and packer. ``--json``: an array of
``{date, station, packer, postings, units, seconds_per_unit, mistakes{kind: n}, overrides, handed_over}``
(CONTRACT.md). ``--pdf FILE``: the one-page report. Exit 0 when written.
"""
from __future__ import annotations

import json
from datetime import date, datetime

from app.cli.common import EXIT_CONFIG, EXIT_OK, CommandError, language, load, open_db, setup_logging
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("report", help="shift statistics per packer, station and day")
    p.add_argument("--from", dest="since", type=date.fromisoformat, required=True, metavar="DATE")
    p.add_argument("--to", dest="until", type=date.fromisoformat, required=True, metavar="DATE")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--pdf", metavar="FILE")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services.stats import report_pdf
    from app.services.stats.figures import shift_figures

    lang = language(args)
    if args.since > args.until:
        raise CommandError(text("report_bad_period", lang, since=args.since, until=args.until), EXIT_CONFIG)
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    db = open_db(config, lang)
    try:
        rows = shift_figures(db, args.since, args.until, datetime.now().astimezone().tzinfo)
    finally:
        db.close()
    if args.json:
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False))
    elif args.pdf:
        try:
            report_pdf.write_pdf(rows, args.since, args.until, lang, args.pdf)
        except OSError as exc:
            raise CommandError(text("file_not_written", lang, path=args.pdf, detail=exc.strerror or exc)) from None
        print(text("report_saved", lang, path=args.pdf), flush=True)
    else:
        heads = [text(key, lang) for key, _ in report_pdf.COLUMNS]
        print("\t".join(heads))
        for row in rows:
            print("\t".join(report_pdf.cells(row)))
    return EXIT_OK
