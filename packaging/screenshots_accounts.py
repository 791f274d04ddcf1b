"""Screenshots of a bench with two Ozon seller accounts, in each language, into artifacts/screens/:
the Queues with their *Ozon account* column, and the pack view with a posting of the second account
open (its name first in the posting's line). ``packaging/screenshots.py`` makes them with the others;
alone:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshots_accounts.py

One simulated Ozon host serving both sellers (``OzonSimulator.add_seller``), each account's key in
``PACKDESK_OZON_API_KEY_<client id>`` as a service would set it.
"""
from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.cli.demo import DEMO_API_KEY, demo_config  # noqa: E402
from app.config import Config  # noqa: E402
from app.config_accounts import OzonAccount  # noqa: E402
from app.sim.ozon import DEFAULT_CLIENT_ID, OzonSimulator, WorldConfig  # noqa: E402
from app.ui.app import build  # noqa: E402
from app.ui.main_window import PACK, QUEUES  # noqa: E402
from shots_kit import close_bench, pump, run_alone, shot, wait_for  # noqa: E402

SECOND, SECOND_KEY = "200000", "demo-key-2"


def account_shots(app, data_dir: Path) -> None:
    os.environ[f"PACKDESK_OZON_API_KEY_{DEFAULT_CLIENT_ID}"] = DEMO_API_KEY
    os.environ[f"PACKDESK_OZON_API_KEY_{SECOND}"] = SECOND_KEY
    with OzonSimulator(WorldConfig(postings=8, seed=7)) as sim:
        second = sim.add_seller(SECOND, SECOND_KEY, WorldConfig(postings=8, seed=8))
        config = demo_config(Config(), sim.base_url, data_dir)
        config = dataclasses.replace(config, ozon=dataclasses.replace(config.ozon, client_id=""), ozon_accounts=(
            OzonAccount(DEFAULT_CLIENT_ID, "Volna Home"), OzonAccount(SECOND, "Volna Kids")))
        controller = build(app, config, lang="en", api_key=None, config_path=data_dir / "config.toml")
        window = controller.window
        window.resize(1280, 800)
        window.show()
        controller.start()
        everyone = len(sim.world.posting_numbers("awaiting_packaging")) + len(
            second.world.posting_numbers("awaiting_packaging"))
        wait_for(lambda: controller.queues.awaiting.rowCount() == everyone, 60)
        numbers = second.world.posting_numbers("awaiting_packaging")
        for lang, number in zip(("en", "ru", "zh"), numbers):
            controller.switch_language(lang, remember=False)
            window.pages.setCurrentIndex(QUEUES)
            pump(0.4)
            shot(window, lang, "accounts-queues")
            controller.scan(number)
            window.pages.setCurrentIndex(PACK)
            wait_for(lambda n=number: controller.pack_view.snapshot.get("posting") == n, 10)
            pump(0.6)
            shot(window, lang, "accounts-pack")
            controller.scan("CMD:CANCEL")
            wait_for(lambda: controller.pack_view.snapshot.get("posting") is None, 10)
        close_bench(controller)


if __name__ == "__main__":
    raise SystemExit(run_alone(account_shots))
