"""Qt adapters: they move what the Qt-free core reports on its own threads to GUI-thread signals.

Services never hold widget references; widgets never call a service on the GUI thread when the
call may block (database writes, Ozon, devices): they go through these adapters.
"""
from app.ui.adapters.devices import CameraBridge, ScaleBridge, ScannerBridge
from app.ui.adapters.messages import MessageBridge
from app.ui.adapters.scan_filter import ScanFilter, qt_to_key_event
from app.ui.adapters.station_worker import StationWorker
from app.ui.adapters.sync_worker import SyncWorker
from app.ui.adapters.tasks import run_task

__all__ = ["CameraBridge", "MessageBridge", "ScaleBridge", "ScanFilter", "ScannerBridge", "StationWorker", "SyncWorker",
           "qt_to_key_event", "run_task"]
