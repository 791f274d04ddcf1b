"""A simulator of the Ozon Seller API for the FBS packing flow (demo mode and tests).

Behaviour that is not documented by Ozon and was chosen here:
- ``/v4/posting/fbs/ship`` is asynchronous (2026): while it is processed the posting stays
  ``awaiting_packaging`` with substatus ``ship_in_process`` and action ``ship_async_in_process``;
  ``ship_delay_s`` later it is ``awaiting_deliver`` (or ``ship_failed`` with ``ship_async_retry``).
- Several packages split the posting: each package becomes a child posting numbered after the
  order's last posting (``<order>-2``, ``-3``...), ``parent_posting_number`` set; the parent turns
  ``cancelled_from_split_pending`` and lists its children in ``related_postings``.
- Unknown postings in get/get-by-barcode answer 404 ``POSTING_NOT_FOUND``; ship refusals answer
  400 with the business code as message; labels answer 400 ``INVALID_ARGUMENT`` for postings not
  ``awaiting_deliver`` and 400 "The next postings aren't ready" during ``label_delay_s``.
"""
from app.sim.ozon.faults import Faults
from app.sim.ozon.server import DEFAULT_API_KEY, DEFAULT_CLIENT_ID, OzonSimulator
from app.sim.ozon.world import World, WorldConfig

__all__ = ["DEFAULT_API_KEY", "DEFAULT_CLIENT_ID", "Faults", "OzonSimulator", "World", "WorldConfig"]
