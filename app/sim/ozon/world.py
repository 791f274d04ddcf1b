"""The simulated seller's world: catalogue, postings and their state transitions.

Thread-safe: every public method takes ``lock`` (re-entrant); handlers that read several things
hold it themselves. Time comes from an injectable clock (epoch seconds), and delayed effects
(asynchronous ship, label readiness) are applied lazily from a heap whenever the world is
touched, so no timer threads are needed and a fake clock drives everything in tests.
"""
from __future__ import annotations

import bisect
import dataclasses
import gc
import heapq
import itertools
import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Callable, Iterator

from app.sim.ozon import generate
from app.sim.ozon.catalog import Product, build_catalog, product_count_for
from app.sim.ozon.errors import invalid
from app.sim.ozon.exemplars import ExemplarBook
from app.sim.ozon.places import build_places, own_carrier_places, partner_places
from app.sim.ozon.returns import ReturnsBook
from app.sim.ozon.posting import SUBSTATUS_SHIP_FAILED, SUBSTATUS_SHIP_IN_PROCESS, Line, Posting, substatus_for
from app.statuses import CANCELLED_STATUSES, HANDED_OVER_STATUSES, OZON_STATUSES, SHIPPED_STATUSES

log = logging.getLogger("packdesk.sim.ozon.world")

_SHIPPED = SHIPPED_STATUSES | HANDED_OVER_STATUSES  # a ship is refused as POSTING_ALREADY_SHIPPED


@dataclass
class WorldConfig:
    postings: int = 50
    seed: int = 1
    products: int | None = None  # default: scaled with postings (60 for a small shop)
    ship_delay_s: float = 0.5  # asynchronous ship: time until awaiting_deliver (or ship_failed)
    label_delay_s: float = 1.0  # time from awaiting_deliver until the label can be fetched
    partner_share: float = 0.0  # postings of an rFBS warehouse shipped by Ozon partner delivery (aggregator)
    registration_delay_s: float = 0.5  # partner delivery: awaiting_registration until the carrier registers it
    own_carrier_share: float = 0.0  # postings of an rFBS warehouse sent by the seller's own carrier (non-integrated)
    status_change_delay_s: float = 0.5  # rFBS delivering/last-mile/delivered: asynchronous, take effect this later
    label_task_polls: int = 1  # label tasks answer in_progress this many times before they complete
    label_link_ttl_s: float = 1800.0  # a label task's file_url stops working this long after it completed
    mark_check_s: float = 1.0  # the registry's check of a set of marking codes (validation_in_process)
    mixed_statuses: bool = True  # a few postings already shipped/delivering/cancelled (N >= 20)
    now: float | None = None  # epoch seconds the postings are generated around; default: clock


