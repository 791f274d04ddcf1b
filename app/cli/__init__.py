"""The ``packdesk`` command (CONTRACT.md, "Command line").

Global options come before the sub-command; each sub-command lives in its own module with
``register(subparsers)`` and ``run(args) -> int``.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

from app import __version__

# sub-command modules, in the order --help lists them
COMMANDS = ("gui", "demo", "sync", "postings", "replay", "wave", "handover", "track", "label", "evidence", "case",
            "returns", "carriers",
            "db", "people", "report", "devices", "scale", "ozon_sim")

log = logging.getLogger("packdesk.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="packdesk", description="Packing station for Ozon FBS/rFBS sellers.")
    parser.add_argument("--version", action="version", version=f"packdesk {__version__}")
    parser.add_argument("--config", metavar="PATH", help="TOML configuration file (default: the platform config dir)")
    parser.add_argument("--data-dir", metavar="DIR", help="SQLite cache, labels, evidence and logs")
    parser.add_argument("--lang", choices=("ru", "zh", "en"), help="language of messages (default: system locale)")
    parser.add_argument("--demo", action="store_true", help="same as the 'demo' command")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"app.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.cli.{name}":
                raise
            continue  # a command not built yet
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from app.cli.common import run_command

    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.demo and not args.command:
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "demo"])
    if not args.command:
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "gui"])
    if not hasattr(args, "func"):
        parser.error(f"the '{args.command}' command is not available in this build")
    return run_command(args)
