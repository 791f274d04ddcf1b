"""``packdesk wave plan|ship|status``: label-first waves for high-volume days (app.services.waves).

- ``wave plan [--delivery-method ID] [--due today|YYYY-MM-DD] [--limit N] [--json]``: choose and
  check packable postings, store the wave; prints its id, the postings in pick order and what was
  excluded and why. Exit 0 (also when nothing qualifies: an empty wave says so).
- ``wave ship WAVE_ID [--json]``: claim the postings for this station and queue their ship commands
  in one transaction; ``packdesk sync`` or the desktop app's sync sends them and prints the labels
  in pick order. Exit 1 for an unknown wave.
- ``wave status WAVE_ID [--json]``: verified / pending / short / dropped / excluded postings.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

from app.cli.common import EXIT_FAILED, EXIT_OK, CommandError, language, load, open_db, setup_logging
from app.cli.table import columns
from app.messages import text
from app.messages.devices import label_state_word
from app.messages.wave_words import reason_words
from app.services.waves.checks import EXEMPLARS_FIRST


def register(sub) -> None:
    p = sub.add_parser("wave", help="label-first waves: plan, ship in one go, follow the bench")
    actions = p.add_subparsers(dest="wave_action", metavar="ACTION", required=True)
    plan = actions.add_parser("plan", help="choose and check postings for a wave")
    plan.add_argument("--delivery-method", type=int, metavar="ID", help="only this delivery method")
    plan.add_argument("--due", metavar="today|YYYY-MM-DD", help="only postings due by the end of that day")
    plan.add_argument("--limit", type=int, metavar="N", help="at most N postings (earliest deadline first)")
    plan.add_argument("--json", action="store_true", help="one JSON object instead of text")
    ship = actions.add_parser("ship", help="claim the wave's postings and queue one ship each")
    ship.add_argument("wave_id", type=int, metavar="WAVE_ID")
    ship.add_argument("--json", action="store_true", help="one JSON object instead of text")
    status = actions.add_parser("status", help="verified, pending and short postings of a wave")
    status.add_argument("wave_id", type=int, metavar="WAVE_ID")
    status.add_argument("--json", action="store_true", help="one JSON object instead of text")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services import waves

    lang = language(args)
    config = load(args)
    setup_logging(config.data_dir, args.verbose)
    station = config.station.name
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    due_by = parse_due(args.due, lang) if args.wave_action == "plan" else None
    db = open_db(config, lang)
    try:
        if args.wave_action == "plan":
            if args.limit is not None and args.limit < 1:
                raise CommandError(text("wave_bad_option", lang, detail="--limit must be 1 or more"))
            plan = waves.plan_wave(db, station, delivery_method_id=args.delivery_method, due_by=due_by,
                                   limit=args.limit, now=now)
            return _out(args, plan.as_dict(), lambda: _plan_lines(plan, lang))
        try:
            if args.wave_action == "ship":
                shipped = waves.ship_wave(db, args.wave_id, station, now=now)
                return _out(args, shipped.as_dict(), lambda: _ship_lines(shipped, lang))
            status = waves.wave_status(db, args.wave_id)
        except LookupError:
            print(text("wave_unknown", lang, wave=args.wave_id), flush=True)
            return EXIT_FAILED
        return _out(args, status, lambda: _status_lines(status, lang))
    finally:
        db.close()


def parse_due(value: str | None, lang: str) -> datetime | None:
    """``today`` or an ISO date → the end of that day (local time) as naive UTC."""
    from app.services.waves import end_of_day

    if value is None:
        return None
    try:
        day = date.today() if value.strip().lower() == "today" else date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(text("wave_bad_option", lang, detail=f"--due {value!r}: today or YYYY-MM-DD")) from None
    return end_of_day(day)


def _out(args, data: dict, lines) -> int:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, default=str), flush=True)
    else:
        for line in lines():
            print(line)
    return EXIT_OK


def _plan_lines(plan, lang: str):
    if plan.wave_id is None:
        yield text("wave_nothing_planned", lang, excluded=len(plan.excluded))
    else:
        yield text("wave_planned", lang, wave=plan.wave_id, count=len(plan.postings), excluded=len(plan.excluded))
    for pick, number in enumerate(plan.postings, start=1):
        yield f"  {pick:>3}  {number}"
    for number, why in plan.excluded:
        if why.endswith(EXEMPLARS_FIRST):  # marking codes are scanned at the bench and accepted by Ozon first
            yield f"   --  {text('wave_excluded_marks', lang, posting=number)} ({reason_words(why, lang)})"
        else:
            yield f"   --  {number}  {reason_words(why, lang)}"


def _ship_lines(shipped, lang: str):
    key = "wave_already_shipped" if shipped.already else "wave_shipped"
    yield text(key, lang, wave=shipped.wave_id, count=len(shipped.queued), dropped=len(shipped.dropped))
    for number, why in shipped.dropped:
        yield f"   --  {number}  {reason_words(why, lang)}"


def _status_lines(status: dict, lang: str):
    counts = status["counts"]
    yield text("wave_status", lang, wave=status["wave"], state=text(f"wave_state_{status['state']}", lang), **{
        k: counts.get(k, 0) for k in ("verified", "pending", "short", "problem", "dropped", "excluded")})
    rows = []
    for row in status["postings"]:
        label = label_state_word(row["label"], lang) if row["label"] else "-"
        rows.append([f"{row['pick'] or '--':>3}", row["posting_number"], text(f"wave_member_{row['state']}", lang),
                     text("wave_label", lang, state=label), reason_words(row["reason"], lang)])
    for line in columns(rows):
        yield f"  {line}"
