"""``packdesk people add|list|badge|pin|role|deactivate|audit``: the people who sign in at the benches.

    packdesk people add "Anna K" --role packer        (roles: packer, supervisor, admin)
    packdesk people badge "Anna K"                    prints CMD:LOGIN:<badge> (a new badge; the old one stops)
    packdesk people pin "Anna K"                      reads the PIN from the terminal (or one line of stdin)
    packdesk people list [--json]
    packdesk people role "Anna K" supervisor
    packdesk people deactivate "Anna K"               she can no longer sign in; her events stay
    packdesk people audit --csv FILE [--from DATE] [--to DATE] [--packer NAME] [--station NAME] [--kind CODE]

A PIN is never an argument (it would stay in the shell's history). Exit 0 when done, 1 when refused
(the reason on stderr, in the chosen language).
"""
from __future__ import annotations

import getpass
import json
import sys
from datetime import date, datetime, time, timedelta, timezone

from app.cli.common import EXIT_OK, CommandError, language, load, open_db, setup_logging
from app.cli.table import columns
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("people", help="packers, supervisors and admins: badges, PINs, the audit")
    actions = p.add_subparsers(dest="people_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a person")
    add.add_argument("name")
    add.add_argument("--role", choices=("packer", "supervisor", "admin"), default="packer")
    listing = actions.add_parser("list", help="everyone, with role and whether a badge or PIN is set")
    listing.add_argument("--json", action="store_true")
    actions.add_parser("badge", help="issue a new badge: prints its barcode text").add_argument("name")
    actions.add_parser("pin", help="set a PIN (read from the terminal or stdin)").add_argument("name")
    role = actions.add_parser("role", help="change a person's role")
    role.add_argument("name")
    role.add_argument("role", choices=("packer", "supervisor", "admin"))
    actions.add_parser("deactivate", help="a person who may no longer sign in").add_argument("name")
    audit = actions.add_parser("audit", help="who did what, where, when: to a CSV file")
    audit.add_argument("--csv", metavar="FILE", required=True)
    audit.add_argument("--from", dest="since", type=date.fromisoformat, metavar="DATE")
    audit.add_argument("--to", dest="until", type=date.fromisoformat, metavar="DATE", help="inclusive")
    for name in ("packer", "station", "kind"):
        audit.add_argument(f"--{name}", default="")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services.people import audit, directory

    lang = language(args)
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    db = open_db(config, lang)
    try:
        action = args.people_action
        if action == "add":
            person = directory.add(db, args.name, args.role)
            print(f"{person.name}\t{person.role}")
        elif action == "list":
            people = directory.everyone(db)
            if args.json:
                print(json.dumps([{"name": p.name, "role": p.role, "active": p.active, "badge": p.has_badge,
                                   "pin": p.has_pin} for p in people], ensure_ascii=False))
            elif not people:
                print(text("people_none", lang))
            else:
                print("\n".join(columns([[p.name, text(f"people_role_{p.role}", lang),
                                           ", ".join(text(f"people_{f}", lang) for f, on in (
                                               ("has_badge", p.has_badge), ("has_pin", p.has_pin),
                                               ("inactive", not p.active)) if on)] for p in people])))
        elif action == "badge":
            print(f"CMD:LOGIN:{directory.issue_badge(db, args.name)}")
        elif action == "pin":
            if directory.find_by_name(db, args.name) is None:  # said before a PIN is asked for
                raise directory.PeopleError("unknown_person", name=args.name)
            directory.set_pin(db, args.name, _read_pin())
        elif action == "role":
            directory.set_role(db, args.name, args.role)
        elif action == "deactivate":
            directory.set_active(db, args.name, False)
        elif action == "audit":
            flt = audit.AuditFilter(since=_day(args.since), until=_day(args.until, 1), packer=args.packer,
                                    station=args.station, kind=args.kind)
            print(audit.write_csv(db, flt, args.csv))
    except directory.PeopleError as exc:
        raise CommandError(text(f"people_{exc.code}", lang, **exc.data)) from None
    finally:
        db.close()
    return EXIT_OK


def _read_pin() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("PIN: ")
    return sys.stdin.readline().strip()


def _day(day: date | None, after: int = 0) -> datetime | None:
    return None if day is None else datetime.combine(day + timedelta(days=after), time(), tzinfo=timezone.utc)
