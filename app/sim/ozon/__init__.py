"""A simulator of the Ozon Seller API for the FBS packing flow (demo mode and tests).

Behaviour that is not documented by Ozon and was chosen here:
- ``/v4/posting/fbs/ship`` is asynchronous (2026): while it is processed the posting stays
  ``awaiting_packaging`` with substatus ``ship_in_process`` and action ``ship_async_in_process``;
  ``ship_delay_s`` later it is ``awaiting_deliver`` (or ``ship_failed`` with ``ship_async_retry``).
- Several packages split the posting: each package becomes a child posting numbered after the
  order's last posting (``<order>-2``, ``-3``...), ``parent_posting_number`` set; the parent turns
  ``cancelled_from_split_pending`` and lists its children in ``related_postings``.
- Unknown postings in get/get-by-barcode answer 404 ``POSTING_NOT_FOUND``; ship refusals answer
  400 with the business code as message.
- Labels come from label tasks (app.sim.ozon.label_tasks): create answers 400 ``INVALID_ARGUMENT``
  for postings not ``awaiting_deliver``; a completed task lists the postings whose label is not
  made yet (``label_delay_s``) in ``unprinted_postings`` ("The next postings aren't ready"); its
  ``file_url`` points at a second loopback server standing in for Ozon's CDN (app.sim.ozon.file_host).
- With ``partner_share`` some postings come from an rFBS warehouse by Ozon partner delivery
  (``tpl_integration_type`` ``aggregator``): after the ship they are ``awaiting_registration`` for
  ``registration_delay_s``, then ``awaiting_deliver`` with a tracking number; their labels are 58x40 mm.
- Methods Ozon has switched off (app.services.ozon.retired) answer 404 with an error, never data.
"""
from app.sim.ozon.faults import Faults
from app.sim.ozon.server import DEFAULT_API_KEY, DEFAULT_CLIENT_ID, OzonSimulator
from app.sim.ozon.world import World, WorldConfig

__all__ = ["DEFAULT_API_KEY", "DEFAULT_CLIENT_ID", "Faults", "OzonSimulator", "World", "WorldConfig"]
