"""``packdesk`` / ``packdesk gui``: the desktop bench with the configured account, devices and data dir."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.cli.common import EXIT_FAILED, CommandError, language, load, setup_logging
from app.messages import text


WINDOW_FLAG = "--say-in-a-window"  # app/__main__.py: a message box of its own (app.ui.app.say_in_a_window)


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
    """``message`` in a message box as well, where a window can open (on Linux: a display is named),
    shown by a process of its own that this command does not wait for: the terminal's line comes
    at once, and a display Qt cannot open (a stale DISPLAY) ends that process only."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal")):  # nobody would see it (tests, a headless run)
        return
    if sys.platform.startswith("linux") and not (platform or os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        return
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "app"]
    try:
        subprocess.Popen([*program, WINDOW_FLAG, lang, message], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:  # no process to show it: the terminal's line is all
        pass
