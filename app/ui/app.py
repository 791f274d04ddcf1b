"""Starting the desktop bench: the Qt application, language, style, crash hooks, the controller.

    run_gui(config, lang="ru", api_key=key, log_path=path)            # packdesk gui
    run_gui(config, ..., demo=True)                                   # packdesk demo
"""
from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app import foreground
from app.ui import gui_collector
from app.ui.feedback.style import apply_style

log = logging.getLogger("packdesk.ui")

# How long the window's thread may wait for the interpreter while a background thread (the writer,
# sync, evidence, print worker) runs Python: Python's default is 5 ms. benchmarks/bench_ui.py on a
# 2.0 GHz core, seven interleaved pairs of runs at a packer's pace, the median of the runs' p99: all
# scans 23.1 ms at 5 ms, 20.4 ms at 1 ms; opening a posting 33.3 / 25.6 ms (single pairs go either
# way on that noisy machine). 0.5 ms was worse again (28.0 and 31.5 ms in two runs).
WINDOW_SWITCH_INTERVAL_S = 0.001
# How long the sync's parsing still waits after a decision (app/foreground.py): the answer's trip to
# the window and its repaint take 5-25 ms; work that waited only for the decision came back then.
ANSWER_SHOWN_S = 0.05


def make_app(argv: list[str] | None = None) -> QApplication:
    # Qt's raster engine splits each fill of 96 or more scan lines (a scroll bar, a page's background)
    # across its GUI thread pool and waits for it: on a busy 2-core bench the window then waits for a
    # pool thread to be scheduled beside the station's thread, the camera's recorder and the display
    # server, for work of a few microseconds. Fills stay on the window's thread; set before the
    # QApplication, as Qt reads it once (benchmarks/README.md has the runs).
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    QCoreApplication.setOrganizationName("packdesk")
    QCoreApplication.setApplicationName("packdesk")
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    apply_style(app)
    gui_collector.install(app)  # Python's garbage collected on this thread only: see the module
    sys.setswitchinterval(WINDOW_SWITCH_INTERVAL_S)
    foreground.FOREGROUND.linger_s = ANSWER_SHOWN_S
    return app


def settle_heap() -> None:
    """Collect once, then put everything alive after start-up (modules, Qt wrappers, SQLAlchemy's
    mappers and caches) out of the garbage collector's reach. A full collection, which stops every
    thread, then walks only what the shift creates: during a 5,000-posting sync that turns
    25-60 ms pauses of the window into a few ms."""
    gc.collect()
    gc.freeze()


def chosen_language(lang: str | None) -> str | None:
    """--lang, else the language saved from the menu, else None (the system locale)."""
    return lang or QSettings().value("ui/language", None)


def build(app, config, *, lang: str | None, api_key: str | None, log_path: Path | None = None,
          config_path: Path | None = None, demo: bool = False):
    """The controller with its window, not started (``packaging/screenshots.py`` uses this too)."""
    from app.bench import open_bench
    from app.ui.adapters import CameraBridge, ScaleBridge, ScannerBridge
    from app.ui.controller import BenchController
    from app.ui.feedback.sound import make_sounder
    from app.ui.i18n import Languages
    from app.ui.log_buffer import install_log_buffer

    handler = install_log_buffer()
    languages = Languages(app, app)
    languages.switch(chosen_language(lang))
    scale_bridge, scanner_bridge, camera_bridge = ScaleBridge(), ScannerBridge(), CameraBridge()
    parts = open_bench(config, api_key=api_key, on_scale_reading=scale_bridge.on_reading,
                       on_scale_state=scale_bridge.on_state, on_scan=scanner_bridge.on_scan,
                       on_scanner_state=scanner_bridge.on_state, on_camera_state=camera_bridge.on_state,
                       lang=languages.current)
    controller = BenchController(app, parts, languages=languages, sounder=make_sounder(app), log_handler=handler,
                                 config_path=config_path, scale_bridge=scale_bridge, scanner_bridge=scanner_bridge,
                                 camera_bridge=camera_bridge, demo=demo)
    for bridge in (scale_bridge, scanner_bridge, camera_bridge):
        bridge.setParent(controller)
    return controller


def cannot_start(problem, lang: str | None, source) -> int:
    """Why the bench cannot open, in a message box (a packer starts the window from an icon, with no
    terminal to read); the exit code of a command that cannot start for the same reason."""
    from PySide6.QtWidgets import QMessageBox

    from app.cli.common import exit_code
    from app.messages import text
    from app.ui.i18n import resolved

    said = text(problem.code, resolved(lang), detail=problem.detail_in(resolved(lang)), path=source)
    log.warning("the bench cannot start: %s", said)
    QMessageBox.critical(None, "packdesk", said)
    return exit_code(problem)


def say_in_a_window(argv: list[str]) -> int:
    """The program ``packdesk --say-in-a-window LANG MESSAGE``: why the window cannot open, said
    before there is a bench (a configuration it cannot use), in a message box of its own process
    (``app.cli.gui``): a display Qt cannot open ends this process, not the command that said it."""
    from PySide6.QtWidgets import QMessageBox

    from app.ui.i18n import Languages

    lang, message = argv[0], argv[1]
    app = make_app()
    Languages(app, app).switch(lang)  # the box's button in the user's language too
    QMessageBox.critical(None, "packdesk", message)
    return 0


def run_gui(config, *, lang: str | None, api_key: str | None, log_path: Path | None = None,
            config_path: Path | None = None, demo: bool = False) -> int:
    from app.bench import BenchProblem
    from app.ui import one_window
    from app.ui.errors import install_crash_hooks
    from app.ui.refcount_guard import RefcountGuard
    from app.ui.stop_signals import StopSignals

    app = make_app()
    guard = RefcountGuard(app)  # noqa: F841 - PySide6 6.12 on Python 3.11 under-counts None: see the module
    reporter = install_crash_hooks(log_path, app)
    try:
        window_lock = one_window.take(config.data_dir)  # a second window of this bench: said, then it leaves
        controller = build(app, config, lang=lang, api_key=api_key, log_path=log_path, config_path=config_path,
                           demo=demo)
    except one_window.AlreadyOpen as other:
        reporter.uninstall()
        return cannot_start(BenchProblem("window_already_open", f"{config.data_dir}, PID {other.pid}",
                                         config=False, unavailable=True), chosen_language(lang), config.source)
    except BenchProblem as problem:  # the bench cannot open here (a cache of a newer packdesk): said, not a bug
        reporter.uninstall()
        if window_lock is not None:
            window_lock.unlock()
        return cannot_start(problem, chosen_language(lang), config.source)
    stop_signals = StopSignals(app)  # Ctrl+C and SIGTERM shut the bench down as closing the window does
    try:
        controller.window.resize(1280, 800)
        controller.window.show()
        controller.window.activateWindow()          # keys (and scans) go here from the start,
        controller.pack_view.scan_field.setFocus()  # typed ones into the scan field
        settle_heap()
        controller.start()
        QTimer.singleShot(0, lambda: log.info("the bench is ready: the window runs"))  # the loop's first turn
        return app.exec()
    finally:
        controller.shutdown()
        stop_signals.uninstall()
        reporter.uninstall()
        if window_lock is not None:
            window_lock.unlock()
