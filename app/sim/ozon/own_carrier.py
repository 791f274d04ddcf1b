"""What the seller tells Ozon after the hand-over: rFBS tracking numbers and status changes of the
seller's own carrier (``non_integrated``), and the dispute of a parcel the sorting centre did not
scan (arbitration).

Per-posting answers ``{posting_number, result, error}``: a refused posting has ``result: false``
and the code in ``error`` (a string), an accepted one ``error: []`` as in Ozon's 2026 examples (the
Aug 2025 spec says string; clients read both). ``TRANSITION_IS_NOT_POSSIBLE``: the posting is not
where the change can happen (wrong order, cancelled); ``HAS_INCORRECT_TPL_INTEGRATION_TYPE``: its
carrier is integrated with Ozon (Ozon logistics, partner delivery), which moves it by itself.

``delivering`` is asynchronous (2026): the answer only queues the change; the posting turns
``delivering`` ``status_change_delay_s`` later (``/v3/posting/fbs/get`` shows it then).
"""
from __future__ import annotations

from app.sim.ozon.errors import invalid
from app.sim.ozon.posting import Posting, substatus_for
from app.sim.ozon.world import World

INCORRECT_TYPE = "HAS_INCORRECT_TPL_INTEGRATION_TYPE"
NOT_POSSIBLE = "TRANSITION_IS_NOT_POSSIBLE"
TRACKABLE = ("awaiting_deliver", "delivering")
DISPUTABLE = ("not_accepted", "awaiting_deliver")
SUBSTATUS_LAST_MILE = "posting_in_courier_service"
SUBSTATUS_CONDITIONALLY_DELIVERED = "posting_conditionally_delivered"


def _answer(number: str, error: str | None) -> dict:
    return {"posting_number": number, "result": error is None, "error": [] if error is None else error}


def _refusal(posting: Posting | None, allowed: tuple[str, ...]) -> str | None:
    if posting is None:
        return "POSTING_NOT_FOUND"
    if not posting.method.own_carrier:
        return INCORRECT_TYPE
    if posting.status not in allowed:
        return NOT_POSSIBLE
    return None


def set_tracking(world: World, pairs: list[tuple[str, str]]) -> list[dict]:
    with world.lock:
        world.settle()
        answers = []
        for number, tracking in pairs:
            posting = world.get(number)
            error = _refusal(posting, TRACKABLE)
            if error is None:
                posting.tracking_number = tracking
            answers.append(_answer(number, error))
        world.mark_changed()
        return answers


class StatusChanges:
    """Status changes of the seller's own carrier queued and not yet applied (a repeat is accepted,
    not queued twice): ``delivering`` (from ``awaiting_deliver``), ``last-mile`` (``delivering`` →
    substatus ``posting_in_courier_service``, "courier on the way") and ``delivered`` (``delivering``
    → ``delivered``, substatus ``posting_conditionally_delivered``)."""

    def __init__(self, world: World) -> None:
        self.world = world
        self._queued: set[tuple[str, str]] = set()

    def delivering(self, numbers: list[str]) -> list[dict]:
        return self._queue("delivering", numbers, ("awaiting_deliver",), self._delivered)

    def last_mile(self, numbers: list[str]) -> list[dict]:
        return self._queue("last_mile", numbers, ("delivering",), self._on_last_mile)

    def delivered(self, numbers: list[str]) -> list[dict]:
        return self._queue("delivered", numbers, ("delivering",), self._on_delivered)

    def _queue(self, step: str, numbers: list[str], allowed: tuple[str, ...], apply) -> list[dict]:
        world = self.world
        with world.lock:
            world.settle()
            answers = []
            for number in numbers:
                key = (step, number)
                error = None if key in self._queued else _refusal(world.get(number), allowed)
                if error is None and key not in self._queued:
                    self._queued.add(key)
                    world.schedule(step, number, world.config.status_change_delay_s, apply)
                answers.append(_answer(number, error))
            return answers

    def _delivered(self, posting: Posting, due: float) -> None:
        self._queued.discard(("delivering", posting.posting_number))
        if posting.status == "awaiting_deliver":  # not cancelled meanwhile
            posting.delivering_date = due
            posting.set_status("delivering", substatus_for("delivering"), due)

    def _on_last_mile(self, posting: Posting, due: float) -> None:
        self._queued.discard(("last_mile", posting.posting_number))
        if posting.status == "delivering":
            posting.set_status("delivering", SUBSTATUS_LAST_MILE, due)

    def _on_delivered(self, posting: Posting, due: float) -> None:
        self._queued.discard(("delivered", posting.posting_number))
        if posting.status == "delivering":
            posting.set_status("delivered", SUBSTATUS_CONDITIONALLY_DELIVERED, due)


def arbitration(world: World, numbers: list[str]) -> bool:
    """Open a dispute for parcels handed over that the sorting centre never scanned."""
    with world.lock:
        world.settle()
        postings = [world.get(n) for n in numbers]
        if any(p is None for p in postings):
            raise invalid("POSTING_NOT_FOUND")
        if any(p.status not in DISPUTABLE for p in postings):
            raise invalid("INCORRECT_POSTING_STATUS")
        now = world.clock()
        for posting in postings:
            posting.set_status("arbitration", substatus_for("arbitration"), now)
        world.mark_changed()
        return True
