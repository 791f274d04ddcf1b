"""The suite's own strictness: an unexpected ERROR record of packdesk's loggers (from any thread)
or a Qt warning fails a test; a declared one does not, and a declared one that never comes does."""
import tomllib
from pathlib import Path

TESTS = Path(__file__).resolve().parent
INI = tomllib.loads((TESTS.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]

CASES = '''
import logging
import threading

import pytest
from PySide6.QtCore import qWarning

log = logging.getLogger("packdesk.sync")


def test_an_error_on_another_thread_fails():
    thread = threading.Thread(target=lambda: log.error("pass failed"), name="packdesk-sync")
    thread.start()
    thread.join()


def test_an_error_in_a_fixtures_teardown_fails(broken_teardown):
    pass


@pytest.mark.expect_errors("packdesk.sync")
def test_a_declared_error_passes():
    log.error("Ozon refused the key")


@pytest.mark.expect_errors("packdesk.devices.scale")
def test_a_device_instance_counts_as_its_kind():
    logging.getLogger("packdesk.devices.scale[COM3]").error("callback failed")


@pytest.mark.expect_errors("packdesk.sync")
def test_an_error_from_another_logger_than_declared_fails():
    logging.getLogger("packdesk.store").error("write failed")


@pytest.mark.expect_errors("packdesk.sync")
def test_a_declared_error_that_never_comes_fails():
    log.warning("only a warning")


def test_warnings_and_other_loggers_pass():
    log.warning("Ozon is slow")
    logging.getLogger("urllib3").error("not ours")


def test_a_qt_warning_fails(qapp):
    qWarning("something Qt did not like")


@pytest.fixture
def broken_teardown():
    yield
    logging.getLogger("packdesk.labels.worker").exception("print job failed")
'''


def test_unexpected_errors_and_qt_warnings_fail_a_test(pytester):
    import json

    options = ("qt_api", "qt_log_level_fail", "qt_log_ignore", "markers", "filterwarnings")
    pytester.makepyprojecttoml("[tool.pytest.ini_options]\n" + "\n".join(
        f"{key} = {json.dumps(INI[key])}" for key in options))  # JSON's strings and lists are TOML's
    pytester.makeconftest((TESTS / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(test_cases=CASES)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA")
    summary = [line.split(" ")[:2] for line in result.outlines  # "-rA": PASSED, then ERROR at teardown
               if line.startswith(("PASSED test_cases.py::", "FAILED test_cases.py::", "ERROR test_cases.py::"))]
    outcomes = {where.split("::")[1]: outcome for outcome, where in summary}
    assert outcomes == {
        "test_an_error_on_another_thread_fails": "ERROR",
        "test_an_error_in_a_fixtures_teardown_fails": "ERROR",
        "test_a_declared_error_passes": "PASSED",
        "test_a_device_instance_counts_as_its_kind": "PASSED",
        "test_an_error_from_another_logger_than_declared_fails": "ERROR",
        "test_a_declared_error_that_never_comes_fails": "ERROR",
        "test_warnings_and_other_loggers_pass": "PASSED",
        "test_a_qt_warning_fails": "FAILED",
    }, result.stdout.str()
