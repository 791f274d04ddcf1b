"""``packdesk`` / ``packdesk gui``: the desktop bench."""
from __future__ import annotations

import sys

from app.cli.common import EXIT_FAILED, language
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("gui", help="the desktop packing bench (default)")
    p.set_defaults(func=run)


def run(args) -> int:
    # The desktop window arrives with the UI work; until then say so plainly.
    print("packdesk: " + text("gui_unavailable", language(args),
                               detail="this build has no desktop window yet; use 'packdesk sync' and "
                                      "'packdesk postings', or 'packdesk demo'"), file=sys.stderr)
    return EXIT_FAILED
