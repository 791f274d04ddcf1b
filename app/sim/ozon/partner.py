"""rFBS Aggregator (Ozon partner delivery) in the simulator: the number of boxes of a multi-box
posting (``/v3/posting/multiboxqty/set``, before the ship) and the partner's word on a shipped
posting (it registers it, or refuses: substatus ``posting_registration_error``).

A posting's ``multi_box_set_at`` records when the number of boxes was set, so a test can check it
came before the ship (``Posting.status_changed_at`` of the ship)."""
from __future__ import annotations

from app.sim.ozon.errors import invalid
from app.sim.ozon.world import World

REGISTRATION_ERROR = "posting_registration_error"


def set_multibox_qty(world: World, number: str, qty: int) -> bool:
    with world.lock:
        world.settle()
        posting = world.get(number)
        if posting is None:
            raise invalid("POSTING_NOT_FOUND")
        if not posting.is_multibox:
            raise invalid("POSTING_IS_NOT_MULTIBOX")
        if posting.status != "awaiting_packaging":
            raise invalid("INVALID_POSTING_STATE")
        if qty < 1:
            raise invalid("INVALID_MULTI_BOX_QTY")
        posting.multi_box_qty, posting.multi_box_set_at = qty, world.clock()
        world.mark_changed()
        return True


def make_multibox(world: World, number: str, qty: int = 1) -> None:
    """Lever: the posting is multi-box (Ozon's ``is_multibox``), with Ozon's own count of boxes."""
    with world.lock:
        posting = world.get(number)
        if posting is None:
            raise ValueError(f"no posting {number}")
        posting.is_multibox, posting.multi_box_qty = True, qty
        world.mark_changed()


def partner_answers(world: World, number: str, *, registers: bool) -> None:
    """Lever: the partner registers a posting awaiting registration now, or refuses it."""
    with world.lock:
        world.settle()
        posting = world.get(number)
        if posting is None or posting.status != "awaiting_registration":
            raise ValueError(f"{number} is not awaiting registration")
        now = world.clock()
        if registers:
            world._registered(posting, now)
        else:
            posting.set_status("awaiting_registration", REGISTRATION_ERROR, now)
        world.mark_changed()


