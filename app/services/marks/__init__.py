"""Marking codes before the ship (Chestny ZNAK, jewellery UIN, IMEI, GTD/RNPT flags, weights).

A packed posting whose ``requirements`` name products needing exemplars is shipped only after
Ozon has accepted the complete set of its units (``flow``): create-or-get → validate → set →
status until it leaves ``validation_in_process`` → ``ship_available``. The set is built from the
units the bench counted (``exemplar_set``); a refusal makes the posting a problem that names each
refused unit, and the bench fixes it (``app.services.station.mark_fix``). Everything goes through
the outbox; the ship command waits for the verdict (``app.store.marks.blocks_ship``).
"""
