"""Waves against the in-process simulator: the label bench (fake clock), a wave shipped through
the outbox with its labels fetched, and a station at the bench."""
from __future__ import annotations

import itertools
from datetime import timedelta

from app.devices.printers import open_printer
from app.services.labels.printing import LabelPrinter
from app.services.station import Station
from app.store import labels as store_labels
from app.store import lookups
from app.store import products as store_products
from app.store import waves as store_waves
from labels_helpers import STATION


def ticking_now(bench):
    """``bench.now`` plus one microsecond per call: print times keep the printing order."""
    counter = itertools.count()
    return lambda: bench.now() + timedelta(microseconds=next(counter))


def label_printer(bench, tmp_path) -> LabelPrinter:
    printer = open_printer("sim://?lang=tspl", sim_dir=tmp_path / "printed")
    return LabelPrinter(bench.db, printer, station=STATION, data_dir=bench.data_dir, now=ticking_now(bench))


def settle(bench, engine, *, passes: int = 8) -> None:
    """Run passes (2.5 s apart) until no command is open and no label waits to be fetched."""
    from app.store import outbox as store_outbox

    for _ in range(passes):
        engine.run_pass()
        with bench.db.read() as session:
            if store_outbox.open_count(session) == 0 and store_labels.counts_by_state(session, STATION)["waiting"] == 0:
                return
        bench.clock.advance(2.5)
    raise AssertionError("the outbox did not drain")


def station(bench) -> Station:
    return Station(bench.db, STATION, packer="anna", now=bench.now)


def printed_order(bench, numbers) -> list[str]:
    with bench.db.read() as session:
        rows = [store_labels.get(session, n) for n in numbers]
    return [r.posting_number for r in sorted((r for r in rows if r.printed_at), key=lambda r: r.printed_at)]


def label_code(bench, number: str) -> str:
    with bench.db.read() as session:
        posting = lookups.get_posting(session, number)
        return posting.upper_barcode or posting.lower_barcode


def unit_codes(bench, number: str) -> list[str]:
    """One item barcode per unit of the posting."""
    with bench.db.read() as session:
        posting = lookups.get_posting(session, number)
        codes = store_products.barcodes_by_sku(session, [x.sku for x in posting.items])
        return [codes[x.sku][0] for x in posting.items for _ in range(x.quantity)]


def member_states(bench, wave_id: int) -> dict[str, str]:
    with bench.db.read() as session:
        return {m.posting_number: m.state for m in store_waves.members(session, wave_id)}
