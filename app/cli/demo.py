"""``packdesk demo``: packdesk against the built-in Ozon simulator in a throwaway data dir."""
from __future__ import annotations

import dataclasses
import shutil
import signal
import tempfile
import threading
from pathlib import Path

from app.cli.common import EXIT_OK, load, setup_logging
from app.config import Config, with_overrides

DEMO_CLIENT_ID, DEMO_API_KEY = "100000", "demo-key"


def register(sub) -> None:
    p = sub.add_parser("demo", help="try packdesk against the built-in Ozon simulator (throwaway data)")
    p.add_argument("--postings", type=int, default=40, metavar="N", help="sample postings to seed (default 40)")
    p.add_argument("--seed", type=int, default=7, metavar="N", help="seed of the sample world")
    p.add_argument("--keep", action="store_true", help="keep the temporary data dir at exit")
    p.set_defaults(func=run)


def run(args) -> int:
    from app.services.ozon.client import OzonClient
    from app.services.sync.engine import SyncEngine, SyncService
    from app.sim.ozon import OzonSimulator, WorldConfig
    from app.store.db import open_database

    # a demo never reads the user's real configuration unless --config says so
    base = load(args) if args.config else Config()
    data_dir = Path(tempfile.mkdtemp(prefix="packdesk-demo-"))
    setup_logging(data_dir, args.verbose)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with OzonSimulator(WorldConfig(postings=args.postings, seed=args.seed)) as sim:
        config = with_overrides(base, ozon={"base_url": sim.base_url, "client_id": DEMO_CLIENT_ID})
        config = dataclasses.replace(config, data_dir=data_dir, db_url="")
        db = open_database(config.database_url)
        client = OzonClient(sim.base_url, DEMO_CLIENT_ID, DEMO_API_KEY)
        engine = SyncEngine(client, db, config)
        try:
            summary = engine.run_pass()
            print(f"packdesk demo: Ozon simulator at {sim.base_url}, data in {data_dir}", flush=True)
            print(f"packdesk demo: {summary.pull.postings} sample postings synced, {summary.pull.products} "
                  "products. The desktop bench is not part of this build yet; against the same simulator, "
                  "in another shell:", flush=True)
            print(f"  PACKDESK_OZON_BASE_URL={sim.base_url} PACKDESK_OZON_CLIENT_ID={DEMO_CLIENT_ID} "
                  f"PACKDESK_OZON_API_KEY={DEMO_API_KEY} .venv/bin/packdesk --data-dir {data_dir} postings",
                  flush=True)
            print("Press Ctrl+C to stop.", flush=True)
            service = SyncService(engine, interval_s=config.sync.interval_s)
            service.start()
            stop.wait()
            service.stop()
        finally:
            client.close()
            db.close()
            if not args.keep:
                shutil.rmtree(data_dir, ignore_errors=True)
    return EXIT_OK
