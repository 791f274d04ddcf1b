"""packdesk: a packing station for Ozon FBS/rFBS sellers."""

__version__ = "0.1.0"
