"""A shift's first scans as quick as the rest: the station's usual decisions, rehearsed once at
start-up in a writer transaction that is then rolled back.

A statement is compiled the first two times it runs: into SQLAlchemy's cache the first time, into
the writer lane's direct form the second (``app.store.direct``), and a posting's open, count,
weighing and put-back run over 20 between them (``tests/test_station_rehearsal.py`` counts them).
Unrehearsed, a shift's first scans paid for that while the packer waited: at 100,000 cached
postings the first decision took 31-50 ms and the second 7-8 ms, against 1.1-1.5 ms later;
rehearsed, 2.2-2.5 ms (``benchmarks/bench_station.py`` and its ``--no-rehearsal``, 2.0 GHz). The
rehearsal itself takes ~70 ms of the lane, once, as the station thread starts.

``rehearse`` makes up two products and four postings and decides on them what a bench decides
most: open a posting by its number, an unknown barcode, a wrong item, count every unit, weigh and
pack it; then an item scanned with nothing open (it opens the posting that wants it and counts
the unit) and the put-back. It goes through all that twice (the second time compiles the direct
forms), each time under a station name of its own, and raises at the end so that the lane rolls
the whole transaction back. Nothing of it is kept: no posting, event, unit or outbox command, and
the station's own row is untouched. Nothing outside the database is told (``Station._tell`` is
not called), and Ozon is not asked.
"""
from __future__ import annotations

import logging
import time
from datetime import timedelta

from app.services.people import sign_in
from app.services.station import codes, commands, flows
from app.services.station import state as s
from app.services.station.classify import classify
from app.statuses import AWAITING_PACKAGING
from app.store import postings as store_postings
from app.store import products as store_products
from app.store.db import unavailable

log = logging.getLogger("packdesk.station.rehearsal")

SUFFIX = "~rehearsal"  # the rehearsing station's names: the bench's own name, this and the pass
SKU, OTHER = 9_999_999_901, 9_999_999_902  # made up: no Ozon sku is that large
BARCODE, OTHER_BARCODE, UNKNOWN = "2999999999011", "2999999999028", "2999999999035"
WEIGHT_G = 250.0
UNITS = 2
PASSES = 2  # the first run of a statement compiles it for SQLAlchemy, the second for the lane


class _Undone(Exception):
    """Ends the rehearsal: the lane rolls its transaction back. Carries the codes decided."""

    def __repr__(self) -> str:  # as the lane's debug line shows it
        return f"_Undone({len(self.args[0])} decisions rehearsed, rolled back on purpose)"


def rehearse(station) -> list[str]:
    """Rehearse on ``station``'s database; the codes of the decisions made (all undone). A
    database the bench cannot use now (locked, full, the server down) is logged and the bench
    goes on: the scans work without a rehearsal, they only compile their statements. Anything
    else is a bug of the decisions and is raised."""
    started = time.monotonic()
    try:
        station.db.writer.call(_rehearse, station)
    except _Undone as done:
        decided = done.args[0]
        log.info("%s: %d decisions rehearsed and undone in %.0f ms", station.name, len(decided),
                 (time.monotonic() - started) * 1000)
    except Exception as exc:
        if not unavailable(exc):
            raise
        log.warning("the station's rehearsal could not use the database (%s); the first scans "
                    "compile their statements", exc)
        return []
    try:
        with station.db.read() as session:  # the reads before a decision, on the readers' engine
            s.get_posting(session, number_of(0))
            station.snapshot(session)
    except Exception as exc:
        if not unavailable(exc):
            raise
        log.warning("the station's rehearsal could not read the database (%s)", exc)
    return decided


def number_of(n: int) -> str:
    return f"00000000-9999-{n + 1}"


def _rehearse(session, station) -> None:
    now = station.now()
    store_products.upsert_products(session, [
        {"sku": SKU, "offer_id": "rehearsal-1", "name": "Rehearsal", "weight_g": WEIGHT_G},
        {"sku": OTHER, "offer_id": "rehearsal-2", "name": "Rehearsal 2", "weight_g": WEIGHT_G},
    ], {SKU: [BARCODE], OTHER: [OTHER_BARCODE]}, now)
    numbers = [number_of(n) for n in range(PASSES)]  # opened by their number, weighed and packed
    idle = [number + "0" for number in numbers]  # opened by an item scanned with nothing open
    store_postings.upsert_postings(session, [
        {"posting_number": number, "status": AWAITING_PACKAGING, "shipment_date": now + timedelta(days=1)}
        for number in numbers + idle
    ], {number: [{"sku": SKU, "quantity": UNITS, "offer_id": "rehearsal-1", "name": "Rehearsal"}]
        for number in numbers + idle}, now)
    decided: list[str] = []

    def decide(step, n: int) -> None:  # a station row per pass: each is inserted, then updated
        outcome = station.decide_in(session, step, gated=False, name=f"{station.name}{SUFFIX}{n}")
        decided.append(getattr(outcome, "code", repr(outcome)))

    def opened(number: str):
        def open_it(t: s.Txn):
            sign_in.gate(t, station.idle_sign_out_s)  # its reads too, never its refusal: nobody signs in here
            return codes.open_scanned(t, number, "number", None)
        return open_it

    def scanned(code: str):
        item = classify(code)
        return lambda t: codes.at_once(t, item.text, item.notes, ask_first=False)

    grams = UNITS * WEIGHT_G + station.allowance_g
    own_label = station.order_label == "on_pack"
    for n, number in enumerate(numbers):
        decide(opened(number), n)
        decide(scanned(UNKNOWN), n)
        decide(scanned(OTHER_BARCODE), n)
        for _ in range(UNITS):
            decide(scanned(BARCODE), n)
        decide(lambda t: flows.weigh(t, grams, None, tolerance_pct=station.tolerance_pct,
                                     allowance_g=station.allowance_g, own_label=own_label), n)
    for n in range(PASSES):  # the numbered ones are packed by now: this opens one of ``idle``
        decide(scanned(BARCODE), n)  # nothing open: opens the posting that wants the unit, counts it
        decide(commands.release, n)
    raise _Undone(decided)
