"""The in-app log view: new lines while shown, all of them (from the buffer) when shown again."""
import logging

from PySide6.QtWidgets import QStackedWidget, QWidget

from app.ui.log_buffer import RingBufferHandler
from app.ui.log_view import LogView


def _record(message: str, level: int = logging.INFO) -> logging.LogRecord:
    return logging.LogRecord("packdesk.test", level, __file__, 1, message, None, None)


def test_a_hidden_log_view_catches_up_when_shown(qtbot):
    handler = RingBufferHandler()
    pages = QStackedWidget()
    other, view = QWidget(), LogView(handler)
    pages.addWidget(other)
    pages.addWidget(view)
    qtbot.addWidget(pages)
    pages.show()
    handler.emit(_record("while hidden 1"))
    with qtbot.waitSignal(view.relay.appended):  # delivered to the GUI thread, not drawn
        handler.emit(_record("while hidden 2"))
    assert view.text.toPlainText() == ""
    pages.setCurrentWidget(view)
    assert view.text.toPlainText().splitlines()[-2:] == [
        line.text for line in handler.snapshot()][-2:]
    with qtbot.waitSignal(view.relay.appended):
        handler.emit(_record("while shown"))
    assert view.text.toPlainText().endswith("while shown")
    handler.emit(_record("a debug line", logging.DEBUG))  # below the chosen level (Info)
    with qtbot.waitSignal(view.relay.appended):
        handler.emit(_record("after it"))
    assert view.text.toPlainText().endswith("after it")
    assert "a debug line" not in view.text.toPlainText()


def test_a_log_view_deleted_with_its_window_leaves_the_handler_before_it_goes(qtbot):
    """A thread that logs must never emit on a relay being deleted (it crashed the process):
    deleted without being closed, the relay is out of the handler's listeners first."""
    import threading

    import shiboken6

    handler = RingBufferHandler()
    window = QWidget()
    view = LogView(handler)
    view.setParent(window)
    assert len(handler.listeners) == 1
    shiboken6.delete(window)  # as a window torn down without closeEvent
    assert handler.listeners == []
    logged = threading.Thread(target=lambda: handler.handle(_record("from a worker, afterwards")))
    logged.start()
    logged.join(5)
    assert handler.snapshot()[-1].text.endswith("from a worker, afterwards")
