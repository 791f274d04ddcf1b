"""USB HID POS scales (usage page 0x8D) through hidapi, loaded lazily.

Without the library the ``hid://`` transport reports ``ScaleUnavailable``.
"""
from __future__ import annotations

from types import ModuleType

from ...common.hid import HidTransport as _HidTransport
from ...common.hid import find_hidapi
from ..errors import ScaleUnavailable

SCALE_USAGE_PAGE = 0x8D
MISSING = "HID scales need the hidapi library (pip install hidapi)"


def load_hidapi() -> ModuleType:
    """The hidapi module; on Linux the hidraw backend is preferred over libusb's."""
    module = find_hidapi()
    if module is None:
        raise ScaleUnavailable(MISSING)
    return module


class HidTransport(_HidTransport):
    def __init__(self, vid: int, pid: int, **kwargs) -> None:
        super().__init__(vid, pid, hid=load_hidapi(), usage_page=SCALE_USAGE_PAGE, **kwargs)
