"""What the screenshot scripts share: the window pumped, a scene waited for, a shot saved into
artifacts/screens/, a bench shut down, a script of scenes run on its own."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop  # noqa: E402

from app.ui.app import make_app  # noqa: E402

OUT = ROOT / "artifacts" / "screens"
SCREEN_WIDTH = 1280  # the windows are shown at 1280x800, a common bench screen


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def close_bench(controller) -> None:
    """Shut a bench of the screenshots down and let its window go."""
    controller.shutdown()
    controller.window.close()
    controller.window.deleteLater()
    pump(0.1)


def run_alone(shots) -> int:
    """``shots(app, data_dir)`` as a script of its own (screenshots_carriers.py, screenshots_accounts.py)."""
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="packdesk-shots-") as tmp:
        shots(app, Path(tmp))
    print(f"screenshots in {OUT}")
    return 0


def wait_for(condition, timeout: float = 20.0) -> bool:
    """Pump the window until ``condition()`` holds; a scene that never gets there stops the script
    (its screenshots would show something else than they are named after)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        pump(0.05)
    raise TimeoutError(f"the scene did not get there in {timeout:g} s: {condition.__code__.co_filename}:"
                       f"{condition.__code__.co_firstlineno}")


def shot(widget, lang: str, state: str) -> None:
    widget.grab().save(str(OUT / f"{lang}-{state}.png"))
    if widget.isWindow() and widget.width() > SCREEN_WIDTH:  # a minimum size grew it past the screen
        raise RuntimeError(f"{lang}-{state}: the window is {widget.width()} px wide on a {SCREEN_WIDTH}-px screen")


def each_language(controller, window, state: str, page=None, pause: float = 0.4) -> None:
    """The scene on screen now, shot in English, Russian and Chinese (the language switched live);
    ``page``: the main window's page to show first (its index or widget)."""
    for lang in ("en", "ru", "zh"):
        controller.switch_language(lang, remember=False)
        if isinstance(page, int):
            window.pages.setCurrentIndex(page)
        elif page is not None:
            window.pages.setCurrentWidget(page)
        pump(pause)
        shot(window, lang, state)
