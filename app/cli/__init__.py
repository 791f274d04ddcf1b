"""The ``packdesk`` command (CONTRACT.md, "Command line").

Global options come before the sub-command; each sub-command lives in its own module with
``register(subparsers)`` and ``run(args) -> int``.
"""
from __future__ import annotations

import argparse
import functools
import importlib
import logging
import sys
from typing import NoReturn

from app import __version__
from app.messages import LANGUAGES, system_language, text
from app.messages.cli_words import usage_problem

# sub-command modules, in the order --help lists them
COMMANDS = ("gui", "demo", "sync", "postings", "replay", "wave", "handover", "track", "label", "evidence", "case",
            "returns", "carriers",
            "db", "people", "report", "devices", "scale", "ozon_sim")

log = logging.getLogger("packdesk.cli")


class Parser(argparse.ArgumentParser):
    """argparse's parser, saying the command line's mistakes in ``lang`` (the run's language, known
    before the line is parsed: ``requested_language``); its sub-commands' parsers, at every depth,
    are of this class and language too."""

    def __init__(self, *args, lang: str = "en", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def add_subparsers(self, **kwargs):  # noqa: ANN201 - argparse's
        kwargs.setdefault("parser_class", functools.partial(type(self), lang=self.lang))
        return super().add_subparsers(**kwargs)

    def format_usage(self) -> str:
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups,
                            prefix=text("cli_usage", self.lang))
        return formatter.format_help()

    def error(self, message: str) -> NoReturn:
        if self.lang == "en":
            super().error(message)
        self.print_usage(sys.stderr)
        self.exit(2, text("cli_error", self.lang, prog=self.prog, problem=usage_problem(message, self.lang)) + "\n")


def requested_language(argv: list[str]) -> str:
    """The language the command line asks for (``--lang X`` before the sub-command), else the
    system's: what its own mistakes are said in, before it is parsed."""
    for at, word in enumerate(argv):
        if word == "--lang" and at + 1 < len(argv):
            chosen = argv[at + 1]
        elif word.startswith("--lang="):
            chosen = word.partition("=")[2]
        else:
            continue
        return chosen if chosen in LANGUAGES else "en"
    return system_language()


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The command line's parser; its own mistakes said in ``lang``."""
    parser = Parser(prog="packdesk", description="Packing station for Ozon FBS/rFBS sellers.", lang=lang)
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

    argv = sys.argv[1:] if argv is None else argv
    lang = requested_language(argv)
    parser = build_parser(lang)
    args = parser.parse_args(argv)
    if args.demo and not args.command:
        args = parser.parse_args([*argv, "demo"])
    if not args.command:
        args = parser.parse_args([*argv, "gui"])
    if not hasattr(args, "func"):
        parser.error(text("cli_command_missing", lang, command=args.command))
    return run_command(args)
