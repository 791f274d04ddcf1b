"""``packdesk returns``: the returns synced from Ozon, and the actions Ozon offers on an rFBS request.

    packdesk returns list [--json]                       # newest first (the Returns tab shows the same)
    packdesk returns action ID ACTION [--comment TEXT] [--reason N]
                                                         # ACTION: an id Ozon offers now (list shows them)

``--json``: an array of ``{id, scheme, return_id, posting_number, barcode, state, state_name, group_state, product,
quantity, reason, local_state, actions[{id, name}], created_at}``. An action goes through the outbox
(the next sync pass sends it; a lost answer is read back, never sent twice): ``sync --once`` after it
sends it now. Exit 0 when listed / queued, 1 with the reason on stderr (not an rFBS return, an action
Ozon does not offer, a rejection without its reason and comment).
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from app.cli.common import EXIT_OK, CommandError, language, load, open_db
from app.cli.table import columns
from app.messages import text
from app.messages.return_states import ozon_return_state


def register(sub) -> None:
    p = sub.add_parser("returns", help="returns synced from Ozon; rFBS return actions through the outbox")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="returns, newest first, with the actions Ozon offers")
    listing.add_argument("--json", action="store_true")
    act = actions.add_parser("action", help="ask Ozon for an action on an rFBS return (through the outbox)")
    act.add_argument("return_id", type=int, metavar="ID", help="the return's id in `returns list`")
    act.add_argument("action_id", type=int, metavar="ACTION", help="an action id Ozon offers on it")
    act.add_argument("--comment", default="", help="a comment (needed to reject)")
    act.add_argument("--reason", type=int, default=None, metavar="N", help="a rejection reason id (needed to reject)")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services.returns.actions import ActionRefused, request_action
    from app.store import returns as store

    lang = language(args)
    config = load(args)
    db = open_db(config, lang)
    try:
        if args.action == "list":
            with db.read() as session:
                found = [_as_dict(row) for row in store.listing(session)]
            if args.json:
                print(json.dumps(found, ensure_ascii=False, indent=2), flush=True)
            elif not found:
                print(text("returns_none", lang), flush=True)
            else:
                print("\n".join(lines(found, lang)), flush=True)
            return EXIT_OK
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        try:
            db.writer.call(lambda s: request_action(s, args.return_id, args.action_id, comment=args.comment,
                                                    rejection_reason_id=args.reason,
                                                    station=config.station.name, now=now))
        except ActionRefused as exc:
            raise CommandError(text(exc.code, lang, **exc.data)) from None
        with db.read() as session:
            row = store.get(session, args.return_id)
            name = next((a.get("name", "") for a in row.actions or () if int(a["id"]) == args.action_id), "")
        print(text("return_action_queued", lang, action=name or str(args.action_id)), flush=True)
        return EXIT_OK
    finally:
        db.close()


def lines(found: list[dict], lang: str) -> list[str]:
    """One line a return: its id, scheme, posting, Ozon's state (``app.messages.return_states``), where it
    is at the bench, and the actions Ozon offers in Ozon's words (``packdesk returns action ID ACTION``)."""
    return columns([[f"#{row['id']}", row["scheme"].upper(), row["posting_number"], ozon_return_state(row, lang),
                     text(f"return_state_{row['local_state']}", lang),
                     ", ".join(f"{a['id']}={a['name']}" for a in row["actions"])] for row in found])


def _as_dict(row) -> dict:
    return {"id": row.id, "scheme": row.scheme, "return_id": row.ozon_id, "posting_number": row.posting_number,
            "barcode": row.barcode, "state": row.state, "state_name": row.state_name,
            "group_state": row.group_state, "product": row.name,
            "quantity": row.quantity, "reason": row.reason, "local_state": row.local_state,
            "actions": [{"id": int(a["id"]), "name": a.get("name", "")} for a in row.actions or ()],
            "created_at": row.created_at.isoformat() if row.created_at else None}
