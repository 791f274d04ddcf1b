"""Session-wide test settings: offscreen Qt, no real keyring, no stray environment."""
import os

pytest_plugins = ["pytester"]  # tests/test_strict_tests.py runs the suite's own strictness on small cases

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# never touch the developer's real OS keyring from tests
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
for _name in ("PACKDESK_OZON_BASE_URL", "PACKDESK_OZON_CLIENT_ID", "PACKDESK_OZON_API_KEY",
              "PACKDESK_DATA_DIR", "PACKDESK_DB_URL"):
    os.environ.pop(_name, None)
for _name in [n for n in os.environ if n.startswith("PACKDESK_OZON_API_KEY_")]:  # several accounts' keys
    os.environ.pop(_name, None)


# -- strict tests: an ERROR record from packdesk's loggers fails the test, like a warning does -----
import logging  # noqa: E402

import pytest  # noqa: E402


class _ErrorRecords(logging.Handler):
    """Every ERROR or CRITICAL record of the ``packdesk`` loggers, from any thread (a handler runs
    on the thread that logs: the sync, station, print and writer threads included)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        taken, self.records = self.records, []
        return taken


_ERRORS = _ErrorRecords()
logging.getLogger("packdesk").addHandler(_ERRORS)


def _from(record: logging.LogRecord, logger: str) -> bool:
    """``record`` comes from ``logger``, a logger below it, or one of its device instances
    (``packdesk.devices.scale`` for ``packdesk.devices.scale[COM3]``)."""
    return record.name == logger or record.name.startswith((logger + ".", logger + "["))


def _describe(record: logging.LogRecord) -> str:
    exc = f" [{record.exc_info[0].__name__}]" if record.exc_info and record.exc_info[0] else ""
    return f"{record.levelname} {record.name} (thread {record.threadName}): {record.getMessage()}{exc}"


@pytest.fixture(autouse=True)
def fail_on_error_logs(request):
    """A test fails when packdesk logged an ERROR or worse during it (its fixtures included),
    unless it says which loggers it provokes on purpose: ``@pytest.mark.expect_errors("packdesk.x")``
    (and then at least one record of each must come). Records that arrive between two tests (a
    thread left running) count for the next one: never lost."""
    marker = request.node.get_closest_marker("expect_errors")
    expected = marker.args if marker else ()
    if marker and not expected:
        pytest.fail("expect_errors needs the names of the loggers whose errors the test provokes")
    yield
    records = _ERRORS.take()
    unexpected = [r for r in records if not any(_from(r, logger) for logger in expected)]
    missing = [logger for logger in expected if not any(_from(r, logger) for r in records)]
    if unexpected:
        pytest.fail("unexpected error log records (fix the product, or declare them with "
                    "@pytest.mark.expect_errors):\n" + "\n".join(map(_describe, unexpected)), pytrace=False)
    if missing:
        pytest.fail(f"expect_errors{expected}: no error record from {', '.join(missing)}", pytrace=False)


@pytest.fixture(autouse=True)
def english_again():
    """A test that showed the window in Russian or Chinese leaves the next test an English app
    (the window's translators are installed on the one QApplication of the session)."""
    yield
    import sys

    if "app.ui.i18n" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import Languages

    app = QApplication.instance()
    for languages in app.findChildren(Languages) if app is not None else ():
        if languages.current != "en":
            languages.switch("en")


@pytest.fixture(autouse=True)
def garbage_collected_on_the_gui_thread():
    """As in the window (``app.ui.gui_collector``): once the session has its QApplication, Python's
    garbage is collected on the GUI thread only, on the collector's timer while a test waits for Qt and
    at each test's end; else a test's widget or worker left in a cycle is destroyed on whichever thread
    allocates next, and deadlocks with the GUI thread (seen once: the suite hung)."""
    import sys

    def collector():
        if "PySide6.QtWidgets" not in sys.modules:
            return None
        from PySide6.QtWidgets import QApplication

        from app.ui import gui_collector

        app = QApplication.instance()
        return gui_collector.install(app) if app is not None else None

    collector()
    yield
    if collector() is not None:
        from app.ui.gui_collector import collect_due

        collect_due()


@pytest.fixture(autouse=True)
def pyside_counts_topped_up():
    """PySide6 6.12 on Python 3.11 leaves None, True and False one reference lower at each Qt call
    that returns one (``app.ui.refcount_guard``): the window tops them up every 2 s, each test here
    at its start, or a test that makes a few hundred such calls frees ``False`` and crashes later
    (seen as a label "already deleted" in a repaint after a status bar test)."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from app.ui.refcount_guard import top_up

        top_up()
    yield
