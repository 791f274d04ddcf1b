"""rFBS Aggregator (Ozon partner delivery): the number of boxes before the ship, the partner's
registration after it, and the domestic (e.g. China-side) tracking numbers of cross-border parcels."""
