"""What the sub-commands share: configuration, language, logging, the Ozon client and the cache."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from app.config import Config, ConfigError, load_config, resolve_api_key
from app.devices.scanners.gs1 import MarkRedactor
from app.log_file import LogFile
from app.messages import error_text, system_language, text

log = logging.getLogger("packdesk.cli")

EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2


class CommandError(Exception):
    """An expected failure: ``str()`` is the message for the user, ``exit_code`` the status."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED):
        super().__init__(message)
        self.exit_code = exit_code


def language(args) -> str:
    return getattr(args, "lang", None) or system_language()


def load(args) -> Config:
    """The configuration for this run (global --config / --data-dir applied)."""
    data_dir = Path(args.data_dir).expanduser() if getattr(args, "data_dir", None) else None
    config_path = Path(args.config).expanduser() if getattr(args, "config", None) else None
    try:
        return load_config(config_path, data_dir=data_dir)
    except ConfigError as exc:
        lang = language(args)
        raise CommandError(text("config_invalid", lang, detail=config_problem(exc, lang)), EXIT_CONFIG) from None


def config_problem(exc: ConfigError, lang: str) -> str:
    """A configuration error as one line in ``lang``: where (the file, the key), then what is wrong."""
    words = error_text(exc, lang, exc.detail)
    return f"{exc.where}: {words}" if exc.where else words


def setup_logging(data_dir: Path | None, verbose: bool) -> Path | None:
    """Log to <data_dir>/logs/packdesk.log (rotating) and warnings to stderr."""
    root = logging.getLogger("packdesk")
    root.setLevel(logging.DEBUG)
    if getattr(setup_logging, "_done", False):
        return None
    setup_logging._done = True
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    stderr.addFilter(MarkRedactor())  # no marking code reaches a log whole
    root.addHandler(stderr)
    if data_dir is None:
        return None
    log_dir = data_dir / "logs"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = LogFile(log_dir / "packdesk.log", max_bytes=5_000_000, backups=5)
    except OSError as exc:
        log.warning("cannot write the log file in %s: %s", log_dir, exc)
        return None
    handler.setLevel(logging.DEBUG)
    handler.addFilter(MarkRedactor())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return log_dir / "packdesk.log"


def open_bench(config: Config, lang: str, *, parts, **options):
    """The bench a command runs on (``app.bench``), with the key from the environment or the
    keyring; a wrong configuration is a CommandError: one line, exit 2."""
    from app.bench import BenchProblem
    from app.bench import open_bench as assemble

    api_key = resolve_api_key(config.ozon.client_id) if "ozon" in parts else None
    try:
        return assemble(config, api_key=api_key, parts=parts, strict=True, lang=lang, **options)
    except BenchProblem as problem:
        raise refused(problem, config, lang) from None


def refused(problem, config: Config, lang: str) -> CommandError:
    """A ``BenchProblem`` as a command says it: one line in ``lang``, its exit code (``exit_code``)."""
    return CommandError(text(problem.code, lang, detail=problem.detail_in(lang), path=config.source),
                        exit_code(problem))


def exit_code(problem) -> int:
    """A ``BenchProblem``'s exit: 1 when its part is unavailable now, else 2 (the set-up must change)."""
    return EXIT_FAILED if problem.unavailable else EXIT_CONFIG


def api_credentials(config: Config, lang: str) -> tuple[str, str]:
    if not config.ozon.client_id:
        raise CommandError(text("no_client_id", lang, path=config.source), EXIT_CONFIG)
    key = resolve_api_key(config.ozon.client_id)
    if not key:
        raise CommandError(text("no_api_key", lang), EXIT_CONFIG)
    return config.ozon.client_id, key


def open_client(config: Config, lang: str, *, account: str = "", **options):
    """The account's sync client alone (``packdesk label`` fetching one label; ``limiters``: the
    room's budget when the cache is shared, ``app.bench.room_limiters``). With ``[[ozon.accounts]]``:
    the client of ``account`` (a Client-Id; "" or unknown: the first account)."""
    from app.bench import sync_client

    if config.ozon_accounts:
        from app.config_accounts import resolve_account_key
        from app.services.sync.accounts import account_config

        chosen = next((a for a in config.accounts if a.client_id == account), config.accounts[0])
        key = resolve_account_key(chosen)
        if not key:
            raise CommandError(text("no_account_key", lang, detail=f"{chosen.label} ({chosen.client_id})"),
                               EXIT_CONFIG)
        return sync_client(account_config(config, chosen), key, **options)
    _, key = api_credentials(config, lang)
    return sync_client(config, key, **options)


def open_db(config: Config, lang: str):
    """The cache alone (``postings``, ``wave``); one it cannot use is a CommandError (exit 2)."""
    from app.bench import BenchProblem, open_cache

    try:
        return open_cache(config)
    except BenchProblem as problem:
        raise refused(problem, config, lang) from None


def run_command(args) -> int:
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"packdesk: {exc}", file=sys.stderr, flush=True)
        return exc.exit_code
    except KeyboardInterrupt:
        return EXIT_FAILED
    except BrokenPipeError:  # the reader went away (e.g. `| head`): not an error
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    except Exception:  # a bug: full trace to the log, one line for the user
        log.exception("unexpected error in '%s'", args.command)
        print(f"packdesk: unexpected error in '{args.command}' (a bug); details in the log", file=sys.stderr)
        raise
