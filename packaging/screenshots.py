"""Screenshots of the desktop bench's main states in each language, into artifacts/screens/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshots.py

The window runs the demo set-up (Ozon simulator on loopback, sim:// devices, temporary data dir).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from app.cli.demo import DEMO_API_KEY, demo_config  # noqa: E402
from app.config import Config  # noqa: E402
from app.sim.ozon import OzonSimulator, WorldConfig  # noqa: E402
from app.ui.app import build, make_app  # noqa: E402
from app.ui.main_window import LOG, PACK, QUEUES  # noqa: E402

OUT = ROOT / "artifacts" / "screens"


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def wait_for(condition, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        pump(0.05)
    return False


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="packdesk-shots-") as tmp, \
            OzonSimulator(WorldConfig(postings=40, seed=7)) as sim:
        config = demo_config(Config(), sim.base_url, Path(tmp))
        controller = build(app, config, lang="en", api_key=DEMO_API_KEY, demo=True,
                           config_path=Path(tmp) / "config.toml")
        window = controller.window
        window.resize(1280, 800)
        window.show()
        controller.start()
        wait_for(lambda: controller.queues.awaiting.rowCount() > 0)
        pump(0.5)
        first = controller.queues.awaiting.rows[0]
        for lang in ("en", "ru", "zh"):
            controller.switch_language(lang, remember=False)
            pump(0.3)
            window.pages.setCurrentIndex(PACK)
            pump(0.2)
            window.grab().save(str(OUT / f"{lang}-idle.png"))
            window.pages.setCurrentIndex(QUEUES)
            pump(0.2)
            window.grab().save(str(OUT / f"{lang}-queues.png"))
            window.pages.setCurrentIndex(LOG)
            pump(0.2)
            window.grab().save(str(OUT / f"{lang}-log.png"))
            controller.open_settings()
            pump(0.3)
            controller.settings_dialog.grab().save(str(OUT / f"{lang}-settings.png"))
            controller.settings_dialog.reject()
            pump(0.1)
        # packing: open the first posting, then a wrong barcode (the red flash)
        controller.switch_language("ru", remember=False)
        controller.scan(first["posting_number"])
        wait_for(lambda: controller.pack_view.state == "packing", 10)
        pump(0.3)
        window.grab().save(str(OUT / "ru-packing.png"))
        controller.scan("4600000000000")
        wait_for(lambda: controller.pack_view.state == "error", 10)
        pump(0.3)
        window.grab().save(str(OUT / "ru-error.png"))
        controller.shutdown()
        controller.window.close()
        controller.window.deleteLater()
        pump(0.1)
    print(f"screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