class World:
    def __init__(self, config: WorldConfig | None = None, clock: Callable[[], float] = time.time):
        self.config = config or WorldConfig()
        self.clock = clock
        self.lock = threading.RLock()
        self.version = 0
        cfg = self.config
        rng = random.Random(cfg.seed)
        now = cfg.now if cfg.now is not None else float(int(clock()) // 60 * 60)
        self.built_at = now
        self.warehouses, self.methods = build_places(rng)
        self.products: list[Product] = build_catalog(rng, cfg.products or product_count_for(cfg.postings))
        self.product_by_sku = {p.sku: p for p in self.products}
        self.needs_mark = {p.sku: p.needs_mark for p in self.products}
        partner = partner_rng = None
        if cfg.partner_share > 0:  # its own generator: the rest of the world stays as without it
            partner_rng = random.Random(f"partner-{cfg.seed}")
            warehouse, partner = partner_places(partner_rng)
            self.warehouses.append(warehouse)
            self.methods.append(partner)
        own, own_rng = [], None
        if cfg.own_carrier_share > 0:  # its own generator too
            own_rng = random.Random(f"own-carrier-{cfg.seed}")
            warehouse, own = own_carrier_places(own_rng)
            self.warehouses.append(warehouse)
            self.methods.extend(own)
        fbs_methods = [m for m in self.methods if m.tpl_integration_type == "ozon"]
        self._factory = generate.PostingFactory(rng, self.products, fbs_methods, partner, cfg.partner_share,
                                                partner_rng, own, cfg.own_carrier_share, own_rng)
        self._postings: dict[str, Posting] = {}
        self._by_barcode: dict[str, str] = {}
        self._order_index: dict[str, int] = {}
        self._keys: list[tuple[float, str]] = []
        self._pending: list[tuple[float, int, str, str]] = []  # (due, seq, posting number, event)
        self._effects: dict[str, Callable[[Posting, float], None]] = {}  # other modules' delayed effects
        self._seq = itertools.count()
        self._count_cache: dict[object, int] = {}
        self.exemplars = ExemplarBook(self)  # marking codes handed over (app.sim.ozon.exemplars)
        mixed = cfg.mixed_statuses and cfg.postings >= 20
        # Many small objects at once: pausing the cyclic GC makes big worlds build ~35 % faster.
        gc_was_enabled = gc.isenabled() and cfg.postings > 5000
        if gc_was_enabled:
            gc.disable()
        try:
            while self._factory.made < cfg.postings:
                for posting in self._factory.next_order(now, mixed, cfg.postings - self._factory.made):
                    self._register(posting)
                    self._keys.append(posting.sort_key)
        finally:
            if gc_was_enabled:
                gc.enable()
        self._keys.sort()
        self.returns = ReturnsBook(self)  # postings that came back (app.sim.ozon.returns)
        self.returns.build()

    # ----------------------------------------------------------------- reading

    def settle(self) -> None:
        """Apply every delayed effect that is due by now."""
        with self.lock:
            now = self.clock()
            while self._pending and self._pending[0][0] <= now:
                due, _, number, event = heapq.heappop(self._pending)
                if event == "ship":
                    self._ship_takes_effect(self._postings[number], due)
                elif event == "register":
                    self._registered(self._postings[number], due)
                else:
                    self._effects[event](self._postings[number], due)
                    self._changed()

    def schedule(self, event: str, posting_number: str, delay_s: float,
                 effect: Callable[[Posting, float], None]) -> None:
        """Apply ``effect(posting, due)`` ``delay_s`` from now (lazily, like the ship's), e.g. an
        asynchronous status change; ``event`` names the kind of effect."""
        with self.lock:
            self._effects[event] = effect
            heapq.heappush(self._pending, (self.clock() + delay_s, next(self._seq), posting_number, event))

    def get(self, posting_number: str) -> Posting | None:
        """The live posting (hold ``lock`` while using it)."""
        with self.lock:
            self.settle()
            return self._postings.get(posting_number)

    def peek(self, posting_number: str) -> Posting | None:
        """A copy of the posting as it is now, safe to keep."""
        with self.lock:
            posting = self.get(posting_number)
            if posting is None:
                return None
            return dataclasses.replace(posting, lines=[dataclasses.replace(x) for x in posting.lines],
                                       related=list(posting.related))

    def by_barcode(self, barcode: str) -> Posting | None:
        with self.lock:
            number = self._by_barcode.get(barcode)
            return self.get(number) if number else None

    def posting_numbers(self, status: str | None = None) -> list[str]:
        """Posting numbers in list order, optionally of one status."""
        with self.lock:
            self.settle()
            return [n for _, n in self._keys if status is None or self._postings[n].status == status]

    def scan(self, after: tuple[float, str] | None, descending: bool) -> Iterator[Posting]:
        """Postings in list order after the cursor key (hold ``lock`` while iterating)."""
        keys = self._keys
        if descending:
            index = (bisect.bisect_left(keys, after) if after else len(keys)) - 1
            while index >= 0:
                yield self._postings[keys[index][1]]
                index -= 1
        else:
            index = bisect.bisect_right(keys, after) if after else 0
            while index < len(keys):
                yield self._postings[keys[index][1]]
                index += 1

    def count(self, signature: object, predicate: Callable[[Posting], bool]) -> int:
        """How many postings match; cached per filter until the world changes."""
        with self.lock:
            key = (signature, self.version)
            if key not in self._count_cache:
                if len(self._count_cache) > 64:
                    self._count_cache.clear()
                self._count_cache[key] = sum(1 for p in self._postings.values() if predicate(p))
            return self._count_cache[key]

    # ----------------------------------------------------------------- Ozon's mutations

    def ship(self, posting_number: str, packages: list[list[tuple[int, int]]],
             fail: Callable[[], bool] = lambda: False) -> list[str]:
        """Accept an asynchronous ship; returns the resulting posting numbers.

        Raises ApiError with Ozon's business code when the ship is refused. With several
        packages the posting is split: each package becomes a child posting with a new number.
        ``fail`` is asked once the ship is accepted; True makes it end in ``ship_failed`` (and
        then the posting is not split).
        """
        with self.lock:
            self.settle()
            posting = self._postings.get(posting_number)
            if posting is None:
                raise invalid("POSTING_NOT_FOUND")
            if posting.status in CANCELLED_STATUSES:
                raise invalid("POSTING_ALREADY_CANCELLED")
            if posting.status in _SHIPPED or posting.ship_state == "in_process":
                raise invalid("POSTING_ALREADY_SHIPPED")
            if posting.status != "awaiting_packaging":
                raise invalid("HAS_INCORRECT_STATUS")
            _check_quantities(posting, packages)
            self.exemplars.check_ship(posting)
            now = self.clock()
            due = now + self.config.ship_delay_s
            will_fail = fail()
            if len(packages) == 1 or will_fail:
                self._start_ship(posting, now, due, will_fail)
                return [posting.posting_number]
            children = [self._split_child(posting, package, now, due) for package in packages]
            posting.related = [child.posting_number for child in children]
            posting.ship_state = ""
            posting.set_status("cancelled_from_split_pending", substatus_for("cancelled"), now)
            self._changed()
            log.info("posting %s split into %s", posting_number, posting.related)
            return list(posting.related)

    def label_postings(self, posting_numbers: list[str]) -> list[Posting]:
        """The postings whose labels may be asked for (all ``awaiting_deliver``); INVALID_ARGUMENT
        otherwise. Whether each label is ready yet: :meth:`label_ready`."""
        with self.lock:
            self.settle()
            postings = [self._postings.get(n) for n in posting_numbers]
            if any(p is None or p.status != "awaiting_deliver" for p in postings):
                raise invalid("INVALID_ARGUMENT")
            return postings

    def label_ready(self, posting: Posting) -> bool:
        """Ozon has made this posting's label (``label_delay_s`` after it turned awaiting_deliver)."""
        with self.lock:
            return posting.label_ready_at is None or posting.label_ready_at <= self.clock()

    # ----------------------------------------------------------------- the simulator's levers

    def cancel(self, posting_number: str, reason_id: int = generate.DEFAULT_CANCEL_REASON_ID,
               reason: str | None = None) -> None:
        """Cancel a posting now (as a buyer or Ozon would). KeyError if unknown."""
        with self.lock:
            self.settle()
            posting = self._postings[posting_number]
            if posting.status in CANCELLED_STATUSES:
                return
            generate.cancel(posting, reason_id, reason, self.clock())
            self._changed()
            log.info("posting %s cancelled (%s)", posting_number, posting.cancel_reason)

    def set_status(self, posting_number: str, status: str) -> None:
        """Force a status (e.g. ``delivering`` when the courier took the parcel)."""
        if status not in OZON_STATUSES:  # any of them can be forced through the control API
            raise ValueError(f"unknown status {status!r}")
        if status == "cancelled":
            self.cancel(posting_number)
            return
        with self.lock:
            self.settle()
            posting = self._postings[posting_number]
            now = self.clock()
            posting.ship_state = ""
            if status in ("delivering", "driver_pickup", "delivered") and posting.delivering_date is None:
                posting.delivering_date = now
            if status == "awaiting_deliver" and posting.label_ready_at is None:
                posting.label_ready_at = now + self.config.label_delay_s
            posting.set_status(status, substatus_for(status), now)
            self._changed()

    def add_postings(self, count: int) -> list[str]:
        """New orders arriving now; returns their posting numbers."""
        with self.lock:
            now = self.clock()
            added: list[str] = []
            while len(added) < count:
                for posting in self._factory.next_order(now, False, count - len(added)):
                    posting.in_process_at = posting.status_changed_at = now
                    self._register(posting)
                    bisect.insort(self._keys, posting.sort_key)
                    added.append(posting.posting_number)
            self._changed()
            return added

    # ----------------------------------------------------------------- internals

    def _register(self, posting: Posting) -> None:
        self._postings[posting.posting_number] = posting
        self._by_barcode[posting.upper_barcode] = posting.posting_number
        self._by_barcode[posting.lower_barcode] = posting.posting_number
        order, _, index = posting.posting_number.rpartition("-")
        self._order_index[order] = max(self._order_index.get(order, 0), int(index))

    def _changed(self) -> None:
        self.version += 1

    def set_shipment_date(self, posting_number: str, when: float) -> None:
        """Move a posting's ship-by time (a lever: "due today"), keeping the lists' order and cursors."""
        with self.lock:
            posting = self._postings[posting_number]
            index = bisect.bisect_left(self._keys, posting.sort_key)
            if index < len(self._keys) and self._keys[index] == posting.sort_key:
                del self._keys[index]
            posting.shipment_date = when
            bisect.insort(self._keys, posting.sort_key)
            self._changed()

    def mark_changed(self) -> None:
        """Another module of the simulator changed postings (counts cached per filter start over)."""
        with self.lock:
            self._changed()

    def _start_ship(self, posting: Posting, now: float, due: float, fail: bool) -> None:
        posting.ship_state = "in_process"
        posting.ship_will_fail = fail
        posting.set_status("awaiting_packaging", SUBSTATUS_SHIP_IN_PROCESS, now)
        heapq.heappush(self._pending, (due, next(self._seq), posting.posting_number, "ship"))
        self._changed()

    def _split_child(self, parent: Posting, package: list[tuple[int, int]], now: float, due: float) -> Posting:
        index = self._order_index[parent.order_number] + 1
        upper, lower = self._factory.mint_barcodes()
        quantities: dict[int, int] = {}
        for sku, quantity in package:
            quantities[sku] = quantities.get(sku, 0) + quantity
        child = dataclasses.replace(
            parent,
            posting_number=f"{parent.order_number}-{index}",
            lines=[Line(sku, quantity) for sku, quantity in quantities.items()],
            upper_barcode=upper,
            lower_barcode=lower,
            parent_posting_number=parent.posting_number,
            related=[],
            previous_substatus="",
            status_changed_at=now,
        )
        self._register(child)
        bisect.insort(self._keys, child.sort_key)
        self._start_ship(child, now, due, False)
        return child

    def _ship_takes_effect(self, posting: Posting, due: float) -> None:
        if posting.ship_state != "in_process" or posting.status != "awaiting_packaging":
            return  # cancelled or changed by hand meanwhile
        if posting.ship_will_fail:
            posting.ship_state = "failed"
            posting.ship_will_fail = False
            posting.set_status("awaiting_packaging", SUBSTATUS_SHIP_FAILED, due)
            log.info("ship of %s failed (simulated)", posting.posting_number)
        elif posting.method.partner_delivery:  # the partner carrier registers it first
            posting.ship_state = ""
            posting.set_status("awaiting_registration", substatus_for("awaiting_registration"), due)
            registered = due + self.config.registration_delay_s
            heapq.heappush(self._pending, (registered, next(self._seq), posting.posting_number, "register"))
        else:
            posting.ship_state = ""
            posting.label_ready_at = due + self.config.label_delay_s
            posting.set_status("awaiting_deliver", substatus_for("awaiting_deliver"), due)
        self._changed()

    def _registered(self, posting: Posting, due: float) -> None:
        if posting.status != "awaiting_registration" or posting.substatus == "posting_registration_error":
            return  # cancelled, refused by the partner or changed by hand meanwhile
        posting.tracking_number = posting.tracking_number or f"OZP{posting.lower_barcode[-10:]}"
        posting.label_ready_at = due + self.config.label_delay_s
        posting.set_status("awaiting_deliver", substatus_for("awaiting_deliver"), due)
        self._changed()


def _check_quantities(posting: Posting, packages: list[list[tuple[int, int]]]) -> None:
    wanted = {line.sku: line.quantity for line in posting.lines}
    given: dict[int, int] = {}
    for package in packages:
        if not package:
            raise invalid("HAS_INCORRECT_PRODUCT_QUANTITY")
        for sku, quantity in package:
            if sku not in wanted:
                raise invalid("UNKNOWN_PRODUCT_DEFINED")
            if quantity <= 0:
                raise invalid("HAS_INCORRECT_PRODUCT_QUANTITY")
            given[sku] = given.get(sku, 0) + quantity
    if given != wanted:
        raise invalid("HAS_INCORRECT_PRODUCT_QUANTITY")
