"""``packdesk devices [--json]``: serial ports and USB/HID devices, each with a ready URI."""
from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("devices", help="list scanners, scales and printers this machine can see")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.devices.discovery import discover

    found = discover()
    if args.json:
        print(json.dumps([d.to_json() for d in found.devices], ensure_ascii=False), flush=True)
        for note in found.notes:
            print(f"note: {note}", file=sys.stderr)
        return 0
    if found.devices:
        width = max(len(d.uri) for d in found.devices)
        print(f"{'KIND':<8} {'URI':<{width}} DESCRIPTION")
        for d in found.devices:
            print(f"{d.kind:<8} {d.uri:<{width}} {d.description}")
    else:
        print("no devices found")
    for note in found.notes:
        print(f"note: {note}")
    return 0
