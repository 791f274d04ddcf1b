"""Returns and after-sales: returns synced from Ozon (``sync_part``), rFBS return actions through the
outbox (``actions``), a return opened at the bench and its units checked against what shipped
(``mode``, ``check``), and the seller's cases (``cases``)."""
