"""The Returns tab (returns Ozon listed, the one open at this bench, rFBS actions) and the Cases tab."""
from app.ui.returns.cases_panel import CasesPanel
from app.ui.returns.panel import ReturnsPanel

__all__ = ["CasesPanel", "ReturnsPanel"]
