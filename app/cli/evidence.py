"""``packdesk evidence POSTING --out FILE.zip`` / ``packdesk evidence verify FILE.zip``: the dispute
bundle of one posting, and its check (CONTRACT.md).

The summary is in Russian (Ozon's support reads it) unless ``--lang`` asks for another language.
Making it: exit 0 when written (a broken evidence log is said on stderr and in the summary), 1 when
the posting has no record here. Verifying: exit 0 when every file and record matches, 1 with the
first mismatch named.
"""
from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from app.cli.common import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, language, load, open_db, setup_logging
from app.messages import text

SUMMARY_DEFAULT_LANGUAGE = "ru"


def register(sub) -> None:
    p = sub.add_parser("evidence", help="the dispute bundle of a posting (ZIP), or 'verify FILE.zip' to check one",
                       usage="packdesk evidence POSTING --out FILE.zip | packdesk evidence verify FILE.zip")
    p.add_argument("target", metavar="POSTING|verify", help="a posting number, or 'verify'")
    p.add_argument("file", nargs="?", metavar="FILE.zip", help="with 'verify': the bundle to check")
    p.add_argument("--out", metavar="FILE.zip", help="where to write the bundle")
    p.set_defaults(func=run)


def run(args) -> int:
    lang = language(args)
    if args.target == "verify":
        if not args.file:
            print(f"packdesk: {text('evidence_verify_needs_file', lang)}", file=sys.stderr)
            return EXIT_CONFIG
        return _verify(Path(args.file), lang)
    if not args.out:
        print(f"packdesk: {text('evidence_needs_out', lang)}", file=sys.stderr)
        return EXIT_CONFIG
    return _make(args, args.target.strip(), Path(args.out).expanduser(), lang)


def _make(args, posting: str, out: Path, lang: str) -> int:
    from app.services.evidence.bundle import NothingToBundle, make_bundle

    if not out.parent.is_dir():  # said before the bundle is gathered, not after
        print("packdesk: " + text("file_not_written", lang, path=out, detail=os.strerror(errno.ENOENT)),
              file=sys.stderr)
        return EXIT_FAILED
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    db = open_db(config, lang)
    try:
        report = make_bundle(db, config.data_dir, posting, out, lang=args.lang or SUMMARY_DEFAULT_LANGUAGE,
                             station=config.station.name)
    except NothingToBundle:
        print(text("evidence_unknown_posting", lang, posting=posting), file=sys.stderr)
        return EXIT_FAILED
    finally:
        db.close()
    for script in report.font_problems:
        print("packdesk: " + text("evidence_font_missing", lang, script=script, detail="no font file found",
                                  fallback="in English" if script else ""), file=sys.stderr)
    if not report.chain.intact:
        print("packdesk: " + text("evidence_chain_broken", lang, where=report.chain.broken.where,
                                  detail=report.chain.broken.detail), file=sys.stderr)
    print(text("evidence_written", lang, posting=posting, path=out, files=report.files, clips=report.clips,
               entries=report.entries), flush=True)
    return EXIT_OK


def _verify(path: Path, lang: str) -> int:
    from app.services.evidence.verify import verify_bundle

    if not path.is_file():  # a wrong path, not a bundle that fails its records
        print(f"packdesk: {text('evidence_verify_no_file', lang, path=path)}", file=sys.stderr)
        return EXIT_FAILED
    verdict = verify_bundle(path)
    if verdict.ok:
        print(text("evidence_verified", lang, path=path, files=verdict.files, entries=verdict.entries,
                   events=verdict.events), flush=True)
        return EXIT_OK
    print(text("evidence_mismatch", lang, path=path, where=verdict.broken.where, detail=verdict.broken.detail),
          flush=True)
    return EXIT_FAILED
