"""``packdesk ozon-sim``: run the Ozon Seller API simulator standalone until SIGINT/SIGTERM."""
from __future__ import annotations

import argparse
import signal
import sys
import threading
from dataclasses import replace

from app.sim.ozon import DEFAULT_API_KEY, DEFAULT_CLIENT_ID, OzonSimulator, WorldConfig


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "ozon-sim",
        help="run the Ozon Seller API simulator",
        description="Serve a simulated Ozon Seller API (FBS packing flow) with seeded sample "
                    "postings. Prints 'listening on http://HOST:PORT' first. Label files are served "
                    "from a second loopback port, as from Ozon's CDN. Control endpoints "
                    "for faults and test levers live under /_sim/ (loopback clients only).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port; 0 picks a free one (default)")
    parser.add_argument("--postings", type=_non_negative_int, default=50, metavar="N",
                        help="sample postings to generate (default 50)")
    parser.add_argument("--seed", type=int, default=1, metavar="N", help="seed of the world (default 1)")
    parser.add_argument("--products", type=_non_negative_int, default=None, metavar="N",
                        help="products in the catalogue (default: about one per ten postings, at least 60)")
    parser.add_argument("--client-id", default=DEFAULT_CLIENT_ID, metavar="ID",
                        help=f"Client-Id the simulator accepts (default {DEFAULT_CLIENT_ID})")
    parser.add_argument("--api-key", default=DEFAULT_API_KEY, metavar="KEY",
                        help=f"Api-Key the simulator accepts (default {DEFAULT_API_KEY})")
    parser.add_argument("--seller", action="append", default=[], type=_seller, metavar="ID:KEY",
                        help="another seller account on the same host, with its own postings (repeatable); "
                             "its /_sim/ levers take ?seller=ID")
    parser.add_argument("--label-delay", type=_non_negative_float, default=WorldConfig.label_delay_s,
                        metavar="S", help="seconds from ship until the label is ready "
                                          f"(default {WorldConfig.label_delay_s})")
    parser.add_argument("--ship-delay", type=_non_negative_float, default=WorldConfig.ship_delay_s,
                        metavar="S", help="seconds an asynchronous ship takes "
                                          f"(default {WorldConfig.ship_delay_s})")
    parser.add_argument("--mark-check", type=_non_negative_float, default=WorldConfig.mark_check_s, metavar="S",
                        help="seconds Ozon's registry takes to check a set of marking codes "
                             f"(default {WorldConfig.mark_check_s})")
    parser.add_argument("--partner-share", type=_probability, default=WorldConfig.partner_share, metavar="P",
                        help="share of postings from an rFBS warehouse by Ozon partner delivery, with 58x40 mm "
                             f"labels (default {WorldConfig.partner_share:g})")
    parser.add_argument("--own-carrier-share", type=_probability, default=WorldConfig.own_carrier_share, metavar="P",
                        help="share of postings from an rFBS warehouse sent by the seller's own carrier (Russian "
                             "Post, CDEK: tracking numbers, no carriage) (default "
                             f"{WorldConfig.own_carrier_share:g})")
    parser.add_argument("--fault-429", type=_probability, default=0.0, metavar="P",
                        help="probability of a 429 rate-limit answer (default 0)")
    parser.add_argument("--fault-500", type=_probability, default=0.0, metavar="P",
                        help="probability of a 500 answer (default 0)")
    parser.add_argument("--latency", type=_non_negative_float, default=0.0, metavar="S",
                        help="extra delay before every answer (default 0)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = WorldConfig(postings=args.postings, seed=args.seed, products=args.products or None,
                         label_delay_s=args.label_delay, ship_delay_s=args.ship_delay,
                         partner_share=args.partner_share, own_carrier_share=args.own_carrier_share,
                         mark_check_s=args.mark_check)
    sim = OzonSimulator(config, host=args.host, port=args.port, client_id=args.client_id,
                        api_key=args.api_key)
    for index, (client_id, api_key) in enumerate(args.seller, start=1):
        sim.add_seller(client_id, api_key, replace(config, seed=args.seed + index))
    sim.faults.update({"rate_429": args.fault_429, "rate_500": args.fault_500, "latency_s": args.latency})
    stop = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, lambda *_: stop.set())
    try:
        try:
            base_url = sim.start()
        except OSError as exc:
            print(f"ozon-sim: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr, flush=True)
            return 1
        print(f"listening on {base_url}", flush=True)
        while not stop.wait(0.5):
            pass
        return 0
    finally:
        sim.close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def _non_negative_float(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def _probability(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def _seller(text: str) -> tuple[str, str]:
    client_id, _, api_key = text.partition(":")
    if not client_id.strip().isdigit() or not api_key:
        raise argparse.ArgumentTypeError(f"expected CLIENT_ID:API_KEY, got {text!r}")
    return client_id.strip(), api_key
