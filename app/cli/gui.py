"""``packdesk`` / ``packdesk gui``: the desktop bench with the configured account, devices and data dir."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from app.cli.common import EXIT_FAILED, CommandError, language, load, setup_logging
from app.messages import text


def register(sub) -> None:
    p = sub.add_parser("gui", help="the desktop packing bench (default)")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.config import resolve_api_key

    try:
        config = load(args)
    except CommandError as problem:  # a packer starts the window from an icon: no terminal shows stderr
        _in_a_window(str(problem), language(args))
        raise
    log_path = setup_logging(config.data_dir, args.verbose)
    try:
        from app.ui.app import run_gui
    except ImportError as exc:  # a broken Qt install: say so plainly
        print("packdesk: " + text("gui_unavailable", language(args), detail=str(exc)), file=sys.stderr)
        return EXIT_FAILED
    return run_gui(config, lang=args.lang, api_key=resolve_api_key(config.ozon.client_id), log_path=log_path,
                   config_path=Path(args.config).expanduser() if args.config else None)


def _in_a_window(message: str, lang: str) -> None:
    """``message`` in a message box as well, where a window can open (Linux: a display is named);
    a broken Qt install keeps the terminal's line only."""
    if sys.platform.startswith("linux") and not any(os.environ.get(name) for name in
                                                     ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return
    try:
        from app.ui.app import say_cannot_start
    except ImportError:
        return
    say_cannot_start(message, lang)
