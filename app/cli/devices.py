"""``packdesk devices [--json]``: serial ports and USB/HID devices, each with a ready URI."""
from __future__ import annotations

import json
import sys

from app.cli.common import language
from app.cli.table import columns
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("devices", help="list scanners, scales and printers this machine can see")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.devices.discovery import discover

    found = discover()
    if args.json:
        print(json.dumps([d.to_json() for d in found.devices], ensure_ascii=False), flush=True)
        for note in found.note_texts():
            print(f"note: {note}", file=sys.stderr)
        return 0
    print("\n".join(lines(found, language(args))), flush=True)
    return 0


def lines(found, lang: str) -> list[str]:
    """The devices found in the seller's language, in columns: kind, URI (as it goes into the
    settings), what it looks like; then why something could not be listed."""
    if found.devices:
        out = columns([[text("devices_kind", lang), "URI", text("devices_description", lang)]]
                      + [[text(f"found_kind_{d.kind}", lang), d.uri, d.describe(lang)] for d in found.devices])
    else:
        out = [text("devices_none", lang)]
    return out + [text("devices_note", lang, note=note) for note in found.note_texts(lang)]
