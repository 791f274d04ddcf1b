"""A bench for label tests: the sync bench (simulator on a fake clock, cache, client) with this
station named, ships queued through the outbox, and helpers to look at label rows."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.config import with_overrides
from app.store.models import LabelRow, PostingRow
from app.store import labels as store_labels
from app.store import postings as store_postings
from app.store import outbox as store_outbox
from sync_helpers import Bench, make_bench

STATION = "bench-1"
LABEL = "/v3/posting/fbs/package-label/create"  # one request per label batch


def make_label_bench(tmp_path: Path, **kw) -> Bench:
    bench = make_bench(tmp_path, **kw)
    bench.config = with_overrides(bench.config, station={"name": STATION})
    return bench


@pytest.fixture
def lbench(tmp_path):
    b = make_label_bench(tmp_path, postings=40, seed=4)
    yield b
    b.client.close()
    b.db.close()
    b.sim.close()


def ship(bench: Bench, number: str, packages=None, *, station: str = STATION) -> int:
    """What the station does when a posting is packed: the ship command, the posting packed here."""
    world_posting = bench.sim.world.peek(number)
    if packages is None:
        packages = [[[line.sku, line.quantity] for line in world_posting.lines]]

    def write(session):
        row = store_outbox.enqueue(session, kind="ship", posting_number=number, payload={"packages": packages},
                                   dedupe_key=f"ship:{number}", station=station, now=bench.now())
        store_postings.set_local_state(session, [number], "packed")
        session.get(PostingRow, number).packed_by = station
        return row.id

    return bench.db.writer.call(write)


def label(bench: Bench, number: str, kind: str = "ozon") -> dict | None:
    with bench.db.read() as session:
        row = store_labels.get(session, number, kind)
        if row is None:
            return None
        return {c.name: getattr(row, c.name) for c in row.__table__.columns}


def labels(bench: Bench) -> dict[str, dict]:
    with bench.db.read() as session:
        rows = session.scalars(select(LabelRow)).all()
        return {r.posting_number: {c.name: getattr(r, c.name) for c in r.__table__.columns} for r in rows}


def ship_and_settle(bench: Bench, engine, numbers, *, passes: int = 6) -> None:
    """Queue ships for ``numbers`` and run passes (2 s apart) until every command is done."""
    commands = [ship(bench, n) for n in numbers]
    for _ in range(passes):
        engine.run_pass()
        if all(bench.command(c)["state"] == "done" for c in commands):
            return
        bench.clock.advance(2.5)
    raise AssertionError(f"ships not done: {[bench.command(c) for c in commands]}")


def packable_with_units(bench: Bench, units: int) -> str:
    return next(n for n in bench.packable()
                if sum(line.quantity for line in bench.sim.world.peek(n).lines) >= units)


def label_calls(bench: Bench) -> int:
    return bench.sim.stats.requests(LABEL)


def label_printer(bench: Bench, uri: str):
    """This station's ``LabelPrinter`` on ``uri`` (sim:// printers save PNGs under printed/)."""
    from app.devices.printers import open_printer
    from app.services.labels.printing import LabelPrinter

    printer = open_printer(uri, sim_dir=bench.data_dir / "printed")
    return LabelPrinter(bench.db, printer, station=STATION, data_dir=bench.data_dir, now=bench.now)
