"""``packdesk`` / ``packdesk gui``: the desktop bench with the configured account, devices and data dir."""
from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import EXIT_FAILED, language, load, setup_logging
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("gui", help="the desktop packing bench (default)")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.config import resolve_api_key

    config = load(args)
    log_path = setup_logging(config.data_dir, args.verbose)
    try:
        from app.ui.app import run_gui
    except ImportError as exc:  # a broken Qt install: say so plainly
        print("packdesk: " + text("gui_unavailable", language(args), detail=str(exc)), file=sys.stderr)
        return EXIT_FAILED
    return run_gui(config, lang=args.lang, api_key=resolve_api_key(config.ozon.client_id), log_path=log_path,
                   config_path=Path(args.config).expanduser() if args.config else None)
