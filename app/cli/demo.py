"""``packdesk demo``: the desktop bench against the built-in Ozon simulator (loopback), a
``sim://`` scale and printer, seeded sample postings and a throwaway data dir (``--data-dir DIR``:
that one, kept at exit).

``--headless`` keeps the window-less demo: simulator + sync in the background until Ctrl+C.
"""
from __future__ import annotations

import dataclasses
import shutil
import signal
import tempfile
import threading
from pathlib import Path

from app.cli.common import EXIT_CONFIG, EXIT_OK, CommandError, language, load, setup_logging
from app.config import Config, with_overrides

DEMO_CLIENT_ID, DEMO_API_KEY = "100000", "demo-key"
DEMO_DEVICES = {"printer": "sim://", "scale": "sim://", "scanner": "keyboard", "camera": "sim://"}


def register(sub) -> None:
    p = sub.add_parser("demo", help="try packdesk against the built-in Ozon simulator (throwaway data "
                                    "unless --data-dir names a dir)")
    p.add_argument("--postings", type=int, default=40, metavar="N", help="sample postings to seed (default 40)")
    p.add_argument("--seed", type=int, default=7, metavar="N", help="seed of the sample world")
    p.add_argument("--keep", action="store_true", help="keep the temporary data dir at exit (--data-dir is always kept)")
    p.add_argument("--headless", action="store_true", help="no window: simulator and sync only, until Ctrl+C")
    p.set_defaults(func=run)


def demo_config(base: Config, base_url: str, data_dir: Path) -> Config:
    config = with_overrides(base, ozon={"base_url": base_url, "client_id": DEMO_CLIENT_ID, "warehouse_ids": []},
                            devices=DEMO_DEVICES, sync={"interval_s": 10.0})
    return dataclasses.replace(config, data_dir=data_dir, db_url="", source="")


def run(args) -> int:
    from app.sim.carriers.demo import demo_carriers
    from app.sim.ozon import OzonSimulator, WorldConfig
    from app.sim.ozon.demo_phone import add_phone

    # a demo never reads the user's real configuration unless --config says so, nor its data dir
    # (PACKDESK_DATA_DIR) unless --data-dir says so: then that dir is used and kept
    base = load(args) if args.config else Config()
    throwaway = not args.data_dir
    data_dir = Path(tempfile.mkdtemp(prefix="packdesk-demo-")) if throwaway else Path(args.data_dir).expanduser()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CommandError(f"--data-dir {data_dir}: {exc.strerror or exc}", EXIT_CONFIG) from None
    log_path = setup_logging(data_dir, args.verbose)
    try:
        # some rFBS postings go by the seller's own carrier: the hand-over of both schemes can be tried,
        # and the carriers' shipments (Russian Post and CDEK fakes on loopback) made at packing
        with OzonSimulator(WorldConfig(postings=args.postings, seed=args.seed, own_carrier_share=0.15)) as sim, \
                demo_carriers(sim.world) as carriers:
            config = dataclasses.replace(demo_config(base, sim.base_url, data_dir), carriers=carriers)
            phone = add_phone(sim.world)  # a posting whose phone ships only with its IMEI
            sheet = write_sample_marks(sim.world, data_dir, language(args), phone=phone)
            if sheet is not None:
                print(f"packdesk demo: marking codes to scan for the marked postings: {sheet}", flush=True)
            if args.headless:
                return _headless(config, sim, data_dir)
            from app.ui.app import run_gui

            # settings saved in the demo go to its data dir, never to the user's configuration
            return run_gui(config, lang=args.lang, api_key=DEMO_API_KEY, log_path=log_path, demo=True,
                           config_path=data_dir / "config.toml")
    finally:
        if throwaway and not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)


SAMPLE_MARKS = "sample-marks.pdf"


def write_sample_marks(world, data_dir: Path, lang: str, phone: str | None = None) -> Path | None:
    """A PDF of codes the simulated registry issued for the demo's marked postings (and two it
    refuses), and the IMEI of the phone in posting ``phone``, in the data dir: print it and scan
    from it. None when the world has no marked posting."""
    from app.messages import text
    from app.services.labels.marks_sheet import write_pdf
    from app.sim.ozon.demo_phone import sheet_section
    from app.sim.ozon.marks import demo_sheet

    sections = demo_sheet(world) + sheet_section(world, phone)
    if not sections:
        return None
    titled = [(text("demo_marks_try", lang) if name == "try" else name, entries) for name, entries in sections]
    return write_pdf(titled, data_dir / SAMPLE_MARKS, text("demo_marks_title", lang))


def _headless(config: Config, sim, data_dir: Path) -> int:
    from app.bench import open_bench

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    bench = open_bench(config, api_key=DEMO_API_KEY, parts=("ozon", "sync"), strict=True)
    try:
        summary = bench.engine.run_pass()
        print(f"packdesk demo: Ozon simulator at {sim.base_url}, data in {data_dir}", flush=True)
        print(f"packdesk demo: {summary.pull.postings} sample postings synced, {summary.pull.products} "
              "products. Against the same simulator, in another shell:", flush=True)
        print(f"  PACKDESK_OZON_BASE_URL={sim.base_url} PACKDESK_OZON_CLIENT_ID={DEMO_CLIENT_ID} "
              f"PACKDESK_OZON_API_KEY={DEMO_API_KEY} .venv/bin/packdesk --data-dir {data_dir} postings",
              flush=True)
        print("Press Ctrl+C to stop.", flush=True)
        bench.service.start()
        stop.wait()
    finally:
        bench.close()
    return EXIT_OK
