"""``packdesk scale --device URI [--watch]``: read a scale once, or until interrupted."""
from __future__ import annotations

import logging
import queue
import signal
import sys

from app.cli.common import CommandError, language, load, setup_logging
from app.devices.scales import Reading, ScaleUnavailable, format_grams, open_scale
from app.devices.uri import DeviceUriError
from app.messages import error_text, text
from app.messages.devices import device_state_words


def register(sub) -> None:
    p = sub.add_parser("scale", help="read the scale once (or continuously with --watch)")
    p.add_argument("--device", metavar="URI",
                   help="scale URI, e.g. hid://0922:8003 or serial:/dev/ttyUSB0?protocol=massak100 "
                        "(default: [devices] scale of the configuration)")
    p.add_argument("--watch", action="store_true", help="print every reading until Ctrl+C")
    p.add_argument("--timeout", type=float, default=5.0, metavar="S",
                   help="how long to wait for a reading without --watch (default 5 s)")
    p.set_defaults(func=run)


def describe(reading: Reading) -> str:
    if reading.state == "overload":
        return "overload"
    if reading.state == "invalid":
        return f"invalid ({reading.detail})"
    return f"{format_grams(reading.grams)} g {'stable' if reading.settled else 'moving'}"


def run(args) -> int:
    if getattr(args, "verbose", False):
        setup_logging(None, True)
    else:  # the one-line outcome below says what matters; details only with -v
        logging.getLogger("packdesk").addHandler(logging.NullHandler())
    device = args.device or load(args).devices.scale
    if not device:
        raise CommandError(text("scale_not_set", language(args)))
    readings: queue.SimpleQueue[Reading] = queue.SimpleQueue()
    states: queue.SimpleQueue[str] = queue.SimpleQueue()
    try:
        reader = open_scale(device, on_reading=readings.put, on_state=states.put)
    except (DeviceUriError, ScaleUnavailable) as exc:
        raise CommandError(error_text(exc, language(args))) from None
    with reader:
        lang = language(args)
        return _watch(reader, readings, states, lang) if args.watch else _once(reader, device, args.timeout, lang)


def _once(reader, device: str, timeout: float, lang: str) -> int:
    try:
        reading = reader.read_stable(timeout)
    except ScaleUnavailable as exc:
        raise CommandError(str(exc)) from None
    except TimeoutError:
        reading = reader.latest()
        if reading is None or reading.state in ("invalid", "overload"):
            raise CommandError(text("scale_no_reading", lang, device=device, seconds=f"{timeout:g}",
                                    detail=_no_weight(reading, reader.state, lang))) from None
    print(describe(reading), flush=True)
    return 0


def _no_weight(reading: Reading | None, state: str, lang: str) -> str:
    """Why there is no weight to print, in ``lang``: what the scale sent, or the link's state."""
    if reading is None:
        return device_state_words(state, lang)
    if reading.state == "overload":
        return text("scale_says_overload", lang)
    return text("scale_says_invalid", lang, detail=reading.detail or "-")


def _watch(reader, readings: queue.SimpleQueue, states: queue.SimpleQueue, lang: str) -> int:
    restore = _sigterm_interrupts()
    try:
        while True:
            while not states.empty():
                state = states.get()
                print(text("scale_state", lang, state=device_state_words(state, lang)), file=sys.stderr, flush=True)
                if state.startswith("unavailable"):
                    return 1
            try:
                print(describe(readings.get(timeout=0.2)), flush=True)
            except queue.Empty:
                continue
    except KeyboardInterrupt:
        return 0
    finally:
        restore()


def _sigterm_interrupts():
    """SIGTERM ends --watch like Ctrl+C does (main thread only); returns the undo."""
    try:
        previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    except ValueError:  # not the main thread
        return lambda: None
    return lambda: signal.signal(signal.SIGTERM, previous)
