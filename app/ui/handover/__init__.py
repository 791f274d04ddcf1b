"""The Hand-over tab: today's departures, the live counts of the open hand-over, the carriage after
the close (its barcode large, the act), parcels Ozon has not scanned."""
from app.ui.handover.panel import HandoverPanel

__all__ = ["HandoverPanel"]
