"""The simulated seller's carriages (FBS with Ozon logistics): what leaves for the sorting centre,
and the rFBS own-carrier status changes beside them.

A carriage is made for one delivery method and departure date and takes every posting of the
method awaiting delivery that no other live carriage holds (``create``); while it is ``new`` the
seller may replace its postings (``set_postings``: the ones left out go with a later carriage);
``approve`` forms it (status ``formed``), and only then are its documents made. The courier (a
lever) scans it: the postings scanned go on (``delivering``), the others become ``not_accepted``
(substatus ``posting_not_in_sort_center``) and the carriage is ``closed``.

Refusals (400 INVALID_ARGUMENT with the code as message, as Ozon's gateway answers):
``DELIVERY_METHOD_NOT_FOUND``, ``POSTING_NOT_FOUND`` (nothing new to carry),
``there_are_incomplete_carriages`` (a ``new`` carriage of the method and day is still open),
``Incorrect_carriage_status`` (set-postings on a carriage no longer ``new``, approving twice,
documents before the approval), a method error set by a lever (``package_time_not_passed``...).
Which code Ozon gives for each of these is not documented beyond the catalogue of carriage errors
(ozon-after-ship.md §1); the simulator uses those words.

Thread-safety: every method holds the world's lock.
"""
from __future__ import annotations

import itertools
import logging
import time
from dataclasses import dataclass, field

from app.sim.ozon.errors import ApiError, NOT_FOUND, invalid
from app.sim.ozon.places import DeliveryMethod
from app.sim.ozon.posting import Posting
from app.sim.ozon.world import World

log = logging.getLogger("packdesk.sim.ozon.carriages")

NEW, FORMED, CLOSED, CANCELLED = "new", "formed", "closed", "cancelled"
LIVE = (NEW, FORMED)
IN_CARRIAGE, NOT_IN_CARRIAGE = "posting_in_carriage", "posting_not_in_carriage"
DOCUMENT_ACTIONS = ["get_shipping_list", "get_waybill"]
BARCODE_PREFIX = "%303%"


@dataclass
class Carriage:
    id: int
    method: DeliveryMethod
    departure_date: str  # YYYY-MM-DD
    status: str
    postings: list[str]
    created_at: float
    updated_at: float
    left_out: list[str] = field(default_factory=list)  # trimmed by set-postings: a later carriage takes them
    approved_at: float | None = None


def day_of(epoch: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(epoch))


