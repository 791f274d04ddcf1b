"""The Evidence tab: postings with their packing records and clips, the dispute bundle button."""
from app.ui.evidence.panel import EvidencePanel

__all__ = ["EvidencePanel"]
