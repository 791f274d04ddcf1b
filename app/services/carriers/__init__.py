"""Carriers an rFBS seller ships with under their own contract (Russian Post, CDEK): a shipment made
from a packed posting, its tracking number, its label PDF, its tracking history. Qt-free.

``base``: the interface every carrier implements; ``cdek`` / ``russian_post``: the API clients;
``send``: the outbox handler (``carrier_ship``) that walks create → tracking number → label without
ever creating a second shipment for one parcel; ``part``: its place in a sync pass.
"""
