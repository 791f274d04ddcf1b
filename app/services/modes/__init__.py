"""The modes a bench's scanner drives, and the router between them (``router.ScanRouter``)."""
from app.services.modes.router import PACKING, Mode, ScanRouter

__all__ = ["PACKING", "Mode", "ScanRouter"]
