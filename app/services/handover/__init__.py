"""The hand-over: every parcel scanned out against what Ozon carries, nothing lost after the label.

The mode (``mode.HandoverMode``, driven by ``app.services.modes.ScanRouter``) and the packer's steps:

- ``start``: ``CMD:HANDOVER[:<method>]``: the parcels expected today, Ozon's word on the method;
- ``scan_out``: each parcel into the courier's bag (re-read from Ozon first), rFBS tracking numbers;
- ``close``: ``CMD:HANDOVER-CLOSE``: every parcel there (or forced), the commands for Ozon queued;
- ``reconcile``: the bag against Ozon's act (pure);
- ``carriage`` / ``tracking``: the outbox handlers that take the close to Ozon, step by step;
- ``documents`` / ``receipt``: the act, the carriage barcode label, the signed act attached;
- ``afterwards``: the sync stage (Ozon's word, parcels Ozon has not scanned) and disputes;
- ``board``: what the Hand-over tab shows; ``tracking_numbers``: carriers' numbers checked (pure).

Data the tracking monitor builds on: ``app.store.handovers.handed_over(session, numbers)`` (when,
which hand-over and carriage, the act, the flag), ``tracking_numbers`` rows per posting.
"""