class Carriages:
    def __init__(self, world: World) -> None:
        self.world = world
        self._carriages: dict[int, Carriage] = {}
        self._ids = itertools.count(int(world.built_at) % 10**6 * 100 + 30_000_001)
        self.method_errors: dict[int, list[dict]] = {}  # lever: errors Ozon shows for a method
        self.created = 0  # carriages made (tests: never two for one hand-over)

    # ------------------------------------------------------------------ reading

    def methods(self) -> list[DeliveryMethod]:
        return [m for m in self.world.methods if m.tpl_integration_type == "ozon"]

    def method(self, method_id: int) -> DeliveryMethod | None:
        return next((m for m in self.methods() if m.id == method_id), None)

    def get(self, carriage_id: int) -> Carriage:
        with self.world.lock:
            carriage = self._carriages.get(carriage_id)
            if carriage is None:
                raise ApiError(404, NOT_FOUND, "carriage not found")
            return carriage

    def of(self, method_id: int, departure_date: str | None = None) -> list[Carriage]:
        with self.world.lock:
            return [c for c in self._carriages.values() if c.method.id == method_id
                    and (departure_date is None or c.departure_date == departure_date)]

    def waiting(self, method: DeliveryMethod) -> list[Posting]:
        """Postings of the method awaiting delivery that no live carriage holds."""
        with self.world.lock:
            held = {n for c in self._carriages.values() if c.status in LIVE for n in c.postings}
            return [p for p in (self.world.get(n) for n in self.world.posting_numbers("awaiting_deliver"))
                    if p.method.id == method.id and p.posting_number not in held]

    def holding(self, posting_number: str) -> Carriage | None:
        with self.world.lock:
            return next((c for c in self._carriages.values()
                         if c.status in LIVE and posting_number in c.postings), None)

    # ------------------------------------------------------------------ Ozon's mutations

    def create(self, method_id: int, departure_date: str) -> Carriage:
        with self.world.lock:
            self.world.settle()
            method = self.method(method_id)
            if method is None:
                raise invalid("DELIVERY_METHOD_NOT_FOUND")
            for error in self.method_errors.get(method_id, []):
                if error.get("status") == "critical":
                    raise invalid(error["code"])
            if any(c.status == NEW for c in self.of(method_id, departure_date)):
                raise invalid("there_are_incomplete_carriages")
            postings = self.waiting(method)
            if not postings:
                raise invalid("POSTING_NOT_FOUND")
            now = self.world.clock()
            carriage = Carriage(next(self._ids), method, departure_date, NEW,
                                [p.posting_number for p in postings], now, now)
            self._carriages[carriage.id] = carriage
            for posting in postings:
                posting.set_status(posting.status, IN_CARRIAGE, now)
            self.world.mark_changed()
            self.created += 1
            log.info("carriage %d created for method %d: %d postings", carriage.id, method_id, len(postings))
            return carriage

    def set_postings(self, carriage_id: int, numbers: list[str]) -> list[dict]:
        """Replace the carriage's postings: per posting ``{posting_number, result, error}``."""
        with self.world.lock:
            self.world.settle()
            carriage = self.get(carriage_id)
            if carriage.status != NEW:
                raise invalid("Incorrect_carriage_status")
            now = self.world.clock()
            results, kept = [], []
            for number in numbers:
                posting = self.world.get(number)
                holder = self.holding(number)
                if posting is None:
                    results.append({"posting_number": number, "result": False, "error": "POSTING_NOT_FOUND"})
                elif posting.method.id != carriage.method.id:
                    results.append({"posting_number": number, "result": False,
                                    "error": "POSTING_HAS_ANOTHER_DELIVERY_METHOD"})
                elif posting.status != "awaiting_deliver":
                    results.append({"posting_number": number, "result": False, "error": "INCORRECT_POSTING_STATUS"})
                elif holder is not None and holder.id != carriage.id:
                    results.append({"posting_number": number, "result": False, "error": "POSTING_IN_ANOTHER_CARRIAGE"})
                else:
                    results.append({"posting_number": number, "result": True, "error": ""})
                    kept.append(number)
            dropped = [n for n in carriage.postings if n not in kept]
            carriage.postings = list(dict.fromkeys(kept))
            carriage.left_out = list(dict.fromkeys([*carriage.left_out, *dropped]))
            carriage.left_out = [n for n in carriage.left_out if n not in carriage.postings]
            carriage.updated_at = now
            for number in dropped:
                self.world.get(number).set_status("awaiting_deliver", NOT_IN_CARRIAGE, now)
            for number in carriage.postings:
                posting = self.world.get(number)
                posting.set_status(posting.status, IN_CARRIAGE, now)
            self.world.mark_changed()
            return results

    def approve(self, carriage_id: int) -> None:
        with self.world.lock:
            carriage = self.get(carriage_id)
            if carriage.status != NEW:
                raise invalid("Incorrect_carriage_status")
            if not carriage.postings:
                raise invalid("no_postings")
            carriage.status, carriage.approved_at = FORMED, self.world.clock()
            carriage.updated_at = carriage.approved_at

    def cancel(self, carriage_id: int) -> dict:
        with self.world.lock:
            carriage = self.get(carriage_id)
            if carriage.status != NEW:
                return {"error": "carriage can be cancelled only while new", "carriage_status": carriage.status}
            carriage.status, carriage.updated_at = CANCELLED, self.world.clock()
            for number in carriage.postings:
                posting = self.world.get(number)
                if posting is not None and posting.status == "awaiting_deliver":
                    posting.set_status(posting.status, NOT_IN_CARRIAGE, carriage.updated_at)
            self.world.mark_changed()
            return {"error": "", "carriage_status": CANCELLED}

    def formed(self, carriage_id: int) -> Carriage:
        """A carriage whose documents can be had (approved); ``Incorrect_carriage_status`` otherwise."""
        carriage = self.get(carriage_id)
        if carriage.status not in (FORMED, CLOSED):
            raise invalid("Incorrect_carriage_status")
        return carriage

    # ------------------------------------------------------------------ the simulator's levers

    def courier_scans(self, carriage_id: int, missing: list[str] = ()) -> dict:
        """The courier (or the drop-off point) scans the approved carriage: its postings go on,
        except ``missing``, which the sorting centre never sees (``not_accepted``)."""
        with self.world.lock:
            carriage = self.formed(carriage_id)
            now = self.world.clock()
            moved, lost = [], []
            for number in carriage.postings:
                posting = self.world.get(number)
                if posting is None or posting.status != "awaiting_deliver":
                    continue
                if number in missing:
                    posting.set_status("not_accepted", "posting_not_in_sort_center", now)
                    lost.append(number)
                else:
                    posting.delivering_date = now
                    posting.set_status("delivering", "posting_transferred_to_courier_service", now)
                    moved.append(number)
            carriage.status, carriage.updated_at = CLOSED, now
            self.world.mark_changed()
            return {"carriage_id": carriage.id, "moved": moved, "not_accepted": lost}
