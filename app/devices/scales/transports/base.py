"""The transport seam, shared by all device kinds: see ``app.devices.common.transport``."""
from ...common.transport import TICK_S, Transport

__all__ = ["TICK_S", "Transport"]
